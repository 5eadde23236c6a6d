"""Following initiatives by RSS and Atom: new initiatives, and the steps of one."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from councils.feeds import CALENDAR_DOMAIN, TextFeed
from forums.models import Initiative, InitiativeStep


class NewInitiativesFeed(TextFeed):
    """The newest initiatives received (RSS 2.0; Atom in the subclass)."""

    title = "Päijät-Hämeen hyvinvointialue: aloitteet"
    description = "Hyvinvointialueelle tehdyt uudet aloitteet"

    def link(self) -> str:
        return reverse("forums:initiative_list")

    def items(self) -> list[Initiative]:
        return list(
            Initiative.objects.public()
            .select_related("addressed_to")
            .order_by("-received_at", "-pk")[:50]
        )

    def item_title(self, initiative: Initiative) -> str:
        return initiative.title

    def item_description(self, initiative: Initiative) -> str:
        return (
            f"{initiative.get_kind_display()}: {initiative.addressed_to.name}. "
            f"{initiative.get_state_display()}. {initiative.proposal[:300]}"
        )

    def item_pubdate(self, initiative: Initiative):  # type: ignore[no-untyped-def]
        return initiative.received_at

    def item_guid(self, initiative: Initiative) -> str:
        return f"initiative-{initiative.pk}@{CALENDAR_DOMAIN}"

    item_guid_is_permalink = False


class NewInitiativesAtomFeed(NewInitiativesFeed):
    feed_type = Atom1Feed
    subtitle = NewInitiativesFeed.description


class InitiativeStepsFeed(TextFeed):
    """Every step of one initiative, newest first."""

    def get_object(self, request: HttpRequest, pk: int) -> Initiative:
        return get_object_or_404(Initiative.objects.public(), pk=pk)

    def title(self, initiative: Initiative) -> str:
        return f"Aloite: {initiative.title}"

    def link(self, initiative: Initiative) -> str:
        return initiative.get_absolute_url()

    def description(self, initiative: Initiative) -> str:
        return f"Aloitteen “{initiative.title}” vaiheet"

    def items(self, initiative: Initiative) -> list[InitiativeStep]:
        return list(initiative.steps.select_related("initiative").order_by("-at", "-pk"))

    def item_title(self, step: InitiativeStep) -> str:
        return f"{step.get_state_display()}: {step.initiative.title}"

    def item_description(self, step: InitiativeStep) -> str:
        return step.note or str(step.get_state_display())

    def item_link(self, step: InitiativeStep) -> str:
        return step.initiative.get_absolute_url()

    def item_pubdate(self, step: InitiativeStep):  # type: ignore[no-untyped-def]
        return step.at

    def item_guid(self, step: InitiativeStep) -> str:
        return f"initiative-step-{step.pk}@{CALENDAR_DOMAIN}"

    item_guid_is_permalink = False


class InitiativeStepsAtomFeed(InitiativeStepsFeed):
    feed_type = Atom1Feed
    subtitle = InitiativeStepsFeed.description
