"""One submission per form: the mechanism that makes every create and publish idempotent.

Every form rendered with `{% csrf_token %}` also carries a hidden one-time token
(`form_once`, signed, fresh on every render; see portal/templatetags/once.py). A view
decorated with `@once_per_form` claims the token before it runs, inside one transaction
with the view's own writes:

- the first submission runs the view; when it succeeds (a redirect, or an htmx answer
  that is not an error) the token keeps the address it led to; when it fails (a form
  error) the token is released, so the corrected form can be sent again;
- a repeated submission, in a row or at the same moment, waits for the first (the
  token's unique index holds it on PostgreSQL, the IMMEDIATE write lock on SQLite) and
  is then redirected to the first one's result with a message, doing nothing itself.

A POST without a token (a client that did not render the form) runs the view as before.
Use it on any view that creates or publishes something:

    @login_required
    @require_POST
    @once_per_form
    def item_add(request, pk): ...
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from portal.models import FormSubmission

FIELD = "form_once"
_SALT = "raati.form-once"
# A form older than this is sent without the protection (its token has expired).
MAX_AGE = timedelta(days=1)
KEEP = timedelta(days=2)

View = Callable[..., HttpResponse]


def new_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(secrets.token_urlsafe(18))


def _claimed_token(request: HttpRequest) -> str | None:
    value = request.POST.get(FIELD, "")
    if not value or len(value) > 200:
        return None
    try:
        signing.TimestampSigner(salt=_SALT).unsign(value, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return value[:64]


def _result_url(request: HttpRequest, response: HttpResponse) -> str | None:
    """Where a successful answer led; None when the view refused the form."""
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        return str(response["Location"])
    if getattr(request, "htmx", False) and 200 <= response.status_code < 300:
        return str(
            response.headers.get("HX-Redirect")
            or request.headers.get("HX-Current-URL")
            or request.path
        )
    return None


def _repeat(request: HttpRequest, token: str) -> HttpResponse:
    submission = FormSubmission.objects.filter(token=token).first()
    url = submission.result_url if submission is not None else ""
    if not url or not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = request.path
    messages.info(request, _("This form was already sent; here is what it did."))
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


def once_per_form(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = _claimed_token(request) if request.method == "POST" else None
        if token is None:
            return view(request, *args, **kwargs)
        user = request.user if request.user.is_authenticated else None
        with transaction.atomic():
            try:
                with transaction.atomic():
                    submission = FormSubmission.objects.create(
                        token=token, user=user, path=request.path[:500]
                    )
            except IntegrityError:
                return _repeat(request, token)
            response = view(request, *args, **kwargs)
            url = _result_url(request, response)
            if url is None:
                submission.delete()
            else:
                submission.result_url = url[:2000]
                submission.save(update_fields=["result_url"])
        return response

    return wrapper


def forget_old_submissions() -> int:
    deleted, _rows = FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    return deleted
