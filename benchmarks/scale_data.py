"""Synthetic Finnish text and the fixed lists for the scale benchmark (benchmarks/scale.py).

The text is built from the county's own documents in benchmarks/data/seeds/*.txt: they are
split into sentences, and a word-level Markov chain trained on those sentences writes
many more, so that word frequencies follow the source (a few very common words such as
"hyvinvointialueen", a long tail of rare ones) while an item is not a copy of a handful
of sentences. Sentences with amounts, dates and municipalities add the numbers and
names that real agendas are full of. Importing this module has no side effects.
"""

from __future__ import annotations

import html
import itertools
import random
import re
from collections import defaultdict
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"

# The word planted in a few items for the "rare word" search, in several inflected forms.
RARE_WORD = "vesihuoltolaitos"
RARE_FORMS = ["vesihuoltolaitos", "vesihuoltolaitoksen", "vesihuoltolaitokselle"]
RARE_ITEMS = 50

MUNICIPALITIES = [
    "Asikkala",
    "Hartola",
    "Heinola",
    "Hollola",
    "Iitti",
    "Kärkölä",
    "Lahti",
    "Orimattila",
    "Padasjoki",
    "Sysmä",
]
MUNICIPALITY_GENITIVES = [
    "Asikkalan",
    "Hartolan",
    "Heinolan",
    "Hollolan",
    "Iitin",
    "Kärkölän",
    "Lahden",
    "Orimattilan",
    "Padasjoen",
    "Sysmän",
]

FIRST_NAMES = [
    "Aino",
    "Anna",
    "Antti",
    "Eero",
    "Eila",
    "Elina",
    "Emma",
    "Heikki",
    "Helena",
    "Henna",
    "Ilkka",
    "Jaana",
    "Janne",
    "Jari",
    "Johanna",
    "Jukka",
    "Juha",
    "Kaisa",
    "Kari",
    "Katja",
    "Kimmo",
    "Laura",
    "Leena",
    "Liisa",
    "Marja",
    "Markku",
    "Matti",
    "Mika",
    "Minna",
    "Mikko",
    "Noora",
    "Olli",
    "Paula",
    "Pekka",
    "Petri",
    "Pirjo",
    "Riikka",
    "Sami",
    "Sanna",
    "Satu",
    "Seppo",
    "Tapio",
    "Teemu",
    "Tiina",
    "Timo",
    "Tuula",
    "Ulla",
    "Veikko",
    "Ville",
]
LAST_NAMES = [
    "Aalto",
    "Heikkinen",
    "Hakala",
    "Hämäläinen",
    "Jokinen",
    "Järvinen",
    "Kallio",
    "Karjalainen",
    "Kettunen",
    "Kinnunen",
    "Koskinen",
    "Laine",
    "Lehtonen",
    "Leinonen",
    "Leppänen",
    "Lindqvist",
    "Mäkelä",
    "Mäkinen",
    "Mattila",
    "Miettinen",
    "Mustonen",
    "Nieminen",
    "Niemi",
    "Nurmi",
    "Ojala",
    "Peltonen",
    "Pesonen",
    "Rantanen",
    "Räsänen",
    "Saarinen",
    "Salminen",
    "Salo",
    "Savolainen",
    "Seppälä",
    "Sirola",
    "Suominen",
    "Tiihonen",
    "Toivonen",
    "Turunen",
    "Vainio",
    "Virtanen",
    "Väisänen",
    "Halonen",
    "Honkanen",
    "Huttunen",
    "Ikonen",
    "Kiiski",
    "Korhonen",
    "Lahtinen",
    "Laitinen",
]
GROUPS = ["KOK", "SDP", "PS", "KESK", "VIHR", "VAS", "KD", "RKP", "LIIK"]
OFFICIAL_TITLES = [
    "hyvinvointialuejohtaja",
    "hallintojohtaja",
    "talousjohtaja",
    "henkilöstöjohtaja",
    "palvelujohtaja",
    "pelastusjohtaja",
    "hankintapäällikkö",
    "tulosyksikköpäällikkö",
    "lakimies",
    "kehittämispäällikkö",
]

