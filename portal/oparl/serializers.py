"""The public record as OParl 1.1 objects (plain dicts, ready for JSON).

How Raati's domain maps onto OParl (the /avoin-data/ page shows the same table):

- the county itself is the one `Body` (OParl's Body is the corporation);
- each of our bodies (council, board, committees, divisions, advisory councils, forums)
  and each political group is an `Organization`;
- a term (valtuustokausi) is a `LegislativeTerm`, a meeting place a `Location`;
- a case (asia, with its diary number) is a `Paper`; each handling of it in a meeting is
  a `Consultation` and an `AgendaItem` (an item without a case is an AgendaItem only);
- attachments and the rendered agenda, minutes and extracts are `File`s.

What OParl has no field for goes under the vendor prefix `raati:` (OParl 1.1, "Herstel-
lerspezifische Erweiterungen"), described by portal/oparl/schema/raati-extensions.json.

The law holds here as on the pages, through the same querysets and model methods: a
confidential item is its title and secrecy basis only; tagged personal data is removed
by `AgendaItem.public_html` once its time is up; the files are the public copies that
`Document.objects.public_copies` allows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from councils.models import (
    AgendaItem,
    AppealType,
    Attachment,
    Body,
    BodyKind,
    Case,
    DisqualificationGround,
    Document,
    DocumentKind,
    Meeting,
    MeetingState,
    Membership,
    MembershipRole,
    Outcome,
    Person,
    Term,
)
from portal.lib.sanitize import redact_personal_data
from portal.lib.textdiff import html_to_text
from portal.lib.urls import pk_url
from portal.oparl.keys import group_id, location_id

OPARL = "https://schema.oparl.org/1.1/"
EXT = "raati:"
API_ROOT = "/oparl/v1/"
COUNTY: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent / "county.json").read_text(encoding="utf-8")
)
LICENSE = COUNTY["license"]


@dataclass
class Ctx:
    """What every serializer needs: the site's address and today's date (rule 7)."""

    base: str
    today: date = field(default_factory=timezone.localdate)

    def api(self, *parts: object) -> str:
        path = "/".join(str(p) for p in parts)
        return f"{self.base}{API_ROOT}{path}/" if path else f"{self.base}{API_ROOT}"

    def web(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(self, url_name: str, pk: int) -> str:
        """The web address of the page `url_name` of object `pk` (a URL with only a pk)."""
        return f"{self.base}{pk_url(url_name, pk)}"

    @cached_property
    def body(self) -> str:
        return self.api("body", COUNTY["slug"])


def dt(value: datetime | None) -> str | None:
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """OParl: leave out a property that has no value (no null, no empty optional list)."""
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != ""}


def tombstone(
    ctx: Ctx, oparl_type: str, key: str, created: datetime | None, modified: datetime
) -> dict[str, Any]:
    """A deleted object: only id, type, created and modified remain (OParl 1.1, 2.8).

    A File keeps its accessUrl, which the schema requires and which now answers
    410 Gone (OParl 1.1, 2.7).
    """
    type_name = OPARL_TYPE_NAMES[oparl_type]
    return _clean(
        {
            "id": ctx.api(oparl_type, key),
            "type": OPARL + type_name,
            "accessUrl": ctx.api(oparl_type, key, "access") if oparl_type == "file" else None,
            "created": dt(created),
            "modified": dt(modified),
            "deleted": True,
        }
    )


OPARL_TYPE_NAMES = {
    "body": "Body",
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "consultation": "Consultation",
    "paper": "Paper",
    "file": "File",
    "legislativeterm": "LegislativeTerm",
    "location": "Location",
}


# --- System and Body ---------------------------------------------------------------------


def system(ctx: Ctx) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api(),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "name": COUNTY["systemName"],
            "license": LICENSE,
            "body": ctx.api("body"),
            "website": ctx.web("/"),
            "web": ctx.web(reverse("opendata:page")),
            "created": COUNTY["created"],
            "modified": COUNTY["oparlSince"],
        }
    )


def county_location(ctx: Ctx) -> dict[str, Any]:
    address = COUNTY["address"]
    description = f"{address['streetAddress']}, {address['postalCode']} {address['locality']}"
    return {
        "id": ctx.api("location", location_id(description)),
        "type": OPARL + "Location",
        "description": description,
        "streetAddress": address["streetAddress"],
        "postalCode": address["postalCode"],
        "locality": address["locality"],
        "created": COUNTY["created"],
        "modified": COUNTY["created"],
    }


def county_body(ctx: Ctx, *, terms: list[Term], modified: datetime | None) -> dict[str, Any]:
    lists = {
        name: ctx.api("body", COUNTY["slug"], name)
        for name in (
            "organization",
            "person",
            "meeting",
            "paper",
            "agendaItem",
            "consultation",
            "file",
            "membership",
        )
    }
    return _clean(
        {
            "id": ctx.body,
            "type": OPARL + "Body",
            "system": ctx.api(),
            "name": COUNTY["name"],
            "shortName": COUNTY["shortName"],
            "website": COUNTY["website"],
            "license": LICENSE,
            "licenseValidSince": COUNTY["licenseValidSince"],
            "oparlSince": COUNTY["oparlSince"],
            "classification": COUNTY["classification"],
            **{name: url.replace("/agendaItem/", "/agendaitem/") for name, url in lists.items()},
            "legislativeTerm": [legislative_term(ctx, term) for term in terms],
            "legislativeTermList": ctx.api("body", COUNTY["slug"], "legislativeterm"),
            "locationList": ctx.api("body", COUNTY["slug"], "location"),
            "location": county_location(ctx),
            "web": ctx.web(reverse("councils:index")),
            "created": COUNTY["created"],
            "modified": dt(modified) or COUNTY["created"],
        }
    )


def legislative_term(ctx: Ctx, term: Term) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api("legislativeterm", term.pk),
            "type": OPARL + "LegislativeTerm",
            "body": ctx.body,
            "name": term.name,
            "startDate": d(term.start),
            "endDate": d(term.end),
            "license": LICENSE,
            "created": dt(term.created_at),
            "modified": dt(term.modified_at),
        }
    )


# --- Organizations -----------------------------------------------------------------------

# OParl's organizationType and classification (its suggested German vocabulary, which
# clients know), with our own kind under raati:kind.
BODY_CLASSIFICATION = {
    BodyKind.COUNCIL: ("Gremium", "Parlament"),
    BodyKind.EXECUTIVE_BOARD: ("Gremium", "Hauptausschuss"),
    BodyKind.DIVISION: ("Gremium", "Unterausschuss"),
    BodyKind.COMMITTEE: ("Gremium", "Ausschuss"),
    BodyKind.ADVISORY_COUNCIL: ("Gremium", "Beirat"),
    BodyKind.ELECTION_BOARD: ("Gremium", "Wahlausschuss"),
    BodyKind.WORKING_GROUP: ("Gremium", "AG"),
    BodyKind.FORUM: ("externes Gremium", "Kooperationsforum"),
}


def _fi(label: object) -> str:
    with translation.override("fi"):
        return str(label)


@cache
def _finnish_labels(choices: type[models.TextChoices]) -> dict[str, str]:
    """A choice's Finnish labels, translated once per process (the record is Finnish)."""
    with translation.override("fi"):
        return {str(value): str(label) for value, label in choices.choices}


