"""The strategy in Django's admin: structure, indicators and reports, with history."""

from __future__ import annotations

from django.contrib import admin

from portal.lib.admin import SimpleHistoryAdmin
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Programme,
    ReportingPeriod,
    StatusUpdate,
    Strategy,
    Value,
)


class ValueInline(admin.TabularInline):
    model = Value
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["approved_by"]
    inlines = [ValueInline]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "strategy", "responsible_body", "owner"]
    list_filter = ["strategy"]
    search_fields = ["code", "title"]
    list_select_related = ["strategy", "responsible_body"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "strategy", "owner"]
    list_filter = ["strategy"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["goals"]
    raw_id_fields = ["approved_by"]


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "direction", "goal", "programme", "is_demo", "next_due"]
    list_filter = ["is_demo", "direction", "update_frequency"]
    search_fields = ["name"]
    list_select_related = ["goal", "programme"]
    inlines = [IndicatorTargetInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "measured_on", "municipality", "value", "entered_by"]
    list_filter = ["municipality", "indicator"]
    date_hierarchy = "measured_on"
    list_select_related = ["indicator", "entered_by"]
    raw_id_fields = ["entered_by"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["code", "strategy", "start", "end", "closed_at"]
    list_filter = ["strategy"]
    readonly_fields = ["closed_at", "closed_by", "snapshot"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["period", "goal", "programme", "status", "suggested_status", "updated_at"]
    list_filter = ["period", "status"]
    list_select_related = ["period", "goal", "programme"]
    readonly_fields = ["suggested_status"]
    raw_id_fields = ["author"]


@admin.register(GoalLink)
class GoalLinkAdmin(SimpleHistoryAdmin):
    list_display = ["goal", "agenda_item", "created_by", "created_at"]
    list_select_related = ["goal", "agenda_item"]
    raw_id_fields = ["agenda_item", "created_by"]
