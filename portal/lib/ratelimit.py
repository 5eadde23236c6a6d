"""Rate limits counted in the cache: per client address, per target, per both.

Fixed windows: a key per bucket, window start and who (the client's address hashed, or a
target named by the caller, or both) holds a counter that expires with its window. With
the cache away (Redis down), nobody is limited: a public page must still answer.

Used by the open-data API (portal/oparl/http.py) and by the public participation forms
(forums/participation.py).
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address; behind OPARL_TRUSTED_PROXIES proxies, from X-Forwarded-For."""
    proxies = settings.OPARL_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def count_over(key: str, *, limit: int, window: int) -> int:
    """Count one more under `key`; seconds to wait when the count is over `limit`, else 0."""
    if limit <= 0:
        return 0
    now = int(time.time())
    start = now - now % window
    full_key = f"ratelimit:{key}:{start}"
    try:
        if cache.add(full_key, 1, window + 5):
            return 0
        count = cache.incr(full_key)
    except Exception:  # the cache is away: nobody is limited
        return 0
    return (start + window - now) if count > limit else 0


def over_limit(
    request: HttpRequest, *, bucket: str, limit: int, window: int, target: str = ""
) -> int:
    """Seconds to wait when this address (on this target, if named) is over its limit, else 0."""
    who = _digest(client_address(request))
    key = f"{bucket}:{_digest(target)}:{who}" if target else f"{bucket}:{who}"
    return count_over(key, limit=limit, window=window)


def target_over_limit(*, bucket: str, target: str, limit: int, window: int) -> int:
    """Seconds to wait when `target` has had more than `limit` hits from anyone, else 0."""
    return count_over(f"{bucket}:target:{_digest(target)}", limit=limit, window=window)
