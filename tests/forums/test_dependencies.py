"""Dependencies point one way (DESIGN.md): councils imports neither forums nor strategy."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(app: str) -> dict[str, set[str]]:
    """Every module each file of `app` imports, also inside functions and TYPE_CHECKING."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(str(node.args[0].value))
        found[str(path.relative_to(ROOT))] = names
    return found


def _offenders(app: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path} imports {name}"
        for path, names in _imports(app).items()
        for name in sorted(names)
        if name.split(".")[0] in forbidden
    ]


def test_it_finds_imports_where_they_are():
    # The scanner itself: forums does import councils (it may), so a scan that found
    # nothing there would be a scan that cannot fail.
    assert _offenders("forums", ("councils",))


def test_councils_imports_nothing_of_forums_or_strategy():
    assert _offenders("councils", ("forums", "strategy")) == []


def test_strategy_imports_nothing_of_forums():
    # forums shows its follow-up on strategy's goal page through strategy/extensions.py.
    assert _offenders("strategy", ("forums",)) == []


def test_forums_imports_nothing_of_portal_but_its_lib():
    # portal.once is the one-submission decorator every create view must wear (README,
    # "One submission per form"); councils and strategy import it the same way.
    offenders = [
        line
        for line in _offenders("forums", ("portal",))
        if not (line.endswith(" imports portal.lib") or " imports portal.lib." in line)
        and not line.endswith(" imports portal.once")
    ]
    assert offenders == []
