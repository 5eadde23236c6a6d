"""Clerks attach PDFs to agenda items and delete them, until the minutes are published."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from councils.attachments import MAX_TEXT_CHARS, attachment_add, pdf_read
from councils.models import Attachment
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():  # type: ignore[no-untyped-def]
    """These tests read the English source messages; the pages use the /en/ prefix."""
    with translation.override("en"):
        yield


def pdf_bytes(*, pages: int = 1, text: str = "", password: str = "") -> bytes:
    """A real PDF made with pypdf; with `text`, the first page shows it in Helvetica."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if text:
        page = writer.pages[0]
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        content = DecodedStreamObject()
        content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
        page.replace_contents(content)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def world(media):  # type: ignore[no-untyped-def]
    body = BodyFactory(name="Aluehallitus")
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    other = UserFactory(username="toinen")
    BodyFactory(name="Tarkastuslautakunta").clerks.add(other)
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    item = AgendaItemFactory(meeting=MeetingFactory(body=body), section=1)
    return {"clerk": clerk, "other": other, "admin": admin, "item": item}


def upload(client, item, *, title="Talousarvio 2026", content=None, name="liite.pdf", **extra):
    data = {
        "attachment-title": title,
        "attachment-file": SimpleUploadedFile(
            name, pdf_bytes() if content is None else content, "application/pdf"
        ),
        "attachment-is_public": "on",
        **extra,
    }
    return client.post(reverse("staff:attachment_upload", args=[item.pk]), data)


def attach(item, *, title="Liite", content=None) -> Attachment:
    return attachment_add(
        item=item,
        title=title,
        upload=SimpleUploadedFile("liite.pdf", content or pdf_bytes(), "application/pdf"),
        is_public=True,
    )


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


# --- who may ---------------------------------------------------------------------------


