"""Settings read from the environment, run in a fresh interpreter as production would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "Vt3kq9-Jx2nLr7sPa1Wd8zYe5Hc0bUf6gTm4oKi_vQwXyRjNhDpLsMaCeGbFu",
    "ALLOWED_HOSTS": "raati.example.invalid",
    "SECURE_SSL_REDIRECT": "",
    "SECURE_COOKIES": "",
    "STATIC_MANIFEST": "",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_it_refuses_to_start_with_debug_off_and_the_demo_secret_key():
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_starts_with_the_demo_key_when_debug_is_on():
    result = _manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_a_malformed_boolean_is_named_in_the_error():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_celery_time_limits_must_stay_below_the_visibility_timeout():
    result = _manage("check", DEBUG="1", CELERY_TIME_LIMIT="7200")
    assert result.returncode != 0
    assert "soft < hard < visibility timeout" in result.stderr