def body_organization(ctx: Ctx, body: Body, membership_ids: list[int]) -> dict[str, Any]:
    organization_type, classification = BODY_CLASSIFICATION[BodyKind(body.kind)]
    key = f"body-{body.pk}"
    return _clean(
        {
            "id": ctx.api("organization", key),
            "type": OPARL + "Organization",
            "body": ctx.body,
            "name": body.name,
            "membership": [ctx.api("membership", pk) for pk in membership_ids],
            "meeting": ctx.api("organization", key, "meeting"),
            "subOrganizationOf": ctx.api("organization", f"body-{body.parent_id}")
            if body.parent_id
            else None,
            "organizationType": organization_type,
            "classification": classification,
            "memberCount": body.seats,
            "votingMemberCount": body.seats,
            "license": LICENSE,
            "web": ctx.web(body.get_absolute_url()),
            "created": dt(body.created_at),
            "modified": dt(body.modified_at),
            EXT + "kind": body.kind,
            EXT + "kindName": _finnish_labels(BodyKind)[body.kind],
            EXT + "active": body.active,
            EXT + "appealOpen": body.appeal_open,
            EXT + "noticeDays": body.notice_days,
            EXT + "description": body.description,
            EXT + "powers": body.powers,
        }
    )


@dataclass(frozen=True)
class Group:
    """A political group, known by the name its members carry."""

    name: str
    members: tuple[int, ...]  # person ids
    created: datetime
    modified: datetime

    @property
    def pk(self) -> int:
        return group_id(self.name)


