from __future__ import annotations

from django.contrib import admin

from portal.models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page", "name", "email", "answered_at"]
    list_filter = ["answered_at", "language"]
    search_fields = ["message", "page", "name", "email"]
    readonly_fields = ["created_at", "language"]
