from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from forums import views as forums_views
from portal import views, views_alerts
from portal.forms import LoginForm

site_patterns = (
    [
        path("", views.home, name="home"),
        # Participation's front door (forums); the name stays portal's for every link to it.
        path("osallistu/", forums_views.participate, name="participate"),
        path(
            "saavutettavuusseloste/",
            views.accessibility_statement,
            name="accessibility",
        ),
        path(
            "kirjaudu/",
            auth_views.LoginView.as_view(
                template_name="registration/login.html",
                authentication_form=LoginForm,
                redirect_authenticated_user=True,
            ),
            name="login",
        ),
        path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
        # E-mail alerts (double opt-in, one-click unsubscribe).
        path("seuraa/", views_alerts.alert_subscribe, name="alert_subscribe"),
        path("seuraa/lahetetty/", views_alerts.alert_requested, name="alert_requested"),
        path("seuraa/vahvista/<str:token>/", views_alerts.alert_confirm, name="alert_confirm"),
        path("seuraa/peru/<str:token>/", views_alerts.alert_cancel, name="alert_cancel"),
        path(
            "seuraa/peru/<str:token>/kaikki/",
            views_alerts.alert_cancel_all,
            name="alert_cancel_all",
        ),
        path("seuraa/peruttu/", views_alerts.alert_cancelled, name="alert_cancelled"),
    ],
    "portal",
)

urlpatterns = [
    path("health/", views.health, name="health"),
    # The open-data API and the bulk files: one address in every language.
    path("oparl/v1/", include("portal.oparl.urls")),
    path("avoin-data/", include("portal.oparl.bulk_urls")),
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", include(site_patterns)),
        path("avoin-data/", include("portal.oparl.page_urls")),
        path("", include("councils.urls")),
        path("", include("forums.urls")),
        path("strategia/", include("strategy.urls")),
        path("hallinta/strategia/", include("strategy.staff.urls")),
        path("hallinta/", include("forums.staff.urls")),
        path("hallinta/", include("councils.staff.urls")),
        prefix_default_language=False,
    ),
]

handler500 = "portal.views.server_error"
