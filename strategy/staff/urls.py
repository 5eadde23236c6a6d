"""Staff URLs of the strategy, under "hallinta/strategia/" (namespace strategy_staff)."""

from __future__ import annotations

from django.urls import path

from strategy.staff import views
from strategy.urls import GoalCodeConverter  # noqa: F401 - registers the "goalcode" converter

app_name = "strategy_staff"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tilannekuva.csv", views.dashboard_csv, name="dashboard_csv"),
    path("kaudet/<int:pk>/", views.period_detail, name="period_detail"),
    path("kaudet/<int:pk>/sulje/", views.period_close, name="period_close"),
    path("kaudet/<int:pk>/raportti/", views.report_queue, name="report_queue"),
    path(
        "kaudet/<int:pk>/tavoitteet/<goalcode:code>/",
        views.status_update_edit,
        name="status_update_goal",
    ),
    path(
        "kaudet/<int:pk>/ohjelmat/<slug:slug>/",
        views.status_update_edit,
        name="status_update_programme",
    ),
    path("kaudet/<int:pk>/tuonti/", views.value_import, name="value_import"),
    path(
        "kaudet/<int:pk>/tuonti/vahvista/", views.value_import_confirm, name="value_import_confirm"
    ),
    path("raportit/<int:pk>/", views.report_file, name="report_file"),
    path("raportit/<int:pk>/liita/", views.report_attach, name="report_attach"),
    path("mittarit/", views.indicator_list, name="indicator_list"),
    path("mittarit/<int:pk>/arvot/", views.value_add, name="value_add"),
]
