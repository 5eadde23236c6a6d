"""E-mail alerts (issue 6, "Follow"): double opt-in subscriptions and the daily digest.

A resident asks to follow a body, a case or a saved search by e-mail. The request makes
a pending `Subscription` and sends a confirmation link; only confirming it (a POST, since
mail scanners fetch links) makes it active. Every morning Celery beat runs
`portal.tasks.send_daily_digests`, which removes requests left unconfirmed for
SUBSCRIPTION_PENDING_DAYS and sends each address at most one digest a day of what is new
in each of its subscriptions since the last digest that covered it.

Every digest section has its own unsubscribe link; the message also carries
`List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
When the digest covers one subscription the header cancels that one; when it covers
several it cancels all of the address's alerts, because a mail client's "unsubscribe"
means "stop these messages", and this one message carries them all. Unsubscribing
deletes the rows, address included.

Writes follow the services' rules (keyword-only, atomic, e-mail after commit), except
`digest_send`: it sends one message per address and records each address as soon as its
message went out, so that a failure for one address neither stops nor rolls back the
others, and a second run on the same day sends nothing again.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Min, Prefetch, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from councils.forms import SearchForm
from councils.models import (
    AgendaItem,
    Body,
    Case,
    Meeting,
    MeetingMove,
    MeetingState,
    OfficialDecision,
)
from forums.models import (
    Comment,
    CommentState,
    Consultation,
    Initiative,
    InitiativeState,
    InitiativeStep,
    Statement,
    StatementState,
)
from portal.models import (
    SUBSCRIPTION_PENDING_DAYS,
    SUBSCRIPTION_QUERY_MAX_LENGTH,
    Subscription,
    SubscriptionKind,
    SubscriptionState,
)

logger = logging.getLogger(__name__)

# An address can follow at most this many things (pending and active together).
MAX_SUBSCRIPTIONS_PER_ADDRESS = 50
# At most one confirmation e-mail per address and target in this time...
CONFIRMATION_INTERVAL = timedelta(hours=1)
# ...and at most this many to one address in that time, whatever the targets: a stranger
# cannot flood someone's inbox with confirmation requests.
MAX_CONFIRMATIONS_PER_INTERVAL = 5
# A saved search lists at most this many new matches; the rest are one link away.
SEARCH_MATCHES_PER_DIGEST = 30
# Query-string keys that change neither what a search finds nor what is new in it.
_IGNORED_SEARCH_KEYS = {"sivu", "jarjestys"}


# --- What can be followed -------------------------------------------------------------------


class TargetNotFound(Exception):
    """The body or case to follow does not exist (the view answers 404)."""


@dataclass(frozen=True)
class Target:
    """What a subscription follows: a body, a case or a saved search."""

    kind: str
    body: Body | None = None
    case: Case | None = None
    query: str = ""
    consultation: Consultation | None = None
    initiative: Initiative | None = None

    @property
    def name(self) -> str:
        if self.consultation is not None:
            return _("Consultation: %(title)s") % {"title": self.consultation.title}
        if self.kind == SubscriptionKind.CONSULTATIONS:
            return _("All new consultations")
        if self.initiative is not None:
            return _("Initiative “%(title)s”") % {"title": self.initiative.title}
        if self.kind == SubscriptionKind.INITIATIVES:
            return _("New initiatives")
        if self.body is not None:
            return self.body.name
        if self.case is not None:
            return f"{self.case.title} ({self.case.diary_number})"
        return describe_search(self.query)

    @property
    def path(self) -> str:
        """The page of the target (relative, in the active language)."""
        if self.consultation is not None:
            return self.consultation.get_absolute_url()
        if self.kind == SubscriptionKind.CONSULTATIONS:
            return reverse("forums:consultation_list")
        if self.initiative is not None:
            return self.initiative.get_absolute_url()
        if self.kind == SubscriptionKind.INITIATIVES:
            return reverse("forums:initiative_list")
        if self.body is not None:
            return self.body.get_absolute_url()
        if self.case is not None:
            return self.case.get_absolute_url()
        return reverse("councils:search") + (f"?{self.query}" if self.query else "")

    @property
    def params(self) -> str:
        """The subscribe form's query string for this target."""
        if self.consultation is not None:
            return urlencode({"kuuleminen": self.consultation.pk})
        if self.kind == SubscriptionKind.CONSULTATIONS:
            return urlencode({"kuulemiset": "kaikki"})
        if self.initiative is not None:
            return urlencode({"aloite": self.initiative.pk})
        if self.kind == SubscriptionKind.INITIATIVES:
            return urlencode({"aloitteet": 1})
        if self.body is not None:
            return urlencode({"toimielin": self.body.slug})
        if self.case is not None:
            return urlencode({"asia": self.case.pk})
        return urlencode({"haku": self.query})

    def lookup(self) -> dict[str, Any]:
        if self.consultation is not None:
            return {"kind": SubscriptionKind.CONSULTATION, "consultation": self.consultation}
        if self.kind == SubscriptionKind.CONSULTATIONS:
            return {"kind": SubscriptionKind.CONSULTATIONS}
        if self.initiative is not None:
            return {"kind": SubscriptionKind.INITIATIVE, "initiative": self.initiative}
        if self.kind == SubscriptionKind.INITIATIVES:
            return {"kind": SubscriptionKind.INITIATIVES}
        if self.body is not None:
            return {"kind": SubscriptionKind.BODY, "body": self.body}
        if self.case is not None:
            return {"kind": SubscriptionKind.CASE, "case": self.case}
        return {"kind": SubscriptionKind.SEARCH, "query": self.query}

    @classmethod
    def of(cls, subscription: Subscription) -> Target:
        return cls(
            kind=subscription.kind,
            body=subscription.body,
            case=subscription.case,
            query=subscription.query,
            consultation=subscription.consultation,
            initiative=subscription.initiative,
        )


