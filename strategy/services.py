"""Every write of the strategy follow-up: one function per change, each in one transaction.

A refused change raises StrategyRuleViolation (or its subclass ReasonRequired, which a
form shows on the reason field) with a message for the user; linking a decision to a
goal by someone who is not a clerk of the item's body raises PermissionDenied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from councils.attachments import attachment_add
from councils.documents import document_queue_for
from councils.models import AgendaItem, Attachment, Document, DocumentKind, DocumentState
from strategy import rules
from strategy.choices import Municipality, Status
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    IndicatorValue,
    Programme,
    ReportingPeriod,
    StatusUpdate,
)

User = AbstractBaseUser | AnonymousUser

SNAPSHOT_VERSION = 1
INDICATOR_DATA = ("indicators__targets", "indicators__values")


class StrategyRuleViolation(Exception):
    """A change the follow-up's rules forbid. The message says which rule, for the user."""


class ReasonRequired(StrategyRuleViolation):
    """The manual status differs from the indicators' suggestion and no reason was given."""


def _user_or_none(user: User | None) -> Any:
    return user if user is not None and user.is_authenticated else None


def _locked_period(period: ReportingPeriod) -> ReportingPeriod:
    return ReportingPeriod.objects.select_for_update().select_related("strategy").get(pk=period.pk)


def _refuse_closed(period: ReportingPeriod) -> None:
    if period.is_closed:
        raise StrategyRuleViolation(
            _("The reporting period %(code)s is closed; its reports can no longer change.")
            % {"code": period.code}
        )


def goals_with_data(strategy_id: int) -> QuerySet[Goal]:
    """A strategy's goals with everything the status suggestion needs, in 5 queries."""
    return (
        Goal.objects.filter(strategy_id=strategy_id)
        .select_related("parent")
        .prefetch_related(*INDICATOR_DATA, *(f"children__{lookup}" for lookup in INDICATOR_DATA))
        .order_by("order", "code")
    )


def programmes_with_data(strategy_id: int) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(strategy_id=strategy_id)
        .prefetch_related(*INDICATOR_DATA)
        .order_by("order", "name")
    )


# --- Status updates ---------------------------------------------------------------------


@transaction.atomic
def status_update_save(
    *,
    period: ReportingPeriod,
    status: str,
    author: User | None,
    goal: Goal | None = None,
    programme: Programme | None = None,
    reason: str = "",
    narrative: str = "",
    risks: str = "",
    next_steps: str = "",
    today: date | None = None,
) -> StatusUpdate:
    """Create or replace the period's status update of one goal or one programme.

    The indicators' suggestion is computed now (for the period's end, or today while it
    runs) and stored next to the manual status; a status that differs from it needs a
    written reason. A closed period refuses every change.
    """
    if (goal is None) == (programme is None):
        raise ValueError("a status update is for exactly one goal or programme")
    if status not in Status.values:
        raise StrategyRuleViolation(_("Choose a status from the list."))
    period = _locked_period(period)
    _refuse_closed(period)
    subject: Goal | Programme
    if goal is not None:
        subject = goals_with_data(period.strategy_id).get(pk=goal.pk)
    else:
        assert programme is not None
        subject = programmes_with_data(period.strategy_id).get(pk=programme.pk)
    judged_on = period.judged_on(today or timezone.localdate())
    suggested = subject.suggestion(judged_on).status or ""
    reason = reason.strip()
    if rules.reason_required(status=status, suggested=suggested) and not reason:
        raise ReasonRequired(
            _("The indicators suggest “%(suggested)s”. Say why the status is “%(status)s” instead.")
            % {"suggested": Status(suggested).label, "status": Status(status).label}
        )
    update = (
        StatusUpdate.objects.select_for_update(of=("self",))
        .filter(period=period, goal=goal, programme=programme)
        .order_by()
        .first()
    ) or StatusUpdate(period=period, goal=goal, programme=programme)
    update.status = status
    update.suggested_status = suggested
    update.reason = reason
    update.narrative = narrative
    update.risks = risks
    update.next_steps = next_steps
    update.author = _user_or_none(author)
    update.updated_at = timezone.now()
    update.save()
    return update


# --- Indicator values -------------------------------------------------------------------


