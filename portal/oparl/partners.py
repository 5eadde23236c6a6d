"""The forums app's partner organisations as OParl Organizations ("organization/partner-<id>").

The municipalities, the regional council, associations, foundations, staff organisations
and state agencies that the county works with are listed with its own bodies, so that a
client sees who sits in the cooperation forums. What is public is what the directory
shows (`Organisation.objects.public()`: approved only); a registration is never listed,
and an organisation that leaves the directory is listed as deleted.

Registered by `OparlConfig.ready()`: portal composes the apps, forums knows nothing of
the API.
"""

from __future__ import annotations

from typing import Any

from forums.models import Organisation, OrganisationKind
from portal.oparl import serializers as s
from portal.oparl import sources, tombstones

NAME = "partner"

# OParl's organizationType and classification (its suggested vocabulary, as for bodies).
CLASSIFICATION = {
    OrganisationKind.COUNTY: ("Institution", "Körperschaft"),
    OrganisationKind.MUNICIPALITY: ("Institution", "Gemeinde"),
    OrganisationKind.REGIONAL_COUNCIL: ("Institution", "Regionalverband"),
    OrganisationKind.ASSOCIATION: ("Sonstiges", "Verein"),
    OrganisationKind.FOUNDATION: ("Sonstiges", "Stiftung"),
    OrganisationKind.STAFF_ORGANISATION: ("Sonstiges", "Personalvertretung"),
    OrganisationKind.STATE_AGENCY: ("Institution", "Behörde"),
}

KIND_NAMES = {
    OrganisationKind.COUNTY: "hyvinvointialue",
    OrganisationKind.MUNICIPALITY: "kunta",
    OrganisationKind.REGIONAL_COUNCIL: "maakunnan liitto",
    OrganisationKind.ASSOCIATION: "yhdistys",
    OrganisationKind.FOUNDATION: "säätiö",
    OrganisationKind.STAFF_ORGANISATION: "henkilöstöjärjestö",
    OrganisationKind.STATE_AGENCY: "valtion viranomainen",
}


def partner_organization(ctx: s.Ctx, organisation: Organisation) -> dict[str, Any]:
    kind = OrganisationKind(organisation.kind)
    organization_type, classification = CLASSIFICATION[kind]
    home = organisation.home_municipality
    return s._clean(
        {
            "id": ctx.api("organization", f"{NAME}-{organisation.pk}"),
            "type": s.OPARL + "Organization",
            "body": ctx.body,
            "name": organisation.name,
            "organizationType": organization_type,
            "classification": classification,
            "website": organisation.website,
            "license": s.LICENSE,
            "web": ctx.web(organisation.get_absolute_url()),
            "created": s.dt(organisation.created_at),
            "modified": s.dt(organisation.modified_at),
            s.EXT + "kind": kind.value,
            s.EXT + "kindName": KIND_NAMES[kind],
            s.EXT + "businessId": organisation.business_id,
            s.EXT + "homeMunicipality": home.name if home else None,
            s.EXT + "description": organisation.description,
        }
    )


SOURCE = sources.QuerySetSource(
    "organization",
    NAME,
    live=lambda: Organisation.objects.public(),
    load=lambda: Organisation.objects.select_related("home_municipality"),
    render=partner_organization,
)


def register() -> None:
    sources.organization_source_register(SOURCE)
    tombstones.track(
        Organisation,
        keys=lambda organisation: [("organization", NAME, organisation.pk)],
        decisive_fields={"status"},
    )
