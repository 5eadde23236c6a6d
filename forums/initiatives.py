"""Every write of initiatives (HVAL 30 §): one function per step, each atomic.

received → registered → routed → hearing → answered → closed. Each function checks its
rule and raises councils' RuleViolation with a message naming it, writes the step as an
`InitiativeStep` (the public timeline) and, after the commit, e-mails the initiators.

A resident's submission and a support are double opt-in (forums/participation.py): the
row is stored at once, unconfirmed and never public, and only a POST behind the e-mailed
link confirms it. The initiative arrives (and the one-month acknowledgement starts) when
its sender confirms it. The contact person's and the supporters' personal data is
removed PERSONAL_DATA_KEPT_DAYS after closing, by the removals registered at the end of
this module.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from councils.attachments import attachment_add
from councils.documents import document_queue_for
from councils.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    Document,
    DocumentKind,
    DocumentState,
    OfficialDecision,
    parse_diary_number,
)
from councils.services import RuleViolation
from forums import rules
from forums.identity import Identity
from forums.models import (
    BASES_OF_KIND,
    IdentifiedBy,
    Initiative,
    InitiativeKind,
    InitiativeReport,
    InitiativeState,
    InitiativeStep,
    MembershipBasis,
    Supporter,
)
from forums.models.initiatives import MUNICIPAL_BASES
from forums.participation import (
    OPT_IN_DAYS,
    PERSONAL_DATA_KEPT_DAYS,
    opt_in_token,
    personal_data_removal,
)

logger = logging.getLogger(__name__)

__all__ = ["RuleViolation"]

# Double opt-in purposes (the signed tokens name them).
SUBMIT_PURPOSE = "initiative"
SUPPORT_PURPOSE = "initiative-support"
# A confirmation e-mail to one address for one row goes out at most this often...
RESEND_INTERVAL = timedelta(hours=1)
# ...and one address may ask for at most this many new rows in that time, so that a
# stranger cannot flood someone's inbox (or the registry's queue) through the forms.
MAX_SUBMISSIONS_PER_INTERVAL = 3
MAX_SUPPORTS_PER_INTERVAL = 10


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def _day(value: date | None) -> str:
    return formats.date_format(value, "j.n.Y") if value else ""


def _mail(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """One plain-text e-mail; its first paragraph is the subject. A failure is logged: the
    state is stored and the staff pages show it."""
    if not to:
        return
    with translation.override(language):
        text = render_to_string(template, context)
        subject, _blank, body = text.partition("\n\n")
        message = EmailMessage(
            subject=_one_line(subject),
            body=body,
            to=[to],
            headers={"Auto-Submitted": "auto-generated"},
        )
    try:
        message.send()
    except Exception:
        logger.exception("sending an initiative e-mail failed")


# --- Submitting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InitiativeData:
    """What the initiators say: the fields of the public form and the staff's form."""

    kind: str
    title: str
    proposal: str
    reasons: str
    concerns: str
    addressed_to: Body
    basis: str
    initiators: str = ""
    municipality: str = ""


def _check_data(data: InitiativeData) -> None:
    """HVAL 30 §: who may make an initiative of each kind, and what it must say."""
    if data.kind not in BASES_OF_KIND:
        raise RuleViolation(_("Choose the kind of the initiative."))
    if data.basis not in BASES_OF_KIND[data.kind]:
        labels = dict(MembershipBasis.choices)
        raise RuleViolation(
            _("A %(kind)s is made on one of these grounds only: %(bases)s (HVAL 30 §).")
            % {
                "kind": InitiativeKind(data.kind).label,
                "bases": "; ".join(str(labels[basis]) for basis in BASES_OF_KIND[data.kind]),
            }
        )
    if data.basis in MUNICIPAL_BASES and not data.municipality:
        raise RuleViolation(
            _("Choose the municipality of the region that gives you the right of initiative.")
        )
    if not data.title.strip() or not data.proposal.strip():
        raise RuleViolation(_("An initiative needs a title and a proposal."))
    if not data.addressed_to.active:
        raise RuleViolation(
            _("%(body)s no longer works; address the initiative to another body.")
            % {"body": data.addressed_to.name}
        )


def _new_initiative(data: InitiativeData, **fields: Any) -> Initiative:
    return Initiative.objects.create(
        kind=data.kind,
        title=data.title.strip(),
        proposal=data.proposal.strip(),
        reasons=data.reasons.strip(),
        concerns=data.concerns.strip(),
        addressed_to=data.addressed_to,
        basis=data.basis,
        initiators=data.initiators.strip(),
        municipality=data.municipality,
        **fields,
    )