@transaction.atomic
def indicator_value_add(
    *,
    indicator: Indicator,
    measured_on: date,
    value: Decimal | str | int,
    entered_by: User | None,
    municipality: str = "",
    note: str = "",
) -> IndicatorValue:
    """Record a measured value for the county ("") or one member municipality."""
    try:
        number = Decimal(str(value).replace(",", ".").replace("\u2212", "-").strip())
    except InvalidOperation:
        raise StrategyRuleViolation(_("The value must be a number, e.g. 12,5.")) from None
    if not number.is_finite() or abs(number) >= Decimal("1e11"):
        raise StrategyRuleViolation(_("The value must be a number, e.g. 12,5."))
    if municipality and municipality not in Municipality.values:
        raise StrategyRuleViolation(
            _("“%(name)s” is not a member municipality of the county.") % {"name": municipality}
        )
    Indicator.objects.select_for_update().filter(pk=indicator.pk).first()  # one writer at a time
    if IndicatorValue.objects.filter(
        indicator=indicator, measured_on=measured_on, municipality=municipality
    ).exists():
        raise StrategyRuleViolation(
            _("%(indicator)s already has a value for %(day)s%(where)s.")
            % {
                "indicator": indicator.name,
                "day": formats.date_format(measured_on, "SHORT_DATE_FORMAT"),
                "where": f" ({municipality})" if municipality else "",
            }
        )
    return IndicatorValue.objects.create(
        indicator=indicator,
        measured_on=measured_on,
        value=number.quantize(Decimal("0.001")),
        municipality=municipality,
        note=note,
        entered_by=_user_or_none(entered_by),
    )


# --- Links from decisions to goals -------------------------------------------------------


def _require_clerk(item: AgendaItem, user: User) -> None:
    if not AgendaItem.objects.editable_by(user).filter(pk=item.pk).exists():
        raise PermissionDenied(_("Only a clerk of the item's body may link it to goals."))


@transaction.atomic
def goal_link_add(*, goal: Goal, agenda_item: AgendaItem, user: User, note: str = "") -> GoalLink:
    """Link an agenda item to a goal it advances. Linking twice keeps the one link."""
    _require_clerk(agenda_item, user)
    link, created = GoalLink.objects.get_or_create(
        goal=goal,
        agenda_item=agenda_item,
        defaults={"note": note, "created_by": _user_or_none(user)},
    )
    if not created and note and note != link.note:
        link.note = note
        link.save(update_fields=["note"])
    return link


@transaction.atomic
def goal_link_remove(*, link: GoalLink, user: User) -> None:
    _require_clerk(link.agenda_item, user)
    link.delete()


# --- Closing a period --------------------------------------------------------------------


@dataclass(frozen=True)
class _Judge:
    on: date

    def indicator(self, indicator: Indicator) -> dict[str, Any]:
        latest = rules.latest(indicator.county_points(), self.on)
        upcoming = [t for t in indicator.target_points() if latest is None or t.on >= latest.on]
        suggestion = indicator.suggestion(self.on)
        return {
            "id": indicator.pk,
            "name": indicator.name,
            "unit": indicator.unit,
            "direction": indicator.direction,
            "is_demo": indicator.is_demo,
            "goal_id": indicator.goal_id,
            "programme_id": indicator.programme_id,
            "latest": {"date": latest.on.isoformat(), "value": str(latest.value)}
            if latest
            else None,
            "next_target": {"date": upcoming[0].on.isoformat(), "value": str(upcoming[0].value)}
            if upcoming
            else None,
            "suggested_status": suggestion.status or "",
        }

    def report(self, subject: Goal | Programme, update: StatusUpdate | None) -> dict[str, Any]:
        suggestion = subject.suggestion(self.on)
        return {
            "id": subject.pk,
            "status": update.status if update else None,
            "suggested_status": suggestion.status or "",
            "reason": update.reason if update else "",
            "narrative": update.narrative if update else "",
            "risks": update.risks if update else "",
            "next_steps": update.next_steps if update else "",
            "updated_at": update.updated_at.isoformat() if update else None,
        }


def period_snapshot(period: ReportingPeriod, *, today: date) -> dict[str, Any]:
    """What the period's report shows, frozen: every goal's and programme's status and the
    indicators' latest county-wide values and suggestions, judged on the period's end.

    Shape (version 1): {"version", "code", "start", "end", "judged_on", "goals": [{id,
    code, title, parent_code, status, suggested_status, reason, narrative, risks,
    next_steps, updated_at}], "programmes": [{id, slug, name, ...the same}], "indicators":
    [{id, name, unit, direction, is_demo, goal_id, programme_id, latest: {date, value} |
    None, next_target: {date, value} | None, suggested_status}]}. Decimals are strings;
    a goal without an update has status None.
    """
    judge = _Judge(period.judged_on(today))
    updates = {(u.goal_id, u.programme_id): u for u in StatusUpdate.objects.filter(period=period)}
    goals = list(goals_with_data(period.strategy_id))
    programmes = list(programmes_with_data(period.strategy_id))
    indicators = [i for g in goals for i in g.indicators.all()]
    indicators += [i for p in programmes for i in p.indicators.all() if i.goal_id is None]
    return {
        "version": SNAPSHOT_VERSION,
        "code": period.code,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "judged_on": judge.on.isoformat(),
        "goals": [
            {
                "code": g.code,
                "title": g.title,
                "parent_code": g.parent.code if g.parent else None,
                **judge.report(g, updates.get((g.pk, None))),
            }
            for g in goals
        ],
        "programmes": [
            {"slug": p.slug, "name": p.name, **judge.report(p, updates.get((None, p.pk)))}
            for p in programmes
        ],
        "indicators": [judge.indicator(i) for i in indicators],
    }


