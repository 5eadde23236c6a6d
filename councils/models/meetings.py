"""Meetings, attendance, agenda items with their attachments, and minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from councils.models.cases import AppealType, Case
from councils.models.organisation import Body, Person, created_field, modified_field
from councils.rules import AppealDates, appeal_dates, notice_in_time, personal_data_public
from portal.lib.choices import in_choices
from portal.lib.sanitize import clean_html, redact_personal_data
from portal.lib.urls import pk_url


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("planned")
    NOTICE_PUBLISHED = "notice_published", _("notice published")
    HELD = "held", _("held")
    MINUTES_DRAFTED = "minutes_drafted", _("minutes drafted")
    MINUTES_CHECKED = "minutes_checked", _("minutes checked")
    MINUTES_PUBLISHED = "minutes_published", _("minutes published")
    CANCELLED = "cancelled", _("cancelled")


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ELECTRONIC = "electronic", _("electronic")
    HYBRID = "hybrid", _("hybrid (in person and remote)")


# What residents may see, as filters relative to an agenda item (`prefix` reaches the
# item from another model, e.g. "item__" from an attachment). The querysets below are the
# one place these rules live: the pages, the feeds, the search index and the open-data API
# all ask them. Meeting.agenda_is_public and .minutes_are_public say the same of a loaded
# row (tests/councils/test_public_rules.py checks that they agree).


def on_public_agenda_q(prefix: str = "") -> Q:
    """An item whose agenda is out: the agenda published and the meeting no longer a plan."""
    return Q(**{f"{prefix}meeting__agenda_published_at__isnull": False}) & ~Q(
        **{f"{prefix}meeting__state": MeetingState.PLANNED}
    )


def minutes_public_q(prefix: str = "") -> Q:
    """An item whose minutes are out (its decision is public, if it has one)."""
    return Q(**{f"{prefix}meeting__state": MeetingState.MINUTES_PUBLISHED})


def public_record_q(prefix: str = "") -> Q:
    """What was said and voted in a handling, public once the minutes are out, and only for
    a public item: a confidential item is its title and secrecy basis only (rule 1)."""
    return minutes_public_q(prefix) & Q(**{f"{prefix}is_public": True})


def personal_data_expired_q(today: date, prefix: str = "") -> Q:
    """An item whose tagged personal data has left the public web (rule 7).

    The database form of AgendaItem.personal_data_public (rules.personal_data_public):
    once the minutes are out, personal data stays public only while an appeal period
    runs; an item open to no appeal shows none from the start. The last day is the one
    stored when the minutes were published, or the clerk's override.
    """
    appealable = (
        Q(**{f"{prefix}meeting__body__appeal_open": True})
        & Q(**{f"{prefix}appeal_type__in": [AppealType.RECTIFICATION, AppealType.REGIONAL_APPEAL]})
        & (
            Q(**{f"{prefix}appeal_last_day_override__gte": today})
            | Q(
                **{
                    f"{prefix}appeal_last_day_override__isnull": True,
                    f"{prefix}appeal_last_day__gte": today,
                }
            )
        )
    )
    return minutes_public_q(prefix) & ~appealable


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def public(self) -> MeetingQuerySet:
        """Meetings residents see: everything whose notice is out (a plan is internal)."""
        return self.exclude(state=MeetingState.PLANNED)

    def agenda_public(self) -> MeetingQuerySet:
        """Meetings whose agenda (and so its items) residents see."""
        return self.filter(agenda_published_at__isnull=False).exclude(state=MeetingState.PLANNED)

    def minutes_public(self) -> MeetingQuerySet:
        """Meetings whose minutes, attendance and decisions residents see."""
        return self.filter(state=MeetingState.MINUTES_PUBLISHED)

    def upcoming(self) -> MeetingQuerySet:
        return self.public().filter(start__gte=timezone.now()).exclude(state=MeetingState.CANCELLED)

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> MeetingQuerySet:
        """Meetings of the bodies this user is a clerk of (all for an administrator)."""
        return self.filter(body__in=Body.objects.editable_by(user))

    def with_last_move(self) -> MeetingQuerySet:
        """Annotate where a meeting was moved from after its notice (moved_from_start and
        moved_from_place; None when it never moved), in the same query."""
        last = MeetingMove.objects.filter(meeting=models.OuterRef("pk"), after_notice=True)
        last = last.order_by("-moved_at", "-pk")
        return self.annotate(
            moved_from_start=models.Subquery(last.values("old_start")[:1]),
            moved_from_place=models.Subquery(last.values("old_place")[:1]),
        )


class Meeting(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number in the year"))
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    mode = models.CharField(
        _("form of meeting"),
        max_length=20,
        choices=MeetingMode.choices,
        default=MeetingMode.IN_PERSON,
    )
    stream_url = models.URLField(_("live stream"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    notice_published_at = models.DateTimeField(_("notice published"), null=True, blank=True)
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    cancelled_reason = models.TextField(_("reason for cancellation"), blank=True)
    created_at = created_field()
    modified_at = modified_field()

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-start"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="meeting_number_unique_per_body_year"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="meeting_ends_after_start",
            ),
            in_choices("mode", MeetingMode.choices),
            in_choices("state", MeetingState.choices),
        ]
        indexes = [models.Index(fields=["body", "-start"]), models.Index(fields=["start"])]

    def __str__(self) -> str:
        return f"{self.body.name} {self.number}/{self.year}"

    def get_absolute_url(self) -> str:
        return pk_url("councils:meeting_detail", self.pk)

    @property
    def minutes_are_public(self) -> bool:
        return self.state == MeetingState.MINUTES_PUBLISHED

    @property
    def agenda_is_public(self) -> bool:
        return self.agenda_published_at is not None and self.state != MeetingState.PLANNED

    @property
    def minutes_published_at(self) -> datetime | None:
        """When the minutes went online; None until then (select_related "minutes")."""
        if self.state != MeetingState.MINUTES_PUBLISHED:
            return None
        try:
            return self.minutes.published_at
        except Minutes.DoesNotExist:
            return None

    @property
    def closed_sections(self) -> list[int]:
        """§ numbers handled behind closed doors (needs the items prefetched)."""
        return [item.section for item in self.items.all() if not item.is_public]


class MeetingMove(models.Model):
    """A change of a meeting's time, place or form, with its reason: the notice's history.

    The meeting row holds the current time and place; each move keeps what it was before
    and after, so residents see "moved from ..." and the history of the notice stays.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="moves"
    )
    moved_at = models.DateTimeField(_("moved"), default=timezone.now)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason for the change"))
    # Whether the notice was already out: then the move is a changed notice residents see.
    after_notice = models.BooleanField(_("after the notice"), default=False)
    old_start = models.DateTimeField(_("was to start"))
    old_end = models.DateTimeField(_("was to end"), null=True, blank=True)
    old_place = models.CharField(_("former place"), max_length=300, blank=True)
    old_mode = models.CharField(
        _("former form of meeting"), max_length=20, choices=MeetingMode.choices
    )
    new_start = models.DateTimeField(_("starts"))
    new_end = models.DateTimeField(_("ends"), null=True, blank=True)
    new_place = models.CharField(_("place"), max_length=300, blank=True)
    new_mode = models.CharField(_("form of meeting"), max_length=20, choices=MeetingMode.choices)

    class Meta:
        ordering = ["meeting", "moved_at", "pk"]
        verbose_name = _("change of time or place")
        verbose_name_plural = _("changes of time or place")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="meeting_move_has_a_reason"),
            in_choices("old_mode", MeetingMode.choices),
            in_choices("new_mode", MeetingMode.choices),
        ]
        indexes = [models.Index(fields=["moved_at"])]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.old_start:%d.%m.%Y %H.%M} → {self.new_start:%d.%m.%Y %H.%M}"

    @property
    def time_changed(self) -> bool:
        return self.old_start != self.new_start

    @property
    def place_changed(self) -> bool:
        return self.old_place != self.new_place

    @property
    def mode_changed(self) -> bool:
        return self.old_mode != self.new_mode