@transaction.atomic
def initiative_submit(
    *,
    data: InitiativeData,
    identity: Identity,
    contact_name: str,
    contact_email: str,
    language: str = "fi",
    now: datetime | None = None,
) -> Initiative | None:
    """A resident or service user submits an initiative: stored unconfirmed, and a link to
    confirm it sent to the contact address.

    Sending the same initiative again (a double submit, or "I never got the e-mail")
    makes no second row: the link goes again at most once per RESEND_INTERVAL. Returns
    None when nothing was stored because the address has sent too many; the page says
    the same either way, so it never reveals what an address has done.
    """
    now = now or timezone.now()
    contact_email = contact_email.strip().lower()
    if data.kind not in (InitiativeKind.RESIDENT, InitiativeKind.SERVICE_USER):
        raise RuleViolation(
            _("Council members' and advisory councils' initiatives are recorded by the registry.")
        )
    _check_data(data)
    again = (
        Initiative.objects.select_for_update()
        .filter(
            contact_email=contact_email,
            title__iexact=data.title.strip(),
            state__in=[InitiativeState.UNCONFIRMED, InitiativeState.RECEIVED],
        )
        .first()
    )
    if again is not None:
        if (
            again.state == InitiativeState.UNCONFIRMED
            and again.submitted_at <= now - RESEND_INTERVAL
        ):
            again.submitted_at = now
            again.save(update_fields=["submitted_at"])
            pk = again.pk
            transaction.on_commit(lambda: _send_submit_confirmation(pk))
        return again
    recent = Initiative.objects.filter(
        contact_email=contact_email, submitted_at__gt=now - RESEND_INTERVAL
    ).count()
    if recent >= MAX_SUBMISSIONS_PER_INTERVAL:
        logger.info("initiative submission throttled: too many from one address")
        return None
    initiative = _new_initiative(
        data,
        contact_name=contact_name.strip(),
        contact_email=contact_email,
        language=language,
        identified_by=identity.identified_by,
        state=InitiativeState.UNCONFIRMED,
        submitted_at=now,
        modified_at=now,
    )
    pk = initiative.pk
    transaction.on_commit(lambda: _send_submit_confirmation(pk))
    return initiative


def submit_confirm_url(initiative: Initiative) -> str:
    token = opt_in_token(purpose=SUBMIT_PURPOSE, pk=initiative.pk, email=initiative.contact_email)
    with translation.override(initiative.language):
        return _absolute(reverse("forums:initiative_confirm", kwargs={"token": token}))


def _send_submit_confirmation(pk: int) -> None:
    initiative = Initiative.objects.select_related("addressed_to").filter(pk=pk).first()
    if initiative is None or initiative.state != InitiativeState.UNCONFIRMED:
        return
    _mail(
        to=initiative.contact_email,
        language=initiative.language,
        template="forums/email/initiative_confirm.txt",
        context={
            "initiative": initiative,
            "confirm_url": submit_confirm_url(initiative),
            "days": OPT_IN_DAYS,
        },
    )


def _step(
    initiative: Initiative,
    state: str,
    *,
    now: datetime,
    note: str = "",
    by: Any = None,
) -> InitiativeStep:
    initiative.state = state
    initiative.modified_at = now
    step = InitiativeStep.objects.create(
        initiative=initiative, state=state, at=now, note=note.strip(), by=by
    )
    pk, step_pk = initiative.pk, step.pk
    transaction.on_commit(lambda: _tell_initiators(pk, step_pk))
    return step


@transaction.atomic
def initiative_confirm(*, initiative: Initiative, now: datetime | None = None) -> Initiative:
    """The sender confirmed the address: the initiative has arrived (received) and is public.

    Confirming again changes nothing.
    """
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.state != InitiativeState.UNCONFIRMED:
        return initiative
    now = now or timezone.now()
    initiative.received_at = now
    _step(initiative, InitiativeState.RECEIVED, now=now)
    initiative.save(update_fields=["state", "received_at", "modified_at"])
    return initiative


