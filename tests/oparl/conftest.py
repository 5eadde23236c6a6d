from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from councils.models import (
    Attachment,
    Ballot,
    BodyKind,
    Case,
    DecisionVersion,
    Disqualification,
    Dissent,
    Document,
    DocumentState,
    Meeting,
    MeetingState,
    Minutes,
    Proposal,
    ProposalKind,
    Vote,
)
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
    MembershipFactory,
    OfficialDecisionFactory,
    OrganisationFactory,
    PersonFactory,
    TermFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSONAL = '<p>Hakija <span data-personal="">Matti Meikäläinen</span> haki tukea.</p>'


@pytest.fixture(autouse=True)
def _no_rate_limit(settings) -> None:  # type: ignore[no-untyped-def]
    # A walk makes hundreds of requests from one address; test_http.py tests the limit.
    settings.OPARL_RATE_LIMIT = 0
    settings.OPARL_BULK_RATE_LIMIT = 0


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    settings.OPARL_DUMP_DIR = tmp_path / "avoin-data"
    return tmp_path


@dataclass
class Api:
    client: Client

    def get(self, url: str, **headers: Any) -> Any:
        return self.client.get(url.removeprefix("http://testserver"), **headers)

    def json(self, url: str, **headers: Any) -> Any:
        response = self.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        return json.loads(response.content)


@pytest.fixture
def api(client: Client) -> Api:
    return Api(client)


def _document(meeting: Meeting, kind: str, **fields: Any) -> Document:
    document = Document(
        kind=kind,
        meeting=meeting,
        state=DocumentState.READY,
        sha256="a" * 64,
        sha512="b" * 128,
        size=len(PDF),
        pages=1,
        finished_at=timezone.now(),
        **fields,
    )
    document.file.save(
        f"{kind}-{meeting.pk}-{fields.get('version', 1)}.pdf", ContentFile(PDF), save=False
    )
    document.save()
    return document


@dataclass
class Record:
    """A small public record with every kind of object the API serves."""

    council: Any
    committee: Any
    forum: Any
    chair: Any
    member: Any
    other: Any
    old_meeting: Meeting  # minutes out long ago: the appeal period has ended
    recent_meeting: Meeting  # minutes out yesterday: the appeal period runs
    agenda_meeting: Meeting  # agenda out, not yet held
    planned_meeting: Meeting  # not public
    cancelled_meeting: Meeting
    decided: Any  # a public decision with proposals, a vote, a dissent...
    confidential: Any
    recent: Any
    on_agenda: Any
    planned_item: Any
    case: Case
    hidden_case: Case
    attachment: Attachment
    minutes_original: Document
    minutes_redacted: Document
    agenda_document: Document
    municipality: Any  # partner organisations of the forums app
    association: Any
    registration: Any  # awaiting approval: not public


