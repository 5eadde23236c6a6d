"""The public pages of consultations: the list, a consultation, the statement page by
personal link, commenting with double opt-in, flags; bad input and query counts."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import consultations as services
from forums.models import (
    Comment,
    CommentState,
    Consultation,
    Invitation,
    Statement,
    StatementState,
)
from forums.participation import HONEYPOT_FIELD
from tests import factories as f
from tests.forums.consultation_helpers import LINK, arrange

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """E-mails leave after the commit: each POST here runs those callbacks."""
    post = client.post

    def post_and_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def _text(response) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", response.content.decode())


# --- The list --------------------------------------------------------------------------------------


def test_the_list_shows_open_upcoming_and_closed_consultations_but_no_drafts(client):
    world = arrange()
    now = timezone.now()
    upcoming = services.consultation_create(
        data=_data(world, title="Tuleva kuuleminen", opens_at=now + timedelta(days=3))
    )
    services.consultation_publish(consultation=upcoming)
    services.consultation_create(data=_data(world, title="Luonnos, ei julkinen"))
    closed = services.consultation_create(
        data=_data(
            world,
            title="Päättynyt kuuleminen",
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=1),
        )
    )
    Consultation.objects.filter(pk=closed.pk).update(published_at=now - timedelta(days=30))
    page = _text(client.get("/kuulemiset/"))
    assert "Palvelustrategian luonnos" in page
    assert "Tuleva kuuleminen" in page
    assert "Päättynyt kuuleminen" in page
    assert "Luonnos, ei julkinen" not in page
    only_closed = _text(client.get("/kuulemiset/?tila=closed"))
    assert "Päättynyt kuuleminen" in only_closed
    assert "Tuleva kuuleminen" not in only_closed


def test_bad_filters_get_a_400_with_a_message_not_a_500(client):
    arrange()
    for query in ("?tila=kaikki-muka", "?toimielin=ei-ole", "?tila=" + "x" * 5000):
        response = client.get("/kuulemiset/" + query)
        assert response.status_code == 400, query


def test_the_list_and_the_participate_page_link_each_other(client):
    arrange()
    assert 'href="/kuulemiset/"' in client.get("/osallistu/").content.decode()


def test_the_list_answers_in_constant_queries_at_1_and_50_consultations(
    client, django_assert_max_num_queries
):
    world = arrange()
    with django_assert_max_num_queries(12) as one:
        client.get("/kuulemiset/")
    for n in range(49):
        c = services.consultation_create(data=_data(world, title=f"Kuuleminen {n}"))
        services.consultation_publish(consultation=c)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get("/kuulemiset/")
    assert _text(response).count("Kuuleminen ") >= 49


# --- A consultation ---------------------------------------------------------------------------------


def test_a_draft_consultation_is_404(client):
    world = arrange(published=False)
    assert client.get(world.consultation.get_absolute_url()).status_code == 404
    assert client.get("/kuulemiset/999999/").status_code == 404


def test_statements_are_public_only_after_closing_when_the_consultation_says_so(client):
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Salainen ennen sulkemista.")
    page = _text(client.get(world.consultation.get_absolute_url()))
    assert "Yhdistys 0 ry" in page  # who was invited is public at once
    assert "Salainen ennen sulkemista." not in page
    assert "published when the consultation has closed" in page or "julkaistaan" in page
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(days=1)
    )
    page = _text(client.get(world.consultation.get_absolute_url()))
    assert "Salainen ennen sulkemista." in page


def test_statements_at_once_are_public_when_submitted(client):
    world = arrange(statements_visible="at_once")
    services.statement_save_draft(invitation=world.invitations[0], text="Vain luonnos.")
    services.statement_submit(invitation=world.invitations[1], text="Heti julkinen.")
    page = _text(client.get(world.consultation.get_absolute_url()))
    assert "Heti julkinen." in page
    assert "Vain luonnos." not in page


def test_the_page_shows_published_comments_and_the_reason_of_hidden_ones_never_an_address(client):
    world = arrange()
    published = services.comment_submit(
        consultation=world.consultation,
        text="Julkaistu kommentti",
        email="a@example.invalid",
        name="Aino",
    )
    hidden = services.comment_submit(
        consultation=world.consultation, text="Piilotettu kommentti", email="b@example.invalid"
    )
    waiting = services.comment_submit(
        consultation=world.consultation, text="Odottava kommentti", email="c@example.invalid"
    )
    for comment in (published, hidden, waiting):
        services.comment_confirm(comment=comment)
    services.comment_moderate(comment=published, publish=True)
    services.comment_moderate(comment=hidden, publish=False, reason="Mainos.")
    page = _text(client.get(world.consultation.get_absolute_url()))
    assert "Julkaistu kommentti" in page and "Aino" in page
    assert "Piilotettu kommentti" not in page
    assert "Mainos." in page
    assert "Odottava kommentti" not in page
    assert "@example.invalid" not in page


def test_the_consultation_page_answers_in_constant_queries_at_1_and_50_statements(
    client, django_assert_max_num_queries
):
    world = arrange(invited=1, statements_visible="at_once")
    services.statement_submit(
        invitation=world.invitations[0], text="Lausunto 0", answers=_answers(world)
    )
    url = world.consultation.get_absolute_url()
    with django_assert_max_num_queries(30) as one:
        client.get(url)
    for n in range(1, 50):
        organisation = f.OrganisationFactory(name=f"Järjestö {n} ry", slug=f"jarjesto-q-{n}")
        invitation = services.invitation_add(
            consultation=world.consultation,
            organisation=organisation,
            email=f"j{n}@example.invalid",
        )
        services.statement_submit(
            invitation=invitation, text=f"Lausunto {n}", answers=_answers(world)
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert _text(response).count("Lausunto ") >= 50


# --- Commenting with double opt-in ------------------------------------------------------------------


def _comment_form(world, **changes):  # type: ignore[no-untyped-def]
    data = {
        "text": "Lähipalvelut ovat tärkeitä.",
        "signed": "0",
        "name": "Kyläläinen",
        "email": "asukas@example.invalid",
        "consent": "on",
        HONEYPOT_FIELD: "",
    }
    data.update(changes)
    return data


def test_a_resident_comments_confirms_by_email_and_the_comment_waits_for_moderation(client):
    world = arrange()
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    response = client.post(url, _comment_form(world))
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.state == CommentState.UNCONFIRMED
    (message,) = mail.outbox
    confirm = LINK.findall(message.body)[0]
    page = client.get(confirm)
    assert page.status_code == 200 and "Lähipalvelut ovat tärkeitä." in page.content.decode()
    comment.refresh_from_db()
    assert comment.state == CommentState.UNCONFIRMED  # a GET (a mail scanner) confirms nothing
    client.post(confirm)
    comment.refresh_from_db()
    assert comment.state == CommentState.PENDING
    assert client.get("/kuulemiset/kommentti/vahvista/roskaa/").status_code == 404


def test_the_honeypot_stops_a_bot_and_nothing_is_stored(client):
    world = arrange()
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    response = client.post(url, _comment_form(world, **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 400
    assert not Comment.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "changes",
    [
        {"text": ""},
        {"text": "x" * 5001},
        {"email": "ei-osoite"},
        {"consent": ""},
        {"signed": "1", "name": ""},
        {"signed": "kyllä"},
        {"name": "n" * 101},
    ],
)
def test_bad_comment_input_gets_a_message_and_a_400(client, changes):
    world = arrange()
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    response = client.post(url, _comment_form(world, **changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Comment.objects.exists()


def test_script_in_a_comment_is_shown_as_text(client):
    world = arrange()
    comment = services.comment_submit(
        consultation=world.consultation, text="<script>alert(1)</script>", email="a@example.invalid"
    )
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_comments_are_refused_when_the_consultation_has_closed(client):
    world = arrange()
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    assert client.post(url, _comment_form(world)).status_code == 409
    assert not Comment.objects.exists()


def test_an_address_that_sends_too_many_comments_is_asked_to_wait(client):
    world = arrange()
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    statuses = [
        client.post(url, _comment_form(world, text=f"Kommentti {n}")).status_code for n in range(6)
    ]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 400
    assert Comment.objects.count() == 5


def test_a_resident_flags_a_published_comment(client):
    world = arrange()
    comment = services.comment_submit(
        consultation=world.consultation, text="Kommentti", email="a@example.invalid"
    )
    url = reverse("forums:comment_flag", kwargs={"pk": comment.pk})
    assert client.get(url).status_code == 404  # not published
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "", HONEYPOT_FIELD: ""}).status_code == 400
    response = client.post(url, {"reason": "Loukkaava", HONEYPOT_FIELD: ""})
    assert response.status_code == 302
    assert comment.flags.count() == 1


# --- The statement page by personal link -----------------------------------------------------------


def _answers(world):  # type: ignore[no-untyped-def]
    from tests.forums.consultation_helpers import answers_for

    return answers_for(world.consultation, text="Vastaus", choice=0, scale=3)


def test_an_organisation_saves_a_draft_submits_and_revises_without_an_account(client):
    world = arrange()
    invitation = world.invitations[0]
    url = f"/kuulemiset/lausunto/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Yhdistys 0 ry" in page.content.decode()
    client.post(url, {"text": "Luonnos", "author_name": "Liisa", "action": "draft"})
    statement = Statement.objects.get(invitation=invitation)
    assert statement.state == StatementState.DRAFT
    assert "Luonnos" in client.get(url).content.decode()
    choice_q = world.consultation.questions.get(kind="choice")
    response = client.post(
        url,
        {
            "text": "Valmis lausunto",
            "author_name": "Liisa",
            f"q_{choice_q.pk}": str(choice_q.choices.first().pk),
            "action": "submit",
        },
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.state == StatementState.SUBMITTED
    client.post(url, {"text": "Korjattu lausunto", "action": "submit"})
    statement.refresh_from_db()
    assert statement.text == "Korjattu lausunto"
    assert statement.revisions.count() == 2


def test_after_the_deadline_the_statement_page_shows_the_statement_and_refuses_changes(client):
    world = arrange()
    invitation = world.invitations[0]
    services.statement_submit(invitation=invitation, text="Ajoissa annettu")
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    url = f"/kuulemiset/lausunto/{invitation.token}/"
    page = _text(client.get(url))
    assert "Ajoissa annettu" in page and "<textarea" not in page
    response = client.post(url, {"text": "Myöhässä", "action": "submit"})
    assert response.status_code == 400
    assert "Määräaika on päättynyt" in _text(response)  # the rule, in the user's language
    assert Statement.objects.get(invitation=invitation).text == "Ajoissa annettu"


@pytest.mark.parametrize(
    "data",
    [
        {"text": "x" * 20_001, "action": "submit"},
        {"text": "", "action": "submit"},
        {"text": "ok", "action": "submit", "author_name": "n" * 201},
        {"text": "ok", "action": "submit", "q_999999": "1"},
    ],
)
def test_bad_statement_input_gets_a_message_never_a_500(client, data):
    world = arrange()
    scale = world.consultation.questions.get(kind="scale")
    data = {**data, f"q_{scale.pk}": "7"} if "q_999999" in data else data
    url = f"/kuulemiset/lausunto/{world.invitations[0].token}/"
    response = client.post(url, data)
    assert response.status_code == 400
    assert not Statement.objects.filter(state=StatementState.SUBMITTED).exists()


def test_an_unknown_or_overlong_token_is_404(client):
    arrange()
    assert client.get("/kuulemiset/lausunto/ei-ole/").status_code == 404
    assert client.get("/kuulemiset/lausunto/" + "a" * 300 + "/").status_code == 404


def test_the_personal_link_of_a_draft_consultation_is_404(client):
    world = arrange(published=False)
    assert client.get(f"/kuulemiset/lausunto/{world.invitations[0].token}/").status_code == 404


def _data(world, **changes):  # type: ignore[no-untyped-def]
    from tests.forums.consultation_helpers import consultation_data

    return consultation_data(world.case, world.body, **changes)


def test_feeds_list_announced_consultations(client):
    arrange()
    rss = client.get("/kuulemiset/rss/")
    atom = client.get("/kuulemiset/atom/")
    assert rss.status_code == atom.status_code == 200
    assert "Palvelustrategian luonnos" in rss.content.decode()
    assert "<feed" in atom.content.decode()
    assert Invitation.objects.count() == 2


def test_a_double_submitted_comment_makes_one_comment_and_one_email(client):
    from portal.once import FIELD, new_token

    world = arrange()
    url = reverse("forums:consultation_comment", kwargs={"pk": world.consultation.pk})
    data = _comment_form(world, **{FIELD: new_token()})
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_consultations_own_feed_has_its_comments_and_its_statements_once_public(client):
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Lausunto ennen sulkemista")
    comment = services.comment_submit(
        consultation=world.consultation, text="Julkaistu kommentti", email="a@example.invalid"
    )
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    url = f"/kuulemiset/{world.consultation.pk}/rss/"
    feed = client.get(url).content.decode()
    assert "Julkaistu kommentti" in feed
    assert "Lausunto ennen sulkemista" not in feed
    assert "@example.invalid" not in feed
    # The deadline passes by the clock alone, with nothing saved then: the feed served
    # from the page cache until that moment must not outlive it.
    world.consultation.closes_at = timezone.now() + timedelta(seconds=1)
    world.consultation.save(update_fields=["closes_at"])
    assert "Lausunto ennen sulkemista" not in client.get(url).content.decode()
    time.sleep(1.2)
    assert "Lausunto ennen sulkemista" in client.get(url).content.decode()
    assert "<feed" in client.get(f"/kuulemiset/{world.consultation.pk}/atom/").content.decode()
    assert client.get("/kuulemiset/999999/rss/").status_code == 404