def group_organization(ctx: Ctx, group: Group) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api("organization", f"group-{group.pk}"),
            "type": OPARL + "Organization",
            "body": ctx.body,
            "name": group.name,
            "shortName": group.name,
            "membership": [ctx.api("membership", f"group-{pk}") for pk in group.members],
            "organizationType": "Fraktion",
            "classification": "Fraktion",
            "license": LICENSE,
            "created": dt(group.created),
            "modified": dt(group.modified),
            EXT + "kind": "political_group",
            EXT + "kindName": "valtuustoryhmä",
        }
    )


# --- People and memberships --------------------------------------------------------------

ROLE_NAMES = {
    MembershipRole.CHAIR: "puheenjohtaja",
    MembershipRole.VICE_CHAIR: "varapuheenjohtaja",
    MembershipRole.MEMBER: "jäsen",
    MembershipRole.DEPUTY: "varajäsen",
    MembershipRole.PRESENTER: "esittelijä",
    MembershipRole.SECRETARY: "sihteeri",
    MembershipRole.EXPERT: "asiantuntija",
}
VOTING = {MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER}


def membership(ctx: Ctx, m: Membership) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api("membership", m.pk),
            "type": OPARL + "Membership",
            "person": ctx.api("person", m.person_id),
            "organization": ctx.api("organization", f"body-{m.body_id}"),
            "role": ROLE_NAMES.get(MembershipRole(m.role), m.role),
            "votingRight": m.role in VOTING,
            "startDate": d(m.start),
            "endDate": d(m.end),
            "license": LICENSE,
            "created": dt(m.created_at),
            "modified": dt(m.modified_at),
            EXT + "role": m.role,
            # A forum's membership has no term (forums app).
            EXT + "legislativeTerm": ctx.api("legislativeterm", m.term_id) if m.term_id else None,
            EXT + "deputyOf": ctx.api("person", m.deputy_of_id) if m.deputy_of_id else None,
        }
    )


def group_membership(ctx: Ctx, person: Person) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api("membership", f"group-{person.pk}"),
            "type": OPARL + "Membership",
            "person": ctx.api("person", person.pk),
            "organization": ctx.api("organization", f"group-{group_id(person.political_group)}"),
            "role": "jäsen",
            "license": LICENSE,
            "created": dt(person.created_at),
            "modified": dt(person.modified_at),
            EXT + "role": "member",
        }
    )


def person(ctx: Ctx, p: Person) -> dict[str, Any]:
    """Needs "memberships" prefetched (`loaded_memberships`, see sources._attach_memberships)."""
    memberships = [membership(ctx, m) for m in _loaded(p, "loaded_memberships")]
    if p.political_group:
        memberships.append(group_membership(ctx, p))
    return _clean(
        {
            "id": ctx.api("person", p.pk),
            "type": OPARL + "Person",
            "body": ctx.body,
            "name": p.full_name,
            "familyName": p.last_name,
            "givenName": p.first_name,
            "membership": memberships,
            "license": LICENSE,
            "web": ctx.web(p.get_absolute_url()),
            "created": dt(p.created_at),
            "modified": dt(p.modified_at),
            EXT + "occupation": p.title,
            EXT + "politicalGroup": p.political_group,
            EXT + "homeMunicipality": p.home_municipality,
            EXT + "interests": p.interests,
            EXT + "interestsUpdated": d(p.interests_date),
        }
    )