# JHS 191 task classes that a county's cases fall into.
TASK_CLASSES = [
    "00.00.00",
    "00.01.00",
    "00.01.01",
    "00.01.02",
    "00.02.00",
    "00.03.00",
    "01.00.00",
    "01.01.00",
    "02.00.00",
    "02.02.00",
    "02.05.00",
    "02.06.00",
    "02.07.00",
    "02.08.00",
    "03.00.00",
    "04.00.00",
    "05.00.00",
    "05.01.00",
    "06.00.00",
    "07.00.00",
    "10.00.00",
    "10.03.00",
    "12.00.00",
]

SECRECY_BASES = [
    "JulkL 24.1 § 25 k (sosiaalihuollon asiakastiedot)",
    "JulkL 24.1 § 32 k (yksityiselämää koskevat tiedot)",
    "JulkL 24.1 § 17 k (liike- tai ammattisalaisuus)",
    "JulkL 24.1 § 29 k (henkilöstöhallinnon tiedot)",
    "Laki potilaan asemasta ja oikeuksista 13 §",
]
CONFIDENTIAL_TITLES = [
    "Oikaisuvaatimus asiakasmaksua koskevaan päätökseen",
    "Oikaisuvaatimus omaishoidon tukea koskevaan päätökseen",
    "Oikaisuvaatimus kuljetuspalvelua koskevaan päätökseen",
    "Vahingonkorvausvaatimus",
    "Henkilöstöasia",
    "Hankinnan tarjousvertailu",
]

# The items that open and close nearly every agenda, as in the county's real minutes.
OPENING_TITLES = [
    "Kokouksen laillisuus ja päätösvaltaisuus",
    "Pöytäkirjantarkastajien valinta",
]
CLOSING_TITLES = ["Ilmoitusasiat", "Viranhaltijapäätökset ja otto-oikeus"]

STANDARD_TEXT = {
    "Kokouksen laillisuus ja päätösvaltaisuus": "Kokous todetaan laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    "Pöytäkirjantarkastajien valinta": "Valitaan kaksi pöytäkirjantarkastajaa, jotka toimivat tarvittaessa ääntenlaskijoina.",
    "Ilmoitusasiat": "Merkitään tiedoksi ilmoitusasiat.",
    "Viranhaltijapäätökset ja otto-oikeus": "Merkitään tiedoksi viranhaltijapäätökset, eikä asioita oteta käsiteltäväksi.",
}

# Titles that recur on every county's agendas.
AGENDA_TITLES = [
    "Talousarvion toteutumisraportti",
    "Tilinpäätös ja toimintakertomus",
    "Talousarvio ja taloussuunnitelma",
    "Hallintosäännön muutos",
    "Pelastustoimen palvelutasopäätös",
    "Palvelustrategian toimeenpano",
    "Asiakasmaksujen tarkistaminen",
    "Palvelusetelin sääntökirja",
    "Henkilöstöraportti",
    "Sisäisen valvonnan ja riskienhallinnan selvitys",
    "Omavalvontaohjelman päivitys",
    "Palveluverkon kehittäminen",
    "Hyvinvointikertomus ja -suunnitelma",
    "Hyte-avustusten myöntäminen",
    "Lausunto sosiaali- ja terveysministeriölle",
    "Arviointikertomuksen johdosta annettavat selvitykset",
    "Toimintasäännön hyväksyminen",
    "Yhteistyösopimus alueen kuntien kanssa",
    "Ensihoidon palvelutaso",
    "Kotihoidon palvelujen hankinta",
    "Ikääntyneiden palveluasumisen kehittäminen",
    "Lasten ja nuorten mielenterveyspalvelut",
    "Opiskeluhuoltopalvelujen järjestäminen",
    "Tietojärjestelmähankinta",
    "Toimitilaohjelma",
    "Valmiussuunnitelman päivittäminen",
    "Osallisuusohjelma",
    "Monituottajuusohjelma",
    "Digi- ja dataohjelma",
    "Viestintäohjelma",
]