@pytest.fixture
def record(media: Path) -> Record:
    now = timezone.now()
    term = TermFactory()
    council = BodyFactory(kind=BodyKind.COUNCIL, name="Aluevaltuusto", seats=5)
    committee = BodyFactory(name="Tarkastuslautakunta", parent=None)
    forum = BodyFactory(kind=BodyKind.FORUM, name="Järjestöneuvottelukunta", appeal_open=False)
    chair = PersonFactory(political_group="KOK")
    member = PersonFactory(political_group="SDP")
    other = PersonFactory(political_group="SDP")
    for person in (chair, member, other):
        MembershipFactory(person=person, body=council, term=term)
    MembershipFactory(person=member, body=committee, term=term, role="chair")

    old = MeetingFactory(
        body=council,
        start=now - timedelta(days=120),
        state=MeetingState.MINUTES_PUBLISHED,
        notice_published_at=now - timedelta(days=130),
        agenda_published_at=now - timedelta(days=127),
    )
    Minutes.objects.create(
        meeting=old, checked_at_meeting=True, published_at=now - timedelta(days=118)
    )
    case = CaseFactory(title="Palveluverkon uudistus")
    decided = AgendaItemFactory(meeting=old, section=1, case=case, body=PERSONAL)
    handling = HandlingFactory(item=decided, decision="<p>Valtuusto hyväksyi uudistuksen.</p>")
    presenter_proposal = Proposal.objects.create(
        handling=handling, kind=ProposalKind.PRESENTER, text="Hyväksytään.", order=1
    )
    counter = Proposal.objects.create(
        handling=handling,
        kind=ProposalKind.COUNTER,
        text="Palautetaan valmisteluun.",
        proposer=member,
        seconder=other,
        order=2,
    )
    vote = Vote.objects.create(
        handling=handling,
        order=1,
        yes_proposal=presenter_proposal,
        no_proposal=counter,
        chair=chair,
    )
    for person, choice in ((chair, "yes"), (member, "no"), (other, "no")):
        Ballot.objects.create(vote=vote, person=person, choice=choice)
    Disqualification.objects.create(item=decided, person=other, ground="close_person")
    Dissent.objects.create(handling=handling, person=member, reasons="Palvelut heikkenevät.")
    for person in (chair, member, other):
        AttendanceFactory(meeting=old, person=person)
    DecisionVersion.snapshot(decided, number=1, note="")
    DecisionVersion.snapshot(decided, number=2, note="Kirjoitusvirhe korjattu.")
    confidential = AgendaItemFactory(
        meeting=old,
        section=2,
        case=CaseFactory(title="Henkilöstöasia"),
        title="Virkasuhteen päättäminen",
        is_public=False,
        secrecy_basis="JulkL 24.1 § 25 k",
        body="<p>Salainen tausta.</p>",
    )
    HandlingFactory(item=confidential, decision="<p>Salainen päätös.</p>")
    attachment = Attachment(
        item=decided, title="Palveluverkkoselvitys", size=len(PDF), sha512="c" * 128
    )
    attachment.file.save("selvitys.pdf", ContentFile(PDF), save=False)
    attachment.save()
    original = _document(old, "minutes", version=1)
    redacted = _document(old, "minutes", version=1, redacted=True)
    Document.objects.filter(pk=original.pk).update(public=False)

    recent_meeting = MeetingFactory(
        body=committee,
        start=now - timedelta(days=3),
        state=MeetingState.MINUTES_PUBLISHED,
        notice_published_at=now - timedelta(days=9),
        agenda_published_at=now - timedelta(days=8),
    )
    Minutes.objects.create(
        meeting=recent_meeting, checked_at_meeting=True, published_at=now - timedelta(days=1)
    )
    recent = AgendaItemFactory(meeting=recent_meeting, section=1, case=None, body=PERSONAL)
    HandlingFactory(item=recent)
    from councils.services import appeal_dates_store_missing

    appeal_dates_store_missing()

    agenda_meeting = MeetingFactory(body=council, start=now + timedelta(days=10))
    on_agenda = AgendaItemFactory(meeting=agenda_meeting, section=3, case=case)
    agenda_document = _document(agenda_meeting, "agenda")
    planned = MeetingFactory(
        body=committee,
        start=now + timedelta(days=30),
        state=MeetingState.PLANNED,
        notice_published_at=None,
        agenda_published_at=None,
    )
    hidden_case = CaseFactory(title="Salaiseksi jäävä suunnitelma")
    planned_item = AgendaItemFactory(meeting=planned, section=1, case=hidden_case)
    cancelled = MeetingFactory(
        body=forum,
        start=now + timedelta(days=5),
        state=MeetingState.CANCELLED,
        cancelled_reason="Ei käsiteltäviä asioita.",
    )
    OfficialDecisionFactory(case=case, official=chair)
    municipality = OrganisationFactory(name="Hollolan kunta", kind="municipality")
    association = OrganisationFactory(
        name="Hollolan Eläkeläiset ry", business_id="0112038-9", home_municipality=municipality
    )
    registration = OrganisationFactory(name="Odottava yhdistys ry", status="pending")
    return Record(
        council=council,
        committee=committee,
        forum=forum,
        chair=chair,
        member=member,
        other=other,
        old_meeting=old,
        recent_meeting=recent_meeting,
        agenda_meeting=agenda_meeting,
        planned_meeting=planned,
        cancelled_meeting=cancelled,
        decided=decided,
        confidential=confidential,
        recent=recent,
        on_agenda=on_agenda,
        planned_item=planned_item,
        case=case,
        hidden_case=hidden_case,
        attachment=attachment,
        minutes_original=original,
        minutes_redacted=redacted,
        agenda_document=agenda_document,
        municipality=municipality,
        association=association,
        registration=registration,
    )


BODY = "/oparl/v1/body/paijat-hame/"