# --- Locations ---------------------------------------------------------------------------


def place_location(
    ctx: Ctx, place: str, *, created: datetime | None, modified: datetime | None
) -> dict[str, Any]:
    return _clean(
        {
            "id": ctx.api("location", location_id(place)),
            "type": OPARL + "Location",
            "description": place,
            "license": LICENSE,
            "created": dt(created),
            "modified": dt(modified),
        }
    )


# --- Files -------------------------------------------------------------------------------

DOCUMENT_NAMES = {
    DocumentKind.AGENDA: "esityslista",
    DocumentKind.MINUTES: "pöytäkirja",
    DocumentKind.EXTRACT: "pöytäkirjanote",
}


def attachment_file(ctx: Ctx, a: Attachment) -> dict[str, Any]:
    """Needs "item__meeting" and "item__case" selected."""
    key = f"attachment-{a.pk}"
    item = a.item
    return _clean(
        {
            "id": ctx.api("file", key),
            "type": OPARL + "File",
            "name": a.title,
            "fileName": f"liite-{a.pk}.pdf",
            "mimeType": "application/pdf",
            "date": d(timezone.localtime(a.uploaded_at).date()),
            "size": a.size,
            "sha512Checksum": a.sha512,
            "accessUrl": ctx.api("file", key, "access"),
            "downloadUrl": ctx.api("file", key, "download"),
            "fileLicense": LICENSE,
            "agendaItem": [ctx.api("agendaitem", item.pk)],
            "meeting": [ctx.api("meeting", item.meeting_id)],
            "paper": [ctx.api("paper", item.case_id)] if item.case_id else None,
            "license": LICENSE,
            "web": ctx.page("councils:attachment", a.pk),
            "created": dt(a.uploaded_at),
            "modified": dt(a.modified_at),
            EXT + "kind": "attachment",
        }
    )


def document_file(ctx: Ctx, doc: Document) -> dict[str, Any]:
    """Needs "meeting__body" and "item" selected."""
    key = f"document-{doc.pk}"
    meeting = doc.meeting
    assert meeting is not None
    name = f"{meeting.body.name} {meeting.number}/{meeting.year}, {DOCUMENT_NAMES.get(DocumentKind(doc.kind), doc.kind)}"
    if doc.item_id and doc.item:
        name += f" § {doc.item.section}"
    return _clean(
        {
            "id": ctx.api("file", key),
            "type": OPARL + "File",
            "name": name,
            "fileName": doc.filename,
            "mimeType": "application/pdf",
            "date": d(timezone.localtime(doc.finished_at or doc.created_at).date()),
            "size": doc.size,
            "sha512Checksum": doc.sha512,
            "accessUrl": ctx.api("file", key, "access"),
            "downloadUrl": ctx.api("file", key, "download"),
            "fileLicense": LICENSE,
            "meeting": [ctx.api("meeting", doc.meeting_id)],
            "agendaItem": [ctx.api("agendaitem", doc.item_id)] if doc.item_id else None,
            "paper": [ctx.api("paper", doc.item.case_id)]
            if doc.item_id and doc.item and doc.item.case_id
            else None,
            "license": LICENSE,
            "web": ctx.page("councils:document", doc.pk),
            "created": dt(doc.created_at),
            "modified": dt(doc.modified_at),
            EXT + "kind": doc.kind,
            EXT + "version": doc.version,
            EXT + "personalDataRemoved": doc.redacted,
            EXT + "superseded": doc.superseded_at is not None,
            EXT + "sha256Checksum": doc.sha256,
            EXT + "pages": doc.pages or None,
        }
    )


# --- Meetings and agenda items -----------------------------------------------------------

MEETING_STATES = {
    # OParl's recommended words: "eingeladen" until the minutes are released, then
    # "durchgeführt"; our own state goes under raati:state.
    MeetingState.NOTICE_PUBLISHED: "eingeladen",
    MeetingState.HELD: "eingeladen",
    MeetingState.MINUTES_DRAFTED: "eingeladen",
    MeetingState.MINUTES_CHECKED: "eingeladen",
    MeetingState.MINUTES_PUBLISHED: "durchgeführt",
    MeetingState.CANCELLED: "eingeladen",
}
AUTHORITATIVE = {Outcome.AS_PROPOSED, Outcome.AMENDED, Outcome.REJECTED}