TITLE_SUFFIXES = ["", "", "", " vuodelle {next}", " {year}", " {year}–{next}", ", {municipality}"]
TITLE_PREFIXES = ["", "", "", "", "Lausunto: ", "Hankinta: ", "Valtuustoaloite: ", "Selvitys: "]

# 60 bodies of every kind: the county's present bodies, its cooperation forums, the joint
# authority (kuntayhtymä) that came before it and the municipal boards that handed over
# social and health care, as a 20-year record would hold them.
# (slug, name, kind, seats, meetings per year weight)
EXTRA_BODIES: list[tuple[str, str, str, int, int]] = [
    ("aluevaalilautakunta", "Aluevaalilautakunta", "election_board", 5, 1),
    ("konsernijaosto", "Aluehallituksen konsernijaosto", "division", 5, 2),
    ("hankintajaosto", "Aluehallituksen hankintajaosto", "division", 5, 2),
    ("henkilostojaosto", "Aluehallituksen henkilöstöjaosto", "division", 5, 2),
    ("jarjestoneuvottelukunta", "Järjestöneuvottelukunta", "forum", 15, 1),
    ("yhdyspintaneuvottelukunta", "Yhdyspintaneuvottelukunta", "forum", 15, 1),
    ("kuntajohtajakokous", "Kuntajohtajakokous", "forum", 12, 1),
    ("phturva", "PHTURVA – turvallisuusyhteistyön foorumi", "forum", 12, 1),
    ("puheenjohtajafoorumi", "Puheenjohtajafoorumi", "forum", 10, 1),
    ("strategisen-tason-foorumi", "Strategisen tason foorumi", "forum", 30, 1),
    ("yhtymavaltuusto", "Päijät-Hämeen hyvinvointiyhtymän yhtymävaltuusto", "council", 49, 1),
    ("yhtymahallitus", "Päijät-Hämeen hyvinvointiyhtymän yhtymähallitus", "executive_board", 11, 4),
    ("yhtyman-tarkastuslautakunta", "Hyvinvointiyhtymän tarkastuslautakunta", "committee", 7, 1),
    ("pelastuslaitoksen-johtokunta", "Pelastuslaitoksen johtokunta", "committee", 9, 2),
    ("ymparistoterveyden-jaosto", "Ympäristöterveyden jaosto", "division", 7, 2),
    ("ensihoidon-jaosto", "Ensihoidon jaosto", "division", 7, 2),
    ("sosiaalipalvelujen-lautakunta", "Sosiaalipalvelujen lautakunta", "committee", 11, 2),
    ("terveyspalvelujen-lautakunta", "Terveyspalvelujen lautakunta", "committee", 11, 2),
    ("ikaihmisten-palvelujen-lautakunta", "Ikäihmisten palvelujen lautakunta", "committee", 11, 2),
    ("perhepalvelujen-lautakunta", "Perhe- ja sosiaalipalvelujen lautakunta", "committee", 11, 2),
    ("asikkala-perusturva", "Asikkalan perusturvalautakunta", "committee", 9, 1),
    ("hartola-perusturva", "Hartolan perusturvalautakunta", "committee", 9, 1),
    ("heinola-sote", "Heinolan sosiaali- ja terveyslautakunta", "committee", 11, 1),
    ("hollola-perusturva", "Hollolan perusturvalautakunta", "committee", 11, 1),
    ("iitti-perusturva", "Iitin perusturvalautakunta", "committee", 9, 1),
    ("karkola-perusturva", "Kärkölän perusturvalautakunta", "committee", 9, 1),
    ("lahti-sote", "Lahden sosiaali- ja terveyslautakunta", "committee", 13, 2),
    ("orimattila-perusturva", "Orimattilan perusturvalautakunta", "committee", 9, 1),
    ("padasjoki-perusturva", "Padasjoen perusturvalautakunta", "committee", 9, 1),
    ("sysma-perusturva", "Sysmän perusturvalautakunta", "committee", 9, 1),
    ("potilasturvallisuustyoryhma", "Potilasturvallisuuden työryhmä", "working_group", 8, 1),
    ("palveluverkkotyoryhma", "Palveluverkkotyöryhmä", "working_group", 8, 1),
    ("omavalvontatyoryhma", "Omavalvontaohjelman työryhmä", "working_group", 8, 1),
    ("osallisuustyoryhma", "Osallisuusohjelman työryhmä", "working_group", 8, 1),
    ("kieliasiain-neuvosto", "Kieliasiain neuvosto", "advisory_council", 9, 1),
    ("monikulttuurisuusneuvosto", "Monikulttuurisuusneuvosto", "advisory_council", 11, 1),
    ("asukasraati", "Asukasraati", "advisory_council", 15, 1),
    ("kotihoidon-jaosto", "Kotihoidon jaosto", "division", 5, 2),
    ("mielenterveysjaosto", "Mielenterveys- ja päihdepalvelujen jaosto", "division", 7, 2),
    ("tilajaosto", "Toimitilajaosto", "division", 5, 2),
    ("digijaosto", "Digi- ja datajaosto", "division", 5, 2),
    (
        "varautumisen-tyoryhma",
        "Varautumisen ja valmiussuunnittelun työryhmä",
        "working_group",
        8,
        1,
    ),
    ("opiskeluhuollon-tyoryhma", "Opiskeluhuollon työryhmä", "working_group", 8, 1),
]
# Meetings per year weight of the county's own bodies (councils.demo.BODIES) by kind.
KIND_WEIGHT = {
    "council": 1,
    "executive_board": 2,
    "division": 2,
    "committee": 2,
    "advisory_council": 1,
    "working_group": 1,
    "election_board": 1,
    "forum": 1,
}

