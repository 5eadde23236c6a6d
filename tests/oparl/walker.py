"""A client-style walk of the OParl API: from System through every list, page and object.

Used by tests/oparl/test_walk.py (through Django's test client) and by
benchmarks/oparl_import.py (over HTTP). Each object is validated against the OParl 1.1
schemas in portal/oparl/schema/ (following their `schema` annotations into embedded
objects) and its `raati:` properties against raati-extensions.json; every URL it names
under the API is fetched and must answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "portal" / "oparl" / "schema"
OPARL = "https://schema.oparl.org/1.1/"
EXT = "raati:"

FORMATS = FormatChecker()


@FORMATS.checks("url")
def _url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a date-time needs its time zone")
    return True


@FORMATS.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    if isinstance(value, str):
        date.fromisoformat(value)
    return True


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


SCHEMAS = {
    path.stem: _load(path.name) for path in SCHEMA_DIR.glob("*.json") if path.stem[0].isupper()
}
EXTENSIONS = _load("raati-extensions.json")


@dataclass
class Problem:
    url: str
    message: str

    def __str__(self) -> str:
        return f"{self.url}: {self.message}"


@dataclass
class Walk:
    """What a walk saw: objects by type (live and deleted), files fetched, problems."""

    objects: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    problems: list[Problem] = field(default_factory=list)

    def count(self, type_name: str) -> int:
        return len(self.objects.get(type_name, {}))


def validate(obj: dict[str, Any], *, where: str) -> list[Problem]:
    """Problems of one object (and of the objects embedded in it)."""
    type_url = obj.get("type", "")
    if not isinstance(type_url, str) or not type_url.startswith(OPARL):
        return [Problem(where, f"not an OParl 1.1 type: {type_url!r}")]
    name = type_url.removeprefix(OPARL)
    schema = SCHEMAS.get(name)
    if schema is None:
        return [Problem(where, f"unknown type {name}")]
    problems = [
        Problem(where, f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        for e in Draft7Validator(schema, format_checker=FORMATS).iter_errors(obj)
    ]
    if obj.get("deleted"):
        kept = {"id", "type", "created", "modified", "deleted"} | (
            {"accessUrl"} if name == "File" else set()
        )
        extra = set(obj) - kept
        if extra:
            problems.append(Problem(where, f"a deleted {name} still has {sorted(extra)}"))
        return problems
    extensions = {k: v for k, v in obj.items() if k.startswith(EXT)}
    if extensions:
        definition = EXTENSIONS["$defs"].get(name)
        if definition is None:
            problems.append(Problem(where, f"{name} has extensions but no schema for them"))
        else:
            validator = Draft202012Validator(
                {**definition, "$defs": EXTENSIONS["$defs"]}, format_checker=FORMATS
            )
            problems += [
                Problem(
                    where, f"{name} extension: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                )
                for e in validator.iter_errors(extensions)
            ]
    unknown = [k for k in obj if ":" in k and not k.startswith(EXT)]
    if unknown:
        problems.append(Problem(where, f"properties outside the vendor prefix: {unknown}"))
    for key, prop in schema.get("properties", {}).items():
        value = obj.get(key)
        embedded = prop.get("schema") or (prop.get("items") or {}).get("schema")
        if not embedded or value is None:
            continue
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                problems += validate(child, where=f"{where} > {key}")
    return problems


def _urls(obj: Any) -> list[str]:
    """Every string in an object that looks like a URL (ids, references, lists, files)."""
    if isinstance(obj, str):
        return [obj] if obj.startswith(("http://", "https://")) else []
    if isinstance(obj, list):
        return [u for item in obj for u in _urls(item)]
    if isinstance(obj, dict):
        return [u for value in obj.values() for u in _urls(value)]
    return []


def _embedded(obj: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for value in obj.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and isinstance(child.get("type"), str):
                found.append(child)
                found += _embedded(child)
    return found


# fetch(url) -> (status, headers, body bytes)
Fetch = Callable[[str], tuple[int, dict[str, str], bytes]]


def walk(start: str, fetch: Fetch, *, api_prefix: str, fetch_files: bool = True) -> Walk:
    """Follow every API URL reachable from `start` (the System), each once."""
    seen: set[str] = set()
    queue = [start]
    result = Walk()

    def record(obj: dict[str, Any], where: str) -> None:
        name = str(obj.get("type", "")).removeprefix(OPARL)
        result.problems.extend(validate(obj, where=where))
        if obj.get("deleted"):
            result.deleted.setdefault(name, set()).add(obj["id"])
            queue.append(obj["id"])
            if "accessUrl" in obj:
                status, _headers, _body = fetch(obj["accessUrl"])
                result.requests += 1
                if status != 410:
                    result.problems.append(
                        Problem(obj["accessUrl"], f"a deleted file answered {status}")
                    )
            return
        else:
            result.objects.setdefault(name, {})[obj["id"]] = obj
        for child in _embedded(obj):
            child_name = str(child.get("type", "")).removeprefix(OPARL)
            result.objects.setdefault(child_name, {})[child["id"]] = child
        queue.extend(u for u in _urls(obj) if u.startswith(api_prefix))

    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        is_file = url.rstrip("/").endswith(("/access", "/download"))
        if is_file and not fetch_files:
            continue
        status, headers, body = fetch(url)
        result.requests += 1
        if status != 200:
            result.problems.append(Problem(url, f"answered {status}"))
            continue
        if is_file:
            disposition = headers.get("Content-Disposition", "")
            if url.rstrip("/").endswith("/download") and not disposition.startswith("attachment"):
                result.problems.append(Problem(url, "a downloadUrl must send attachment"))
            if url.rstrip("/").endswith("/access") and disposition.startswith("attachment"):
                result.problems.append(Problem(url, "an accessUrl must not send attachment"))
            result.files[url] = len(body)
            continue
        if not headers.get("Content-Type", "").startswith("application/json"):
            result.problems.append(Problem(url, f"content type {headers.get('Content-Type')}"))
            continue
        if headers.get("Access-Control-Allow-Origin") != "*":
            result.problems.append(Problem(url, "no CORS header"))
        data = json.loads(body)
        if isinstance(data.get("data"), list):
            if "pagination" not in data or "links" not in data:
                result.problems.append(Problem(url, "a list page needs pagination and links"))
            for obj in data["data"]:
                record(obj, url)
            queue.extend(v for v in data.get("links", {}).values() if v.startswith(api_prefix))
        else:
            if data.get("id") != url:
                result.problems.append(Problem(url, f"the id {data.get('id')} is not its URL"))
            record(data, url)
    return result