def _loaded(obj: object, name: str) -> list[Any]:
    """A list that the loader attached to a row (`sources.attach_*`)."""
    return list(getattr(obj, name))


def _text(html: str) -> str:
    return html_to_text(html).strip()


def _person_ref(ctx: Ctx, person_id: int | None) -> str | None:
    return ctx.api("person", person_id) if person_id else None


def _handling_record(ctx: Ctx, item: AgendaItem) -> dict[str, Any]:
    """Proposals, votes with each ballot, elections, disqualifications and dissents."""
    handling = item.handling
    proposals = _loaded(handling, "loaded_proposals")
    hide = bool(proposals) and not item.personal_data_public(ctx.today)
    return {
        EXT + "proposals": [
            _clean(
                {
                    "order": p.order,
                    "kind": p.kind,
                    "text": redact_personal_data(p.text) if hide else p.text,
                    "proposer": _person_ref(ctx, p.proposer_id),
                    "seconder": _person_ref(ctx, p.seconder_id),
                    "seconded": p.seconder_id is not None if p.kind == "counter" else None,
                }
            )
            for p in proposals
        ],
        EXT + "votes": [
            _clean(
                {
                    "order": vote.order,
                    "method": vote.method,
                    "yesProposal": vote.yes_proposal.order,
                    "noProposal": vote.no_proposal.order,
                    "chair": _person_ref(ctx, vote.chair_id),
                    "yes": vote.result.yes if vote.result else None,
                    "no": vote.result.no if vote.result else None,
                    "blank": vote.result.blank if vote.result else None,
                    "absent": vote.result.absent if vote.result else None,
                    "winner": str(vote.result.winner) if vote.result else None,
                    "decidedByChair": vote.result.decided_by_chair if vote.result else None,
                    "ballots": [
                        {"person": ctx.api("person", b.person_id), "choice": b.choice}
                        for b in _loaded(vote, "loaded_ballots")
                    ],
                }
            )
            for vote in _loaded(handling, "loaded_votes")
        ],
        EXT + "elections": [
            {
                "position": election.position,
                "seats": election.seats,
                "candidates": [
                    {
                        "person": ctx.api("person", c.person_id),
                        "votes": c.votes,
                        "elected": c.elected,
                        "drawnByLot": c.drawn_by_lot,
                    }
                    for c in _loaded(election, "loaded_candidates")
                ],
            }
            for election in _loaded(handling, "loaded_elections")
        ],
        EXT + "disqualifications": [
            {
                "person": ctx.api("person", q.person_id),
                "ground": q.ground,
                "groundName": _finnish_labels(DisqualificationGround)[q.ground],
                "leftRoom": q.left_room,
            }
            for q in _loaded(item, "loaded_disqualifications")
        ],
        EXT + "dissents": [
            _clean({"person": ctx.api("person", s.person_id), "reasons": s.reasons})
            for s in _loaded(handling, "loaded_dissents")
        ],
    }


def _appeal(item: AgendaItem) -> dict[str, Any]:
    dates = item.appeal_dates()
    return {
        EXT + "appealType": item.appeal_type,
        EXT + "appealTypeName": _finnish_labels(AppealType)[item.appeal_type],
        EXT + "appealDeemedReceived": d(dates.deemed_received) if dates else None,
        EXT + "appealLastDay": d(dates.last_day) if dates else None,
        EXT + "appealPeriodDays": dates.period_days if dates else None,
        EXT + "appealLastDayOverridden": dates.overridden if dates else None,
        EXT + "appealOverrideReason": item.appeal_override_reason
        if dates and dates.overridden
        else None,
    }