def normalise_search_query(raw: str) -> str:
    """The search page's query string in one canonical form, or ValidationError.

    Only the search form's own fields are kept, empty ones and the page number dropped,
    and the keys sorted, so that the same search saved twice is one subscription.
    """
    if len(raw) > SUBSCRIPTION_QUERY_MAX_LENGTH:
        raise ValidationError(
            _("This search is too long to follow (at most %(max)s characters).")
            % {"max": SUBSCRIPTION_QUERY_MAX_LENGTH},
            code="too_long",
        )
    params = QueryDict(raw.lstrip("?"))
    known = set(SearchForm.base_fields) - _IGNORED_SEARCH_KEYS
    pairs = sorted(
        (key, value.strip())
        for key in params
        if key in known
        for value in params.getlist(key)[:1]
        if value.strip()
    )
    form = SearchForm(QueryDict(urlencode(pairs)))
    if not form.is_valid():
        raise ValidationError(
            _("This search cannot be followed: %(errors)s")
            % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
            code="invalid",
        )
    query = urlencode(pairs)
    if len(query) > SUBSCRIPTION_QUERY_MAX_LENGTH:
        raise ValidationError(_("This search is too long to follow."), code="too_long")
    return query


def describe_search(query: str) -> str:
    """A saved search in words, e.g. 'Search "hoitaja" (Aluehallitus)'."""
    params = QueryDict(query)
    words = params.get("q", "").strip()
    details = []
    slug = params.get("toimielin", "")
    if slug:
        body = Body.objects.filter(slug=slug).values_list("name", flat=True).first()
        if body:
            details.append(body)
    for key, label in (("alkaen", _("from %(date)s")), ("asti", _("until %(date)s"))):
        if params.get(key):
            details.append(label % {"date": params[key]})
    name = _("Search “%(words)s”") % {"words": words} if words else _("All new decisions")
    return f"{name} ({', '.join(details)})" if details else name