def test_it_sends_anonymous_users_to_sign_in(client, world):
    attachment = attach(world["item"])
    for url in (
        reverse("staff:attachment_upload", args=[world["item"].pk]),
        reverse("staff:attachment_delete", args=[attachment.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/kirjaudu/")
    assert Attachment.objects.count() == 1


def test_it_gives_a_clerk_of_another_body_404_and_changes_nothing(client, world, media):
    attachment = attach(world["item"])
    client.force_login(world["other"])
    assert upload(client, world["item"]).status_code == 404
    delete = reverse("staff:attachment_delete", args=[attachment.pk])
    assert client.post(delete).status_code == 404
    assert list(Attachment.objects.all()) == [attachment]
    assert len(stored_files(media)) == 1


def test_it_answers_only_post(client, world):
    client.force_login(world["clerk"])
    url = reverse("staff:attachment_upload", args=[world["item"].pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("user", ["clerk", "admin"])
def test_it_attaches_a_pdf_for_the_clerk_and_an_administrator(client, world, media, user):
    client.force_login(world[user])
    response = upload(client, world["item"])
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("staff:item_edit", args=[world["item"].pk]) + "#attachments"
    )
    attachment = Attachment.objects.get()
    assert attachment.title == "Talousarvio 2026"
    assert attachment.is_public
    assert attachment.order == 1
    assert attachment.size == len(pdf_bytes())
    assert (media / attachment.file.name).read_bytes()[:5] == b"%PDF-"

    html = client.get(response["Location"]).content.decode()
    assert "“Talousarvio 2026” attached." in html
    assert f'href="{reverse("councils:attachment", args=[attachment.pk])}"' in html
    assert '<span class="visually-hidden"> Talousarvio 2026</span>' in html
    assert "PDF, " in html


def test_the_editor_shows_a_labelled_upload_form_that_works_without_javascript(client, world):
    client.force_login(world["clerk"])
    html = client.get(reverse("staff:item_edit", args=[world["item"].pk])).content.decode()
    form = re.search(r'<form[^>]*action="[^"]*/liitteet/"[^>]*>', html)
    assert form is not None
    assert 'enctype="multipart/form-data"' in form.group(0)
    assert "hx-" not in form.group(0)
    for field in ("title", "file", "is_public"):
        assert f'<label for="id_attachment-{field}"' in html
    assert '<h3 id="att-upload-heading">' in html


def test_it_numbers_attachments_in_the_order_they_came(client, world):
    client.force_login(world["clerk"])
    upload(client, world["item"], title="Ensimmäinen")
    upload(client, world["item"], title="Toinen")
    assert [(a.title, a.order) for a in Attachment.objects.order_by("order")] == [
        ("Ensimmäinen", 1),
        ("Toinen", 2),
    ]


def test_it_keeps_a_confidential_attachment_off_the_public_page(client, world):
    client.force_login(world["clerk"])
    upload(client, world["item"], title="Salainen selvitys", **{"attachment-is_public": ""})
    attachment = Attachment.objects.get()
    assert not attachment.is_public
    html = client.get(reverse("staff:item_edit", args=[world["item"].pk])).content.decode()
    assert "Salainen selvitys" in html
    client.logout()
    assert "Salainen selvitys" not in client.get(world["item"].get_absolute_url()).content.decode()


# --- the PDF itself --------------------------------------------------------------------


def test_it_counts_the_pages_and_extracts_the_text():
    content = pdf_read(SimpleUploadedFile("a.pdf", pdf_bytes(pages=3, text="Terveyskeskus Lahti")))
    assert content.pages == 3
    assert "Terveyskeskus Lahti" in content.text


def test_a_blank_pdf_has_pages_and_no_text():
    content = pdf_read(SimpleUploadedFile("a.pdf", pdf_bytes(pages=2)))
    assert content.pages == 2
    assert content.text.strip() == ""


def test_the_extracted_text_is_stored_for_search(client, world):
    client.force_login(world["clerk"])
    upload(client, world["item"], content=pdf_bytes(text="Palveluverkkosuunnitelma"))
    assert "Palveluverkkosuunnitelma" in Attachment.objects.get().text


def test_the_extracted_text_is_capped(monkeypatch):
    monkeypatch.setattr("councils.attachments.MAX_TEXT_CHARS", 10)
    content = pdf_read(SimpleUploadedFile("a.pdf", pdf_bytes(text="Terveyskeskus Lahti")))
    assert content.text == "Terveyskes"
    assert MAX_TEXT_CHARS == 1_000_000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Hei, tama on tekstitiedosto.\n", "Only PDF files can be attached."),
        (b"%PDF-1.4\nnot really a pdf\n", "The PDF could not be read"),
        (pdf_bytes()[:200], "The PDF could not be read"),
        (pdf_bytes(pages=0), "The PDF could not be read"),
        (pdf_bytes(password="salasana"), "The PDF is encrypted"),
    ],
    ids=["text-file-named-pdf", "pdf-header-only", "truncated", "no-pages", "encrypted"],
)
def test_it_refuses_a_bad_file_with_a_message_and_saves_nothing(
    client, world, media, content, message
):
    client.force_login(world["clerk"])
    response = upload(client, world["item"], title="Selvitys", content=content, name="x.pdf")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'href="#id_attachment-file"' in html  # the error summary points at the field
    assert 'value="Selvitys"' in html  # the title the clerk typed is kept
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_it_refuses_a_file_over_the_size_limit(client, world, media, settings):
    settings.ATTACHMENT_MAX_MB = 1
    content = pdf_bytes() + b"%" + b"0" * (1024 * 1024)
    client.force_login(world["clerk"])
    response = upload(client, world["item"], content=content)
    assert response.status_code == 400
    assert "The file is larger than 1 MB." in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_it_refuses_a_missing_file_and_title_without_a_500(client, world):
    client.force_login(world["clerk"])
    response = client.post(reverse("staff:attachment_upload", args=[world["item"].pk]), {})
    assert response.status_code == 400
    assert 'href="#id_attachment-title"' in response.content.decode()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("title", "filename", "slug"),
    [
        ("Talousarvio 2026", "../../etc/passwd.pdf", "talousarvio-2026"),
        ("../../etc/passwd", "..\\..\\boot.ini.pdf", "etcpasswd"),
        ("Päätös § 5 – hyväksyntä", "/absolute/path.pdf", "paatos-5-hyvaksynta"),
        ("!!!", "kuva.pdf", "liite"),
    ],
)
def test_it_stores_the_file_under_a_safe_generated_name(
    client, world, media, title, filename, slug
):
    client.force_login(world["clerk"])
    upload(client, world["item"], title=title, name=filename)
    name = Attachment.objects.get().file.name
    assert re.fullmatch(rf"liitteet/\d{{4}}/{slug}-[0-9a-f]{{12}}\.pdf", name), name
    stored = (media / name).resolve()
    assert stored.is_relative_to(media.resolve())
    assert stored_files(media) == [media / name]


def test_two_files_with_the_same_title_get_different_names(world):
    first = attach(world["item"], title="Liite")
    second = attach(world["item"], title="Liite")
    assert first.file.name != second.file.name


# --- after the minutes ---------------------------------------------------------------


def test_it_refuses_an_upload_after_the_minutes_are_published(client, world, media):
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(body=world["item"].meeting.body))
    client.force_login(world["clerk"])
    response = upload(client, item)
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "The minutes are published; their attachments are no longer changed" in html
    assert "liitteet/" not in re.sub(r'action="[^"]*"', "", html)  # no upload form
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_it_refuses_a_deletion_after_the_minutes_are_published(client, world, media):
    attachment = attach(world["item"])
    meeting = world["item"].meeting
    meeting.state = "minutes_published"
    meeting.save(update_fields=["state"])
    client.force_login(world["clerk"])
    response = client.post(reverse("staff:attachment_delete", args=[attachment.pk]))
    assert response.status_code == 302
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert (media / attachment.file.name).exists()