@transaction.atomic
def initiative_record(
    *,
    data: InitiativeData,
    received_at: datetime,
    by: Any,
    contact_name: str = "",
    contact_email: str = "",
    made_at: AgendaItem | None = None,
    language: str = "fi",
) -> Initiative:
    """The registry records an initiative that arrived otherwise (a council member's at the
    council meeting, an advisory council's decision, a letter): received at once."""
    _check_data(data)
    if received_at > timezone.now():
        raise RuleViolation(_("An initiative cannot have arrived in the future."))
    initiative = _new_initiative(
        data,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(),
        language=language,
        identified_by=IdentifiedBy.STAFF,
        state=InitiativeState.RECEIVED,
        submitted_at=received_at,
        received_at=received_at,
        made_at=made_at,
        modified_at=received_at,
    )
    _step(initiative, InitiativeState.RECEIVED, now=received_at, by=by)
    return initiative


# --- The staff's steps -------------------------------------------------------------------------


def _locked(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("addressed_to", "case")
        .get(pk=initiative.pk)
    )


def _expect(initiative: Initiative, *states: str, message: str) -> None:
    if initiative.state not in states:
        raise RuleViolation(
            message
            + " "
            + _("Its state is now: %(state)s.") % {"state": initiative.get_state_display()}
        )


@transaction.atomic
def initiative_register(
    *,
    initiative: Initiative,
    diary_number: str,
    by: Any,
    now: datetime | None = None,
) -> Initiative:
    """The registry gives the initiative its diary number (a councils Case)."""
    initiative = _locked(initiative)
    _expect(
        initiative,
        InitiativeState.RECEIVED,
        message=_("Only a received initiative is registered."),
    )
    try:
        number, task_class, year = parse_diary_number(diary_number)
    except Exception as exc:
        raise RuleViolation(
            _("A diary number looks like 123/00.01.02/2025: number, task class and year.")
        ) from exc
    diary_number = f"{number}/{task_class}/{year}"
    case = Case.objects.filter(diary_number=diary_number).first()
    if case is None:
        if Case.objects.filter(year=year, number=number).exists():
            raise RuleViolation(
                _("The number %(number)s of %(year)s is already another case's.")
                % {"number": number, "year": year}
            )
        case = Case.objects.create(
            diary_number=diary_number,
            number=number,
            task_class=task_class,
            year=year,
            title=initiative.title[:300],
        )
    now = now or timezone.now()
    initiative.case = case
    _step(
        initiative,
        InitiativeState.REGISTERED,
        now=now,
        by=by,
        note=_("Diary number %(number)s.") % {"number": case.diary_number},
    )
    initiative.save(update_fields=["state", "case", "modified_at"])
    return initiative


@transaction.atomic
def initiative_route(
    *,
    initiative: Initiative,
    handling_body: Body | None,
    handling_unit: str,
    answer_due: date,
    handling_contact: str,
    by: Any,
    now: datetime | None = None,
) -> Initiative:
    """Tell the initiators where the initiative is handled, by when, and whom to ask.

    Due within one month of arrival (rules.acknowledgement_last_day). A registered
    initiative is routed; a routed one may be routed again (another unit takes it over),
    and the initiators are told again. A council member's initiative is answered by its
    own deadline (rules.council_initiative_last_day).
    """
    initiative = _locked(initiative)
    _expect(
        initiative,
        InitiativeState.REGISTERED,
        InitiativeState.ROUTED,
        message=_("An initiative is routed once it is registered with a diary number."),
    )
    now = now or timezone.now()
    today = timezone.localdate(now)
    if answer_due < today:
        raise RuleViolation(_("The answer cannot be due before today."))
    statutory = initiative.statutory_answer_due()
    if statutory is not None and answer_due > statutory:
        raise RuleViolation(
            _(
                "A council member's initiative is answered within %(months)s months of its "
                "arrival (the council's rules of procedure): by %(date)s at the latest."
            )
            % {"months": settings.COUNCIL_INITIATIVE_ANSWER_MONTHS, "date": _day(statutory)}
        )
    if not handling_contact.strip():
        raise RuleViolation(_("Name the contact person whom the initiators may ask."))
    if handling_body is None and not handling_unit.strip():
        raise RuleViolation(_("Say where the initiative is handled: a body or a unit."))
    initiative.handling_body = handling_body
    initiative.handling_unit = handling_unit.strip()
    initiative.answer_due = answer_due
    initiative.handling_contact = handling_contact.strip()
    where = ", ".join(
        part for part in (handling_body and handling_body.name, handling_unit) if part
    )
    _step(
        initiative,
        InitiativeState.ROUTED,
        now=now,
        by=by,
        note=_("Handled by %(where)s; answer by %(date)s. Contact: %(contact)s.")
        % {"where": where, "date": _day(answer_due), "contact": initiative.handling_contact},
    )
    initiative.save(
        update_fields=[
            *("state", "handling_body", "handling_unit", "answer_due", "handling_contact"),
            "modified_at",
        ]
    )
    return initiative


