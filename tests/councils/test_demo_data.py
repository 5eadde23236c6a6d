"""The demo's data files (councils/demo/data/) travel with an installed Raati."""

from __future__ import annotations

import tomllib
from pathlib import Path

import councils

ROOT = Path(__file__).resolve().parents[2]


def test_an_installed_raati_carries_every_demo_data_file():
    """`pip install` copies only what [tool.setuptools.package-data] names: a data file left
    out would make `load_demo` fail on an installed Raati."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["councils"]
    app = Path(councils.__file__).parent
    files = {path.relative_to(app) for path in (app / "demo").rglob("*.json")}
    packaged = {path.relative_to(app) for pattern in patterns for path in app.glob(pattern)}
    assert len(files) > 10
    assert sorted(files - packaged) == []