# --- deleting --------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["clerk", "admin"])
def test_it_deletes_an_attachment_and_its_file(
    client, world, media, user, django_capture_on_commit_callbacks
):
    attachment = attach(world["item"], title="Vanha liite")
    path = media / attachment.file.name
    assert path.exists()
    client.force_login(world[user])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:attachment_delete", args=[attachment.pk]))
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not path.exists()
    html = client.get(response["Location"]).content.decode()
    assert "“Vanha liite” deleted." in html


def test_deleting_an_unknown_attachment_is_a_404(client, world):
    client.force_login(world["clerk"])
    assert client.post(reverse("staff:attachment_delete", args=[999_999])).status_code == 404


def test_the_service_refuses_a_non_pdf_with_a_validation_error(world):
    with pytest.raises(ValidationError) as error:
        attach(world["item"], content=b"GIF89a")
    assert error.value.messages == ["Only PDF files can be attached."]


# --- serving the files ---


def test_a_public_attachment_of_a_public_agenda_is_served_as_pdf(client, world):
    attachment = attach(world["item"], title="Talousarvio 2027")
    response = client.get(reverse("councils:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="talousarvio-2027.pdf"' in response["Content-Disposition"]


def test_a_confidential_attachment_is_served_only_to_the_clerk(client, world):
    attachment = attach(world["item"], title="Asiakkaan selvitys")
    attachment.is_public = False
    attachment.save(update_fields=["is_public"])
    url = reverse("councils:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(world["other"])
    assert client.get(url).status_code == 404
    client.force_login(world["clerk"])
    assert client.get(url).status_code == 200
    assert {"private", "no-store"} <= set(client.get(url)["Cache-Control"].split(", "))


def test_attachments_of_an_unpublished_agenda_are_not_public(client, world):
    item = world["item"]
    item.meeting.agenda_published_at = None
    item.meeting.save(update_fields=["agenda_published_at"])
    attachment = attach(item)
    assert client.get(reverse("councils:attachment", args=[attachment.pk])).status_code == 404


def test_files_are_not_reachable_under_the_media_address(client, world):
    attachment = attach(world["item"])
    assert client.get("/media/" + attachment.file.name).status_code == 404
