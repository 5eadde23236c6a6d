"""Primitives of public participation shared by consultations and initiatives.

- **Double opt-in** of an e-mail address: a signed, expiring token naming what is
  confirmed (a purpose and a row) and a digest of the address. The row is stored pending
  at once; only a POST behind the e-mailed link confirms it (mail scanners fetch links,
  as for associations' registrations and e-mail alerts). A token whose row has lost its
  address (personal data removed) or changed it confirms nothing.
- **Honeypot**: a field that people never see (`display: none`) and bots fill; no
  CAPTCHA, which would shut out screen-reader and keyboard users.
- **Rate limits** per client address, per target and per both (portal/lib/ratelimit.py,
  the same cache counters as the open-data API).
- **Consent texts**: what is public, what is kept and for how long, one constant each.
- **Removal of personal data on a schedule**: each kind of participation registers a
  function "remove the personal data of X closed more than N days ago"; one Celery beat
  task (forums.tasks.remove_personal_data) runs them all, as rule 7 (DESIGN.md) removes
  personal data from published minutes when the appeal period ends.

Keep names stable: both halves of issue 13 import them. Add, do not rename.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module
from typing import Any

from django import forms
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.lib.ratelimit import client_address, over_limit, target_over_limit

logger = logging.getLogger(__name__)

__all__ = [
    "CONSENT_COMMENT",
    "CONSENT_STATEMENT",
    "CONSENT_SUPPORT",
    "HONEYPOT_FIELD",
    "OPT_IN_DAYS",
    "PERSONAL_DATA_KEPT_DAYS",
    "HoneypotMixin",
    "OptIn",
    "RateLimit",
    "Removal",
    "client_address",
    "opt_in_read",
    "opt_in_token",
    "personal_data_removal",
    "personal_data_remove_due",
    "rate_limited",
    "registered_removals",
]

# --- Double opt-in ---------------------------------------------------------------------------

# An unconfirmed comment or support is worth nothing after this many days (the same as
# associations' registrations and e-mail alerts).
OPT_IN_DAYS = 7
_OPT_IN_SALT = "forums.participation.opt-in"


def _email_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class OptIn:
    """What a valid token names: a purpose, a row's primary key and an address's digest."""

    purpose: str
    pk: int
    email_digest: str

    def matches(self, email: str) -> bool:
        """The row still has the address the link was sent to (not removed, not changed)."""
        return bool(email) and hmac.compare_digest(self.email_digest, _email_digest(email))


def opt_in_token(*, purpose: str, pk: int, email: str) -> str:
    """A URL-safe token for the confirmation link of `email` on row `pk` of `purpose`."""
    return signing.TimestampSigner(salt=f"{_OPT_IN_SALT}:{purpose}").sign_object(
        {"pk": pk, "e": _email_digest(email)}
    )


def opt_in_read(
    token: str, *, purpose: str, max_age: timedelta = timedelta(days=OPT_IN_DAYS)
) -> OptIn | None:
    """The token's content, or None when it is forged, for another purpose, or expired."""
    if not token or len(token) > 200:
        return None
    try:
        data: Any = signing.TimestampSigner(salt=f"{_OPT_IN_SALT}:{purpose}").unsign_object(
            token, max_age=max_age
        )
    except (signing.BadSignature, ValueError, UnicodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pk"), int):
        return None
    return OptIn(purpose=purpose, pk=data["pk"], email_digest=str(data.get("e", "")))


# --- Honeypot --------------------------------------------------------------------------------

HONEYPOT_FIELD = "extra_contact"


class HoneypotMixin(forms.Form):
    """A field hidden from people (CSS class `hp`, display: none; out of the tab order) that
    bots fill in. A filled form is invalid with a message a person could act on, and
    `caught_in_honeypot` is set so that a view may answer as if all went well."""

    caught_in_honeypot = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get(HONEYPOT_FIELD):
            self.caught_in_honeypot = True
            raise forms.ValidationError(
                _("The form has a field that must be left empty. Empty it and send again."),
                code="honeypot",
            )
        return cleaned


# --- Rate limits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RateLimit:
    """At most `per_address` submissions from one address to one target in `window`
    seconds, and at most `per_target` submissions to one target from anyone (0: no limit)."""

    bucket: str
    per_address: int
    window: int = 3600
    per_target: int = 0


def rate_limited(request: HttpRequest, limit: RateLimit, *, target: str = "") -> int:
    """Count this submission; seconds to wait when over a limit, else 0.

    Every submission counts, also one refused: a flood is stopped before it reaches the
    database. With the cache away, nobody is limited.
    """
    wait = over_limit(
        request, bucket=limit.bucket, limit=limit.per_address, window=limit.window, target=target
    )
    if limit.per_target and target:
        wait = max(
            wait,
            target_over_limit(
                bucket=limit.bucket, target=target, limit=limit.per_target, window=limit.window
            ),
        )
    return wait


# --- Consent texts ---------------------------------------------------------------------------

# Commenters' and supporters' names and addresses are removed this many days after the
# consultation or initiative is closed; the text of a published comment stays, unsigned.
PERSONAL_DATA_KEPT_DAYS = 90

CONSENT_COMMENT = format_lazy(
    _(
        "Your comment is public once a moderator has published it, with your name or the pen "
        "name you choose. Your e-mail address is never public: it is used to confirm the "
        "comment and is removed, with your name, {days} days after the consultation has "
        "closed. The text of the comment stays in the public record without a name."
    ),
    days=PERSONAL_DATA_KEPT_DAYS,
)
CONSENT_SUPPORT = format_lazy(
    _(
        "Your support counts once you confirm it from the e-mail we send. Your name is public "
        "only if you allow it; your home municipality is shown in the totals; your e-mail "
        "address is never public. Your name, municipality and address are removed {days} "
        "days after the initiative has been closed; the number of supporters stays."
    ),
    days=PERSONAL_DATA_KEPT_DAYS,
)
CONSENT_STATEMENT = _(
    "A statement is given on behalf of the organisation and is public as the consultation "
    "says (at once or after closing), with the organisation's name. The name of the person "
    "who wrote it is not public; the e-mail address of the invitation is never public."
)

# --- Removal of personal data on a schedule ----------------------------------------------------

# Modules that register removals; imported before the removals run, so that the beat task
# finds every registration whichever module the worker happened to import first.
REMOVAL_MODULES: tuple[str, ...] = ("forums.consultations", "forums.initiatives")

Remover = Callable[[datetime], int]


@dataclass(frozen=True)
class Removal:
    """Remove the personal data of `what` closed more than `days` days ago.

    `remove(cutoff)` removes it from everything closed before `cutoff` and returns how
    many rows it changed; running it again changes nothing.
    """

    name: str
    what: str
    days: int
    remove: Remover


_REGISTRY: dict[str, Removal] = {}


def personal_data_removal(
    name: str, *, what: str, days: int = PERSONAL_DATA_KEPT_DAYS
) -> Callable[[Remover], Remover]:
    """Register the decorated function `f(cutoff) -> int` as the removal called `name`."""

    def register(function: Remover) -> Remover:
        _REGISTRY[name] = Removal(name=name, what=what, days=days, remove=function)
        return function

    return register


def _discover() -> None:
    for module in REMOVAL_MODULES:
        try:
            import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # the module exists but something it imports does not
                raise


def registered_removals() -> list[Removal]:
    _discover()
    return sorted(_REGISTRY.values(), key=lambda removal: removal.name)


def personal_data_remove_due(now: datetime | None = None) -> dict[str, int]:
    """Run every registered removal; how many rows each changed. One failing removal is
    logged and does not stop the others (the next run tries it again)."""
    now = now or timezone.now()
    done: dict[str, int] = {}
    for removal in registered_removals():
        try:
            done[removal.name] = removal.remove(now - timedelta(days=removal.days))
        except Exception:
            logger.exception("removing personal data failed: %s", removal.name)
            done[removal.name] = -1
    return done