@transaction.atomic
def initiative_hearing_record(
    *,
    initiative: Initiative,
    heard_on: date,
    note: str,
    by: Any,
    now: datetime | None = None,
) -> Initiative:
    """HVAL 30 §: the initiators' representatives were given a chance to be heard.

    The note says how (a meeting, a written opinion) or that they declined; it is public.
    """
    initiative = _locked(initiative)
    _expect(
        initiative,
        InitiativeState.ROUTED,
        message=_("The initiators are heard once the initiative is routed."),
    )
    now = now or timezone.now()
    if heard_on > timezone.localdate(now):
        raise RuleViolation(_("Record the hearing once it has taken place."))
    if initiative.received_on and heard_on < initiative.received_on:
        raise RuleViolation(_("The hearing cannot be before the initiative arrived."))
    if not note.strip():
        raise RuleViolation(
            _("Say how the representatives were heard, or that they declined; residents read it.")
        )
    _step(
        initiative,
        InitiativeState.HEARING,
        now=now,
        by=by,
        note=_("Heard on %(date)s. %(note)s") % {"date": _day(heard_on), "note": note.strip()},
    )
    initiative.save(update_fields=["state", "modified_at"])
    return initiative


def hearing_required(initiative: Initiative) -> bool:
    """HVAL 30 §: residents' and service users' initiatives hear their representatives
    before the answer; council members and advisory councils speak in their own bodies."""
    return initiative.kind in (InitiativeKind.RESIDENT, InitiativeKind.SERVICE_USER)


@transaction.atomic
def initiative_answer(
    *,
    initiative: Initiative,
    measures: str,
    by: Any,
    answer_item: AgendaItem | None = None,
    answer_decision: OfficialDecision | None = None,
    now: datetime | None = None,
) -> Initiative:
    """The decision that answered the initiative, and the measures taken.

    The decision must be public (the minutes out, or the official's decision published):
    residents follow the link. A resident's or service user's initiative is answered
    only after its representatives were heard.
    """
    initiative = _locked(initiative)
    allowed = [InitiativeState.HEARING]
    if not hearing_required(initiative):
        allowed.append(InitiativeState.ROUTED)
    if initiative.state == InitiativeState.ROUTED and hearing_required(initiative):
        raise RuleViolation(
            _(
                "The initiators' representatives must be given a chance to be heard before "
                "the answer (HVAL 30 §): record the hearing first."
            )
        )
    _expect(initiative, *allowed, message=_("A routed initiative is answered."))
    if (answer_item is None) == (answer_decision is None):
        raise RuleViolation(
            _("Choose the one decision that answered it: an agenda item or an official's decision.")
        )
    if (
        answer_item is not None
        and not AgendaItem.objects.decided().filter(pk=answer_item.pk).exists()
    ):
        raise RuleViolation(
            _("The agenda item's minutes are not public yet; answer once they are.")
        )
    if (
        answer_decision is not None
        and not OfficialDecision.objects.published().filter(pk=answer_decision.pk).exists()
    ):
        raise RuleViolation(_("The official's decision is not published yet; answer once it is."))
    if not measures.strip():
        raise RuleViolation(
            _("Say what measures were taken; the initiators and residents read it.")
        )
    now = now or timezone.now()
    initiative.answer_item = answer_item
    initiative.answer_decision = answer_decision
    initiative.measures = measures.strip()
    decision = (
        f"{answer_item.meeting.body.name} {_day(timezone.localdate(answer_item.meeting.start))} "
        f"§ {answer_item.section}"
        if answer_item is not None
        else f"{answer_decision.official_title} {_day(answer_decision.decided_on)}"  # type: ignore[union-attr]
    )
    _step(
        initiative,
        InitiativeState.ANSWERED,
        now=now,
        by=by,
        note=_("Answered: %(decision)s.") % {"decision": decision},
    )
    initiative.save(
        update_fields=["state", "answer_item", "answer_decision", "measures", "modified_at"]
    )
    return initiative


