"""Golden text: the minutes of the board's strategy meeting (6.6.2022) in the demo data.

The whole extracted text of the PDF is compared with tests/councils/golden/. After an
intended change of the document templates, regenerate it with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/councils/test_documents_golden.py` and review the diff.
"""

from __future__ import annotations

import os
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from councils import documents
from councils.models import Document, DocumentKind, Meeting

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden" / "aluehallitus-2022-06-06-minutes.txt"


def test_the_demo_minutes_render_to_the_golden_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    meeting = Meeting.objects.get(body__slug="aluehallitus", start__date="2022-06-06")
    document = Document.objects.create(kind=DocumentKind.MINUTES, meeting=meeting)
    reader = PdfReader(BytesIO(documents.render_pdf(document)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()
