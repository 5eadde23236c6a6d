"""Participation in Django's admin: forums and the agreement, which the coordinator's pages
do not edit (the forums' texts, the agreement's goals and rules), with history."""

from __future__ import annotations

from django.contrib import admin

from forums.models import (
    AgreementGoal,
    AgreementRule,
    CooperationAgreement,
    Forum,
    ForumTopic,
    Organisation,
    OrganisationField,
    Registration,
    Representative,
    Signatory,
)
from portal.lib.admin import SimpleHistoryAdmin


class ForumTopicInline(admin.TabularInline):
    model = ForumTopic
    extra = 0


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["body", "level", "rhythm", "agreement"]
    list_filter = ["level"]
    raw_id_fields = ["body", "founding_decisions"]
    inlines = [ForumTopicInline]


class AgreementGoalInline(admin.StackedInline):
    model = AgreementGoal
    extra = 0


class AgreementRuleInline(admin.TabularInline):
    model = AgreementRule
    extra = 0


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0
    raw_id_fields = ["organisation"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "signed_on", "approved_by"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["approved_by", "strategy_goal"]
    inlines = [AgreementGoalInline, AgreementRuleInline, SignatoryInline]


class OrganisationFieldInline(admin.TabularInline):
    model = OrganisationField
    extra = 0


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "home_municipality", "business_id", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "business_id"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["home_municipality"]
    inlines = [OrganisationFieldInline, RepresentativeInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "state", "requested_at", "confirmed_at", "decided_at"]
    list_filter = ["state"]
    readonly_fields = ["token"]
    raw_id_fields = ["organisation", "decided_by"]
