"""A word-level difference between two texts, for showing how a decision amended a proposal."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from html import escape, unescape

from django.utils.safestring import SafeString, mark_safe

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h3|h4|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """Plain text of (sanitised) HTML, one line per paragraph."""
    text = _BLOCK_END.sub("\n", value)
    text = unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def word_diff(before_html: str, after_html: str) -> SafeString:
    """The after-text with removed words in <del> and added words in <ins>, escaped."""
    before = re.split(r"(\s+)", html_to_text(before_html))
    after = re.split(r"(\s+)", html_to_text(after_html))
    out: list[str] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(after[b1:b2])))
            continue
        removed = "".join(before[a1:a2]).strip()
        added = "".join(after[b1:b2]).strip()
        if removed:
            out.append(f"<del>{escape(removed)}</del> ")
        if added:
            out.append(f"<ins>{escape(added)}</ins> ")
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - every piece escaped above
