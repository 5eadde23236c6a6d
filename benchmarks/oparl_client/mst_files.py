"""Meine Stadt Transparent's file import, with its object store (minio) replaced by a folder.

Run by benchmarks/oparl_client/run.sh in the client's own virtualenv: it downloads every
File through its downloadUrl and extracts the text, as the client does in production.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, os.environ["MST_SITE_PACKAGES"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meine_stadt_transparent.settings")

import django

django.setup()

STORE = Path(os.environ.get("MST_FILES", "files"))
STORE.mkdir(exist_ok=True)


class Folder:
    def put_object(self, bucket: str, name: str, data: Any, length: int, **kwargs: Any) -> None:
        (STORE / name).write_bytes(data.read(length))


import importer.importer  # noqa: E402
from django.core.management import call_command  # noqa: E402

importer.importer.minio_client = lambda: Folder()  # type: ignore[attr-defined]
call_command("import_files", force_singlethread=True)