@transaction.atomic
def initiative_close(
    *,
    initiative: Initiative,
    by: Any,
    note: str = "",
    now: datetime | None = None,
) -> Initiative:
    """The initiative is dealt with (loppuun käsitelty); the removal clock starts."""
    initiative = _locked(initiative)
    _expect(initiative, InitiativeState.ANSWERED, message=_("An answered initiative is closed."))
    now = now or timezone.now()
    initiative.closed_at = now
    _step(initiative, InitiativeState.CLOSED, now=now, by=by, note=note)
    initiative.save(update_fields=["state", "closed_at", "modified_at"])
    return initiative


def _tell_initiators(pk: int, step_pk: int) -> None:
    initiative = (
        Initiative.objects.select_related("case", "handling_body", "addressed_to")
        .filter(pk=pk)
        .first()
    )
    step = InitiativeStep.objects.filter(pk=step_pk).first()
    if initiative is None or step is None or not initiative.contact_email:
        return
    with translation.override(initiative.language):
        page_url = _absolute(initiative.get_absolute_url())
    _mail(
        to=initiative.contact_email,
        language=initiative.language,
        template="forums/email/initiative_step.txt",
        context={
            "initiative": initiative,
            "step": step,
            "page_url": page_url,
            "acknowledgement_due": initiative.acknowledgement_due(),
            "kept_days": PERSONAL_DATA_KEPT_DAYS,
        },
    )


# --- Support ---------------------------------------------------------------------------------


@transaction.atomic
def support_request(
    *,
    initiative: Initiative,
    identity: Identity,
    email: str,
    publish_name: bool,
    language: str = "fi",
    now: datetime | None = None,
) -> Supporter | None:
    """Support an initiative: a pending support and a confirmation e-mail (double opt-in).

    Asking again with the same address makes no second row (one support per address and
    initiative, in the database too); the link goes again at most once per
    RESEND_INTERVAL, and never to an address that has already confirmed. Returns None
    when nothing was stored (the address asked for too many); the page says the same
    whatever happened.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if not initiative.may_be_supported:
        raise RuleViolation(
            _("The initiative has been answered; it can no longer be supported.")
            if initiative.is_public
            else _("This initiative cannot be supported.")
        )
    if not identity.name or not identity.municipality:
        raise RuleViolation(_("Give your name and your home municipality."))
    existing = Supporter.objects.filter(initiative=initiative, email=email).first()
    if existing is not None:
        if existing.confirmed_at is None and existing.requested_at <= now - RESEND_INTERVAL:
            existing.requested_at = now
            existing.save(update_fields=["requested_at"])
            pk = existing.pk
            transaction.on_commit(lambda: _send_support_confirmation(pk))
        return existing
    recent = Supporter.objects.filter(email=email, requested_at__gt=now - RESEND_INTERVAL).count()
    if recent >= MAX_SUPPORTS_PER_INTERVAL:
        logger.info("support throttled: too many from one address")
        return None
    try:
        with transaction.atomic():
            supporter = Supporter.objects.create(
                initiative=initiative,
                name=identity.name[:200],
                municipality=identity.municipality,
                email=email,
                publish_name=publish_name,
                identified_by=identity.identified_by,
                language=language,
                requested_at=now,
            )
    except IntegrityError:  # the same request twice at once: the other one won
        return Supporter.objects.filter(initiative=initiative, email=email).first()
    pk = supporter.pk
    transaction.on_commit(lambda: _send_support_confirmation(pk))
    return supporter


def support_confirm_url(supporter: Supporter) -> str:
    token = opt_in_token(purpose=SUPPORT_PURPOSE, pk=supporter.pk, email=supporter.email)
    with translation.override(supporter.language):
        return _absolute(reverse("forums:support_confirm", kwargs={"token": token}))


def _send_support_confirmation(pk: int) -> None:
    supporter = Supporter.objects.select_related("initiative").filter(pk=pk).first()
    if supporter is None or supporter.confirmed_at is not None:
        return
    _mail(
        to=supporter.email,
        language=supporter.language,
        template="forums/email/support_confirm.txt",
        context={
            "supporter": supporter,
            "initiative": supporter.initiative,
            "confirm_url": support_confirm_url(supporter),
            "days": OPT_IN_DAYS,
            "kept_days": PERSONAL_DATA_KEPT_DAYS,
        },
    )


@transaction.atomic
def support_confirm(*, supporter: Supporter, now: datetime | None = None) -> Supporter:
    """The supporter confirmed the address: the support counts. Confirming again changes
    nothing; an initiative answered meanwhile takes no more support."""
    supporter = (
        Supporter.objects.select_for_update().select_related("initiative").get(pk=supporter.pk)
    )
    if supporter.confirmed_at is not None:
        return supporter
    if not supporter.initiative.may_be_supported:
        raise RuleViolation(_("The initiative has been answered; it can no longer be supported."))
    supporter.confirmed_at = now or timezone.now()
    supporter.save(update_fields=["confirmed_at"])
    Initiative.objects.filter(pk=supporter.initiative_id).update(modified_at=supporter.confirmed_at)
    return supporter


# --- Removal of personal data on a schedule ----------------------------------------------------


@personal_data_removal(
    "initiatives",
    what="the contact person's name and address and the supporters' names, home "
    "municipalities and addresses of closed initiatives",
)
def remove_closed_initiatives_personal_data(cutoff: datetime) -> int:
    """Closed before `cutoff`: the contact details and every supporter's data go; the
    initiative, its steps, the public initiators' line and the count of supporters stay."""
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        closed = Initiative.objects.filter(
            state=InitiativeState.CLOSED,
            closed_at__lt=cutoff,
            personal_data_removed_at__isnull=True,
        )
        ids = list(closed.values_list("pk", flat=True))
        if not ids:
            return 0
        changed += Supporter.objects.filter(
            initiative_id__in=ids, personal_data_removed_at__isnull=True
        ).update(
            name="", municipality="", email="", publish_name=False, personal_data_removed_at=now
        )
        # Unconfirmed supports of a closed initiative never counted: they go entirely.
        Supporter.objects.filter(initiative_id__in=ids, confirmed_at__isnull=True).delete()
        changed += Initiative.objects.filter(pk__in=ids).update(
            contact_name="", contact_email="", personal_data_removed_at=now
        )
    return changed


