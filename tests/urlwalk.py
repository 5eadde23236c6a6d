"""Every URL pattern of the project, and a small world in which each has a real object.

Used by the bad-input walker (tests/portal/test_url_walk.py) and the staff permission
matrix (tests/councils/test_staff_views.py). `routes()` reads Django's resolver, so a URL
added later is found without a change here; `kwargs_for()` must then learn which object
it shows, and says so in its error until it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone
from pypdf import PdfWriter

from councils import services
from councils.attachments import attachment_add
from councils.models import DocumentKind, MeetingState, MembershipRole, Office, Outcome
from councils.services import AttendanceRow
from portal.models import Subscription, SubscriptionKind, SubscriptionState
from tests import factories as f


@dataclass(frozen=True)
class Route:
    name: str  # "staff:meeting"; unnamed patterns are left out (the admin's redirects)
    pattern: str  # "hallinta/kokoukset/<int:pk>/"
    converters: dict[str, str]  # parameter -> converter name ("int", "slug", "str", ...)
    i18n: bool  # under the language prefixes /, /sv/, /en/

    @property
    def namespace(self) -> str:
        return self.name.split(":", 1)[0] if ":" in self.name else ""

    @property
    def is_staff(self) -> bool:
        return self.pattern.startswith("hallinta/")

    @property
    def is_admin(self) -> bool:
        return self.namespace == "admin"


def _walk(
    resolver: URLResolver, prefix: str, namespaces: tuple[str, ...], i18n: bool
) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            locale = isinstance(entry.pattern, LocalePrefixPattern)
            pattern = "" if locale else str(entry.pattern)
            names = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry, prefix + pattern, names, i18n or locale)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = (
                {
                    key: type(converter).__name__.removesuffix("Converter").lower()
                    for key, converter in entry.pattern.converters.items()
                }
                if isinstance(entry.pattern, RoutePattern)
                else {name: "regex" for name in entry.pattern.regex.groupindex}
            )
            yield Route(
                name=":".join((*namespaces, entry.name)),
                pattern=prefix + str(entry.pattern),
                converters=converters,
                i18n=i18n,
            )


def routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver(), "", (), False):
        seen.setdefault(route.name, route)  # the first pattern of a name is what reverse() gives
    return list(seen.values())


def tiny_pdf() -> bytes:
    from io import BytesIO

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class World:
    """One of everything: bodies, people and roles, meetings in several states, strategy."""

    def __init__(self) -> None:
        now = timezone.now()
        today = timezone.localdate()
        self.body = f.BodyFactory(slug="aluehallitus", name="Aluehallitus", seats=5)
        self.other_body = f.BodyFactory(slug="tarkastuslautakunta", name="Tarkastuslautakunta")
        self.clerk = f.UserFactory(username="sihteeri", first_name="Sanni", last_name="Sihteeri")
        self.body.clerks.add(self.clerk)
        self.other_clerk = f.UserFactory(username="toinen")
        self.other_body.clerks.add(self.other_clerk)
        self.admin = f.UserFactory(username="admin", is_superuser=True, is_staff=True)
        self.outsider = f.UserFactory(username="ulkopuolinen")
        # Members: the first two are the checkers; `board_member` signs in as one of them.
        self.members = [
            f.MembershipFactory(
                body=self.body,
                role=MembershipRole.CHAIR if n == 0 else MembershipRole.MEMBER,
                start=today - timedelta(days=400),
            ).person
            for n in range(4)
        ]
        self.board_member = f.UserFactory(username="tarkastaja1")
        self.members[1].user = self.board_member
        self.members[1].save(update_fields=["user"])
        self.person = self.members[0]
        # An official with delegated power, who signs in.
        self.official_user = f.UserFactory(username="talousjohtaja")
        self.official = f.PersonFactory(
            political_group="", title="talousjohtaja", user=self.official_user
        )
        self.office = Office.objects.create(
            title="talousjohtaja",
            holder=self.official,
            delegated_by=self.body,
            start=today - timedelta(days=365),
        )
        self.official_decision = f.OfficialDecisionFactory(official=self.official)
        # A meeting an hour ago, agenda out, being recorded; its first item has a handling
        # and a seconded counter-proposal, so every recording form is on the page.
        self.meeting = f.MeetingFactory(
            body=self.body, start=now - timedelta(hours=1), year=now.year, number=901
        )
        self.item = f.AgendaItemFactory(meeting=self.meeting, section=1)
        self.spare_item = f.AgendaItemFactory(meeting=self.meeting, section=2)
        self.attachment = attachment_add(
            item=self.item,
            title="Liite",
            upload=SimpleUploadedFile("liite.pdf", tiny_pdf(), "application/pdf"),
            is_public=True,
        )
        self.spare_attachment = attachment_add(
            item=self.item,
            title="Toinen liite",
            upload=SimpleUploadedFile("toinen.pdf", tiny_pdf(), "application/pdf"),
            is_public=True,
        )
        services.attendance_record(
            meeting=self.meeting,
            rows=[
                AttendanceRow(
                    person=person, role="chair" if n == 0 else "member", presence="present"
                )
                for n, person in enumerate(self.members)
            ],
        )
        services.handling_record(
            item=self.item, outcome=Outcome.AS_PROPOSED, decision="<p>Hyväksyttiin.</p>"
        )
        services.counter_proposal_add(
            item=self.item, proposer=self.members[2], text="Palautetaan.", seconder=self.members[3]
        )
        # A planned meeting whose agenda is still open (adding and removing items).
        self.planned = services.meeting_create(body=self.body, start=now + timedelta(days=20))
        services.item_add(meeting=self.planned, title="Suunniteltu asia")
        self.spare_meeting = services.meeting_create(body=self.body, start=now + timedelta(days=30))
        # Minutes waiting for the checkers, one of whom is `board_member`.
        self.drafted = f.MeetingFactory(
            body=self.body,
            state=MeetingState.MINUTES_DRAFTED,
            start=now - timedelta(days=3),
            year=now.year,
            number=950,
        )
        f.MinutesFactory(
            meeting=self.drafted,
            checker_1=self.members[1],
            checker_2=self.members[2],
            checker_1_approved_at=None,
            checker_2_approved_at=None,
            published_at=None,
        )
        # A published meeting with a decided item: the public record.
        self.published = f.PublishedMeetingFactory(
            body=self.body, start=now - timedelta(days=40), year=now.year, number=960
        )
        handling = f.HandlingFactory(item__meeting=self.published, item__section=1)
        self.decided_item = handling.item
        self.case = self.decided_item.case
        from councils.models import DecisionVersion

        DecisionVersion.objects.create(
            item=self.decided_item, number=1, title=self.decided_item.title, decision="<p>x</p>"
        )
        from councils import documents

        (self.document,) = documents.documents_queue(self.published, [DocumentKind.MINUTES])
        with patch.object(documents, "render_pdf", lambda document: tiny_pdf()):
            self.document = documents.document_render(self.document.pk)
        # Alerts.
        self.subscription = Subscription.objects.create(
            email="asukas@example.invalid",
            kind=SubscriptionKind.BODY,
            body=self.body,
            language="fi",
            state=SubscriptionState.ACTIVE,
            confirmed_at=now,
        )
        # Strategy: a period around today, a closed one with its report, goals, programme.
        from strategy import services as strategy_services
        from tests.strategy.staff_helpers import arrange, chair, strategist

        self.strategy_world = arrange()
        self.strategy = self.strategy_world.strategy
        self.period = self.strategy_world.period
        self.goal = self.strategy_world.on_track
        self.indicator = self.strategy_world.indicator
        self.programme = f.ProgrammeFactory(strategy=self.strategy)
        _closed, report = strategy_services.period_close_with_report(
            period=self.strategy_world.previous, user=None
        )
        with patch.object(documents, "render_pdf", lambda document: tiny_pdf()):
            self.report = documents.document_render(report.pk)
        self.goal_link = f.GoalLinkFactory(goal=self.goal, agenda_item=self.item)
        self.spare_goal_link = f.GoalLinkFactory(goal=self.goal, agenda_item=self.spare_item)
        self.chair = chair()
        self.strategist = strategist()
        self.strategist.username  # noqa: B018 - created for its group
        # Participation: an organisation with a representative, a registration waiting for
        # the organisations coordinator, and the chairs' forum whose secretary records the
        # yearly follow-up of the cooperation agreement.
        from django.contrib.auth.models import Group

        from forums.models import (
            AgreementGoal,
            CooperationAgreement,
            Registration,
            RegistrationState,
            Representative,
        )
        from forums.rules import COORDINATORS

        self.coordinator = f.UserFactory(username="koordinaattori")
        self.coordinator.groups.add(Group.objects.get(name=COORDINATORS))
        self.organisation = f.OrganisationFactory(name="Päijät-Hämeen Omaishoitajat ry")
        self.representative = Representative.objects.create(
            organisation=self.organisation, person=f.PersonFactory(), title="toiminnanjohtaja"
        )
        self.registration = Registration.objects.create(
            organisation=f.OrganisationFactory(name="Uusi yhdistys ry", status="pending"),
            contact_name="Kaija",
            email="kaija@example.invalid",
            language="fi",
            state=RegistrationState.CONFIRMED,
            confirmed_at=now,
        )
        chairs_forum = f.ForumFactory(level="chairs", body__name="Puheenjohtajafoorumi")
        self.forum_secretary = f.UserFactory(username="foorumisihteeri")
        chairs_forum.body.clerks.add(self.forum_secretary)
        self.agreement = CooperationAgreement.objects.create(
            slug="yhteistyopoytakirja", title="Yhteistyöpöytäkirja", signed_on=today
        )
        chairs_forum.agreement = self.agreement
        chairs_forum.save(update_fields=["agreement"])
        AgreementGoal.objects.create(agreement=self.agreement, title="Asukkaiden arki", order=1)
        # Consultations: one open on the board's case (the board's clerk manages it) with an
        # invitation, a statement, a comment waiting for moderation, a published comment,
        # a document and a rendered report.
        from forums import consultations as consultation_services
        from tests.forums.consultation_helpers import consultation_data

        self.consultation = consultation_services.consultation_create(
            data=consultation_data(self.case, self.body)
        )
        self.invitation = consultation_services.invitation_add(
            consultation=self.consultation,
            organisation=self.organisation,
            email="yhdistys@example.invalid",
        )
        consultation_services.consultation_publish(consultation=self.consultation)
        consultation_services.statement_submit(invitation=self.invitation, text="Lausunto.")
        self.waiting_comment = consultation_services.comment_submit(
            consultation=self.consultation, text="Odottaa.", email="a@example.invalid"
        )
        consultation_services.comment_confirm(comment=self.waiting_comment)
        self.published_comment = consultation_services.comment_submit(
            consultation=self.consultation, text="Julkaistu.", email="b@example.invalid"
        )
        consultation_services.comment_confirm(comment=self.published_comment)
        consultation_services.comment_moderate(comment=self.published_comment, publish=True)
        self.comment_token = (
            consultation_services.comment_confirm_url(self.waiting_comment)
            .rstrip("/")
            .rsplit("/", 1)[-1]
        )
        self.consultation_document = consultation_services.document_add(
            consultation=self.consultation,
            title="Luonnos",
            upload=SimpleUploadedFile("luonnos.pdf", tiny_pdf(), "application/pdf"),
        )
        self.consultation_report = documents.document_queue_for(
            self.consultation, kind=DocumentKind.REPORT, title="Raportti"
        )
        with patch.object(documents, "render_pdf", lambda document: tiny_pdf()):
            self.consultation_report = documents.document_render(self.consultation_report.pk)
        # Initiatives: one received (addressed to the board, so its clerk handles it), one
        # waiting for its sender's confirmation, a pending support, the registry and a
        # yearly report rendered.
        from forums import initiatives as initiative_services
        from forums.identity import Identity
        from forums.models import IdentifiedBy, InitiativeReport
        from forums.participation import opt_in_token
        from forums.rules import REGISTRY
        from tests.forums.initiative_helpers import data as initiative_data

        self.registry = f.UserFactory(username="kirjaamo")
        self.registry.groups.add(Group.objects.get(name=REGISTRY))
        identity = Identity(
            name="Aino", municipality="lahti", identified_by=IdentifiedBy.SELF_ASSERTED
        )
        pending = initiative_services.initiative_submit(
            data=initiative_data(self.body, title="Vahvistamaton aloite"),
            identity=identity,
            contact_name="Aino",
            contact_email="aino@example.invalid",
        )
        assert pending is not None
        self.initiative_token = opt_in_token(
            purpose=initiative_services.SUBMIT_PURPOSE, pk=pending.pk, email=pending.contact_email
        )
        submitted = initiative_services.initiative_submit(
            data=initiative_data(self.body),
            identity=identity,
            contact_name="Aino",
            contact_email="aino2@example.invalid",
        )
        assert submitted is not None
        self.initiative = initiative_services.initiative_confirm(initiative=submitted)
        supporter = initiative_services.support_request(
            initiative=self.initiative,
            identity=identity,
            email="tukija@example.invalid",
            publish_name=True,
        )
        assert supporter is not None
        self.support_token = opt_in_token(
            purpose=initiative_services.SUPPORT_PURPOSE, pk=supporter.pk, email=supporter.email
        )
        queued = initiative_services.initiative_report_queue(year=today.year)
        with patch.object(documents, "render_pdf", lambda document: tiny_pdf()):
            self.initiative_report = documents.document_render(queued.pk)
        assert isinstance(self.initiative_report.owner, InitiativeReport)


# Which object each URL shows: route name -> the path parameters, from the world.
KWARGS: dict[str, Callable[[World], dict[str, Any]]] = {
    "portal:alert_confirm": lambda w: {"token": w.subscription.token},
    "portal:alert_cancel": lambda w: {"token": w.subscription.token},
    "portal:alert_cancel_all": lambda w: {"token": w.subscription.token},
    "councils:body_detail": lambda w: {"slug": w.body.slug},
    "councils:body_calendar": lambda w: {"slug": w.body.slug},
    "councils:body_rss": lambda w: {"slug": w.body.slug},
    "councils:body_atom": lambda w: {"slug": w.body.slug},
    "councils:person_detail": lambda w: {"slug": w.person.slug},
    "councils:meeting_detail": lambda w: {"pk": w.published.pk},
    "councils:item_detail": lambda w: {"pk": w.decided_item.pk},
    "councils:item_version": lambda w: {"pk": w.decided_item.pk, "number": 1},
    "councils:attachment": lambda w: {"pk": w.attachment.pk},
    "councils:document": lambda w: {"pk": w.document.pk},
    "councils:case_detail": lambda w: _case(w),
    "councils:case_rss": lambda w: _case(w),
    "councils:official_decision_detail": lambda w: {"pk": w.official_decision.pk},
    "strategy:goal_link_add": lambda w: {"pk": w.item.pk},
    "strategy:goal_link_remove": lambda w: {"pk": w.spare_goal_link.pk},
    "strategy:strategy_detail": lambda w: {"strategy": w.strategy.slug},
    "strategy:goal_detail": lambda w: {"strategy": w.strategy.slug, "code": w.goal.code},
    "strategy:programme_detail": lambda w: {
        "strategy": w.strategy.slug,
        "slug": w.programme.slug,
    },
    "strategy:indicator_detail": lambda w: {"strategy": w.strategy.slug, "pk": w.indicator.pk},
    "strategy:period_list": lambda w: {"strategy": w.strategy.slug},
    "strategy:period_detail": lambda w: {"strategy": w.strategy.slug, "slug": w.period.slug},
    "strategy_staff:period_detail": lambda w: {"pk": w.period.pk},
    "strategy_staff:period_close": lambda w: {"pk": w.period.pk},
    "strategy_staff:report_queue": lambda w: {"pk": w.period.pk},
    "strategy_staff:status_update_goal": lambda w: {"pk": w.period.pk, "code": w.goal.code},
    "strategy_staff:status_update_programme": lambda w: {
        "pk": w.period.pk,
        "slug": w.programme.slug,
    },
    "strategy_staff:value_import": lambda w: {"pk": w.period.pk},
    "strategy_staff:value_import_confirm": lambda w: {"pk": w.period.pk},
    "strategy_staff:report_file": lambda w: {"pk": w.report.pk},
    "strategy_staff:report_attach": lambda w: {"pk": w.report.pk},
    "strategy_staff:value_add": lambda w: {"pk": w.indicator.pk},
    "staff:meeting": lambda w: {"pk": w.meeting.pk},
    "staff:agenda_preview": lambda w: {"pk": w.meeting.pk},
    "staff:meeting_move": lambda w: {"pk": w.planned.pk},
    "staff:supplementary_item_add": lambda w: {"pk": w.meeting.pk},
    "staff:take_up_save": lambda w: {"pk": w.item.pk},
    "staff:counter_proposal_settle": lambda w: {"pk": w.item.pk},
    "staff:item_add": lambda w: {"pk": w.planned.pk},
    "staff:publish_notice": lambda w: {"pk": w.planned.pk},
    "staff:publish_agenda": lambda w: {"pk": w.planned.pk},
    "staff:mark_held": lambda w: {"pk": w.meeting.pk},
    "staff:cancel": lambda w: {"pk": w.spare_meeting.pk},
    "staff:attendance": lambda w: {"pk": w.meeting.pk},
    "staff:meeting_documents": lambda w: {"pk": w.published.pk},
    "staff:document_retry": lambda w: {"pk": w.document.pk},
    "staff:minutes_draft": lambda w: {"pk": w.meeting.pk},
    "staff:minutes_review": lambda w: {"pk": w.drafted.pk},
    "staff:minutes_approve": lambda w: {"pk": w.drafted.pk},
    "staff:minutes_publish": lambda w: {"pk": w.drafted.pk},
    "staff:item_edit": lambda w: {"pk": w.item.pk},
    "staff:item_move": lambda w: {"pk": w.item.pk},
    "staff:item_remove": lambda w: {"pk": w.spare_item.pk},
    "staff:item_record": lambda w: {"pk": w.item.pk},
    "staff:handling_save": lambda w: {"pk": w.item.pk},
    "staff:counter_proposal_add": lambda w: {"pk": w.item.pk},
    "staff:vote_save": lambda w: {"pk": w.item.pk},
    "staff:disqualification_add": lambda w: {"pk": w.item.pk},
    "staff:dissent_add": lambda w: {"pk": w.item.pk},
    "staff:election_add": lambda w: {"pk": w.item.pk},
    "staff:decision_correct": lambda w: {"pk": w.decided_item.pk},
    "staff:attachment_upload": lambda w: {"pk": w.item.pk},
    "staff:attachment_delete": lambda w: {"pk": w.spare_attachment.pk},
    "opendata_files:csv": lambda w: {"kind": "paatokset", "year": str(w.published.year)},
    "oparl:body": lambda w: {"slug": _county_slug()},
    "oparl:body_list_of": lambda w: {"slug": _county_slug(), "oparl_type": "meeting"},
    "oparl:organization_meetings": lambda w: {"key": f"body-{w.body.pk}"},
    "oparl:file_access": lambda w: {"key": f"attachment-{w.attachment.pk}"},
    "oparl:file_download": lambda w: {"key": f"attachment-{w.attachment.pk}"},
    "oparl:object": lambda w: {"oparl_type": "meeting", "key": str(w.published.pk)},
    "oparl:not_found": lambda w: {"rest": "ei-ole/"},
    "forums:agreement_detail": lambda w: {"slug": w.agreement.slug},
    "forums:organisation_detail": lambda w: {"slug": w.organisation.slug},
    "forums:register_confirm": lambda w: {"token": w.registration.token},
    "forums_staff:organisation_edit": lambda w: {"pk": w.organisation.pk},
    "forums_staff:representative_add": lambda w: {"pk": w.organisation.pk},
    "forums_staff:representative_remove": lambda w: {"pk": w.representative.pk},
    "forums_staff:registration_review": lambda w: {"pk": w.registration.pk},
    "forums_staff:registration_approve": lambda w: {"pk": w.registration.pk},
    "forums_staff:registration_reject": lambda w: {"pk": w.registration.pk},
    "forums_staff:follow_up": lambda w: {"pk": w.agreement.pk},
    "forums:consultation_detail": lambda w: {"pk": w.consultation.pk},
    "forums:consultation_comment": lambda w: {"pk": w.consultation.pk},
    "forums:consultation_news_rss": lambda w: {"pk": w.consultation.pk},
    "forums:consultation_news_atom": lambda w: {"pk": w.consultation.pk},
    "forums:consultation_document": lambda w: {"pk": w.consultation_document.pk},
    "forums:comment_confirm": lambda w: {"token": w.comment_token},
    "forums:comment_flag": lambda w: {"pk": w.published_comment.pk},
    "forums:statement_edit": lambda w: {"token": w.invitation.token},
    "forums_staff:consultation_edit": lambda w: {"pk": w.consultation.pk},
    "forums_staff:consultation_publish": lambda w: {"pk": w.consultation.pk},
    "forums_staff:consultation_document_add": lambda w: {"pk": w.consultation.pk},
    "forums_staff:invitation_add": lambda w: {"pk": w.consultation.pk},
    "forums_staff:moderation": lambda w: {"pk": w.consultation.pk},
    "forums_staff:comment_moderate": lambda w: {"pk": w.waiting_comment.pk},
    "forums_staff:consultation_close": lambda w: {"pk": w.consultation.pk},
    "forums_staff:usage_note": lambda w: {"pk": w.consultation.pk},
    "forums_staff:decision_link": lambda w: {"pk": w.consultation.pk},
    "forums_staff:consultation_summary": lambda w: {"pk": w.consultation.pk},
    "forums_staff:answers_csv": lambda w: {"pk": w.consultation.pk},
    "forums_staff:report_queue": lambda w: {"pk": w.consultation.pk},
    "forums_staff:report_file": lambda w: {"pk": w.consultation_report.pk},
    "forums:initiative_detail": lambda w: {"pk": w.initiative.pk},
    "forums:initiative_confirm": lambda w: {"token": w.initiative_token},
    "forums:support_confirm": lambda w: {"token": w.support_token},
    "forums:support": lambda w: {"pk": w.initiative.pk},
    "forums:support_sent": lambda w: {"pk": w.initiative.pk},
    "forums:initiative_rss": lambda w: {"pk": w.initiative.pk},
    "forums:initiative_atom": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_register": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_route": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_hearing": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_answer": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_close": lambda w: {"pk": w.initiative.pk},
    "forums_staff:initiative_report_file": lambda w: {"pk": w.initiative_report.pk},
    "forums_staff:initiative_report_attach": lambda w: {"pk": w.initiative_report.pk},
}


def _county_slug() -> str:
    from portal.oparl.serializers import COUNTY

    return str(COUNTY["slug"])


def _case(w: World) -> dict[str, Any]:
    return {"number": w.case.number, "task_class": w.case.task_class, "year": w.case.year}


def kwargs_for(route: Route, world: World) -> dict[str, Any]:
    """The path parameters of `route` in `world`; an admin URL gets its model's first row."""
    if not route.converters and not route.is_admin:
        return {}
    if route.name in KWARGS:
        return KWARGS[route.name](world)
    if route.is_admin:
        return _admin_kwargs(route)
    raise AssertionError(
        f"{route.name} ({route.pattern}) is a new URL with parameters: add which object it "
        "shows to KWARGS in tests/urlwalk.py (and its row to the staff permission matrix)."
    )


def _admin_kwargs(route: Route) -> dict[str, Any]:
    """admin:<app>_<model>_<view> -> the first object of that model."""
    if "object_id" not in route.converters and "id" not in route.converters:
        return {}
    view = route.name.removeprefix("admin:")
    for model in apps.get_models():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if view.startswith(prefix):
            obj = model._default_manager.order_by("pk").first()
            pk = obj.pk if isinstance(obj, models.Model) else 1
            key = "object_id" if "object_id" in route.converters else "id"
            return {key: pk}
    return {"object_id": 1}
