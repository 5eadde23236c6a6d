"""What the minutes say of a handling: one record, the same on every output, and no
minutes that contradict the meeting (a seconded counter-proposal goes to the vote)."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from councils import documents, services
from councils.models import (
    CounterResolution,
    Document,
    DocumentKind,
    MeetingState,
    Outcome,
)
from councils.record import record_for
from councils.services import AttendanceRow, RuleViolation
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    UserFactory,
)
from tests.labels import capfirst, counter_label

pytestmark = pytest.mark.django_db

PROPOSAL = "<p>Lautakunta hyväksyy palveluverkkosuunnitelman.</p>"
COUNTER = "Palveluverkkosuunnitelma palautetaan valmisteluun."


@pytest.fixture
def meeting_under_way():  # type: ignore[no-untyped-def]
    """Five members present at a committee meeting that started an hour ago; one item."""
    body = BodyFactory(name="Hyvinvointilautakunta", seats=5, notice_days=4)
    clerk = UserFactory(username="lautakuntasihteeri")
    body.clerks.add(clerk)
    meeting = MeetingFactory(
        body=body, start=timezone.now() - timedelta(hours=1), year=timezone.now().year
    )
    item = AgendaItemFactory(
        meeting=meeting, section=1, title="Palveluverkkosuunnitelma", proposal=PROPOSAL
    )
    names = ["Aho", "Berg", "Coll", "Dahl", "Eklund"]
    members = [PersonFactory(first_name="Jäsen", last_name=name) for name in names]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    return meeting, item, members, clerk


def _counter(item, members):  # type: ignore[no-untyped-def]
    return services.counter_proposal_add(
        item=item, proposer=members[1], text=COUNTER, seconder=members[2]
    )


def _counter_wins(item, members):  # type: ignore[no-untyped-def]
    counter = _counter(item, members)
    ballots = {p.pk: "no" for p in members[:3]} | {p.pk: "yes" for p in members[3:]}
    services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])
    return counter


def _draft(meeting, members):  # type: ignore[no-untyped-def]
    services.meeting_mark_held(meeting=meeting)
    return services.minutes_draft(
        meeting=meeting, checker_1=members[3], checker_2=members[4], checked_at_meeting=False
    )


def _fresh(item):  # type: ignore[no-untyped-def]
    from councils.models import AgendaItem
    from councils.record import record_prefetches

    return (
        AgendaItem.objects.select_related("handling")
        .prefetch_related(*record_prefetches())
        .get(pk=item.pk)
    )


# --- the rule: a seconded counter-proposal goes to the vote ---


def test_a_seconded_counter_proposal_without_a_vote_stops_the_minutes(meeting_under_way):
    meeting, item, members, _clerk = meeting_under_way
    _counter(item, members)
    with translation.override("en"), pytest.raises(RuleViolation) as refused:
        _draft(meeting, members)
    assert "§ 1" in str(refused.value)
    assert "a seconded counter-proposal goes to the vote" in str(refused.value)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD


def test_a_withdrawn_counter_proposal_lets_the_presenters_proposal_stand(meeting_under_way):
    meeting, item, members, _clerk = meeting_under_way
    counter = _counter(item, members)
    services.counter_proposal_settle(
        item=item, proposal=counter, resolution=CounterResolution.WITHDRAWN
    )
    _draft(meeting, members)
    record = record_for(_fresh(item))
    assert record is not None
    assert record.outcome == Outcome.AS_PROPOSED
    assert record.winner is not None and not record.winner.is_counter
    with pytest.raises(RuleViolation):
        services.vote_record(
            item=item,
            counter_proposal=counter,
            ballots={p.pk: "yes" for p in members},
            chair=members[0],
        )


def test_a_counter_proposal_adopted_unanimously_is_the_decision(meeting_under_way):
    meeting, item, members, _clerk = meeting_under_way
    counter = _counter(item, members)
    services.counter_proposal_settle(
        item=item, proposal=counter, resolution=CounterResolution.ADOPTED
    )
    item.handling.refresh_from_db()
    assert item.handling.outcome == Outcome.AMENDED
    assert COUNTER in item.handling.decision
    with translation.override("en"), pytest.raises(RuleViolation, match="already"):
        services.counter_proposal_settle(
            item=item, proposal=counter, resolution=CounterResolution.WITHDRAWN
        )
    _draft(meeting, members)


def test_a_counter_proposal_that_wins_the_vote_becomes_the_decision(meeting_under_way):
    meeting, item, members, _clerk = meeting_under_way
    _counter_wins(item, members)
    item.handling.refresh_from_db()
    assert item.handling.outcome == Outcome.AMENDED
    assert item.handling.decision == f"<p>{COUNTER}</p>"
    _draft(meeting, members)


def test_the_decision_cannot_read_as_the_proposal_when_the_counter_proposal_won(
    meeting_under_way,
):
    _meeting, item, members, _clerk = meeting_under_way
    _counter_wins(item, members)
    with translation.override("en"):
        with pytest.raises(RuleViolation, match="did not decide as proposed"):
            services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision=COUNTER)
        with pytest.raises(RuleViolation, match="did not decide as proposed"):
            services.handling_record(item=item, outcome=Outcome.AMENDED, decision=PROPOSAL)
    services.handling_record(
        item=item, outcome=Outcome.RETURNED, decision=f"<p>{COUNTER}</p>", notes=""
    )
    item.handling.refresh_from_db()
    assert item.handling.outcome == Outcome.RETURNED


def test_a_vote_recorded_twice_is_refused_not_doubled(meeting_under_way):
    _meeting, item, members, _clerk = meeting_under_way
    counter = _counter_wins(item, members)
    with translation.override("en"), pytest.raises(RuleViolation, match="already been put"):
        services.vote_record(
            item=item,
            counter_proposal=counter,
            ballots={p.pk: "no" for p in members},
            chair=members[0],
        )
    assert item.handling.votes.count() == 1


def test_a_counter_proposal_is_recorded_before_the_outcome_and_the_vote_form_follows(
    client, meeting_under_way
):
    """No first save of the handling is needed: the vote form shows once one is seconded."""
    _meeting, item, members, clerk = meeting_under_way
    client.force_login(clerk)
    url = reverse("staff:item_record", args=[item.pk])
    assert "Kirjaa äänestys" not in client.get(url).content.decode()
    response = client.post(
        reverse("staff:counter_proposal_add", args=[item.pk]),
        {"proposer": members[1].pk, "seconder": members[2].pk, "text": COUNTER},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kirjaa äänestys" in html
    assert "Peruttu" in html or "Ehdottaja peruutti" in html
    assert f'name="ballot_{members[4].pk}"' in html


# --- one record, three outputs ---


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([.:,;)])", r"\1", text)


def test_the_public_page_the_checkers_view_and_the_extract_say_the_same(
    client, meeting_under_way, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting, item, members, clerk = meeting_under_way
    _counter_wins(item, members)
    services.dissent_record(item=item, person=members[4], reasons="Suunnitelma on valmis.")
    _draft(meeting, members)
    services.minutes_approve(meeting=meeting, checker=members[3])
    services.minutes_approve(meeting=meeting, checker=members[4])
    services.minutes_publish(meeting=meeting)

    public = _text(client.get(item.get_absolute_url()).content.decode())
    client.force_login(clerk)
    review = _text(client.get(reverse("staff:minutes_review", args=[meeting.pk])).content.decode())
    extract = Document.objects.create(kind=DocumentKind.EXTRACT, meeting=meeting, item=item)
    reader = PdfReader(BytesIO(documents.render_pdf(extract)))
    pdf = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))

    label = counter_label("Jäsen Berg")
    said = [
        "Hyväksytty muutettuna.",
        f"{capfirst(label)} – kannattaja Jäsen Coll – äänestettiin: {COUNTER}",
        f"Jaa = päätösehdotus, Ei = {label}",
        "Jaa 2, Ei 3, tyhjiä 0, poissa 0.",
        f"{capfirst(label)} voitti äänestyksen, ja se on päätös.",
        "Jäsen Eklund: Suunnitelma on valmis.",
    ]
    for output, text in [("public page", public), ("checker", review), ("extract", pdf)]:
        for sentence in said:
            assert sentence in text, f"the {output} does not say {sentence!r}"
        assert "Hyväksytty ehdotuksen mukaisesti" not in text, output


def test_the_checkers_view_queries_do_not_grow_with_items_proposals_and_votes(
    client, meeting_under_way
):
    from tests.councils.test_pages import assert_constant_queries

    meeting, _item, members, clerk = meeting_under_way
    client.force_login(clerk)

    def add(n: int) -> None:
        for _ in range(n):
            item = AgendaItemFactory(meeting=meeting, proposal=PROPOSAL)
            counter = services.counter_proposal_add(
                item=item, proposer=members[1], text=COUNTER, seconder=members[2]
            )
            services.vote_record(
                item=item,
                counter_proposal=counter,
                ballots={p.pk: "yes" for p in members},
                chair=members[0],
            )
            services.dissent_record(item=item, person=members[3], reasons="Eri mieltä.")

    url = reverse("staff:minutes_review", args=[meeting.pk])
    assert_constant_queries(client, url, add, limit=19)


def test_the_recording_page_queries_do_not_grow_with_proposals(client, meeting_under_way):
    from tests.councils.test_pages import assert_constant_queries

    _meeting, item, members, clerk = meeting_under_way
    client.force_login(clerk)

    numbers = itertools.count()

    def add(n: int) -> None:
        for _ in range(n):
            services.counter_proposal_add(
                item=item,
                proposer=members[1],
                text=f"{COUNTER} {next(numbers)}",
                seconder=members[2],
            )

    url = reverse("staff:item_record", args=[item.pk])
    assert_constant_queries(client, url, add, limit=39)


def test_settling_an_unknown_or_closed_counter_proposal_is_refused_with_a_message(
    client, meeting_under_way
):
    _meeting, item, members, clerk = meeting_under_way
    counter = _counter(item, members)
    client.force_login(clerk)
    url = reverse("staff:counter_proposal_settle", args=[item.pk])
    for data in (
        {"proposal": "999999", "resolution": "withdrawn"},
        {"proposal": str(counter.pk), "resolution": "<script>"},
        {"proposal": "x" * 10_000, "resolution": "adopted"},
    ):
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 422
        assert "Valitse kannatettu vastaehdotus" in response.content.decode()
    ok = client.post(
        url, {"proposal": counter.pk, "resolution": "withdrawn"}, HTTP_HX_REQUEST="true"
    )
    assert ok.status_code == 200
    assert "ehdottaja peruutti sen" in ok.content.decode()
    twice = client.post(url, {"proposal": counter.pk, "resolution": "withdrawn"})
    assert twice.status_code == 302
    counter.refresh_from_db()
    assert counter.resolution == CounterResolution.WITHDRAWN
