"""One submission per form (portal/once.py) for the apps, which may import only portal/lib.

portal/once.py keeps its tokens in a portal model, so an app cannot import it (DESIGN.md:
apps import nothing of portal but portal/lib). This decorator stands in for it and hands
each view to portal.once.once_per_form, which PortalConfig.ready() registers here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]
_decorate: Callable[[View], View] | None = None


def register(decorator: Callable[[View], View]) -> None:
    global _decorate
    _decorate = decorator


def once_per_form(view: View) -> View:
    wrapped: View | None = None

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        nonlocal wrapped
        if wrapped is None:
            if _decorate is None:
                raise ImproperlyConfigured("portal registers once_per_form when it starts")
            wrapped = _decorate(view)
        return wrapped(request, *args, **kwargs)

    return wrapper
