"""How a decision differs from its proposal: whole changed passages, not word salad."""

from __future__ import annotations

import re

from portal.lib.textdiff import passage_diff


def test_a_rewritten_phrase_is_one_removed_and_one_added_passage():
    diff = passage_diff(
        "<p>Aluehallitus asettaa viiden hengen työryhmän valmistelemaan asiaa.</p>",
        "<p>Aluehallitus asettaa seitsemän jäsenen toimikunnan valmistelemaan asiaa.</p>",
        removed_label="Poistettu:",
        added_label="Lisätty:",
    )
    assert re.findall(r"<del>.*?</del>", diff) == [
        '<del><span class="visually-hidden">Poistettu: </span>viiden hengen työryhmän</del>'
    ]
    assert re.findall(r"<ins>.*?</ins>", diff) == [
        '<ins><span class="visually-hidden">Lisätty: </span>seitsemän jäsenen toimikunnan</ins>'
    ]
    assert diff.startswith("Aluehallitus asettaa <del>")
    assert diff.endswith("</ins> valmistelemaan asiaa.")


def test_changes_a_word_or_two_apart_join_into_one_passage():
    diff = passage_diff("yksi kaksi kolme neljä viisi", "yksi KAKSI kolme NELJÄ viisi")
    assert diff.count("<del>") == diff.count("<ins>") == 1
    assert "<del>kaksi kolme neljä</del> <ins>KAKSI kolme NELJÄ</ins>" in diff


def test_changes_far_apart_stay_separate_and_the_rest_is_plain():
    diff = passage_diff(
        "Hyväksytään suunnitelma vuosille 2026–2027 ja annetaan se tiedoksi kunnille.",
        "Hyväksytään muutettu suunnitelma vuosille 2026–2027 ja annetaan se tiedoksi kunnille ja järjestöille.",
    )
    assert diff.count("<ins>") == 2
    assert "<del>" not in diff.replace("<del>kunnille.</del>", "")
    assert "vuosille 2026–2027 ja annetaan se tiedoksi" in diff


def test_text_is_escaped_and_paragraphs_kept():
    diff = passage_diff("<p>A &lt;b&gt;</p><p>sama</p>", "<p>A <script>x</script></p><p>sama</p>")
    assert "<script>" not in diff
    assert "<br>" in diff