@transaction.atomic
def period_close(
    *, period: ReportingPeriod, user: User | None, today: date | None = None
) -> ReportingPeriod:
    """Close a reporting period: freeze its snapshot; its updates can no longer change.

    A period closes on its last day at the earliest, so the report covers all of it.
    """
    today = today or timezone.localdate()
    period = _locked_period(period)
    _refuse_closed(period)
    if today < period.end:
        raise StrategyRuleViolation(
            _("The period %(code)s runs until %(day)s; it can be closed from that day on.")
            % {"code": period.code, "day": formats.date_format(period.end, "SHORT_DATE_FORMAT")}
        )
    period.snapshot = period_snapshot(period, today=today)
    period.closed_at = timezone.now()
    period.closed_by = _user_or_none(user)
    period.save(update_fields=["snapshot", "closed_at", "closed_by"])
    return period


# --- Staff pages: conflict-safe updates, CSV imports, the period report ------------------
# (added for strategy/staff/; the functions above keep their behaviour)


class EditConflict(StrategyRuleViolation):
    """Someone else saved the status update after this form was opened."""

    def __init__(self, message: str, current: StatusUpdate) -> None:
        super().__init__(message)
        self.current = current


def status_update_token(update: StatusUpdate | None) -> str:
    """What a form carries to detect a concurrent save: the update's last save time."""
    return update.updated_at.isoformat() if update is not None else ""


@transaction.atomic
def status_update_save_checked(
    *,
    period: ReportingPeriod,
    expected: str,
    goal: Goal | None = None,
    programme: Programme | None = None,
    **changes: Any,
) -> StatusUpdate:
    """status_update_save, but refuse to overwrite an update saved after the form was
    opened (`expected` is status_update_token of the update the form showed)."""
    period = _locked_period(period)  # one writer of the period's updates at a time
    current = (
        StatusUpdate.objects.select_for_update(of=("self",))
        .filter(period=period, goal=goal, programme=programme)
        .order_by()
        .first()
    )
    if current is not None and status_update_token(current) != expected:
        raise EditConflict(
            _("Someone else saved this status update while you were editing it."), current
        )
    if current is None and expected:
        raise StrategyRuleViolation(_("The status update you edited no longer exists."))
    return status_update_save(period=period, goal=goal, programme=programme, **changes)


@dataclass(frozen=True)
class ValueRow:
    """One measured value to import (parsed and checked by strategy/staff/csv_import.py)."""

    indicator_id: int
    measured_on: date
    value: Decimal
    municipality: str = ""
    note: str = ""


@transaction.atomic
def indicator_values_import(*, rows: list[ValueRow], entered_by: User | None) -> int:
    """Save every row or none: one refused row (e.g. a value someone stored meanwhile)
    rolls the whole import back. Returns how many values were saved."""
    indicators = Indicator.objects.in_bulk({row.indicator_id for row in rows})
    for row in rows:
        indicator = indicators.get(row.indicator_id)
        if indicator is None:
            raise StrategyRuleViolation(_("An indicator of the import no longer exists."))
        indicator_value_add(
            indicator=indicator,
            measured_on=row.measured_on,
            value=row.value,
            municipality=row.municipality,
            note=row.note,
            entered_by=entered_by,
        )
    return len(rows)


def _report_title(period: ReportingPeriod) -> str:
    return _("Strategy follow-up report %(code)s") % {"code": period.code}


@transaction.atomic
def period_report_queue(*, period: ReportingPeriod) -> Document:
    """Queue a new version of the period's report PDF (councils' documents pipeline)."""
    return document_queue_for(period, kind=DocumentKind.REPORT, title=_report_title(period))


@transaction.atomic
def period_close_with_report(
    *, period: ReportingPeriod, user: User | None, today: date | None = None
) -> tuple[ReportingPeriod, Document]:
    """Close the period (period_close) and queue its report, in one transaction."""
    period = period_close(period=period, user=user, today=today)
    return period, period_report_queue(period=period)


@transaction.atomic
def period_report_attach(*, document: Document, agenda_item: AgendaItem, user: User) -> Attachment:
    """Attach a ready report PDF to an agenda item (e.g. the board's review of the period).

    Only a clerk of the item's body may; councils' attachment rules apply (PDF checked,
    not after the minutes are out). Raises ValidationError or councils' RuleViolation.
    """
    if not AgendaItem.objects.editable_by(user).filter(pk=agenda_item.pk).exists():
        raise PermissionDenied(_("Only a clerk of the item's body may add attachments to it."))
    if document.state != DocumentState.READY or not document.file:
        raise StrategyRuleViolation(_("The report is not ready yet."))
    with document.file.open("rb") as handle:
        return attachment_add(
            item=agenda_item,
            title=document.title or _("Strategy follow-up report"),
            upload=File(handle, name=document.filename),
            is_public=True,
        )
