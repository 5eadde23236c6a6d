"""The choice lists of the strategy model, shared by the models and the status rules."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """How a goal or programme is doing in a reporting period."""

    NOT_STARTED = "not_started", _("not started")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    OFF_TRACK = "off_track", _("off track")
    DONE = "done", _("done")


class Direction(models.TextChoices):
    """Which way an indicator should move."""

    UP = "up", _("higher is better")
    DOWN = "down", _("lower is better")


class UpdateFrequency(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    TERTIAL = "tertial", _("every four months")
    YEARLY = "yearly", _("yearly")
    IRREGULAR = "irregular", _("irregularly")


class Municipality(models.TextChoices):
    """The ten member municipalities of Päijät-Hämeen hyvinvointialue (since Iitti joined
    Päijät-Häme in 2021). An indicator value without a municipality is the whole county's."""

    ASIKKALA = "Asikkala", "Asikkala"
    HARTOLA = "Hartola", "Hartola"
    HEINOLA = "Heinola", "Heinola"
    HOLLOLA = "Hollola", "Hollola"
    IITTI = "Iitti", "Iitti"
    KARKOLA = "Kärkölä", "Kärkölä"
    LAHTI = "Lahti", "Lahti"
    ORIMATTILA = "Orimattila", "Orimattila"
    PADASJOKI = "Padasjoki", "Padasjoki"
    SYSMA = "Sysmä", "Sysmä"