def agenda_item(ctx: Ctx, item: AgendaItem, *, order: int) -> dict[str, Any]:
    """An item as residents see it; see `item_queryset` and `attach_item_lists` for what must be loaded."""
    meeting = item.meeting
    base = {
        "id": ctx.api("agendaitem", item.pk),
        "type": OPARL + "AgendaItem",
        "meeting": ctx.api("meeting", item.meeting_id),
        "number": str(item.section),
        "order": order,
        "name": item.title,
        "public": item.is_public,
        "consultation": ctx.api("consultation", item.pk) if item.case_id else None,
        "start": dt(meeting.start),
        "license": LICENSE,
        "web": ctx.page("councils:item_detail", item.pk),
        "created": dt(item.created_at),
        "modified": dt(item.modified_at),
        EXT + "section": item.section,
        EXT + "diaryNumber": item.case.diary_number if item.case_id and item.case else None,
        EXT + "taskClass": item.case.task_class if item.case_id and item.case else None,
    }
    if not item.is_public:
        # Rule 1: a confidential item is its title and the legal basis of its secrecy only.
        return _clean({**base, EXT + "secrecyBasis": item.secrecy_basis})
    decided = meeting.minutes_are_public and hasattr(item, "handling")
    extracts = [
        doc for doc in _loaded(item, "public_documents") if doc.kind == DocumentKind.EXTRACT
    ]
    texts = [item.body, item.proposal]
    if decided:
        texts += [item.handling.decision, item.handling.notes]
    html = item.public_htmls(*texts, today=ctx.today)
    result: dict[str, Any] = {
        **base,
        "auxiliaryFile": [attachment_file(ctx, a) for a in _loaded(item, "public_attachments")],
        EXT + "summary": item.summary,
        EXT + "backgroundHtml": html[0],
        EXT + "proposalHtml": html[1],
        EXT + "preparer": _person_ref(ctx, item.preparer_id),
        EXT + "presenter": _person_ref(ctx, item.presenter_id),
        **_appeal(item),
    }
    if decided:
        handling = item.handling
        decision = html[2]
        versions = _loaded(item, "loaded_versions")
        result |= {
            "result": _finnish_labels(Outcome).get(handling.outcome, handling.outcome),
            "resolutionText": _text(decision),
            "resolutionFile": document_file(ctx, extracts[0]) if extracts else None,
            EXT + "outcome": handling.outcome,
            EXT + "decisionHtml": decision,
            EXT + "handlingNotesHtml": html[3],
            EXT + "decisionVersions": [
                _clean(
                    {
                        "number": v.number,
                        "published": dt(v.published_at),
                        "note": v.note,
                        "web": ctx.web(v.get_absolute_url()),
                    }
                )
                for v in versions
            ]
            if len(versions) > 1
            else None,
            **_handling_record(ctx, item),
        }
    return _clean(result)


def meeting(ctx: Ctx, m: Meeting) -> dict[str, Any]:
    """See `attach_meeting_lists` for what must be loaded."""
    items = [agenda_item(ctx, item, order=n) for n, item in enumerate(_loaded(m, "public_items"))]
    docs: dict[str, Document] = {}
    for doc in _loaded(m, "public_documents"):  # newest first, a redacted copy before its original
        docs.setdefault(doc.kind, doc)
    participants = (
        [
            ctx.api("person", a.person_id)
            for a in _loaded(m, "loaded_attendances")
            if a.presence != "absent"
        ]
        if m.minutes_are_public
        else []
    )
    return _clean(
        {
            "id": ctx.api("meeting", m.pk),
            "type": OPARL + "Meeting",
            "name": f"{m.body.name} {m.number}/{m.year}",
            "meetingState": MEETING_STATES[MeetingState(m.state)],
            "cancelled": m.state == MeetingState.CANCELLED,
            "start": dt(m.start),
            "end": dt(m.end),
            "location": place_location(ctx, m.place, created=m.created_at, modified=m.created_at)
            if m.place
            else None,
            "organization": [ctx.api("organization", f"body-{m.body_id}")],
            "participant": participants,
            "invitation": document_file(ctx, docs[DocumentKind.AGENDA])
            if DocumentKind.AGENDA in docs
            else None,
            "resultsProtocol": document_file(ctx, docs[DocumentKind.MINUTES])
            if DocumentKind.MINUTES in docs
            else None,
            "auxiliaryFile": [document_file(ctx, doc) for doc in _loaded(m, "earlier_documents")],
            "agendaItem": items,
            "license": LICENSE,
            "web": ctx.page("councils:meeting_detail", m.pk),
            "created": dt(m.created_at),
            "modified": dt(m.modified_at),
            EXT + "state": m.state,
            EXT + "number": m.number,
            EXT + "year": m.year,
            EXT + "mode": m.mode,
            EXT + "streamUrl": m.stream_url,
            EXT + "cancelledReason": m.cancelled_reason,
            EXT + "noticePublished": dt(m.notice_published_at),
            EXT + "agendaPublished": dt(m.agenda_published_at),
            EXT + "minutesPublished": dt(m.minutes_published_at),
            EXT + "attendance": [
                _clean(
                    {
                        "person": ctx.api("person", a.person_id),
                        "role": a.role,
                        "presence": a.presence,
                        "deputyFor": _person_ref(ctx, a.deputy_for_id),
                        "arrivedDuringSection": a.arrived_at,
                        "leftDuringSection": a.left_at,
                    }
                )
                for a in _loaded(m, "loaded_attendances")
            ]
            if m.minutes_are_public
            else None,
        }
    )


