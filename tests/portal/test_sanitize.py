from __future__ import annotations

from portal.lib.sanitize import clean_html, editable_to_html, html_to_editable


def test_plain_paragraphs_round_trip_through_the_editor():
    html = "<p>Ensimmäinen kappale.</p><p>Toinen &amp; viimeinen.</p>"
    text = html_to_editable(html)
    assert text == "Ensimmäinen kappale.\n\nToinen & viimeinen."
    assert editable_to_html(text) == html


def test_typed_text_becomes_escaped_paragraphs():
    assert (
        editable_to_html("Rivi <b>\nToinen rivi\n\nUusi kappale")
        == "Rivi <b>\nToinen rivi\n\nUusi kappale"
    )
    assert editable_to_html("A & B\nrivi\n\nC") == "<p>A &amp; B<br>rivi</p><p>C</p>"


def test_rich_html_is_edited_as_html_so_nothing_is_lost():
    html = '<p>Hakija <span data-personal="">Maija</span></p><ul><li>kohta</li></ul>'
    edited = html_to_editable(html)
    assert edited == "<p>Hakija [[Maija]]</p><ul><li>kohta</li></ul>"
    assert clean_html(editable_to_html(edited)) == html


def test_scripts_never_survive_cleaning():
    assert clean_html(editable_to_html("<script>alert(1)</script>")) == ""


def test_double_brackets_mark_personal_data_without_html():
    html = editable_to_html("Hakija [[Maija Meikäläinen]] pyysi lisäaikaa.\n\nToinen kappale.")
    assert html == (
        "<p>Hakija <span data-personal>Maija Meikäläinen</span> pyysi lisäaikaa.</p>"
        "<p>Toinen kappale.</p>"
    )
    stored = clean_html(html)
    assert html_to_editable(stored) == (
        "Hakija [[Maija Meikäläinen]] pyysi lisäaikaa.\n\nToinen kappale."
    )


def test_double_brackets_work_in_html_too_and_never_smuggle_markup():
    assert editable_to_html("<ul><li>[[Matti]]</li></ul>") == (
        "<ul><li><span data-personal>Matti</span></li></ul>"
    )
    assert "<script" not in clean_html(editable_to_html("[[<script>x</script>]]"))
    assert editable_to_html("[[]] ja [x]") == "<p>[[]] ja [x]</p>"
