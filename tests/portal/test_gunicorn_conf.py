"""gunicorn's settings: the app preloaded, the garbage collector frozen in each worker, the
request loop run from a frame with room on the interpreter's stack."""

from __future__ import annotations

import gc
import resource
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


def _deep(depth: int) -> int:
    return 0 if depth == 0 else _deep(depth - 1) + 1


def _page_faults_of_deep_calls() -> int:
    """Minor page faults of 2 000 calls 300 frames deep: 30-odd kB of frames, across the
    edge of a 16 kB chunk of the interpreter's data stack."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(2_000):
        _deep(300)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_a_worker_serves_from_a_frame_whose_stack_chunk_has_room_for_a_request():
    settings = runpy.run_path(str(CONF))

    class Worker:
        def run(self) -> int:
            return _page_faults_of_deep_calls()

    worker = Worker()
    try:
        settings["post_fork"](None, worker)
    finally:
        gc.unfreeze()
    # Python 3.11 maps and unmaps a stack chunk each time the calls cross its edge, and
    # touches fresh pages each time (CPython gh-142183); from the worker's frame, never.
    assert _page_faults_of_deep_calls() > 2_000
    assert worker.run() < 100
