"""What the open-data API remembers of objects that are gone: tombstones."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Tombstone(models.Model):
    """An object that was public and no longer is (deleted, withdrawn, made confidential).

    OParl clients sync incrementally, so a vanished object must stay listed with
    `deleted: true` (and its id, type and created) rather than disappear: its URL and the
    lists keep answering with the tombstone. Written by portal/oparl/tombstones.py; an
    object that becomes public again loses its tombstone.
    """

    oparl_type = models.CharField(_("OParl type"), max_length=20)
    # The id within the type: "" for a type with one source, e.g. "group" for an
    # Organization that is a political group ("organization/group-123").
    source = models.CharField(_("source"), max_length=20, blank=True)
    object_id = models.BigIntegerField(_("object id"))
    created = models.DateTimeField(_("created"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("tombstone")
        verbose_name_plural = _("tombstones")
        constraints = [
            models.UniqueConstraint(
                fields=["oparl_type", "source", "object_id"], name="tombstone_once_per_object"
            )
        ]
        indexes = [models.Index(fields=["oparl_type", "source", "object_id"])]

    def __str__(self) -> str:
        return f"{self.oparl_type} {self.source}-{self.object_id}".replace(" -", " ")
