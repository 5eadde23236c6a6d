"""The form renderer: Django's smallest form templates written in Python.

Django renders every field of a form through five or six tiny templates (the field
group, its label, the attributes, the widget, the options of a select, the empty error
list), each a template render with its context push, include and autoescape. On the
filters of search and of the decisions list that was a fifth of the page's time.
`QuickRenderer` writes those templates' exact output in Python and leaves every other
template (and every unusual case of these: a fieldset, errors to show, an option with
its own template) to Django's templates, so the markup is Django's byte for byte;
`tests/portal/test_form_renderer.py` renders the project's forms both ways and compares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# The context a form template renders in: autoescape on, localisation and time zone as
# the settings say.
_CONTEXT = Context()


def _text(value: Any) -> str:
    """What `{{ value }}` writes. A string is only escaped: localisation and time zones
    leave strings as they are."""
    if isinstance(value, str):
        return conditional_escape(value)
    return render_value_in_context(value, _CONTEXT)


def _attrs(attrs: Mapping[str, Any] | None) -> str:
    """django/forms/attrs.html: ` name="value"`, a True one bare, a False one left out.

    `stringformat:'s'` keeps a safe value safe and makes anything else a string to escape:
    what conditional_escape does.
    """
    if not attrs:
        return ""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _label(context: Mapping[str, Any]) -> str:
    label = _text(context["label"])
    if not context["use_tag"]:
        return label
    tag = _text(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


def _field(context: Mapping[str, Any]) -> str | None:
    field = context["field"]
    if field.use_fieldset:
        return None
    label = field.label_tag() if field.label else ""
    helptext = ""
    if field.help_text:
        described = f' id="{_text(field.auto_id)}_helptext"' if field.auto_id else ""
        helptext = f'<div class="helptext"{described}>{field.help_text}</div>'
    return f"\n  {label}\n\n{helptext}\n{_text(field.errors)}\n{_text(field)}\n".strip()


def _no_errors(context: Mapping[str, Any]) -> str | None:
    return "" if not context["errors"] else None


def _input(context: Mapping[str, Any]) -> str:
    widget = context["widget"]
    value = widget["value"]
    written = f' value="{conditional_escape(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{written}{_attrs(widget['attrs'])}>"
    )


_OPTION = "django/forms/widgets/select_option.html"


def _select(context: Mapping[str, Any]) -> str | None:
    widget = context["widget"]
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != _OPTION:
                return None
            # The included option template ends with a line break, which stays.
            parts.append(
                f'\n  <option value="{conditional_escape(option["value"])}"'
                f"{_attrs(option['attrs'])}>{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


# Each of these templates is `{% include "django/forms/widgets/input.html" %}`.
INPUT_TEMPLATES = [
    f"django/forms/widgets/{name}.html"
    for name in (
        *("text", "search", "email", "url", "tel", "number", "password", "hidden"),
        *("date", "time", "datetime", "checkbox", "color"),
    )
]

WRITERS: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    "django/forms/field.html": _field,
    "django/forms/label.html": _label,
    "django/forms/errors/list/default.html": _no_errors,
    "django/forms/errors/list/ul.html": _no_errors,
    "django/forms/widgets/input.html": _input,
    "django/forms/widgets/select.html": _select,
    **dict.fromkeys(INPUT_TEMPLATES, _input),
}


class QuickRenderer(DjangoTemplates):
    """Django's template form renderer, with the templates of WRITERS written in Python."""

    def render(
        self, template_name: str, context: dict[str, Any], request: Any = None
    ) -> SafeString | str:
        write = WRITERS.get(template_name)
        written = write(context) if write is not None else None
        if written is None:
            return super().render(template_name, context, request=request)
        # What the templates write is escaped above; the renderer's output is safe.
        return mark_safe(written.strip())  # noqa: S308
