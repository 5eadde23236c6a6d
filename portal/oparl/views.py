"""The OParl 1.1 endpoints under /oparl/v1/ (read-only, anonymous, JSON)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.core.files.base import File as DjangoFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.text import slugify
from django.utils.translation import gettext as _

from councils.models import Attachment, Document, Term
from portal.lib.sendfile import send_file
from portal.oparl import paging
from portal.oparl import serializers as s
from portal.oparl.http import api_view, error, json_response
from portal.oparl.models import Tombstone
from portal.oparl.sources import TYPES, county_modified, organization_meetings, sources_of

# The lists of the Body, by the name in their URL.
BODY_LISTS = {
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaitem",
    "consultation",
    "file",
    "membership",
    "legislativeterm",
    "location",
}


def _ctx(request: HttpRequest) -> s.Ctx:
    return s.Ctx(base=f"{request.scheme}://{request.get_host()}")


def _county(slug: str) -> None:
    if slug != s.COUNTY["slug"]:
        raise Http404("no such body")


@api_view
def system(request: HttpRequest) -> HttpResponse:
    return json_response(s.system(_ctx(request)))


def _county_body(ctx: s.Ctx) -> dict[str, object]:
    return s.county_body(
        ctx, terms=list(Term.objects.order_by("start")), modified=county_modified()
    )


@api_view
def body_list(request: HttpRequest) -> HttpResponse:
    ctx = _ctx(request)
    paging.parse_params(request.GET, [])  # the same parameters are checked everywhere
    return json_response(
        {
            "data": [_county_body(ctx)],
            "pagination": {
                "totalElements": 1,
                "elementsPerPage": 1,
                "currentPage": 1,
                "totalPages": 1,
            },
            "links": {"first": ctx.api("body"), "self": ctx.api("body")},
        }
    )


@api_view
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    _county(slug)
    return json_response(_county_body(_ctx(request)))


@api_view
def body_list_of(request: HttpRequest, slug: str, oparl_type: str) -> HttpResponse:
    _county(slug)
    if oparl_type not in BODY_LISTS:
        raise Http404("no such list")
    return json_response(
        paging.list_page(
            _ctx(request),
            oparl_type=oparl_type,
            sources=sources_of(oparl_type),
            query=request.GET,
            path=request.path,
            scope=oparl_type,
        )
    )


@api_view
def object_detail(request: HttpRequest, oparl_type: str, key: str) -> HttpResponse:
    if oparl_type not in TYPES:
        raise Http404("no such type")
    found = paging.find(_ctx(request), oparl_type, sources_of(oparl_type), key)
    if found is None:
        raise Http404("no such object")
    return json_response(found)


@api_view
def organization_meeting_list(request: HttpRequest, key: str) -> HttpResponse:
    """The meetings of one of our bodies (an Organization's `meeting` list)."""
    if not key.startswith("body-") or not key[5:].isdigit() or len(key) > 24:
        raise Http404("only bodies hold meetings")
    body_id = int(key[5:])
    if paging.find(_ctx(request), "organization", sources_of("organization"), key) is None:
        raise Http404("no such organization")
    return json_response(
        paging.list_page(
            _ctx(request),
            oparl_type="meeting",
            sources=organization_meetings(body_id),
            query=request.GET,
            path=request.path,
            scope=f"meeting:body-{body_id}",
        )
    )


@api_view
def extension_schema(request: HttpRequest) -> HttpResponse:
    """The JSON Schema of the raati: extensions."""
    schema = (Path(__file__).resolve().parent / "schema" / "raati-extensions.json").read_bytes()
    return HttpResponse(schema, content_type="application/schema+json; charset=utf-8")


@api_view
def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    raise Http404("no such URL")


# --- Files -------------------------------------------------------------------------------


def _public_file(key: str) -> tuple[DjangoFile, str, str, datetime, str] | None:
    """The file behind a File key if residents may open it: (file, name, etag, modified)."""
    source, _sep, number = key.partition("-")
    if not number.isdigit() or len(number) > 18:
        return None
    if source == "attachment":
        attachment = Attachment.objects.public().exclude(file="").filter(pk=int(number)).first()
        if attachment is None:
            return None
        tag = (
            attachment.sha512[:32] or f"{attachment.size}-{attachment.modified_at.timestamp():.0f}"
        )
        name = f"{slugify(attachment.title)[:80] or 'liite'}.pdf"
        return attachment.file, name, tag, attachment.modified_at, "application/pdf"
    if source == "document":
        document = (
            Document.objects.public_copies()
            .ready()
            .select_related("meeting__body", "item")
            .filter(pk=int(number))
            .first()
        )
        if document is None:
            return None
        return (
            document.file,
            document.filename,
            document.sha256[:32],
            document.modified_at,
            "application/pdf",
        )
    return None


def _gone(key: str) -> bool:
    source, _sep, number = key.partition("-")
    if not number.isdigit() or len(number) > 18:
        return False
    if Tombstone.objects.filter(oparl_type="file", source=source, object_id=int(number)).exists():
        return True
    file_source = next((src for src in sources_of("file") if src.name == source), None)
    return bool(
        file_source is not None
        and getattr(file_source, "withdrawn_entry", lambda _key: None)(int(number))
    )


def file_content(request: HttpRequest, key: str, *, download: bool) -> HttpResponse | FileResponse:
    """A file's bytes: inline at accessUrl, as an attachment at downloadUrl (OParl 2.7)."""
    if request.method not in ("GET", "HEAD"):
        return error(405, _("The open-data API only answers GET requests."))
    found = _public_file(key)
    if found is None:
        if _gone(key):
            return error(410, _("This file has been withdrawn from the public record."))
        return error(404, _("There is no such file in the open-data API."))
    file, name, tag, modified, mime = found
    etag = f'"{tag}"'
    response: HttpResponse | FileResponse
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        try:
            response = send_file(file, content_type=mime, as_attachment=download, filename=name)
        except FileNotFoundError:
            return error(404, _("The file is missing from the archive."))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = "public, max-age=3600"
    return response


@api_view
def file_access(request: HttpRequest, key: str) -> HttpResponse | FileResponse:
    return file_content(request, key, download=False)


@api_view
def file_download(request: HttpRequest, key: str) -> HttpResponse | FileResponse:
    return file_content(request, key, download=True)
