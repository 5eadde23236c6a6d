"""RSS and Atom of consultations: each newly announced consultation is an entry."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from forums.models import Consultation

FEED_SIZE = 50


class ConsultationFeed(Feed):
    def title(self) -> str:
        return _("Consultations of the Päijät-Häme Wellbeing Services County")

    def link(self) -> str:
        return reverse("forums:consultation_list")

    def description(self) -> str:
        return _("New consultations: what is being decided, who is heard and until when.")

    def items(self) -> list[Consultation]:
        return list(
            Consultation.objects.published()
            .select_related("case", "body")
            .order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item: Consultation) -> str:
        return item.title

    def item_description(self, item: Consultation) -> str:
        deadline = timezone.localtime(item.closes_at).strftime("%d.%m.%Y %H.%M")
        return f"{item.body.name} · {item.case.diary_number} · {_('Deadline')} {deadline}\n\n{item.summary}"

    def item_link(self, item: Consultation) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Consultation) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Consultation) -> datetime:
        return item.modified_at


class ConsultationAtomFeed(ConsultationFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
