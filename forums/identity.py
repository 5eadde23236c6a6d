"""Who may make or support an initiative: the ONE place where identification happens.

HVAL 30 § gives the right of initiative to the members of the county (a resident whose
home municipality is in the region, a municipality, an association or foundation
domiciled there, an owner of real property there) and to the users of a service. In
production a person would prove it by strong identification through Suomi.fi
(suomi.fi-tunnistus, SAML 2.0), which returns the name and the home municipality from
the Population Information System. The demo cannot do that, so the submitter and the
supporter *state* their eligibility (a ticked declaration), and every page says it was
stated, not verified.

The views and services ask `identity_provider()` and never branch on how: switching to
Suomi.fi is a setting (INITIATIVE_IDENTITY=suomifi) plus the SAML integration below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from forums.models.initiatives import IdentifiedBy


@dataclass(frozen=True)
class Eligibility:
    """What the person says of themselves on the form."""

    name: str
    municipality: str  # a Municipality value, or "" (a service user need not live here)
    basis: str  # a MembershipBasis value
    declared: bool  # ticked "I am entitled to ..."


@dataclass(frozen=True)
class Identity:
    """What the provider vouches for; `identified_by` is stored with the row."""

    name: str
    municipality: str
    identified_by: str


class IdentityError(Exception):
    """The person could not be identified as eligible; the message is shown to them."""


class IdentityProvider(Protocol):
    identified_by: str

    def identify(self, request: HttpRequest, claim: Eligibility) -> Identity:
        """The identity behind `claim`, or IdentityError."""
        ...


class DemoIdentity:
    """The demo: eligibility is stated by the person and not verified."""

    identified_by: str = IdentifiedBy.SELF_ASSERTED

    def identify(self, request: HttpRequest, claim: Eligibility) -> Identity:
        if not claim.declared:
            raise IdentityError("not declared")
        return Identity(
            name=claim.name.strip(),
            municipality=claim.municipality,
            identified_by=self.identified_by,
        )


class SuomiFiIdentity:
    """Strong identification through Suomi.fi (a documented stub, not wired up).

    What the production integration does: the form sends the person to Suomi.fi
    (SAML 2.0 AuthnRequest signed with SUOMIFI_PRIVATE_KEY, service provider
    SUOMIFI_ENTITY_ID, the identity provider's metadata at SUOMIFI_METADATA_URL); the
    assertion comes back to an assertion consumer view, which keeps the verified name
    (`urn:oid:2.5.4.3`) and home municipality code (`urn:oid:1.2.246.517.2002.2.18`) in
    the session; `identify()` then takes them from the session instead of the form and
    checks that the municipality is one of the region's. Until that is built, choosing
    this provider fails loudly rather than letting anyone through unidentified.
    """

    identified_by: str = IdentifiedBy.SUOMIFI
    required = (
        "SUOMIFI_ENTITY_ID",
        "SUOMIFI_METADATA_URL",
        "SUOMIFI_CERTIFICATE",
        "SUOMIFI_PRIVATE_KEY",
    )

    def __init__(self) -> None:
        missing = [name for name in self.required if not getattr(settings, name, "")]
        if missing:
            raise ImproperlyConfigured(
                "INITIATIVE_IDENTITY=suomifi needs the Suomi.fi service provider's settings: "
                f"{', '.join(missing)} are not set. Set them, or use INITIATIVE_IDENTITY=demo."
            )

    def identify(self, request: HttpRequest, claim: Eligibility) -> Identity:
        raise NotImplementedError(
            "Suomi.fi identification is not integrated yet: the SAML assertion consumer "
            "view that this adapter reads from is the remaining work (see the docstring)."
        )


def identity_provider() -> IdentityProvider:
    """The configured provider (INITIATIVE_IDENTITY: "demo" or "suomifi")."""
    name = getattr(settings, "INITIATIVE_IDENTITY", "demo")
    if name == "demo":
        return DemoIdentity()
    if name == "suomifi":
        return SuomiFiIdentity()
    raise ImproperlyConfigured(f"INITIATIVE_IDENTITY must be 'demo' or 'suomifi', not {name!r}.")
