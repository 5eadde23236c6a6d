from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from councils.models import AgendaItem, Meeting, OfficialDecision
from portal.celery import app as celery_app
from portal.forms import AccessibilityFeedbackForm
from portal.once import once_per_form
from portal.services import accessibility_feedback_receive

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "upcoming": list(
                Meeting.objects.upcoming()
                .select_related("body")
                .with_last_move()
                .order_by("start")[:8]
            ),
            # What was decided, not the formalities of each meeting nor confidential
            # individual matters that show only a title.
            "decisions": list(
                AgendaItem.objects.decided()
                .filter(is_procedural=False, is_public=True)
                .select_related("meeting__body", "handling", "case")
                .order_by("-meeting__start", "-section")[:8]
            ),
            "official_decisions": list(
                OfficialDecision.objects.published()
                .select_related("official")
                .order_by("-published_at")[:5]
            ),
            "section": "home",
        },
    )


@once_per_form
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        if form.is_valid():
            feedback = accessibility_feedback_receive(
                message=form.cleaned_data["message"],
                page=form.cleaned_data["page"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language(),
            )
            messages.success(
                request,
                _(
                    "Thank you, we have received your feedback. We will answer it "
                    "within 14 days, by %(date)s at the latest."
                )
                % {"date": formats.date_format(feedback.answer_due, "SHORT_DATE_FORMAT")},
            )
            return redirect(request.path + "#palaute")
    else:
        form = AccessibilityFeedbackForm()
    return render(
        request,
        "portal/accessibility.html",
        {"form": form, "section": "accessibility"},
        status=400 if form.is_bound else 200,
    )


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def _check_cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)
    return cache.__class__.__name__


def _check_broker() -> str:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "redis"


def _check_worker() -> str:
    replies = celery_app.control.ping(timeout=1.0)
    if not replies:
        raise RuntimeError("no Celery worker answered within 1 s")
    return f"{len(replies)} answering"


def _run_check(check: Callable[[], str]) -> dict[str, object]:
    try:
        return {"ok": True, "detail": check()}
    except Exception as exc:  # a health check reports every failure, it never raises
        logger.warning("health check %s failed: %r", check.__name__, exc)
        return {"ok": False, "detail": f"{exc.__class__.__name__}: {str(exc)[:200]}"}


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": _run_check(_check_database), "cache": _run_check(_check_cache)}
    if settings.REDIS_URL:
        checks["broker"] = _run_check(_check_broker)
        checks["worker"] = _run_check(_check_worker)
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 handler; a lost database connection becomes a plain 503 instead.

    Both pages render without a request context, because the context processors
    (the session, the signed-in user) would need the database that may be gone.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