@personal_data_removal(
    "initiatives-unconfirmed",
    what="initiatives and supports whose e-mail was never confirmed",
    days=OPT_IN_DAYS,
)
def remove_unconfirmed(cutoff: datetime) -> int:
    """Links run out after OPT_IN_DAYS: what was never confirmed is deleted, address and all."""
    with transaction.atomic():
        supports, _by_model = Supporter.objects.filter(
            confirmed_at__isnull=True, requested_at__lt=cutoff
        ).delete()
        initiatives, _by_model = Initiative.objects.filter(
            state=InitiativeState.UNCONFIRMED, submitted_at__lt=cutoff
        ).delete()
    return supports + initiatives


# --- The yearly report to the council ------------------------------------------------------------


def report_title(year: int) -> str:
    return _("Initiatives made in %(year)s and the measures taken") % {"year": year}


@transaction.atomic
def initiative_report_queue(*, year: int, today: date | None = None) -> Document:
    """Queue a new version of the yearly report's PDF (councils' documents pipeline)."""
    today = today or timezone.localdate()
    if not 2020 <= year <= today.year:
        raise RuleViolation(_("The report is made of a past year or the current one."))
    report, _created = InitiativeReport.objects.get_or_create(year=year)
    return document_queue_for(report, kind=DocumentKind.REPORT, title=report_title(year))


def initiative_report_attach(
    *, document: Document, agenda_item: AgendaItem, user: Any
) -> Attachment:
    """Attach a ready yearly report to a council agenda item (councils' attachment rules:
    a PDF that opens, not after the minutes are out). Only a clerk of the item's body may."""
    if not AgendaItem.objects.editable_by(user).filter(pk=agenda_item.pk).exists():
        raise PermissionDenied(_("Only a clerk of the item's body may add attachments to it."))
    if document.state != DocumentState.READY or not document.file:
        raise RuleViolation(_("The report is not ready yet."))
    with document.file.open("rb") as handle:
        return attachment_add(
            item=agenda_item,
            title=document.title or report_title(0),
            upload=File(handle, name=document.filename),
            is_public=True,
        )


def may_act(user: Any, initiative: Initiative) -> bool:
    """Routing, hearing, answering and closing (forums/rules.py)."""
    return rules.may_handle_initiative(
        user,
        addressed_to_id=initiative.addressed_to_id,
        handling_body_id=initiative.handling_body_id,
    )
