"""Template helpers of the clerks' pages that need the staff views' forms and rules."""

from __future__ import annotations

from typing import Any

from django import template

from councils.staff import officials
from councils.staff.attachments import AttachmentForm

register = template.Library()


@register.simple_tag
def attachment_upload_form(form: object = None) -> AttachmentForm:
    """The upload form as the clerk sent it (with its errors), or a blank one."""
    return form if isinstance(form, AttachmentForm) else AttachmentForm()


@register.simple_tag
def may_publish_official_decisions(user: Any) -> bool:
    return officials.may_publish_official_decisions(user)
