"""The law holds in the API: confidential items, personal data (rule 7), deleted objects."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.files.base import ContentFile

from councils.models import Document, Membership, Person
from tests.oparl.conftest import BODY, PDF, Api, Record, _document

pytestmark = pytest.mark.django_db


def _text(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def test_it_gives_a_confidential_item_as_its_title_and_secrecy_basis_only(
    api: Api, record: Record
) -> None:
    item = api.json(f"/oparl/v1/agendaitem/{record.confidential.pk}/")

    assert item["name"] == "Virkasuhteen päättäminen"
    assert item["public"] is False
    assert item["raati:secrecyBasis"] == "JulkL 24.1 § 25 k"
    assert "Salainen" not in _text(item)
    assert not {
        "result",
        "resolutionText",
        "auxiliaryFile",
        "raati:votes",
        "raati:decisionHtml",
    } & set(item)
    # The same inside its meeting, and its Paper says no more.
    meeting = api.json(f"/oparl/v1/meeting/{record.old_meeting.pk}/")
    assert "Salainen" not in _text(meeting)
    paper = api.json(f"/oparl/v1/paper/{record.confidential.case_id}/")
    assert "authoritative" not in paper["consultation"][0]


def test_it_gives_the_handling_record_of_a_public_decision(api: Api, record: Record) -> None:
    item = api.json(f"/oparl/v1/agendaitem/{record.decided.pk}/")

    assert item["raati:outcome"] == "as_proposed"
    assert item["resolutionText"] == "Valtuusto hyväksyi uudistuksen."
    assert [p["kind"] for p in item["raati:proposals"]] == ["presenter", "counter"]
    (vote,) = item["raati:votes"]
    assert (vote["yes"], vote["no"], vote["winner"]) == (1, 2, "no")
    assert {b["choice"] for b in vote["ballots"]} == {"yes", "no"}
    assert item["raati:disqualifications"][0]["ground"] == "close_person"
    assert item["raati:dissents"][0]["reasons"] == "Palvelut heikkenevät."
    assert item["raati:diaryNumber"] == record.case.diary_number
    assert item["raati:appealType"] == "rectification"
    # The corrected decision's earlier version stays reachable, as on the page.
    versions = item["raati:decisionVersions"]
    assert [v["number"] for v in versions] == [1, 2]
    assert api.get(versions[0]["web"]).status_code == 200


def test_it_removes_personal_data_once_the_appeal_period_is_over_as_the_page_does(
    api: Api, record: Record
) -> None:
    old = api.json(f"/oparl/v1/agendaitem/{record.decided.pk}/")
    assert "Matti Meikäläinen" not in _text(old)
    assert "[henkilötieto poistettu]" in old["raati:backgroundHtml"]
    page = api.get(f"/pykalat/{record.decided.pk}/")
    assert "Matti Meikäläinen" not in page.content.decode()

    # The appeal period of yesterday's minutes still runs: the name is still public.
    recent = api.json(f"/oparl/v1/agendaitem/{record.recent.pk}/")
    assert "Matti Meikäläinen" in recent["raati:backgroundHtml"]


def test_it_withdraws_a_minutes_file_with_personal_data_the_moment_the_period_ends(
    api: Api, record: Record
) -> None:
    # A public copy still carrying personal data, whose redacted copy is not rendered yet.
    Document.objects.filter(pk=record.minutes_redacted.pk).delete()
    Document.objects.filter(pk=record.minutes_original.pk).update(public=True)
    key = f"document-{record.minutes_original.pk}"

    assert api.get(f"/oparl/v1/file/{key}/access/").status_code == 410
    assert api.get(f"/oparl/v1/file/{key}/download/").status_code == 410
    assert api.json(f"/oparl/v1/file/{key}/")["deleted"] is True
    assert "resultsProtocol" not in api.json(f"/oparl/v1/meeting/{record.old_meeting.pk}/")
    # The page and the site's own file address agree.
    assert api.get(f"/asiakirjat/{record.minutes_original.pk}/").status_code == 404
    # The recent meeting's minutes keep their personal data while the period runs.
    recent = _document(record.recent_meeting, "minutes")
    assert api.get(f"/oparl/v1/file/document-{recent.pk}/access/").status_code == 200


def test_it_serves_the_redacted_copy_in_its_place(api: Api, record: Record) -> None:
    meeting = api.json(f"/oparl/v1/meeting/{record.old_meeting.pk}/")
    protocol = meeting["resultsProtocol"]
    assert protocol["raati:personalDataRemoved"] is True
    response = api.get(protocol["downloadUrl"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF
    inline = api.get(protocol["accessUrl"])
    assert not inline["Content-Disposition"].startswith("attachment")


def test_it_lists_a_deleted_membership_as_deleted_and_dates_its_person(
    api: Api, record: Record
) -> None:
    membership = Membership.objects.filter(person=record.other).first()
    assert membership is not None
    person_before = api.json(f"/oparl/v1/person/{record.other.pk}/")["modified"]
    pk = membership.pk
    membership.delete()

    gone = api.json(f"/oparl/v1/membership/{pk}/")
    assert gone["deleted"] is True and set(gone) == {"id", "type", "created", "modified", "deleted"}
    since = gone["modified"]
    changed = api.json(BODY + "membership/?modified_since=" + since.replace("+", "%2B"))
    assert gone["id"] in [m["id"] for m in changed["data"]]
    assert api.json(f"/oparl/v1/person/{record.other.pk}/")["modified"] >= person_before


def test_it_withdraws_an_attachment_made_non_public_and_restores_it(
    api: Api, record: Record
) -> None:
    key = f"/oparl/v1/file/attachment-{record.attachment.pk}/"
    assert "deleted" not in api.json(key)

    record.attachment.is_public = False
    record.attachment.save()
    assert api.json(key)["deleted"] is True
    assert api.get(key + "access/").status_code == 410

    record.attachment.is_public = True
    record.attachment.save()
    assert api.json(key)["name"] == "Palveluverkkoselvitys"


def test_it_lists_a_political_group_without_members_as_deleted(api: Api, record: Record) -> None:
    kok = next(o for o in api.json(BODY + "organization/")["data"] if o.get("name") == "KOK")
    Person.objects.filter(pk=record.chair.pk).first().save()  # nothing changes
    assert "deleted" not in api.json(kok["id"])

    chair = Person.objects.get(pk=record.chair.pk)
    chair.political_group = "VIHR"
    chair.save()

    assert api.json(kok["id"])["deleted"] is True
    names = [o.get("name") for o in api.json(BODY + "organization/")["data"]]
    assert "VIHR" in names and "KOK" not in names


def test_it_never_lists_what_was_never_public_as_deleted(api: Api, record: Record) -> None:
    record.planned_item.delete()
    record.planned_meeting.delete()
    assert api.get(f"/oparl/v1/meeting/{record.planned_meeting.pk}/").status_code == 404
    assert api.get(f"/oparl/v1/paper/{record.hidden_case.pk}/").status_code == 404


def test_it_lists_a_deleted_meeting_with_its_created_date(api: Api, record: Record) -> None:
    url = f"/oparl/v1/meeting/{record.cancelled_meeting.pk}/"
    created = api.json(url)["created"]
    record.cancelled_meeting.delete()

    gone = api.json(url)
    assert gone == {
        "id": "http://testserver" + url,
        "type": "https://schema.oparl.org/1.1/Meeting",
        "created": created,
        "modified": gone["modified"],
        "deleted": True,
    }
    assert gone["id"] in [m["id"] for m in api.json(BODY + "meeting/")["data"]]


def test_it_stores_a_checksum_of_an_uploaded_attachment(record: Record) -> None:
    from councils.attachments import attachment_add
    from tests.councils.test_staff_attachments import pdf_bytes

    content = pdf_bytes(text="Liite")
    attachment = attachment_add(
        item=record.planned_item,
        title="Uusi liite",
        upload=ContentFile(content, name="liite.pdf"),
        is_public=True,
    )
    assert attachment.sha512 == hashlib.sha512(content).hexdigest()