# --- Papers and consultations ------------------------------------------------------------


def consultation(ctx: Ctx, item: AgendaItem) -> dict[str, Any]:
    """One handling of a case in a meeting (needs "meeting", "handling" selected)."""
    handling = getattr(item, "handling", None) if item.meeting.minutes_are_public else None
    return _clean(
        {
            "id": ctx.api("consultation", item.pk),
            "type": OPARL + "Consultation",
            "paper": ctx.api("paper", item.case_id),
            "agendaItem": ctx.api("agendaitem", item.pk),
            "meeting": ctx.api("meeting", item.meeting_id),
            "organization": [ctx.api("organization", f"body-{item.meeting.body_id}")],
            "authoritative": (handling.outcome in AUTHORITATIVE)
            if handling and item.is_public
            else None,
            "role": ("päätös" if handling.outcome in AUTHORITATIVE else "käsittely")
            if handling and item.is_public
            else None,
            "license": LICENSE,
            "web": ctx.page("councils:item_detail", item.pk),
            "created": dt(item.created_at),
            "modified": dt(item.modified_at),
        }
    )


def paper(ctx: Ctx, case: Case) -> dict[str, Any]:
    """See `attach_paper_lists` for what must be loaded."""
    items = _loaded(case, "public_items")
    files = [attachment_file(ctx, a) for item in items for a in _loaded(item, "public_attachments")]
    files += [
        document_file(ctx, doc)
        for item in items
        for doc in _loaded(item, "public_documents")
        if doc.kind == DocumentKind.EXTRACT
    ]
    first = min((item.meeting.start for item in items), default=None)
    return _clean(
        {
            "id": ctx.api("paper", case.pk),
            "type": OPARL + "Paper",
            "body": ctx.body,
            "name": case.title,
            "reference": case.diary_number,
            "date": d(timezone.localtime(first).date()) if first else None,
            "paperType": "asia",
            "consultation": [consultation(ctx, item) for item in items],
            "auxiliaryFile": files,
            "license": LICENSE,
            "web": ctx.web(case.get_absolute_url()),
            "created": dt(case.created_at),
            "modified": dt(case.modified_at),
            EXT + "diaryNumber": case.diary_number,
            EXT + "number": case.number,
            EXT + "taskClass": case.task_class,
            EXT + "year": case.year,
            EXT + "officialDecisions": [
                _clean(
                    {
                        "title": od.title,
                        "number": od.number,
                        "official": ctx.api("person", od.official_id),
                        "officialTitle": od.official_title,
                        "decidedOn": d(od.decided_on),
                        "published": dt(od.published_at),
                        "appealType": od.appeal_type,
                        "textHtml": str(od.public_text),
                        "web": ctx.page("councils:official_decision_detail", od.pk),
                    }
                )
                for od in _loaded(case, "public_official_decisions")
            ],
        }
    )
