"""The staff pages of consultations: create, edit, invite, moderate, close, summary, CSV,
the PDF report, the note and the deciding item; *Lausunnot* on the agenda item."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, timedelta
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from councils import documents
from councils.models import Document, DocumentState
from forums import consultations as services
from forums.models import Comment, CommentState, Consultation, Invitation
from tests import factories as f
from tests.forums.consultation_helpers import answers_for, arrange, consultation_data
from tests.urlwalk import tiny_pdf

pytestmark = pytest.mark.django_db


def _text(response) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", response.content.decode())


def _form(world, **changes):  # type: ignore[no-untyped-def]
    now = timezone.localtime()
    data = {
        "diary_number": world.case.diary_number,
        "body": str(world.body.pk),
        "preparer": "",
        "title": "Organisaatioiden yhteistyömalli",
        "summary": "Miten järjestöt ja hyvinvointialue tekevät yhteistyötä?",
        "opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=21)).strftime("%Y-%m-%dT%H:%M"),
        "invited": "on",
        "open_to_all": "on",
        "statements_visible": "after_closing",
        "questions": "Mitä mallista puuttuu?\n[1-5] Kuinka selkeä malli on?\nOnko malli hyvä? | Kyllä | Ei",
    }
    data.update(changes)
    return data


def test_the_coordinator_creates_a_consultation_in_helsinki_time(client):
    world = arrange()
    client.force_login(world.coordinator)
    data = _form(world, opens_at="2026-10-25T02:30", closes_at="2026-11-15T16:00")
    response = client.post(reverse("forums_staff:consultation_new"), data)
    assert response.status_code == 302
    consultation = Consultation.objects.get(title="Organisaatioiden yhteistyömalli")
    assert consultation.published_at is None
    # 16.00 in Helsinki in November (UTC+2) is 14.00 UTC.
    assert consultation.closes_at.astimezone(UTC).hour == 14
    assert [q.kind for q in consultation.questions.all()] == ["text", "scale", "choice"]
    assert [c.text for c in consultation.questions.get(kind="choice").choices.all()] == [
        "Kyllä",
        "Ei",
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"diary_number": "999/00.00.00/1999"},
        {"diary_number": "x" * 41},
        {"title": ""},
        {"title": "<script>" + "x" * 300},
        {"opens_at": "huomenna"},
        {"closes_at": "2300-01-01T10:00"},
        {"opens_at": "1999-01-01T10:00"},
        {"closes_at": "2020-01-01T10:00"},
        {"invited": "", "open_to_all": ""},
        {"statements_visible": "ei-koskaan"},
        {"body": "999999"},
        {"questions": "Onko hyvä? | vain yksi"},
        {"questions": "\n".join(f"Kysymys {n}" for n in range(25))},
        {"questions": "q" * 600},
    ],
)
def test_bad_consultation_input_gets_a_message_and_saves_nothing(client, changes):
    world = arrange()
    client.force_login(world.coordinator)
    response = client.post(reverse("forums_staff:consultation_new"), _form(world, **changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert Consultation.objects.count() == 1


def test_a_double_submitted_new_consultation_makes_one(client):
    from portal.once import FIELD, new_token

    world = arrange()
    client.force_login(world.clerk)
    data = _form(world, **{FIELD: new_token()})
    for _ in range(2):
        assert client.post(reverse("forums_staff:consultation_new"), data).status_code == 302
    assert Consultation.objects.filter(title="Organisaatioiden yhteistyömalli").count() == 1


def test_the_clerk_invites_an_organisation_and_uploads_a_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = arrange()
    client.force_login(world.clerk)
    municipality = f.OrganisationFactory(
        name="Hollolan kunta", slug="hollola-k", kind="municipality"
    )
    url = reverse("forums_staff:invitation_add", args=[world.consultation.pk])
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            url, {"organisation": municipality.pk, "email": "kirjaamo@hollola.invalid"}
        )
    assert response.status_code == 302
    assert Invitation.objects.filter(organisation=municipality).exists()
    assert mail.outbox[-1].to == ["kirjaamo@hollola.invalid"]
    # Neither or both, and a bad address, are refused.
    assert client.post(url, {"email": "x@example.invalid"}).status_code == 400
    assert client.post(url, {"organisation": municipality.pk, "email": "ei"}).status_code == 400
    upload = reverse("forums_staff:consultation_document_add", args=[world.consultation.pk])
    response = client.post(
        upload,
        {"title": "Luonnos", "file": SimpleUploadedFile("a.pdf", tiny_pdf(), "application/pdf")},
    )
    assert response.status_code == 302
    assert world.consultation.documents.count() == 1
    bad = client.post(
        upload,
        {"title": "Ei PDF", "file": SimpleUploadedFile("a.pdf", b"hello", "application/pdf")},
    )
    assert bad.status_code == 400
    assert "PDF" in bad.content.decode()
    public = client.get(world.consultation.get_absolute_url())
    assert "Luonnos" in public.content.decode()


def test_the_coordinator_moderates_then_closes_and_the_summary_chart_agrees_with_its_table(client):
    world = arrange()
    for n, invitation in enumerate(world.invitations):
        services.statement_submit(
            invitation=invitation,
            text=f"Lausunto {n}",
            answers=answers_for(world.consultation, text="Vastaus", choice=0, scale=4),
        )
    comment = services.comment_submit(
        consultation=world.consultation,
        text="Kommentti",
        email="a@example.invalid",
        answers=answers_for(world.consultation, choice=2, scale=2),
    )
    services.comment_confirm(comment=comment)
    client.force_login(world.coordinator)
    queue = _text(client.get(reverse("forums_staff:moderation", args=[world.consultation.pk])))
    assert "Kommentti" in queue
    moderate = reverse("forums_staff:comment_moderate", args=[comment.pk])
    client.post(moderate, {"decision": "hide", "reason": ""})
    assert Comment.objects.get().state == CommentState.PENDING  # no reason, no hiding
    client.post(moderate, {"decision": "publish", "reason": ""})
    assert Comment.objects.get().state == CommentState.PUBLISHED
    close = reverse("forums_staff:consultation_close", args=[world.consultation.pk])
    client.post(close)
    assert Consultation.objects.get().closed_at is None  # before the deadline
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    response = client.post(close)
    assert response.status_code == 302
    assert Consultation.objects.get().closed_at is not None
    summary = client.get(response["Location"]).content.decode()
    choice = world.consultation.questions.get(kind="choice")
    chart = dict(
        re.findall(
            r'data-label="([^"]+)" data-count="(\d+)"',
            summary.split(f'id="chart-{choice.pk}"')[1].split("</figure>")[0],
        )
    )
    table = dict(
        re.findall(
            r'<th scope="row">([^<]+)</th><td>(\d+)</td>',
            summary.split(f'id="chart-{choice.pk}-table"')[1].split("</table>")[0],
        )
    )
    assert chart == table == {"Kyllä": "2", "Osittain": "0", "Ei": "1"}
    respondents = summary.split('id="respondents-table"')[1].split("</table>")[0]
    counts = [int(n) for n in re.findall(r'<th scope="row">[^<]+</th><td>(\d+)</td>', respondents)]
    # municipalities, organisations, advisory councils, forums, committees, residents
    assert counts == [0, 2, 0, 0, 0, 1]
    # A count is a "lukumäärä" in Finnish, not a "numero" (an identifying number).
    assert '<th scope="col">Lukumäärä</th>' in respondents and "Numero" not in summary


def test_the_csv_has_every_answer_and_no_email_and_neutralises_formulas(client):
    world = arrange()
    services.statement_submit(
        invitation=world.invitations[0],
        text='=HYPERLINK("http://evil")',
        answers=answers_for(world.consultation, text="Vastaus", choice=1, scale=5),
    )
    comment = services.comment_submit(
        consultation=world.consultation,
        text="Kommentti",
        email="salainen@example.invalid",
        name="Aino",
    )
    services.comment_confirm(comment=comment)
    client.force_login(world.clerk)
    response = client.get(reverse("forums_staff:answers_csv", args=[world.consultation.pk]))
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert len(rows) == 3
    assert rows[1][1] == "Yhdistys 0 ry"
    assert rows[1][4].startswith("'=")
    assert rows[1][5:] == ["Vastaus", "Osittain", "5"]
    assert rows[2][1] == "Aino"
    assert "salainen@example.invalid" not in body


def test_the_pdf_report_is_rendered_by_the_documents_pipeline(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Lausunnon teksti")
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    client.force_login(world.coordinator)
    from django.test import TestCase

    html = {}

    def fake_pdf(document):  # type: ignore[no-untyped-def]
        html["text"] = documents.render_html(document)
        return tiny_pdf()

    with (
        patch.object(documents, "render_pdf", fake_pdf),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        response = client.post(reverse("forums_staff:report_queue", args=[world.consultation.pk]))
    assert response.status_code == 302
    document = Document.objects.get(owner_id=world.consultation.pk, kind="report")
    assert document.state == DocumentState.READY
    assert "Lausunnon teksti" in html["text"] and "Yhdistys 0 ry" in html["text"]
    pdf = client.get(reverse("forums_staff:report_file", args=[document.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # The strategy's reports keep their own renderer.
    from councils.documents import _renderers

    assert "report" in _renderers


def test_the_note_and_the_decision_show_on_the_public_page_and_the_agenda_item(client):
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Järjestön lausunto")
    meeting = f.PublishedMeetingFactory(body=world.body, start=timezone.now() - timedelta(days=40))
    item = f.HandlingFactory(item__meeting=meeting, item__case=world.case).item
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    client.force_login(world.clerk)
    note = reverse("forums_staff:usage_note", args=[world.consultation.pk])
    assert client.post(note, {"text": ""}).status_code == 400
    assert client.post(note, {"text": "Lausunnot lisättiin päätösesitykseen."}).status_code == 302
    link = reverse("forums_staff:decision_link", args=[world.consultation.pk])
    client.post(link, {"item": item.pk})
    client.post(link, {"item": f.AgendaItemFactory().pk})  # another case's item is refused
    assert Consultation.objects.get().decision_item == item
    client.logout()
    page = _text(client.get(world.consultation.get_absolute_url()))
    assert "Lausunnot lisättiin päätösesitykseen." in page
    assert item.get_absolute_url() in page
    item_page = _text(client.get(item.get_absolute_url()))
    assert "Lausunnot" in item_page
    assert "Järjestön lausunto" in item_page
    assert "Lausunnot lisättiin päätösesitykseen." in item_page


def _closed_with_a_decided_item():  # type: ignore[no-untyped-def]
    """A consultation with one statement, and a decided item of its case."""
    world = arrange(invited=1)
    services.statement_submit(invitation=world.invitations[0], text="Lausunto 0")
    meeting = f.PublishedMeetingFactory(body=world.body, start=timezone.now() - timedelta(days=40))
    item = f.HandlingFactory(item__meeting=meeting, item__case=world.case).item
    return world, item


def test_the_agenda_item_panel_costs_the_same_at_1_and_50_statements(
    client, django_assert_max_num_queries
):
    world, item = _closed_with_a_decided_item()
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    with django_assert_max_num_queries(60) as one:
        client.get(item.get_absolute_url())
    for n in range(1, 50):
        org = f.OrganisationFactory(name=f"Järjestö {n}", slug=f"jarjesto-p-{n}")
        Consultation.objects.filter(pk=world.consultation.pk).update(
            closes_at=timezone.now() + timedelta(days=1)
        )
        invitation = services.invitation_add(
            consultation=world.consultation, organisation=org, email="j@example.invalid"
        )
        services.statement_submit(invitation=invitation, text=f"Lausunto {n}")
    Consultation.objects.filter(pk=world.consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(item.get_absolute_url())
    assert _text(response).count("Lausunto ") >= 50


def test_the_agenda_item_panel_costs_the_same_at_1_and_3_consultations_of_the_case(
    client, django_assert_max_num_queries
):
    world, item = _closed_with_a_decided_item()
    closed = {
        "opens_at": timezone.now() - timedelta(days=20),
        "closes_at": timezone.now() - timedelta(minutes=1),
    }
    Consultation.objects.filter(pk=world.consultation.pk).update(**closed)
    with django_assert_max_num_queries(60) as one:
        client.get(item.get_absolute_url())
    for n in range(1, 3):
        consultation = services.consultation_create(
            data=consultation_data(world.case, world.body, title=f"Jatkokuuleminen {n}")
        )
        org = f.OrganisationFactory(name=f"Järjestö {n}", slug=f"jarjesto-c-{n}")
        invitation = services.invitation_add(
            consultation=consultation, organisation=org, email="j@example.invalid"
        )
        services.consultation_publish(consultation=consultation)
        services.statement_submit(invitation=invitation, text=f"Lausunto {n}")
        Consultation.objects.filter(pk=consultation.pk).update(**closed)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(item.get_absolute_url())
    page = _text(response)
    assert "Jatkokuuleminen 2" in page
    assert all(f"Lausunto {n}" in page for n in range(3))


def test_another_bodys_clerk_does_not_see_the_consultation_in_the_list(client):
    world = arrange()
    other = f.UserFactory(username="toinen-s")
    f.BodyFactory(slug="muu-s", name="Muu S").clerks.add(other)
    client.force_login(other)
    assert (
        "Palvelustrategian luonnos"
        not in client.get(reverse("forums_staff:consultation_list")).content.decode()
    )
    client.force_login(world.clerk)
    assert (
        "Palvelustrategian luonnos"
        in client.get(reverse("forums_staff:consultation_list")).content.decode()
    )


@pytest.mark.parametrize(
    "data",
    [{"decision": "poista"}, {"decision": ""}, {"decision": "hide", "reason": "r" * 501}, {}],
)
def test_bad_moderation_input_gets_a_message_and_changes_nothing(client, data):
    world = arrange()
    comment = services.comment_submit(
        consultation=world.consultation, text="Kommentti", email="a@example.invalid"
    )
    services.comment_confirm(comment=comment)
    client.force_login(world.coordinator)
    response = client.post(reverse("forums_staff:comment_moderate", args=[comment.pk]), data)
    assert response.status_code == 302
    assert Comment.objects.get().state == CommentState.PENDING
    page = client.get(response["Location"])
    assert "message--error" in page.content.decode()


@pytest.mark.parametrize("item", ["999999", "abc", ""])
def test_an_unknown_deciding_item_is_refused_with_a_message(client, item):
    world = arrange()
    client.force_login(world.clerk)
    url = reverse("forums_staff:decision_link", args=[world.consultation.pk])
    response = client.post(url, {"item": item})
    assert response.status_code == 302
    assert Consultation.objects.get().decision_item is None
