from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # With REDIS_URL set the cache outlives a test; each test starts from an empty one.
    cache.clear()
