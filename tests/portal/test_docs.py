"""The repository stands alone: its docs name tests and code that exist, and nothing points
outside it (a clone has no ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# `tests/councils/test_x.py::test_y`, or `test_x.py::test_y` / `::test_y` after such a file.
TEST_REFERENCE = re.compile(r"((?:tests/\w+/)?test_\w+\.py)?::(test_\w+)")


def _test_file(name: str) -> Path:
    """A test file named in full (tests/strategy/test_x.py) or, bare, one of councils'."""
    path = ROOT / name if name.startswith("tests/") else ROOT / "tests" / "councils" / name
    assert path.exists(), f"no {name}"
    return path


def test_the_legal_rules_page_names_tests_that_exist():
    text = (DOCS / "legal-rules.md").read_text(encoding="utf-8")
    checked = 0
    for line in text.splitlines():
        current: Path | None = None
        for file_name, test_name in TEST_REFERENCE.findall(line):
            if file_name:
                current = _test_file(file_name)
            assert current is not None, f"{test_name} has no file before it: {line[:80]}"
            assert re.search(rf"^def {test_name}\(", current.read_text(), re.MULTILINE), (
                f"{current.name} has no {test_name}"
            )
            checked += 1
    assert checked >= 30


def test_the_docs_name_code_that_exists():
    for page in DOCS.glob("*.md"):
        for path in re.findall(
            r"`((?:councils|portal|strategy|benchmarks|templates)/[\w/.-]+\.\w+)`", page.read_text()
        ):
            assert (ROOT / path).exists(), f"{page.name} names {path}, which does not exist"


def test_nothing_points_outside_the_repository():
    sources = [
        path
        for pattern in ("*.py", "*.md", "*.toml", "*.html", "Makefile", "Dockerfile", "*.yml")
        for path in ROOT.rglob(pattern)
        if not {".venv", "node_modules", ".git"} & set(path.parts)
    ]
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if path != Path(__file__)
        and re.search(r"\.\./shared|/work/shared", path.read_text(errors="ignore"))
    ]
    assert offenders == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/architecture.md", "docs/domain.md", "docs/legal-rules.md"):
        assert page in readme
