"""Sending a stored file after the view has checked who may have it.

With `SENDFILE_X_ACCEL` on (production behind nginx, deploy/nginx.conf), the answer is
empty and names the file in `X-Accel-Redirect`: nginx sends the bytes from its internal
location `SENDFILE_PREFIX` (an alias of MEDIA_ROOT that no client may ask for itself),
so a gunicorn worker is not held for the length of a download. Off (the demo, the
tests, a deployment without nginx), Django streams the file itself.

Either way the permission check has already run in the view; this only decides who
carries the bytes. A file that is missing from storage raises FileNotFoundError, as
`open()` would.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.base import File
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def send_file(
    file: File, *, content_type: str, filename: str, as_attachment: bool = False
) -> HttpResponse | FileResponse:
    """The file's bytes, by nginx (X-Accel-Redirect) or streamed by Django."""
    if not (settings.SENDFILE_X_ACCEL and isinstance(file, FieldFile)):
        return FileResponse(
            file.open("rb"),
            content_type=content_type,
            as_attachment=as_attachment,
            filename=filename,
        )
    path = Path(file.path)
    if not path.is_file():
        raise FileNotFoundError(file.name)
    relative = path.resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = settings.SENDFILE_PREFIX + quote(relative.as_posix())
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename) or ""
    return response
