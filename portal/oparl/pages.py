"""The human page about the open data: /avoin-data/."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.oparl.dump import dump_path
from portal.oparl.serializers import COUNTY


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    try:
        dump = dump_path().stat()
    except FileNotFoundError:
        dump = None
    return render(
        request,
        "oparl/open_data.html",
        {
            "api_root": request.build_absolute_uri("/oparl/v1/"),
            "body_slug": COUNTY["slug"],
            "years": list(range(this_year, this_year - 4, -1)),
            "dump_size_mb": round(dump.st_size / 1_000_000, 1) if dump else None,
            "rate_limit": settings.OPARL_RATE_LIMIT,
            "bulk_rate_limit": settings.OPARL_BULK_RATE_LIMIT,
            "section": "open_data",
        },
    )