def target_from_params(params: Mapping[str, str]) -> Target:
    """The target named by ?toimielin=<slug>, ?asia=<case id> or ?haku=<query string>.

    Raises TargetNotFound for an unknown body or case (and when nothing is named),
    ValidationError for a search that cannot be followed.
    """
    slug = params.get("toimielin", "")
    case_id = params.get("asia", "")
    if slug:
        body = Body.objects.filter(slug=slug).first() if len(slug) <= 80 else None
        if body is None:
            raise TargetNotFound(slug)
        if body.end().ended:
            raise ValidationError(
                _("%(name)s has ended: it has no meetings or decisions to come.")
                % {"name": body.name},
                code="ended",
            )
        return Target(kind=SubscriptionKind.BODY, body=body)
    if case_id:
        valid = case_id.isdigit() and len(case_id) <= 18
        case = Case.objects.filter(pk=int(case_id)).first() if valid else None
        if case is None:
            raise TargetNotFound(case_id)
        return Target(kind=SubscriptionKind.CASE, case=case)
    if "haku" in params:
        return Target(kind=SubscriptionKind.SEARCH, query=normalise_search_query(params["haku"]))
    consultation_id = params.get("kuuleminen", "")
    if consultation_id:
        valid = consultation_id.isdigit() and len(consultation_id) <= 18
        consultation = (
            Consultation.objects.published().filter(pk=int(consultation_id)).first()
            if valid
            else None
        )
        if consultation is None:
            raise TargetNotFound(consultation_id)
        return Target(kind=SubscriptionKind.CONSULTATION, consultation=consultation)
    if params.get("kuulemiset") == "kaikki":
        return Target(kind=SubscriptionKind.CONSULTATIONS)
    initiative_id = params.get("aloite", "")
    if initiative_id:
        valid = initiative_id.isdigit() and len(initiative_id) <= 18
        initiative = (
            Initiative.objects.public().filter(pk=int(initiative_id)).first() if valid else None
        )
        if initiative is None:
            raise TargetNotFound(initiative_id)
        if initiative.state == InitiativeState.CLOSED:
            raise ValidationError(
                _("The initiative “%(title)s” is closed: it has no steps to come.")
                % {"title": initiative.title},
                code="ended",
            )
        return Target(kind=SubscriptionKind.INITIATIVE, initiative=initiative)
    if "aloitteet" in params:
        return Target(kind=SubscriptionKind.INITIATIVES)
    raise TargetNotFound("")


# --- Subscribing, confirming, cancelling ----------------------------------------------------


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def cancel_url(subscription: Subscription) -> str:
    """The one-click unsubscribe address (in the subscriber's language when active)."""
    return _absolute(reverse("portal:alert_cancel", kwargs={"token": subscription.token}))


def cancel_all_url(subscription: Subscription) -> str:
    return _absolute(reverse("portal:alert_cancel_all", kwargs={"token": subscription.token}))


@transaction.atomic
def subscription_request(
    *, email: str, target: Target, language: str, now: datetime | None = None
) -> Subscription | None:
    """Ask to follow `target`: a pending subscription and a confirmation e-mail.

    Asking again for the same target makes no second row; the address owner gets the
    confirmation again (or, when already following, a reminder with the unsubscribe
    link), at most once per CONFIRMATION_INTERVAL. The caller shows the same message
    whatever happened, so the page never tells whether an address is subscribed.
    Returns the subscription, or None when nothing was stored (limits reached).
    """
    email = email.strip().lower()
    now = now or timezone.now()
    existing = (
        Subscription.objects.select_for_update().filter(email=email, **target.lookup()).first()
    )
    recent = Subscription.objects.for_email(email).filter(
        requested_at__gt=now - CONFIRMATION_INTERVAL
    )
    if recent.count() >= MAX_CONFIRMATIONS_PER_INTERVAL:
        logger.info("alert request throttled: too many confirmations to one address")
        return existing
    if existing is None:
        if Subscription.objects.for_email(email).count() >= MAX_SUBSCRIPTIONS_PER_ADDRESS:
            logger.info("alert request refused: the address follows the maximum already")
            return None
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    email=email, language=language, requested_at=now, **target.lookup()
                )
        except IntegrityError:  # the same request twice at once: the other one won
            return None
    else:
        subscription = existing
        if subscription.requested_at > now - CONFIRMATION_INTERVAL:
            return subscription
        subscription.requested_at = now
        update = ["requested_at"]
        if subscription.state == SubscriptionState.PENDING:
            subscription.language = language
            update.append("language")
        subscription.save(update_fields=update)
    pk = subscription.pk
    transaction.on_commit(lambda: _send_confirmation(pk))
    return subscription


