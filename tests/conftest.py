from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # With REDIS_URL set the cache outlives a test; each test starts from an empty one.
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # PBKDF2 at production strength costs ~0.3 s per user; the tests make hundreds.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # Still verifies passwords stored before the override (module-scoped fixtures).
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