class Presence(models.TextChoices):
    PRESENT = "present", _("present")
    REMOTE = "remote", _("present remotely")
    ABSENT = "absent", _("absent")


class AttendanceRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")
    DEPUTY = "deputy", _("deputy member")
    PRESENTER = "presenter", _("presenter")
    SECRETARY = "secretary", _("secretary")
    EXPERT = "expert", _("expert")
    OTHER = "other", _("other attendee")


# Attendance roles that hold a seat in the body and so count towards the quorum.
SEATED_ROLES = {AttendanceRole.CHAIR, AttendanceRole.MEMBER, AttendanceRole.DEPUTY}


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="attendances"
    )
    role = models.CharField(_("role"), max_length=20, choices=AttendanceRole.choices)
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.PRESENT
    )
    deputy_for = models.ForeignKey(
        Person,
        verbose_name=_("deputy for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    arrived_at = models.PositiveIntegerField(_("arrived during §"), null=True, blank=True)
    left_at = models.PositiveIntegerField(_("left during §"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "person__last_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(left_at__isnull=True)
                | Q(arrived_at__isnull=True)
                | Q(left_at__gte=models.F("arrived_at")),
                name="attendance_leaves_after_arriving",
            ),
            in_choices("role", AttendanceRole.choices),
            in_choices("presence", Presence.choices),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_presence_display()})"

    def is_in_room_for(self, section: int) -> bool:
        """Whether this person took part in the handling of § section."""
        if self.presence == Presence.ABSENT:
            return False
        if self.arrived_at is not None and section < self.arrived_at:
            return False
        return not (self.left_at is not None and section > self.left_at)


class AgendaItemQuerySet(models.QuerySet["AgendaItem"]):
    def on_public_agenda(self) -> AgendaItemQuerySet:
        """Items residents see (a confidential one by its title and secrecy basis only)."""
        return self.filter(on_public_agenda_q())

    def decided(self) -> AgendaItemQuerySet:
        """Items whose minutes residents can read."""
        return self.filter(minutes_public_q(), handling__isnull=False)

    def chronological(self) -> AgendaItemQuerySet:
        """Oldest meeting first, and within a meeting by §: a total order, so that two
        items of one meeting never swap places between requests (PostgreSQL returns ties
        in whatever order the plan of the moment gives)."""
        return self.order_by("meeting__start", "meeting_id", "section")

    def personal_data_expired(self, today: date) -> AgendaItemQuerySet:
        """Published items whose tagged personal data is no longer public (rule 7)."""
        return self.filter(personal_data_expired_q(today))

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> AgendaItemQuerySet:
        """Items on meetings of the bodies this user is a clerk of."""
        return self.filter(meeting__body__in=Body.objects.editable_by(user))

    def proposal_editable_by(self, user: AbstractBaseUser | AnonymousUser) -> AgendaItemQuerySet:
        """A clerk's items, and a presenter's own items until the agenda is published."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(meeting__body__in=Body.objects.editable_by(user))
            | Q(presenter__user=user, meeting__agenda_published_at__isnull=True)
        )


class TakeUp(models.TextChoices):
    """The body's decision on an item added after the notice period (lisäesityslista)."""

    URGENT = "urgent", _("the body declared the matter urgent and took it up")
    UNANIMOUS = "unanimous", _("the body took the matter up by a unanimous decision")
    DECLINED = "declined", _("the body did not take the matter up")


class AgendaItem(models.Model):
    """An item (pykälä, §) on a meeting's agenda."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    section = models.PositiveIntegerField(_("§"))
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
    )
    title = models.CharField(_("title"), max_length=300)
    is_public = models.BooleanField(_("public"), default=True)
    secrecy_basis = models.CharField(
        _("legal basis for secrecy"),
        max_length=300,
        blank=True,
        help_text=_("For example: JulkL 24.1 § 25 k (social welfare client data)."),
    )
    preparer = models.ForeignKey(
        Person,
        verbose_name=_("preparer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prepared_items",
    )
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_items",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    proposal = models.TextField(_("proposal"), blank=True)
    # A formality of the meeting (legality and quorum, minutes checkers, items noted):
    # set from the title by rules.is_procedural_title when added, and by the clerk.
    is_procedural = models.BooleanField(
        _("procedural item"),
        default=False,
        db_default=False,  # rows written in SQL (benchmarks/scale.py) are substantive
        help_text=_(
            "A formality of the meeting, such as its legality or the choice of minutes "
            "checkers. Procedural items rank last in search and are left out of the latest "
            "decisions."
        ),
    )
    appeal_type = models.CharField(
        _("appeal type"),
        max_length=20,
        choices=AppealType.choices,
        default=AppealType.RECTIFICATION,
    )
    appeal_last_day_override = models.DateField(
        _("last day to appeal (set by hand)"), null=True, blank=True
    )
    appeal_override_reason = models.CharField(
        _("reason for the date set by hand"), max_length=300, blank=True
    )
    # Stored when the minutes are published, so a later change of the rules or of the
    # holiday calendar never moves a deadline that residents were already told.
    appeal_deemed_received = models.DateField(_("deemed received"), null=True, blank=True)
    appeal_last_day = models.DateField(_("last day to appeal"), null=True, blank=True)
    # An item added after the agenda was published is on the supplementary agenda
    # (lisäesityslista); one added too late for the notice needs the body's decision to
    # take it up (rules.supplementary_item_problem).
    supplementary_at = models.DateTimeField(
        _("added to the supplementary agenda"), null=True, blank=True
    )
    take_up = models.CharField(
        _("decision to take the matter up"),
        max_length=10,
        choices=TakeUp.choices,
        blank=True,
        default="",
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = created_field()
    modified_at = modified_field()

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["meeting", "section"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "section"], name="item_section_unique_in_meeting"
            ),
            models.CheckConstraint(
                condition=Q(is_public=True) | ~Q(secrecy_basis=""),
                name="confidential_item_has_secrecy_basis",
            ),
            models.CheckConstraint(
                condition=Q(appeal_last_day_override__isnull=True) | ~Q(appeal_override_reason=""),
                name="appeal_override_has_reason",
            ),
            in_choices("appeal_type", AppealType.choices),
            in_choices("take_up", TakeUp.choices, blank=True),
            models.CheckConstraint(
                condition=Q(take_up="")
                | Q(take_up__in=TakeUp.values, supplementary_at__isnull=False),
                name="take_up_only_for_a_supplementary_item",
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.section} {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.body = clean_html(self.body)
        self.proposal = clean_html(self.proposal)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return pk_url("councils:item_detail", self.pk)

    @property
    def is_supplementary(self) -> bool:
        return self.supplementary_at is not None

    def supplementary_on_time(self) -> bool:
        """Added to the supplementary agenda within the notice period (needs meeting.body)."""
        if self.supplementary_at is None:
            return True
        return notice_in_time(
            published_on=timezone.localtime(self.supplementary_at).date(),
            meeting_day=timezone.localtime(self.meeting.start).date(),
            notice_days=self.meeting.body.notice_days,
        )

    def appeal_dates(self) -> AppealDates | None:
        """The appeal clock of this decision once the minutes are online, else None.

        Needs meeting, meeting.body and meeting.minutes selected to avoid queries.
        """
        published = self.meeting.minutes_published_at
        if published is None or not self.meeting.body.rules.appealable:
            return None
        dates = appeal_dates(published=timezone.localtime(published), kind=self.appeal_type)
        if dates is not None and self.appeal_last_day:
            dates = replace(
                dates,
                deemed_received=self.appeal_deemed_received or dates.deemed_received,
                last_day=self.appeal_last_day,
            )
        if dates is not None and self.appeal_last_day_override:
            dates = replace(dates, last_day=self.appeal_last_day_override, overridden=True)
        return dates

    def personal_data_public(self, today: date) -> bool:
        """Tagged personal data shows on the agenda, and after the minutes until appeal ends.

        AgendaItemQuerySet.personal_data_expired is the same rule in the database.
        """
        if self.meeting.minutes_published_at is None:
            return True
        dates = self.appeal_dates()
        return personal_data_public(today=today, appeal_last_day=dates.last_day if dates else None)

    def public_html(self, value: str, *, today: date) -> str:
        """Sanitised rich text of this item as residents see it: tagged personal data
        hidden once its time is up (the page, the API and the exports all use this)."""
        return self.public_htmls(value, today=today)[0]

    def public_htmls(self, *values: str, today: date) -> list[str]:
        """`public_html` of several texts of this item, the personal-data rule asked once."""
        hide = not self.personal_data_public(today)
        return [redact_personal_data(clean_html(v)) if hide else clean_html(v) for v in values]


class AttachmentQuerySet(models.QuerySet["Attachment"]):
    def public(self) -> AttachmentQuerySet:
        """Attachments residents may open: public ones of public items once the agenda is out."""
        return self.filter(on_public_agenda_q("item__"), is_public=True, item__is_public=True)


class Attachment(models.Model):
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="liitteet/%Y/", blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    text = models.TextField(_("extracted text"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    sha512 = models.CharField(_("SHA-512"), max_length=128, blank=True)
    modified_at = modified_field()

    objects = AttachmentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["item", "order"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title

    @property
    def visible_to_public(self) -> bool:
        """AttachmentQuerySet.public for a loaded row (select_related "item__meeting")."""
        return self.is_public and self.item.is_public and self.item.meeting.agenda_is_public


class Minutes(models.Model):
    """The minutes (pöytäkirja) of a meeting: who checks them and when they went online."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes"
    )
    checker_1 = models.ForeignKey(
        Person,
        verbose_name=_("first checker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checker_2 = models.ForeignKey(
        Person,
        verbose_name=_("second checker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checker_1_approved_at = models.DateTimeField(_("first checker approved"), null=True, blank=True)
    checker_2_approved_at = models.DateTimeField(
        _("second checker approved"), null=True, blank=True
    )
    checked_at_meeting = models.BooleanField(_("checked at the meeting"), default=False)
    published_at = models.DateTimeField(_("published online"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(checker_1__isnull=True) | ~Q(checker_1=models.F("checker_2")),
                name="minutes_two_different_checkers",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} – {_('minutes')}"

    def checkers(self) -> list[tuple[Person, datetime | None]]:
        """The named checkers with when each approved (None: not yet)."""
        pairs = [
            (self.checker_1, self.checker_1_approved_at),
            (self.checker_2, self.checker_2_approved_at),
        ]
        return [(person, approved) for person, approved in pairs if person is not None]


class DecisionVersion(models.Model):
    """A published version of a decision. Published text is never edited in place:
    a correction adds a version with a note, and earlier versions stay readable."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    note = models.TextField(_("correction note"), blank=True)
    title = models.CharField(_("title"), max_length=300)
    proposal = models.TextField(_("proposal"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("decision version")
        verbose_name_plural = _("decision versions")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="decision_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("councils:item_version", kwargs={"pk": self.item_id, "number": self.number})

    @classmethod
    def snapshot(
        cls, item: AgendaItem, *, number: int, note: str, user: object = None
    ) -> DecisionVersion:
        handling = getattr(item, "handling", None)
        return cls.objects.create(
            item=item,
            number=number,
            note=note,
            title=item.title,
            proposal=item.proposal,
            outcome=handling.outcome if handling else "",
            decision=handling.decision if handling else "",
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
