"""`{% csrf_token %}` that also writes the form's one-time token (see portal/once.py).

Registered as a template builtin, so every POST form of every app carries a fresh token
without a change to its template; a view opts in with `@once_per_form`.
"""

from __future__ import annotations

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html

from portal import once

register = template.Library()


class CsrfAndOnceNode(template.Node):
    def render(self, context: Context) -> str:
        csrf = CsrfTokenNode().render(context)  # already safe: Django's own markup
        if not csrf:
            return csrf
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">', csrf, once.FIELD, once.new_token()
        )


@register.tag
def csrf_token(parser: Parser, token: Token) -> CsrfAndOnceNode:
    return CsrfAndOnceNode()
