"""QuickSelect writes the markup of Django's own Select, without its templates."""

from __future__ import annotations

import re

from django import forms

from portal.lib.widgets import QuickSelect

CHOICES = [
    ("", "Kaikki toimielimet"),
    ("aluehallitus", "Aluehallitus"),
    ("<script>", 'Nuorisovaltuusto "<script>alert(1)</script>" & muut'),
    ("Ryhmä", [("a", "Yksi"), ("b", "Kaksi")]),
]


def _same(a: str, b: str) -> bool:
    squeeze = lambda html: re.sub(r">\s+<", "><", html.strip())  # noqa: E731
    return squeeze(a) == squeeze(b)


def test_it_writes_what_djangos_select_writes_selected_grouped_and_escaped():
    attrs = {"id": "id_toimielin", "aria-invalid": "true", "required": True, "disabled": False}
    for value in ("", "aluehallitus", "<script>", "b", "olematon"):
        ours = QuickSelect(choices=CHOICES).render("toimielin", value, attrs)
        theirs = forms.Select(choices=CHOICES).render("toimielin", value, attrs)
        assert _same(ours, theirs), (value, ours, theirs)
    html = QuickSelect(choices=CHOICES).render("toimielin", "<script>", {"id": "x"})
    assert "<script>" not in html.replace('value="&lt;script&gt;"', "")
    assert '<option value="&lt;script&gt;" selected>' in html
    assert '<optgroup label="Ryhmä">' in html and "required" not in html
