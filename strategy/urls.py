"""Public URLs of the strategy. Included by portal/urls.py under "strategia/"."""

from __future__ import annotations

from django.urls import path, register_converter

from strategy import link_views, views


class GoalCodeConverter:
    """A goal's code: 1 for a main goal, 1.2 for a sub-goal."""

    regex = r"[0-9]{1,2}(?:\.[0-9]{1,2})?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(GoalCodeConverter, "goalcode")

app_name = "strategy"
urlpatterns = [
    path("", views.index, name="index"),
    # A clerk links an agenda item to goals from councils' item editor (POST only).
    path("linkit/pykalat/<int:pk>/", link_views.goal_link_add, name="goal_link_add"),
    path("linkit/<int:pk>/poista/", link_views.goal_link_remove, name="goal_link_remove"),
    path("<slug:strategy>/", views.strategy_detail, name="strategy_detail"),
    path("<slug:strategy>/tavoitteet/<goalcode:code>/", views.goal_detail, name="goal_detail"),
    path("<slug:strategy>/ohjelmat/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("<slug:strategy>/mittarit/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("<slug:strategy>/raportit/", views.period_list, name="period_list"),
    path("<slug:strategy>/raportit/<slug:slug>/", views.period_detail, name="period_detail"),
]