def _send_confirmation(pk: int) -> None:
    subscription = (
        Subscription.objects.select_related("body", "case", "consultation", "initiative")
        .filter(pk=pk)
        .first()
    )
    if subscription is None:
        return
    target = Target.of(subscription)
    with translation.override(subscription.language):
        active = subscription.state == SubscriptionState.ACTIVE
        context = {
            "subscription": subscription,
            "target_name": target.name,
            "target_url": _absolute(target.path),
            "confirm_url": _absolute(
                reverse("portal:alert_confirm", kwargs={"token": subscription.token})
            ),
            "cancel_url": cancel_url(subscription),
            "active": active,
            "days": SUBSCRIPTION_PENDING_DAYS,
        }
        subject = (
            _("You already follow %(name)s") if active else _("Confirm your e-mail alert: %(name)s")
        ) % {"name": target.name}
        message = EmailMultiAlternatives(
            subject=_one_line(subject),
            body=render_to_string("portal/alerts/email/confirm.txt", context),
            to=[subscription.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("portal/alerts/email/confirm.html", context), "text/html"
        )
    try:
        message.send()
    except Exception:  # the request is stored; the resident can ask again
        logger.exception("sending an alert confirmation failed")


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


@transaction.atomic
def subscription_confirm(
    *, subscription: Subscription, now: datetime | None = None
) -> Subscription:
    """Activate a pending subscription; confirming an active one changes nothing."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.state == SubscriptionState.PENDING:
        subscription.state = SubscriptionState.ACTIVE
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["state", "confirmed_at"])
    return subscription


@transaction.atomic
def subscription_cancel(*, subscription: Subscription, everything: bool = False) -> int:
    """Unsubscribe: delete the subscription (or every one of its address), address and all.

    Nothing of a cancelled alert is kept (data minimisation). Returns how many went.
    """
    if everything:
        deleted, _by_model = Subscription.objects.for_email(subscription.email).delete()
    else:
        deleted, _by_model = Subscription.objects.filter(pk=subscription.pk).delete()
    return deleted


@transaction.atomic
def subscription_expire_pending(*, now: datetime | None = None) -> int:
    """Remove requests whose confirmation link ran out unconfirmed."""
    deleted, _by_model = Subscription.objects.expired(now or timezone.now()).delete()
    return deleted


# --- The daily digest -------------------------------------------------------------------------


@dataclass
class DigestEntry:
    title: str
    url: str
    when: date | datetime | None = None
    note: str = ""
    confidential: bool = False
    lines: list[str] = field(default_factory=list)


@dataclass
class DigestSection:
    subscription: Subscription
    name: str
    url: str
    cancel_url: str
    groups: list[tuple[str, list[DigestEntry]]] = field(default_factory=list)
    more_url: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(entries for _heading, entries in self.groups)


def _in_window(moment: datetime | None, since: datetime, until: datetime) -> bool:
    return moment is not None and since < moment <= until


def _item_title(item: AgendaItem) -> str:
    return f"§ {item.section} {item.title}"


def _meeting_title(meeting: Meeting) -> str:
    return f"{meeting.body.name} {meeting.number}/{meeting.year}"


def _decision_entry(item: AgendaItem) -> DigestEntry:
    """A decision; a confidential one shows its title only (DESIGN.md rule 1)."""
    if not item.is_public:
        return DigestEntry(
            title=_item_title(item),
            url=_absolute(item.get_absolute_url()),
            when=item.meeting.start,
            note=_("confidential"),
            confidential=True,
        )
    return DigestEntry(
        title=_item_title(item),
        url=_absolute(item.get_absolute_url()),
        when=item.meeting.start,
        note=item.handling.get_outcome_display(),
    )


def _moved_note(move: MeetingMove) -> str:
    old = timezone.localtime(move.old_start)
    note = _("moved from %(date)s at %(time)s") % {
        "date": dateformat.format(old, "j.n.Y"),
        "time": dateformat.format(old, "G.i"),
    }
    if move.place_changed:
        note += f", {move.old_place or '–'}"
    return f"{note}. {move.reason}"


class _BodyNews:
    """New agendas, supplementary items, decisions, moves and cancellations of the followed
    bodies, in five queries."""

    def __init__(self, subscriptions: list[Subscription], until: datetime) -> None:
        self.until = until
        body_ids = {s.body_id for s in subscriptions}
        since = min(s.window_start for s in subscriptions if s.window_start)
        self.agendas = list(
            Meeting.objects.public()
            .exclude(state=MeetingState.CANCELLED)
            .filter(
                body_id__in=body_ids,
                agenda_published_at__gt=since,
                agenda_published_at__lte=until,
            )
            .select_related("body")
            .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.order_by("section")))
            .order_by("start")
        )
        self.decisions = list(
            AgendaItem.objects.decided()
            .filter(
                meeting__body_id__in=body_ids,
                meeting__minutes__published_at__gt=since,
                meeting__minutes__published_at__lte=until,
            )
            .select_related("meeting__body", "meeting__minutes", "handling")
            .order_by("meeting__start", "section")
        )
        # A meeting has no cancellation time of its own; the audit trail has it.
        cancelled_at = dict(
            Meeting.history.filter(
                body_id__in=body_ids,
                state=MeetingState.CANCELLED,
                notice_published_at__isnull=False,
                history_date__gt=since,
                history_date__lte=until,
            )
            .values("id")
            .annotate(at=Min("history_date"))
            .values_list("id", "at")
        )
        self.cancelled = [
            (meeting, cancelled_at[meeting.pk])
            for meeting in Meeting.objects.filter(
                pk__in=cancelled_at, state=MeetingState.CANCELLED
            ).select_related("body")
        ]
        # A move after the notice is a changed notice that followers must hear of.
        self.moves = list(
            MeetingMove.objects.filter(
                meeting__body_id__in=body_ids,
                after_notice=True,
                moved_at__gt=since,
                moved_at__lte=until,
            )
            .exclude(meeting__state=MeetingState.CANCELLED)
            .select_related("meeting__body")
            .order_by("moved_at")
        )
        self.supplementary = list(
            AgendaItem.objects.on_public_agenda()
            .filter(
                meeting__body_id__in=body_ids,
                supplementary_at__gt=since,
                supplementary_at__lte=until,
            )
            .select_related("meeting__body")
            .order_by("meeting__start", "section")
        )

    def groups(self, subscription: Subscription) -> list[tuple[str, list[DigestEntry]]]:
        since = subscription.window_start
        assert since is not None
        agendas = [
            DigestEntry(
                title=_meeting_title(m),
                url=_absolute(m.get_absolute_url()),
                when=m.start,
                lines=[_item_title(item) for item in m.items.all()],
            )
            for m in self.agendas
            if m.body_id == subscription.body_id
            and _in_window(m.agenda_published_at, since, self.until)
        ]
        decisions = [
            _decision_entry(item)
            for item in self.decisions
            if item.meeting.body_id == subscription.body_id
            and _in_window(item.meeting.minutes_published_at, since, self.until)
        ]
        cancelled = [
            DigestEntry(
                title=_meeting_title(m),
                url=_absolute(m.get_absolute_url()),
                when=m.start,
                note=m.cancelled_reason,
            )
            for m, at in self.cancelled
            if m.body_id == subscription.body_id and _in_window(at, since, self.until)
        ]
        moved = [
            DigestEntry(
                title=_meeting_title(move.meeting),
                url=_absolute(move.meeting.get_absolute_url()),
                when=move.new_start,
                note=_moved_note(move),
            )
            for move in self.moves
            if move.meeting.body_id == subscription.body_id
            and _in_window(move.moved_at, since, self.until)
        ]
        supplementary = [
            DigestEntry(
                title=_item_title(item),
                url=_absolute(item.get_absolute_url()),
                when=item.meeting.start,
                note=_meeting_title(item.meeting),
            )
            for item in self.supplementary
            if item.meeting.body_id == subscription.body_id
            and _in_window(item.supplementary_at, since, self.until)
        ]
        return [
            (_("New agendas"), agendas),
            (_("Added to a supplementary agenda"), supplementary),
            (_("New decisions"), decisions),
            (_("Moved meetings"), moved),
            (_("Cancelled meetings"), cancelled),
        ]


class _CaseNews:
    """New handlings and officials' decisions of the followed cases, in two queries."""

    def __init__(self, subscriptions: list[Subscription], until: datetime) -> None:
        self.until = until
        case_ids = {s.case_id for s in subscriptions}
        since = min(s.window_start for s in subscriptions if s.window_start)
        self.items = list(
            AgendaItem.objects.on_public_agenda()
            .filter(case_id__in=case_ids)
            .filter(
                Q(
                    meeting__agenda_published_at__gt=since,
                    meeting__agenda_published_at__lte=until,
                )
                | Q(
                    meeting__state=MeetingState.MINUTES_PUBLISHED,
                    meeting__minutes__published_at__gt=since,
                    meeting__minutes__published_at__lte=until,
                )
            )
            .select_related("meeting__body", "meeting__minutes", "handling")
            .order_by("meeting__start", "section")
        )
        self.official_decisions = list(
            OfficialDecision.objects.published()
            .filter(case_id__in=case_ids, published_at__gt=since, published_at__lte=until)
            .order_by("published_at")
        )

    def groups(self, subscription: Subscription) -> list[tuple[str, list[DigestEntry]]]:
        since = subscription.window_start
        assert since is not None
        mine = [i for i in self.items if i.case_id == subscription.case_id]
        decided = [
            _decision_entry(i)
            for i in mine
            if _in_window(i.meeting.minutes_published_at, since, self.until)
            and getattr(i, "handling", None) is not None
        ]
        on_agenda = [
            DigestEntry(
                title=_item_title(i),
                url=_absolute(i.get_absolute_url()),
                when=i.meeting.start,
                note=i.meeting.body.name,
            )
            for i in mine
            if _in_window(i.meeting.agenda_published_at, since, self.until)
            and not _in_window(i.meeting.minutes_published_at, since, self.until)
        ]
        officials = [
            DigestEntry(
                title=d.title,
                url=_absolute(d.get_absolute_url()),
                when=d.decided_on,
                note=d.official_title,
            )
            for d in self.official_decisions
            if d.case_id == subscription.case_id and _in_window(d.published_at, since, self.until)
        ]
        return [
            (_("On the agenda"), on_agenda),
            (_("New decisions"), decided),
            (_("Officials' decisions"), officials),
        ]


class _ConsultationNews:
    """Consultations: newly announced ones, and for a followed consultation its published
    comments, the statements made public, its closing and the note on how the input was
    used. Three queries for all subscriptions together."""

    def __init__(self, subscriptions: list[Subscription], until: datetime) -> None:
        self.until = until
        since = min(s.window_start for s in subscriptions if s.window_start)
        followed = {s.consultation_id for s in subscriptions if s.consultation_id}
        self.announced = list(
            Consultation.objects.published()
            .filter(published_at__gt=since, published_at__lte=until)
            .select_related("body")
            .order_by("published_at")
        )
        self.consultations = {
            c.pk: c for c in Consultation.objects.published().filter(pk__in=followed)
        }
        self.comments = list(
            Comment.objects.filter(
                consultation_id__in=followed,
                state=CommentState.PUBLISHED,
                moderated_at__gt=since,
                moderated_at__lte=until,
            ).order_by("moderated_at")
        )
        self.statements = list(
            Statement.objects.filter(
                invitation__consultation_id__in=followed,
                state=StatementState.SUBMITTED,
                submitted_at__lte=until,
            )
            .select_related("invitation__organisation", "invitation__body")
            .order_by("submitted_at")
        )

    def groups(self, subscription: Subscription) -> list[tuple[str, list[DigestEntry]]]:
        since = subscription.window_start
        assert since is not None
        if subscription.kind == SubscriptionKind.CONSULTATIONS:
            return [
                (
                    _("New consultations"),
                    [
                        DigestEntry(
                            title=c.title,
                            url=_absolute(c.get_absolute_url()),
                            when=c.closes_at,
                            note=_("%(body)s · deadline") % {"body": c.body.name},
                        )
                        for c in self.announced
                        if _in_window(c.published_at, since, self.until)
                    ],
                )
            ]
        consultation = self.consultations.get(subscription.consultation_id or 0)
        if consultation is None:
            return []
        url = _absolute(consultation.get_absolute_url())
        ended = consultation.closed_at or consultation.closes_at
        # Statements kept until closing become public together when the consultation ends.
        statements = [
            DigestEntry(title=s.invitation.invitee_name, url=url, when=s.submitted_at)
            for s in self.statements
            if s.invitation.consultation_id == consultation.pk
            and (
                _in_window(s.submitted_at, since, self.until)
                if consultation.statements_visible == "at_once"
                else _in_window(ended, since, self.until)
            )
        ]
        comments = [
            DigestEntry(
                title=c.display_name,
                url=f"{url}#comment-{c.pk}",
                when=c.moderated_at,
                note=c.text[:200],
            )
            for c in self.comments
            if c.consultation_id == consultation.pk
        ]
        events = []
        if _in_window(ended, since, self.until):
            events.append(DigestEntry(title=_("The consultation has closed"), url=url, when=ended))
        if _in_window(consultation.usage_note_published_at, since, self.until):
            events.append(
                DigestEntry(
                    title=_("How the input was used"),
                    url=url,
                    when=consultation.usage_note_published_at,
                    note=consultation.usage_note[:300],
                )
            )
        return [
            (_("Events"), events),
            (_("Statements"), statements),
            (_("Published comments"), comments),
        ]


class _InitiativeNews:
    """New steps of the followed initiatives and newly received initiatives, in two queries."""

    def __init__(self, subscriptions: list[Subscription], until: datetime) -> None:
        self.until = until
        since = min(s.window_start for s in subscriptions if s.window_start)
        followed = {s.initiative_id for s in subscriptions if s.initiative_id}
        self.steps = (
            list(
                InitiativeStep.objects.filter(
                    initiative_id__in=followed, at__gt=since, at__lte=until
                )
                .select_related("initiative")
                .order_by("at", "pk")
            )
            if followed
            else []
        )
        self.new = (
            list(
                Initiative.objects.public()
                .filter(received_at__gt=since, received_at__lte=until)
                .select_related("addressed_to")
                .order_by("received_at")
            )
            if any(s.kind == SubscriptionKind.INITIATIVES for s in subscriptions)
            else []
        )

    def groups(self, subscription: Subscription) -> list[tuple[str, list[DigestEntry]]]:
        since = subscription.window_start
        assert since is not None
        if subscription.kind == SubscriptionKind.INITIATIVES:
            return [
                (
                    _("New initiatives"),
                    [
                        DigestEntry(
                            title=i.title,
                            url=_absolute(i.get_absolute_url()),
                            when=i.received_at,
                            note=f"{i.get_kind_display()} · {i.addressed_to.name}",
                        )
                        for i in self.new
                        if _in_window(i.received_at, since, self.until)
                    ],
                )
            ]
        return [
            (
                _("New steps"),
                [
                    DigestEntry(
                        title=str(step.get_state_display()),
                        url=_absolute(step.initiative.get_absolute_url()),
                        when=step.at,
                        note=step.note,
                    )
                    for step in self.steps
                    if step.initiative_id == subscription.initiative_id
                    and _in_window(step.at, since, self.until)
                ],
            )
        ]


def _search_groups(
    subscription: Subscription, until: datetime
) -> tuple[list[tuple[str, list[DigestEntry]]], bool]:
    """New matches of a saved search (one query per saved search), and whether cut short."""
    from councils.search import alert_matches

    since = subscription.window_start
    assert since is not None
    matches = list(
        alert_matches(subscription.query, since)
        .filter(published_at__lte=until)
        .select_related("body", "case")[: SEARCH_MATCHES_PER_DIGEST + 1]
    )
    entries = [
        DigestEntry(
            title=entry.title,
            url=_absolute(entry.get_absolute_url()),
            when=entry.date,
            note=" · ".join(
                part for part in (entry.get_kind_display(), entry.body and entry.body.name) if part
            ),
        )
        for entry in matches[:SEARCH_MATCHES_PER_DIGEST]
    ]
    return [(_("New matches"), entries)], len(matches) > SEARCH_MATCHES_PER_DIGEST


def _sections(subscriptions: list[Subscription], until: datetime) -> list[DigestSection]:
    by_kind: dict[str, list[Subscription]] = defaultdict(list)
    for subscription in subscriptions:
        by_kind[subscription.kind].append(subscription)
    body_news = _BodyNews(by_kind[SubscriptionKind.BODY], until) if by_kind["body"] else None
    case_news = _CaseNews(by_kind[SubscriptionKind.CASE], until) if by_kind["case"] else None
    hearing_kinds = (SubscriptionKind.CONSULTATION, SubscriptionKind.CONSULTATIONS)
    hearing_subscriptions = [s for kind in hearing_kinds for s in by_kind[kind]]
    hearing_news = (
        _ConsultationNews(hearing_subscriptions, until) if hearing_subscriptions else None
    )
    initiative_subscriptions = by_kind["initiative"] + by_kind["initiatives"]
    initiative_news = (
        _InitiativeNews(initiative_subscriptions, until) if initiative_subscriptions else None
    )
    sections = []
    for subscription in subscriptions:
        target = Target.of(subscription)
        with translation.override(subscription.language):
            section = DigestSection(
                subscription=subscription,
                name=target.name,
                url=_absolute(target.path),
                cancel_url=cancel_url(subscription),
            )
            if subscription.kind == SubscriptionKind.BODY and body_news:
                section.groups = body_news.groups(subscription)
            elif subscription.kind == SubscriptionKind.CASE and case_news:
                section.groups = case_news.groups(subscription)
            elif subscription.kind in hearing_kinds and hearing_news:
                section.groups = hearing_news.groups(subscription)
            elif initiative_news and subscription.kind in (
                SubscriptionKind.INITIATIVE,
                SubscriptionKind.INITIATIVES,
            ):
                section.groups = initiative_news.groups(subscription)
            elif subscription.kind == SubscriptionKind.SEARCH:
                section.groups, cut = _search_groups(subscription, until)
                # The rest are on the search page, newest first.
                newest_first = urlencode(
                    [*QueryDict(subscription.query).items(), ("jarjestys", "uusin")]
                )
                more = _absolute(f"{reverse('councils:search')}?{newest_first}")
                section.more_url = more if cut else ""
        if not section.is_empty:
            sections.append(section)
    return sections


def _digest_message(
    email: str, sections: list[DigestSection], today: date, connection: Any
) -> EmailMultiAlternatives:
    # One message, one language: that of the address's newest subscription.
    newest = max((s.subscription for s in sections), key=lambda s: s.created_at)
    with translation.override(newest.language):
        unsubscribe = sections[0].cancel_url if len(sections) == 1 else cancel_all_url(newest)
        context = {
            "sections": sections,
            "today": today,
            "cancel_all_url": cancel_all_url(newest),
            "site_url": settings.SITE_URL,
        }
        if len(sections) == 1:
            subject = _("News from Raati: %(name)s") % {"name": sections[0].name}
        else:
            subject = _("News from Raati: %(count)s followed topics") % {"count": len(sections)}
        message = EmailMultiAlternatives(
            subject=_one_line(subject),
            body=render_to_string("portal/alerts/email/digest.txt", context),
            to=[email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(
            render_to_string("portal/alerts/email/digest.html", context), "text/html"
        )
    return message


def _mailed_today(subscriptions: Iterable[Subscription], today: date) -> bool:
    return any(
        s.last_sent_at is not None and timezone.localdate(s.last_sent_at) == today
        for s in subscriptions
    )


def digest_send(*, now: datetime | None = None) -> int:
    """Send each address its daily digest; returns how many e-mails went out.

    An address gets at most one digest a day: one that was mailed today is skipped,
    so running the task twice sends nothing the second time. A subscription's window
    runs from its last digest (or its confirmation) to `now`; only subscriptions with
    something new are mailed and moved on. A failure to send to one address is logged
    and the others still get theirs.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    by_email: dict[str, list[Subscription]] = defaultdict(list)
    for subscription in Subscription.objects.active().select_related(
        "body", "case", "consultation", "initiative"
    ):
        by_email[subscription.email].append(subscription)
    due = [s for subs in by_email.values() if not _mailed_today(subs, today) for s in subs]
    if not due:
        return 0
    sections_by_email: dict[str, list[DigestSection]] = defaultdict(list)
    for section in _sections(due, now):
        sections_by_email[section.subscription.email].append(section)
    sent = 0
    with get_connection() as connection:
        for email, sections in sections_by_email.items():
            try:
                message = _digest_message(email, sections, today, connection)
                message.send()
            except Exception:
                logger.exception("sending a digest failed; the others go on")
                continue
            Subscription.objects.filter(pk__in=[s.subscription.pk for s in sections]).update(
                last_sent_at=now
            )
            sent += 1
    return sent