# Words ending like a genitive that are not one.
_NOT_GENITIVES = {"siihen", "niihin", "mihin", "alkaen", "yhteinen", "kuten", "ennen", "aiemmin"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9–”\"])")
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*(?:[-–•*]|\d+\.)\s+")
_HEADING = re.compile(r"^\s*#+\s*")


def _clean(sentence: str) -> str:
    sentence = _SPACES.sub(" ", sentence).strip(" -–")
    if not sentence:
        return ""
    sentence = sentence[0].upper() + sentence[1:]
    if sentence[-1] not in ".!?":
        sentence += "."
    return sentence


def _seed_blocks() -> list[list[str]]:
    """Paragraphs of the seed documents, each a list of its lines."""
    blocks: list[list[str]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                current.append(line)
            elif current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
    return blocks


class Corpus:
    """Sentences and titles in the county's language, drawn with a seeded random source."""

    def __init__(self, rng: random.Random, *, generated: int = 20_000) -> None:
        self.rng = rng
        originals: list[str] = []
        short_lines: list[str] = []
        for block in _seed_blocks():
            paragraph: list[str] = []
            for raw in block:
                line = _HEADING.sub("", raw).strip()
                if not line:
                    continue
                words = line.split()
                if _BULLET.match(raw) or raw.lstrip().startswith("#"):
                    # A bullet or a heading stands alone.
                    if len(words) >= 5:
                        originals.append(_clean(_BULLET.sub("", line)))
                    elif 2 <= len(words) <= 6:
                        short_lines.append(_BULLET.sub("", line).strip(" .:"))
                    continue
                paragraph.append(line)
            text = " ".join(paragraph)
            for sentence in _SENTENCE_END.split(text):
                words = sentence.split()
                if len(words) >= 5:
                    originals.append(_clean(sentence))
                elif 2 <= len(words) <= 6 and not sentence.rstrip().endswith("."):
                    short_lines.append(sentence.strip(" .:"))
        self.originals = sorted(set(originals))
        self._chain = self._train(self.originals)
        made = {self._markov_sentence() for _ in range(generated)}
        self.sentences = self.originals * 3 + sorted(made - set(self.originals))
        self.phrases = self._noun_phrases(self.originals)
        self.short_titles = sorted(
            {
                t
                for t in short_lines
                if not any(ch.isdigit() or ch == "," for ch in t)
                and t[0].isupper()
                and not t.isupper()
                and not t.startswith("Search")
                and not all(w[0].isupper() for w in t.split())  # a person's name
            }
        )

    @staticmethod
    def _train(sentences: list[str]) -> dict[str, list[str]]:
        chain: dict[str, list[str]] = defaultdict(list)
        for sentence in sentences:
            words = sentence.split()
            chain["^"].append(words[0])
            for a, b in itertools.pairwise(words):
                chain[a].append(b)
        return chain

    def _markov_sentence(self) -> str:
        for _attempt in range(20):
            word = self.rng.choice(self._chain["^"])
            words = [word]
            while len(words) < 22 and word[-1] not in ".!?" and word in self._chain:
                word = self.rng.choice(self._chain[word])
                words.append(word)
            if len(words) >= 6:
                return _clean(" ".join(words))
        return self.rng.choice(self.originals)

    @staticmethod
    def _noun_phrases(sentences: list[str]) -> list[str]:
        """Genitive + noun pairs ("talousarvion valmistelu"), good as agenda titles."""
        phrases = set()
        for sentence in sentences:
            words = [w.strip('.,:;()”"') for w in sentence.split()]
            for a, b in itertools.pairwise(words):
                if (
                    a.endswith(("en", "an", "än", "in", "on", "un", "yn", "ön"))
                    and len(a) >= 7
                    and a.lower() not in _NOT_GENITIVES
                    and not a.endswith(("aan", "ään"))  # a passive verb: "todetaan"
                    and b.isalpha()
                    and b.islower()
                    and len(b) >= 6
                    and b.endswith(("a", "ä", "o", "ö", "u", "y", "i", "e", "s"))
                    and not b.endswith(("sta", "stä", "ssa", "ssä", "lla", "llä", "lta", "ltä"))
                    and not b.endswith(("ksi", "lle", "ine", "ista", "istä", "ja", "jä"))
                ):
                    phrases.add(f"{a[0].upper()}{a[1:]} {b}")
        return sorted(phrases)

    # --- drawing ------------------------------------------------------------------------

    def sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return f"Kustannusarvio on {rng.randint(2, 950) * 1000:,} euroa vuodessa.".replace(
                ",", " "
            )
        if roll < 0.12:
            return (
                f"Asiaa on käsitelty {rng.choice(MUNICIPALITY_GENITIVES)} kanssa "
                f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(2006, 2026)}."
            )
        if roll < 0.15:
            return f"Lisätietoja antaa {rng.choice(OFFICIAL_TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}."
        return rng.choice(self.sentences)

    def paragraphs(self, sentences: int) -> str:
        """`sentences` sentences as <p> paragraphs of one to three sentences."""
        out = []
        left = sentences
        while left > 0:
            take = min(left, self.rng.randint(1, 3))
            out.append(
                "<p>"
                + " ".join(html.escape(self.sentence(), quote=False) for _ in range(take))
                + "</p>"
            )
            left -= take
        return "".join(out)

    def title(self, year: int) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            base = rng.choice(AGENDA_TITLES)
        elif roll < 0.4 and self.short_titles:
            base = rng.choice(self.short_titles)
        else:
            base = rng.choice(self.phrases)
        suffix = rng.choice(TITLE_SUFFIXES).format(
            year=year, next=year + 1, municipality=rng.choice(MUNICIPALITIES)
        )
        return (rng.choice(TITLE_PREFIXES) + base + suffix)[:300]
