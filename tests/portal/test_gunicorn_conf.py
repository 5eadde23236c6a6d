"""gunicorn's settings: the app preloaded, the garbage collector frozen in each worker."""

from __future__ import annotations

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_the_workers_share_the_preloaded_app():
    settings = runpy.run_path(str(CONF))
    assert settings["preload_app"] is True
    assert settings["workers"] >= 1


def test_a_worker_freezes_what_start_up_made_so_collections_skip_it():
    settings = runpy.run_path(str(CONF))
    try:
        settings["post_fork"](None, None)
        assert gc.get_freeze_count() > 10_000  # Django's import-time objects
    finally:
        gc.unfreeze()
