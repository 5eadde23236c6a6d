"""The difference between two texts in whole passages, for how a decision amended a proposal."""

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


# Words left unchanged between two changes, up to this many, join them into one passage:
# "set up a team of five" -> "set up a board of seven" reads as one changed passage
# ("team of five" -> "board of seven"), not as alternating single words.
JOIN_WITHIN = 2


def _passages(before: list[str], after: list[str]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher's opcodes over words, with nearby changes merged into passages."""
    ops = SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    merged: list[tuple[str, int, int, int, int]] = []
    for index, (op, a1, a2, b1, b2) in enumerate(ops):
        between_changes = 0 < index < len(ops) - 1 and a2 - a1 <= JOIN_WITHIN
        if op == "equal" and not between_changes:
            merged.append((op, a1, a2, b1, b2))
            continue
        if merged and merged[-1][0] == "change":
            _op, c1, _c2, d1, _d2 = merged[-1]
            merged[-1] = ("change", c1, a2, d1, b2)
        else:
            merged.append(("change", a1, a2, b1, b2))
    return merged


def passage_diff(
    before_html: str, after_html: str, *, removed_label: str = "", added_label: str = ""
) -> SafeString:
    """The after-text with each changed passage shown whole: the removed passage in <del>,
    then the added one in <ins>, escaped.

    A screen reader reads "removed: A B C, added: X Y Z" instead of alternating single
    words; the labels (visually hidden) say which is which, since <del> and <ins> are not
    announced by most screen readers.
    """
    # Words keep the whitespace that follows them, so paragraphs survive the diff.
    before_words = re.findall(r"\S+\s*", html_to_text(before_html))
    after_words = re.findall(r"\S+\s*", html_to_text(after_html))
    out: list[str] = []
    for op, a1, a2, b1, b2 in _passages(
        [w.strip() for w in before_words], [w.strip() for w in after_words]
    ):
        if op == "equal":
            out.append(escape("".join(after_words[b1:b2])))
            continue
        removed = "".join(before_words[a1:a2])
        added = "".join(after_words[b1:b2])
        # The passage keeps the space or line break after it (a paragraph's end).
        tail = (added or removed)[len((added or removed).rstrip()) :] or " "
        removed, added = removed.strip(), added.strip()
        if removed:
            label = (
                f'<span class="visually-hidden">{escape(removed_label)} </span>'
                if removed_label
                else ""
            )
            out.append(f"<del>{label}{escape(removed)}</del>" + (" " if added else tail))
        if added:
            label = (
                f'<span class="visually-hidden">{escape(added_label)} </span>'
                if added_label
                else ""
            )
            out.append(f"<ins>{label}{escape(added)}</ins>{tail}")
    return mark_safe("".join(out).strip().replace("\n", "<br>"))  # noqa: S308 - escaped above
