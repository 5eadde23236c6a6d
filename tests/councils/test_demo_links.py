"""The demo, crawled as a resident would click through it: every internal link answers.

Starting from the front page, every internal link (<a href> and the feeds' <link
rel="alternate">) of every public page is followed: pages, the agenda, minutes and
attachment PDFs, feeds and calendars. None may answer 404 or 500. Pages in Swedish and
English are fetched, LANGUAGE_BUDGET of each kind of page, but not crawled further (they
have the same links), and a page that varies without end by its query (the calendar's
months, search pages) is followed for at most QUERY_BUDGET variants.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from councils.models import Attachment, Document, DocumentState

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]+)"', re.IGNORECASE)
STYLESHEET_OR_ICON = re.compile(r'<link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*>', re.IGNORECASE)
QUERY_BUDGET = 12
LANGUAGE_BUDGET = 3
OTHER_LANGUAGES = ("/sv/", "/en/")


def _links(html: str, base: str) -> list[str]:
    html = STYLESHEET_OR_ICON.sub("", html)
    found = []
    for href in LINK.findall(html):
        href = href.replace("&amp;", "&")
        if href.startswith(("mailto:", "tel:", "#")):
            continue
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver"):
            continue  # the live stream, the county's site
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def test_every_internal_link_of_the_demo_answers(client: Client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", "--no-documents", stdout=StringIO())
    # Every attachment gets its PDF; the documents of the three newest meetings are enough
    # to follow agenda and minutes links (make demo renders them all).
    out = StringIO()
    call_command("render_missing_documents", limit=3, stdout=out)
    assert not Attachment.objects.filter(file="").exists()
    assert Document.objects.filter(state=DocumentState.READY).count() >= 3, out.getvalue()

    queue: deque[str] = deque(["/"])
    seen = {"/"}
    variants: Counter[str] = Counter()
    broken: list[str] = []
    crawled = followed = skipped = 0
    while queue:
        url = queue.popleft()
        response = client.get(url, follow=True)
        followed += 1
        if response.status_code != 200:
            broken.append(f"{url} answered {response.status_code}")
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        if url.startswith(OTHER_LANGUAGES):
            continue
        crawled += 1
        for link in _links(response.content.decode(), url):
            if link in seen:
                continue
            path, _, query = link.partition("?")
            if path.startswith(OTHER_LANGUAGES):
                try:
                    # Resolved without the prefix: the URLconf matches the active language's.
                    kind = f"{path[:4]}{resolve(path[3:]).view_name}"
                except Resolver404:
                    kind = path  # followed, and reported as broken
                variants[kind] += 1
                if variants[kind] > LANGUAGE_BUDGET:
                    skipped += 1
                    continue
            elif query:
                variants[path] += 1
                if variants[path] > QUERY_BUDGET:
                    skipped += 1
                    continue
            seen.add(link)
            queue.append(link)
    summary = (
        f"{crawled} pages crawled, {followed} links followed ({len(broken)} broken), "
        f"{skipped} more variants of the same pages (other months, languages) left out"
    )
    print(summary)
    assert broken == [], summary + "\n" + "\n".join(broken)
    # The crawl reached every kind of document a resident opens.
    assert any("/asiakirjat/" in link for link in seen), summary
    assert any("/liitteet/" in link for link in seen), summary
    assert crawled > 900, summary
