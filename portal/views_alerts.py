"""E-mail alerts: subscribe, confirm (double opt-in) and unsubscribe (one click).

The confirmation and unsubscribe links carry the subscription's token. Their GET shows
a page with a button, because mail scanners fetch links; only the POST acts. The
unsubscribe POST needs no CSRF token, as RFC 8058 one-click unsubscribe posts from the
mail client: the unguessable token is its authorisation.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal import alerts
from portal.forms import SubscriptionForm
from portal.models import Subscription, SubscriptionState


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/alerts/invalid_link.html", status=404)


def _get_subscription(token: str) -> Subscription | None:
    """The subscription of a link's token; None when unknown or expired."""
    if len(token) > 64:
        return None
    subscription = (
        Subscription.objects.select_related("body", "case", "consultation", "initiative")
        .filter(token=token)
        .first()
    )
    if subscription is not None and subscription.is_expired(timezone.now()):
        return None
    return subscription


@require_http_methods(["GET", "POST"])
def alert_subscribe(request: HttpRequest) -> HttpResponse:
    try:
        target = alerts.target_from_params(request.GET)
    except alerts.TargetNotFound:
        raise Http404("nothing to follow") from None
    except ValidationError as error:
        return render(
            request, "portal/alerts/subscribe.html", {"problem": error.messages[0]}, status=400
        )
    form = SubscriptionForm(request.POST or None)
    if form.is_valid():
        if not form.is_spam:
            alerts.subscription_request(
                email=form.cleaned_data["email"], target=target, language=get_language()
            )
        return redirect(f"{reverse('portal:alert_requested')}?{target.params}")
    return render(
        request,
        "portal/alerts/subscribe.html",
        {"form": form, "target": target},
        status=400 if form.is_bound else 200,
    )


def alert_requested(request: HttpRequest) -> HttpResponse:
    """The same answer whether or not the address already followed the target."""
    try:
        target = alerts.target_from_params(request.GET)
    except (alerts.TargetNotFound, ValidationError):
        target = None
    return render(request, "portal/alerts/requested.html", {"target": target})


@require_http_methods(["GET", "POST"])
def alert_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = _get_subscription(token)
    if subscription is None:
        return _invalid_link(request)
    if request.method == "POST":
        alerts.subscription_confirm(subscription=subscription)
        return redirect(request.path)
    return render(
        request,
        "portal/alerts/confirm.html",
        {
            "subscription": subscription,
            "target": alerts.Target.of(subscription),
            "active": subscription.state == SubscriptionState.ACTIVE,
        },
    )


def _cancel(request: HttpRequest, token: str, *, everything: bool) -> HttpResponse:
    subscription = _get_subscription(token)
    if subscription is None:
        return _invalid_link(request)
    if request.method == "POST":
        alerts.subscription_cancel(subscription=subscription, everything=everything)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # A mail client's one-click request: answer it, no page to go on to.
            return render(request, "portal/alerts/cancelled.html", {"everything": everything})
        return redirect(f"{reverse('portal:alert_cancelled')}{'?kaikki=1' if everything else ''}")
    return render(
        request,
        "portal/alerts/cancel.html",
        {
            "subscription": subscription,
            "target": alerts.Target.of(subscription),
            "everything": everything,
            "count": Subscription.objects.for_email(subscription.email).count(),
        },
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_cancel(request: HttpRequest, token: str) -> HttpResponse:
    return _cancel(request, token, everything=False)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_cancel_all(request: HttpRequest, token: str) -> HttpResponse:
    return _cancel(request, token, everything=True)


def alert_cancelled(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/alerts/cancelled.html", {"everything": "kaikki" in request.GET})
