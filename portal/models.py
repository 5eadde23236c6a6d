from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Laki digitaalisten palvelujen tarjoamisesta (306/2019) § 16: feedback on
# accessibility is answered within 14 days.
ACCESSIBILITY_REPLY_DAYS = 14


class AccessibilityFeedback(models.Model):
    """A resident's message about the accessibility of the site (saavutettavuuspalaute)."""

    message = models.TextField(_("message"), max_length=5000)
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.message[:60]}"

    @property
    def answer_due(self) -> datetime:
        return self.created_at + timedelta(days=ACCESSIBILITY_REPLY_DAYS)
