"""RSS and Atom of consultations: each newly announced consultation is an entry; and of one
consultation, its statements once public, published comments and the usage note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from forums.models import CommentState, Consultation, Statement, StatementState

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


class ConsultationNewsFeed(Feed):
    """One consultation: its statements once public, its published comments and the note
    on how the input was used, newest first."""

    def get_object(self, request: HttpRequest, pk: int) -> Consultation:
        return get_object_or_404(Consultation.objects.published().select_related("case"), pk=pk)

    def title(self, obj: Consultation) -> str:
        return _("Consultation: %(title)s") % {"title": obj.title}

    def link(self, obj: Consultation) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Consultation) -> str:
        return obj.summary

    def items(self, obj: Consultation) -> list[NewsEntry]:
        url = obj.get_absolute_url()
        entries = [
            NewsEntry(
                title=c.display_name,
                text=c.text,
                link=f"{url}#comment-{c.pk}",
                when=c.moderated_at or c.created_at,
            )
            for c in obj.comments.filter(state=CommentState.PUBLISHED)
        ]
        if obj.statements_public():
            entries += [
                NewsEntry(
                    title=s.invitation.invitee_name,
                    text=s.text,
                    link=url,
                    when=s.submitted_at or obj.closes_at,
                )
                for s in Statement.objects.filter(
                    invitation__consultation=obj, state=StatementState.SUBMITTED
                ).select_related("invitation__organisation", "invitation__body")
            ]
        if obj.usage_note_published_at:
            entries.append(
                NewsEntry(
                    title=_("How the input was used"),
                    text=obj.usage_note,
                    link=url,
                    when=obj.usage_note_published_at,
                )
            )
        return sorted(entries, key=lambda e: e.when, reverse=True)[:FEED_SIZE]

    def item_title(self, item: NewsEntry) -> str:
        return item.title

    def item_description(self, item: NewsEntry) -> str:
        return item.text

    def item_link(self, item: NewsEntry) -> str:
        return item.link

    def item_guid(self, item: NewsEntry) -> str:
        return f"{item.link}@{item.when.isoformat()}"

    def item_pubdate(self, item: NewsEntry) -> datetime:
        return item.when


class ConsultationNewsAtomFeed(ConsultationNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Consultation) -> str:
        return obj.summary


@dataclass(frozen=True)
class NewsEntry:
    title: str
    text: str
    link: str
    when: datetime
