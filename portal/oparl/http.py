"""HTTP for the open-data API: JSON, CORS, errors as JSON, ETags and the rate limit.

Every API response is `application/json; charset=utf-8` with `Access-Control-Allow-Origin:
*` (OParl 1.1, CORS), also a 304, a 400, a 404 and a 429. An ETag is the publication
generation (councils/search_index.py, moved on by every change of the public record),
today's date (personal data leaves the record at midnight, rule 7) and the URL: a client
that sends it back gets 304 Not Modified without the database being asked.

The rate limit counts requests per client address and minute in the cache (Redis in
production): OPARL_RATE_LIMIT per minute for the API (default 600), OPARL_BULK_RATE_LIMIT
per hour for the bulk files (default 60). Over it, the answer is 429 with Retry-After.
With the cache away, nobody is limited.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from councils import publication, search_index
from portal.lib.ratelimit import over_limit
from portal.oparl.paging import BadRequest

JSON_TYPE = "application/json; charset=utf-8"
View = Callable[..., HttpResponseBase]


def json_response(data: Any, *, status: int = 200) -> HttpResponse:
    # UTF-8 without escaping (OParl 1.1, JSON output); "/" is left as it is.
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type=JSON_TYPE)


def error(status: int, message: str) -> HttpResponse:
    return json_response({"error": {"status": status, "message": message}}, status=status)


def cors_error(status: int, message: str) -> HttpResponse:
    """An API error answered before any API view (e.g. by a middleware), with CORS."""
    response = error(status, message)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _with_cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def _etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
    generation = search_index.generation()
    if not generation:
        return None
    url = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogatepass")).hexdigest()
    return f'"{generation}-{timezone.localdate():%Y%m%d}-{url[:20]}"'


def _last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> datetime | None:
    """The last change of the public record (or today's start: personal data expires)."""
    generation, changed_at = publication.state()
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    stamp = publication.last_modified(changed_at, not_before=midnight.timestamp())
    return datetime.fromtimestamp(stamp, tz=UTC) if generation and stamp else None


def api_view(view: View) -> View:
    """GET (and HEAD) only, rate-limited, CORS, ETag, and every failure as JSON.

    Messages follow the client's Accept-Language (Finnish by default): the API's
    addresses carry no language prefix.
    """
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(view)

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with translation.override(translation.get_language_from_request(request)):
            return _answer(request, *args, **kwargs)

    def _answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response: HttpResponseBase
        if request.method not in ("GET", "HEAD"):
            response = error(405, _("The open-data API only answers GET requests."))
            response["Allow"] = "GET, HEAD"
            return _with_cors(response)
        wait = over_limit(request, bucket="api", limit=settings.OPARL_RATE_LIMIT, window=60)
        if wait:
            response = error(429, _("Too many requests: try again in %(s)s seconds.") % {"s": wait})
            response["Retry-After"] = str(wait)
            return _with_cors(response)
        if "\x00" in request.get_full_path():
            return _with_cors(error(400, _("The address contains a NUL character.")))
        try:
            response = conditional(request, *args, **kwargs)
        except BadRequest as exc:
            response = error(400, str(exc))
        except Http404:
            response = error(404, _("There is no such object in the open-data API."))
        patch_vary_headers(response, ["Accept-Language"])
        response.setdefault("Cache-Control", "public, max-age=60")
        return _with_cors(response)

    return wrapped


def bulk_limited(view: View) -> View:
    """The bulk files: their own (hourly) limit, because each is a large download."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        wait = over_limit(request, bucket="bulk", limit=settings.OPARL_BULK_RATE_LIMIT, window=3600)
        if wait:
            response = JsonResponse(
                {
                    "error": {
                        "status": 429,
                        "message": _("Too many downloads: try again in %(s)s seconds.")
                        % {"s": wait},
                    }
                },
                status=429,
                json_dumps_params={"ensure_ascii": False},
            )
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return wrapped
