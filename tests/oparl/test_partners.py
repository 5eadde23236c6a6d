"""The forums app's partner organisations in the API: listed, synced and withdrawn."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.oparl.conftest import Api, Record

pytestmark = pytest.mark.django_db

LIST = "/oparl/v1/body/paijat-hame/organization/"


def _partners(api: Api, query: str = "") -> dict[str, dict]:  # type: ignore[type-arg]
    page = api.json(f"{LIST}?limit=100{query}")
    return {o["id"].rsplit("/", 2)[-2]: o for o in page["data"] if "partner-" in o["id"]}


def test_a_partner_organisation_is_an_organization_with_its_kind_and_business_id(
    api: Api, record: Record
) -> None:
    partners = _partners(api)
    association = partners[f"partner-{record.association.pk}"]
    assert association["name"] == "Hollolan Eläkeläiset ry"
    assert association["classification"] == "Verein"
    assert association["raati:kind"] == "association"
    assert association["raati:businessId"] == "0112038-9"
    assert association["raati:homeMunicipality"] == "Hollolan kunta"
    assert association["web"].endswith(record.association.get_absolute_url())
    municipality = partners[f"partner-{record.municipality.pk}"]
    assert (municipality["organizationType"], municipality["classification"]) == (
        "Institution",
        "Gemeinde",
    )
    # Served at its own address too.
    assert api.json(association["id"])["name"] == "Hollolan Eläkeläiset ry"


def test_a_registration_awaiting_approval_is_not_served(api: Api, record: Record) -> None:
    assert f"partner-{record.registration.pk}" not in _partners(api)
    response = api.get(f"/oparl/v1/organization/partner-{record.registration.pk}/")
    assert response.status_code == 404


def test_an_edit_moves_modified_so_an_incremental_sync_sees_it(api: Api, record: Record) -> None:
    since = (timezone.now() + timedelta(seconds=1)).isoformat(timespec="seconds")
    assert _partners(api, f"&modified_since={since.replace('+', '%2B')}") == {}
    record.association.modified_at = timezone.now() - timedelta(days=1)
    record.association.description = "Liikuntaa ja virkistystä."
    record.association.save()
    recently = (timezone.now() - timedelta(minutes=1)).isoformat(timespec="seconds")
    after = _partners(api, f"&modified_since={recently.replace('+', '%2B')}")
    assert after[f"partner-{record.association.pk}"]["raati:description"] == (
        "Liikuntaa ja virkistystä."
    )


def test_an_organisation_that_leaves_the_directory_stays_listed_as_deleted(
    api: Api, record: Record
) -> None:
    key = f"partner-{record.association.pk}"
    record.association.delete()
    partners = _partners(api)
    assert partners[key]["deleted"] is True
    assert api.json(partners[key]["id"])["deleted"] is True


def test_approval_brings_an_organisation_in_and_rejection_takes_it_out(
    api: Api, record: Record
) -> None:
    registration = record.registration
    key = f"partner-{registration.pk}"
    registration.status = "approved"
    registration.save(update_fields=["status"])
    assert _partners(api)[key].get("deleted") is None
    registration.status = "rejected"
    registration.save(update_fields=["status"])
    assert _partners(api)[key]["deleted"] is True
