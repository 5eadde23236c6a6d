"""Demo content of decision making: Päijät-Häme's bodies, people, meetings and decisions.

The story follows the county's first years as the public record tells it (the strategy
of June 2022, the service strategy, the personnel programme, the budgets and the deficit,
the advisory councils, the organisations' forum, the cooperation agreement of May 2023),
acted out by fictional people with generated names. Everything is fixed: the dates, the
texts and the seeded random choices, so two runs build the same plan.

`load()` first builds the whole plan in memory, then writes it model by model. Every row
is looked up by its natural key (Body.slug, Person.slug, Case.diary_number, the meeting's
body, year and number, the item's meeting and §, ...) and only missing rows are created,
in bulk; nothing that exists is rewritten, so a second run changes nothing.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.text import slugify

from councils import search_index
from councils.models import (
    AgendaItem,
    AppealType,
    Attachment,
    Attendance,
    AttendanceRole,
    Ballot,
    BallotChoice,
    Body,
    BodyKind,
    Case,
    Disqualification,
    DisqualificationGround,
    Dissent,
    Election,
    ElectionCandidate,
    Handling,
    Meeting,
    MeetingMode,
    MeetingState,
    Membership,
    MembershipRole,
    Minutes,
    Office,
    OfficialDecision,
    Outcome,
    Person,
    Presence,
    Proposal,
    ProposalKind,
    SearchEntry,
    Term,
    Vote,
    VoteMethod,
    parse_diary_number,
)
from councils.rules import (
    has_quorum,
    is_procedural_title,
    next_working_day,
    notice_in_time,
    quorum_needed,
    vote_result,
)
from councils.services import appeal_dates_store_missing
from portal.lib.sanitize import clean_html
from portal.lib.textdiff import html_to_text

TZ = ZoneInfo("Europe/Helsinki")
SEED = 2022

CLERK_USERNAME = "sihteeri"
CLERK_PASSWORD = "raati-demo-2026"  # noqa: S105 - the public demo password

REGISTRY = "Kirjaamo: Keskussairaalankatu 7, 15850 Lahti, kirjaamo@paijatha.fi."


class _Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*entries: str) -> str:
    return "<ul>" + "".join(f"<li>{text}</li>" for text in entries) + "</ul>"


def _fi(day: date | datetime) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _d(value: str) -> date:
    return date.fromisoformat(value)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


# --- Terms and bodies ---------------------------------------------------------------------

T1 = "2022–2025"
T2 = "2025–2029"
TERMS = {T1: (_d("2022-03-01"), _d("2025-05-31")), T2: (_d("2025-06-01"), _d("2029-05-31"))}


def _term_of(day: date) -> str:
    return T1 if day <= TERMS[T1][1] else T2


AV = "aluevaltuusto"
AH = "aluehallitus"
JAOS = "yksiloasioiden-jaosto"
TAR = "tarkastuslautakunta"
AOL = "asiakas-ja-osallisuuslautakunta"
HYTE = "hyvinvoinnin-ja-terveyden-edistamisen-lautakunta"
TUVA = "turvallisuuden-ja-varautumisen-lautakunta"
VN = "vanhusneuvosto"
VAM = "vammaisneuvosto"
NUVA = "nuorisovaltuusto"
COMMITTEES = (TAR, AOL, HYTE, TUVA)
ADVISORY = (VN, VAM, NUVA)

# What a body calls itself at the start of a sentence in its own decisions.
SUBJECT = {
    AV: "Aluevaltuusto",
    AH: "Aluehallitus",
    JAOS: "Jaosto",
    TAR: "Lautakunta",
    AOL: "Lautakunta",
    HYTE: "Lautakunta",
    TUVA: "Lautakunta",
    VN: "Vanhusneuvosto",
    VAM: "Vammaisneuvosto",
    NUVA: "Nuorisovaltuusto",
}

_WORKING_GROUP_POWERS = (
    "Valmisteleva työryhmä ilman päätösvaltaa. Työryhmät tekivät keväällä 2021 ennakkotyötä, "
    "jotta väliaikainen valmistelutoimielin (VATE) pääsi aloittamaan nopeasti. Toiminta päättyi "
    "vuonna 2021."
)
_WORKING_GROUP_CONTACT = "Työryhmän muistiot on arkistoitu. " + REGISTRY

BODIES: list[dict[str, Any]] = [
    {
        "slug": AV,
        "name": "Aluevaltuusto",
        "kind": BodyKind.COUNCIL,
        "seats": 69,
        "notice_days": 4,
        "order": 10,
        "description": (
            "Aluevaltuusto on hyvinvointialueen ylin päättäjä. Sen 69 jäsentä valitaan "
            "aluevaaleissa. Valtuusto kokoontuu noin kuusi kertaa vuodessa, ja kokouksia voi "
            "seurata paikan päällä ja verkossa."
        ),
        "powers": (
            "Aluevaltuusto päättää hyvinvointialueen strategiasta, talousarviosta ja "
            "taloussuunnitelmasta, palvelujen järjestämisen linjauksista (esimerkiksi "
            "palvelustrategia ja pelastustoimen palvelutaso) ja hallintosäännöstä. Se valitsee "
            "aluehallituksen ja lautakunnat ja hyväksyy tilinpäätöksen. Valtuuston päätöksestä "
            "voi tehdä aluevalituksen Hämeenlinnan hallinto-oikeuteen."
        ),
        "contact": "Aluevaltuuston sihteeri: hallintojohtaja Riikka Vainio. " + REGISTRY,
    },
    {
        "slug": AH,
        "name": "Aluehallitus",
        "kind": BodyKind.EXECUTIVE_BOARD,
        "seats": 13,
        "notice_days": 3,
        "order": 20,
        "description": (
            "Aluehallitus johtaa hyvinvointialueen toimintaa, hallintoa ja taloutta "
            "aluevaltuuston linjausten mukaan. Sen 13 jäsentä valitsee aluevaltuusto. "
            "Aluehallitus kokoontuu yleensä joka toinen tai kolmas maanantai."
        ),
        "powers": (
            "Aluehallitus valmistelee aluevaltuuston asiat ja panee valtuuston päätökset "
            "täytäntöön. Se päättää esimerkiksi yhteistyösopimuksista, suurista hankinnoista, "
            "asiakasmaksuista, henkilöstöpolitiikan linjauksista ja toimielinten "
            "toimintasäännöistä. Aluehallituksen päätöksestä voi tehdä oikaisuvaatimuksen."
        ),
        "contact": "Aluehallituksen sihteeri: hallintopäällikkö Minna Kettunen. " + REGISTRY,
    },
    {
        "slug": JAOS,
        "name": "Yksilöasioiden jaosto",
        "kind": BodyKind.DIVISION,
        "parent": AH,
        "seats": 5,
        "notice_days": 3,
        "order": 30,
        "description": (
            "Yksilöasioiden jaosto on aluehallituksen alainen viisijäseninen toimielin. Se "
            "käsittelee yksittäisten asiakkaiden asioita, joten suurin osa sen asioista on "
            "salassa pidettäviä: niistä julkaistaan vain kuvaava otsikko ja salassapidon peruste."
        ),
        "powers": (
            "Jaosto ratkaisee oikaisuvaatimukset viranhaltijoiden tekemiin sosiaali- ja "
            "terveydenhuollon asiakaspäätöksiin, esimerkiksi asiakasmaksuihin, omaishoidon tukeen "
            "ja kuljetuspalveluun. Jaoston päätöksestä voi yleensä valittaa hallinto-oikeuteen."
        ),
        "contact": "Jaoston sihteeri: lakimies Mari Tiihonen. " + REGISTRY,
    },
    {
        "slug": TAR,
        "name": "Tarkastuslautakunta",
        "kind": BodyKind.COMMITTEE,
        "seats": 9,
        "notice_days": 3,
        "order": 40,
        "description": (
            "Tarkastuslautakunta arvioi, onko aluevaltuuston asettamat tavoitteet saavutettu ja "
            "onko toiminta järjestetty tarkoituksenmukaisesti. Jäsenet valitsee aluevaltuusto."
        ),
        "powers": (
            "Lautakunta valmistelee tilintarkastusta koskevat asiat, laatii vuosittain "
            "arviointikertomuksen aluevaltuustolle ja valvoo, että luottamushenkilöt ja johtavat "
            "viranhaltijat ilmoittavat sidonnaisuutensa. Palveluista se ei päätä."
        ),
        "contact": "Lautakunnan sihteeri: hallintosihteeri Katja Mustonen. " + REGISTRY,
    },
    {
        "slug": AOL,
        "name": "Asiakas- ja osallisuuslautakunta",
        "kind": BodyKind.COMMITTEE,
        "seats": 13,
        "notice_days": 3,
        "order": 41,
        "description": (
            "Asiakas- ja osallisuuslautakunta vahvistaa asukkaiden ja asiakkaiden ääntä. Se "
            "seuraa asiakaskokemusta ja kehittää osallistumisen tapoja yhdessä neuvostojen ja "
            "järjestöjen kanssa."
        ),
        "powers": (
            "Lautakunta päättää osallisuuden ja asiakaspalautteen käsittelyn periaatteista, "
            "valmistelee osallisuusohjelman ja antaa lausuntoja palvelujen kehittämisestä."
        ),
        "contact": "Lautakunnan sihteeri: hallintosihteeri Outi Räsänen. " + REGISTRY,
    },
    {
        "slug": HYTE,
        "name": "Hyvinvoinnin ja terveyden edistämisen lautakunta",
        "kind": BodyKind.COMMITTEE,
        "seats": 13,
        "notice_days": 3,
        "order": 42,
        "description": (
            "Hyvinvoinnin ja terveyden edistämisen lautakunta (hyte-lautakunta) huolehtii siitä, "
            "että hyvinvointialue edistää asukkaiden hyvinvointia ja terveyttä yhdessä kuntien ja "
            "järjestöjen kanssa."
        ),
        "powers": (
            "Lautakunta valmistelee alueellisen hyvinvointikertomuksen ja -suunnitelman, päättää "
            "järjestöyhteistyön toimintatavoista ja myöntää hyte-avustukset aluehallituksen "
            "vahvistamien periaatteiden mukaan."
        ),
        "contact": "Lautakunnan sihteeri: hallintosihteeri Outi Räsänen. " + REGISTRY,
    },
    {
        "slug": TUVA,
        "name": "Turvallisuuden ja varautumisen lautakunta",
        "kind": BodyKind.COMMITTEE,
        "seats": 11,
        "notice_days": 3,
        "order": 43,
        "description": (
            "Turvallisuuden ja varautumisen lautakunta ohjaa pelastustoimea ja hyvinvointialueen "
            "varautumista häiriötilanteisiin. Se jatkaa pelastuslaitoksen johtokunnan työtä, ja "
            "sen rooli on lautakunnista selkein, koska sillä on oma toimiala."
        ),
        "powers": (
            "Lautakunta valmistelee pelastustoimen palvelutasopäätöksen aluevaltuustolle, "
            "hyväksyy pelastuslaitoksen valvontasuunnitelman, seuraa valmiutta ja ratkaisee "
            "pelastustoimen maksuja koskevat oikaisuvaatimukset."
        ),
        "contact": "Lautakunnan sihteeri: hallintosihteeri Tiina Leskinen. " + REGISTRY,
    },
    {
        "slug": VN,
        "name": "Vanhusneuvosto",
        "kind": BodyKind.ADVISORY_COUNCIL,
        "seats": 11,
        "notice_days": 3,
        "appeal_open": False,
        "order": 50,
        "description": (
            "Vanhusneuvosto on ikääntyneiden vaikuttamistoimielin. Siinä on edustaja jokaisen "
            "alueen kunnan vanhusneuvostosta ja yksi aluevaltuuston edustaja."
        ),
        "powers": (
            "Vanhusneuvosto ei tee päätöksiä, joihin voisi hakea muutosta. Se antaa lausuntoja ja "
            "tekee aloitteita ikääntyneiden palveluista, ja sen kannanotot liitetään päätösten "
            "valmisteluun."
        ),
        "contact": "Neuvoston sihteeri: johdon assistentti Petra Aalto. " + REGISTRY,
    },
    {
        "slug": VAM,
        "name": "Vammaisneuvosto",
        "kind": BodyKind.ADVISORY_COUNCIL,
        "seats": 11,
        "notice_days": 3,
        "appeal_open": False,
        "order": 51,
        "description": (
            "Vammaisneuvosto on vammaisten henkilöiden vaikuttamistoimielin. Siinä on edustaja "
            "jokaisen alueen kunnan vammaisneuvostosta ja yksi aluevaltuuston edustaja."
        ),
        "powers": (
            "Vammaisneuvosto ei tee päätöksiä, joihin voisi hakea muutosta. Se antaa lausuntoja "
            "ja tekee aloitteita esimerkiksi vammaispalveluista, esteettömyydestä ja "
            "saavutettavasta asioinnista."
        ),
        "contact": "Neuvoston sihteeri: johdon assistentti Petra Aalto. " + REGISTRY,
    },
    {
        "slug": NUVA,
        "name": "Nuorisovaltuusto",
        "kind": BodyKind.ADVISORY_COUNCIL,
        "seats": 15,
        "notice_days": 3,
        "appeal_open": False,
        "order": 52,
        "description": (
            "Nuorisovaltuusto on 13–21-vuotiaiden nuorten vaikuttamistoimielin. Sen 15 jäsentä "
            "tulevat alueen kuntien nuorisovaltuustoista."
        ),
        "powers": (
            "Nuorisovaltuusto ei tee päätöksiä, joihin voisi hakea muutosta. Se antaa lausuntoja "
            "ja tekee aloitteita nuoria koskevista palveluista, esimerkiksi opiskeluhuollosta ja "
            "mielenterveyspalveluista."
        ),
        "contact": "Nuorisovaltuuston ohjaaja: osallisuuskoordinaattori Jenni Nurmi. " + REGISTRY,
    },
]

# The seven preparatory working groups of spring 2021 (they ended before the first term).
WORKING_GROUPS = [
    (
        "poliittinen-seurantaryhma",
        "Uudistuksen vapaaehtoinen poliittinen seurantaryhmä",
        "Seurasi sote-uudistuksen valmistelua Päijät-Hämeessä keväällä 2021. Kaikkien "
        "työryhmien puheenjohtajat osallistuivat sen kokouksiin, jotta ajankohtainen tilannekuva "
        "oli ryhmän käytettävissä.",
    ),
    (
        "yleishallinto-ja-johtaminen-tyoryhma",
        "Yleishallinto ja johtaminen -työryhmä",
        "Kuvasi tulevan hyvinvointialueen johtamisjärjestelmää ja kartoitti strategian "
        "lähtökohtia. Strategian varsinainen työstäminen alkoi poliittisen ohjausryhmän "
        "kokouksessa 23.4.2021.",
    ),
    (
        "palvelutuotannon-tyoryhma",
        "Palvelutuotannon työryhmä",
        "Analysoi alueen lähtötilannetta palvelujen suunnittelun pohjaksi, esimerkiksi väestön "
        "palvelutarvetta.",
    ),
    (
        "viestintatyoryhma",
        "Viestintätyöryhmä",
        "Sopi valmistelun aikaisen viestinnän yhteistyötavoista ja avasi verkkosivut, joilta "
        "valmistelun etenemistä saattoi seurata.",
    ),
    (
        "hyte-tyoryhma",
        "Hyvinvoinnin ja terveyden edistämisen työryhmä",
        "Kuvasi hyte-työn rakenteen ja rajaukset, hyte-kärkien toimeenpanon ja hyvinvoinnin "
        "edistämisen osana elinympäristön kehittämistä.",
    ),
    (
        "talousasioiden-tyoryhma",
        "Talousasioiden työryhmä",
        "Kokosi talouden lähtötietoja sekä kartoitti hyvinvointialueelle siirtyvää omaisuutta "
        "ja sopimuksia.",
    ),
    (
        "ict-ja-digityoryhma",
        "ICT- ja digityöryhmä",
        "Kartoitti osapuolten tietojärjestelmät ja kehityshankkeet ja kuvasi kesäkuun 2021 "
        "loppuun mennessä ensimmäisen näkemyksen tavoitetilasta ja siihen etenemisestä.",
    ),
]

for _index, (_slug, _name, _description) in enumerate(WORKING_GROUPS):
    BODIES.append(
        {
            "slug": _slug,
            "name": _name,
            "kind": BodyKind.WORKING_GROUP,
            "seats": 8,
            "notice_days": 3,
            "appeal_open": False,
            "active": False,
            "ended": date(2021, 6, 30),  # the spring 2021 preparation
            "order": 60 + _index,
            "description": _description,
            "powers": _WORKING_GROUP_POWERS,
            "contact": _WORKING_GROUP_CONTACT,
        }
    )

# --- People ------------------------------------------------------------------------------

# Officials: key -> (first name, last name, title). No political group.
OFFICIALS: dict[str, tuple[str, str, str]] = {
    "hyvinvointialuejohtaja": ("Antti", "Harjula", "hyvinvointialuejohtaja"),
    "hallintojohtaja": ("Riikka", "Vainio", "hallintojohtaja"),
    "talousjohtaja": ("Janne", "Kiiski", "talousjohtaja"),
    "henkilostojohtaja": ("Sari", "Ojanen", "henkilöstöjohtaja"),
    "strategiajohtaja": ("Heikki", "Ruokonen", "strategiajohtaja"),
    "hallintopaallikko": ("Minna", "Kettunen", "hallintopäällikkö"),
    "hytejohtaja": ("Laura", "Kivelä", "hyvinvoinnin ja terveyden edistämisen johtaja"),
    "osallisuusjohtaja": ("Tuomas", "Erkkilä", "asiakkuus- ja osallisuusjohtaja"),
    "pelastusjohtaja": ("Kari", "Hyvärinen", "pelastusjohtaja"),
    "tarkastuspaallikko": ("Elina", "Paananen", "tarkastuspäällikkö"),
    "sosiaalijohtaja": ("Päivi", "Lindholm", "sosiaalipalvelujen johtaja"),
    "vanhuspalvelujohtaja": ("Jarmo", "Seppälä", "ikääntyneiden palvelujen johtaja"),
    "vammaispalvelujohtaja": ("Anne", "Huttunen", "vammaispalvelujen johtaja"),
    "osallisuuskoordinaattori": ("Jenni", "Nurmi", "osallisuuskoordinaattori"),
    "hallintosihteeri": ("Outi", "Räsänen", "hallintosihteeri"),
    "pelastussihteeri": ("Tiina", "Leskinen", "hallintosihteeri"),
    "tarkastussihteeri": ("Katja", "Mustonen", "hallintosihteeri"),
    "johdon-assistentti": ("Petra", "Aalto", "johdon assistentti"),
    "lakimies": ("Mari", "Tiihonen", "lakimies"),
    "ict-johtaja": ("Ville", "Koivisto", "ICT-johtaja"),
    "tilapalvelujohtaja": ("Pasi", "Jalonen", "tilapalvelujohtaja"),
    "hankintajohtaja": ("Marko", "Hakala", "hankintajohtaja"),
    "jarjestokoordinaattori": ("Noora", "Väisänen", "järjestökoordinaattori"),
    "valmiuspaallikko": ("Jussi", "Rautio", "valmiuspäällikkö"),
    "johtajaylilaakari": ("Maria", "Sundström", "johtajaylilääkäri"),
    "viestintajohtaja": ("Satu", "Honkanen", "viestintäjohtaja"),
}

# Presenter (esittelijä) and secretary of each body, by official key.
PRESENTER = {
    AV: "hyvinvointialuejohtaja",
    AH: "hyvinvointialuejohtaja",
    JAOS: "sosiaalijohtaja",
    TAR: "tarkastuspaallikko",
    AOL: "osallisuusjohtaja",
    HYTE: "hytejohtaja",
    TUVA: "pelastusjohtaja",
    VN: "vanhuspalvelujohtaja",
    VAM: "vammaispalvelujohtaja",
    NUVA: "osallisuuskoordinaattori",
}
SECRETARY = {
    AV: "hallintojohtaja",
    AH: "hallintopaallikko",
    JAOS: "lakimies",
    TAR: "tarkastussihteeri",
    AOL: "hallintosihteeri",
    HYTE: "hallintosihteeri",
    TUVA: "pelastussihteeri",
    VN: "johdon-assistentti",
    VAM: "johdon-assistentti",
    NUVA: "johdon-assistentti",
}


@dataclass(frozen=True)
class Named:
    first: str
    last: str
    group: str
    municipality: str
    occupation: str
    interests: str = ""


# Elected people who appear by name in the story. All fictional.
NAMED: dict[str, Named] = {
    "kosonen": Named(
        "Mikael",
        "Kosonen",
        "KOK",
        "Lahti",
        "toimitusjohtaja",
        "Työnantaja: Salpausselän Konepaja Oy (toimitusjohtaja). Luottamustehtävät: Lahden "
        "kaupunginvaltuuston jäsen. Hallitusjäsenyydet: Lahden Seudun Yrittäjät ry. "
        "Varallisuus: osakkeita teollisuusyhtiöissä.",
    ),
    "lindqvist": Named(
        "Pirjo",
        "Lindqvist",
        "SDP",
        "Heinola",
        "sairaanhoitaja",
        "Työnantaja: Päijät-Hämeen hyvinvointialue (sairaanhoitaja, virkavapaalla "
        "luottamustehtävän ajan). Luottamustehtävät: Heinolan kaupunginvaltuuston "
        "puheenjohtaja. Muut sidonnaisuudet: Tehy ry:n jäsen.",
    ),
    "hyytiainen": Named(
        "Tero",
        "Hyytiäinen",
        "PS",
        "Orimattila",
        "yrittäjä",
        "Oma yritys: Hyytiäisen Kuljetus Oy (omistaja, toimitusjohtaja). Luottamustehtävät: "
        "Orimattilan kaupunginhallituksen jäsen.",
    ),
    "mantyla": Named(
        "Anna-Kaisa",
        "Mäntylä",
        "KOK",
        "Lahti",
        "yleislääkäri",
        "Työnantaja: yksityinen lääkäriasema Lahdessa (yleislääkäri). Luottamustehtävät: "
        "Lahden kaupunginvaltuuston jäsen. Muut sidonnaisuudet: Suomen Lääkäriliiton jäsen.",
    ),
    "vehmas": Named(
        "Jarkko",
        "Vehmas",
        "KOK",
        "Hollola",
        "controller",
        "Työnantaja: teknisen kaupan yritys (controller). Luottamustehtävät: Hollolan "
        "kunnanhallituksen varapuheenjohtaja.",
    ),
    "pelkonen": Named(
        "Liisa",
        "Pelkonen",
        "KOK",
        "Asikkala",
        "rehtori",
        "Työnantaja: Asikkalan kunta (yläkoulun rehtori). Luottamustehtävät: Asikkalan "
        "kunnanvaltuuston jäsen.",
    ),
    "karkkainen": Named(
        "Timo",
        "Kärkkäinen",
        "SDP",
        "Lahti",
        "pääluottamusmies",
        "Työnantaja: logistiikkayritys Lahdessa (pääluottamusmies). Luottamustehtävät: Lahden "
        "kaupunginvaltuuston jäsen.",
    ),
    "leppanen": Named(
        "Sanna-Mari",
        "Leppänen",
        "SDP",
        "Hollola",
        "lähihoitaja",
        "Työnantaja: Hoivakoti Lehmus Oy (lähihoitaja). Luottamustehtävät: Hollolan "
        "kunnanvaltuuston jäsen.",
    ),
    "wikstrom": Named(
        "Kalle",
        "Wikström",
        "SDP",
        "Iitti",
        "toimittaja",
        "Työnantaja: paikallislehti (toimittaja). Luottamustehtävät: Iitin kunnanvaltuuston jäsen.",
    ),
    "tenhunen": Named(
        "Marko",
        "Tenhunen",
        "PS",
        "Lahti",
        "rakennusmestari",
        "Työnantaja: rakennusliike Lahdessa (vastaava työnjohtaja). Luottamustehtävät: Lahden "
        "kaupunginvaltuuston jäsen.",
    ),
    "heikura": Named(
        "Eeva",
        "Heikura",
        "KESK",
        "Sysmä",
        "maanviljelijä",
        "Oma yritys: maatila Sysmässä. Luottamustehtävät: Sysmän kunnanvaltuuston "
        "puheenjohtaja. Hallitusjäsenyydet: Päijänteen Omaishoitajat ry (puheenjohtaja).",
    ),
    "saarela": Named(
        "Olli",
        "Saarela",
        "KESK",
        "Padasjoki",
        "metsätalousinsinööri",
        "Työnantaja: metsänhoitoyhdistys (metsäneuvoja). Luottamustehtävät: Padasjoen "
        "kunnanhallituksen puheenjohtaja.",
    ),
    "karvonen": Named(
        "Iida",
        "Karvonen",
        "VIHR",
        "Lahti",
        "tutkija",
        "Työnantaja: LUT-yliopisto, Lahden kampus (tutkija). Luottamustehtävät: Lahden "
        "kaupunginvaltuuston jäsen.",
    ),
    "lampinen": Named("Kirsi", "Lampinen", "SDP", "Lahti", "erityisopettaja"),
    "halme": Named("Pekka", "Halme", "KOK", "Heinola", "kiinteistönvälittäjä"),
    "pajari": Named("Jouni", "Pajari", "PS", "Hollola", "linja-autonkuljettaja"),
    "salmela": Named(
        "Ritva",
        "Salmela",
        "VAS",
        "Lahti",
        "sosiaaliohjaaja",
        "Työnantaja: Lahden kaupunki (sosiaaliohjaaja, työllisyyspalvelut). Luottamustehtävät: "
        "Lahden kaupunginvaltuuston jäsen.",
    ),
    "peltola": Named(
        "Johanna",
        "Peltola",
        "SDP",
        "Lahti",
        "kätilö",
        "Työnantaja: Päijät-Hämeen hyvinvointialue (kätilö, osa-aikainen). Luottamustehtävät: "
        "Lahden kaupunginvaltuuston jäsen.",
    ),
    "lehtimaki": Named(
        "Arttu",
        "Lehtimäki",
        "SDP",
        "Heinola",
        "nuorisotyöntekijä",
        "Työnantaja: Heinolan kaupunki (nuorisotyöntekijä). Luottamustehtävät: Heinolan "
        "kaupunginvaltuuston jäsen.",
    ),
    "rask": Named(
        "Emilia",
        "Rask",
        "KOK",
        "Orimattila",
        "lakimies",
        "Työnantaja: asianajotoimisto Lahdessa (lakimies). Luottamustehtävät: Orimattilan "
        "kaupunginvaltuuston jäsen.",
    ),
}

# Seats of the council by political group, per term (fictional results).
COUNCIL_SEATS = {
    T1: {"KOK": 22, "SDP": 17, "PS": 11, "KESK": 8, "VIHR": 4, "VAS": 4, "KD": 3},
    T2: {"SDP": 21, "KOK": 20, "PS": 7, "KESK": 8, "VAS": 6, "VIHR": 4, "KD": 3},
}

MUNICIPALITIES = [
    "Lahti",
    "Heinola",
    "Hollola",
    "Orimattila",
    "Asikkala",
    "Sysmä",
    "Padasjoki",
    "Hartola",
    "Iitti",
    "Kärkölä",
]
MUNICIPALITY_WEIGHTS = [48, 9, 12, 9, 4, 3, 3, 3, 4, 5]
GENITIVE = {
    "Lahti": "Lahden",
    "Heinola": "Heinolan",
    "Hollola": "Hollolan",
    "Orimattila": "Orimattilan",
    "Asikkala": "Asikkalan",
    "Sysmä": "Sysmän",
    "Padasjoki": "Padasjoen",
    "Hartola": "Hartolan",
    "Iitti": "Iitin",
    "Kärkölä": "Kärkölän",
}
CITIES = {"Lahti", "Heinola", "Orimattila"}

FIRST_NAMES = [
    "Aino",
    "Anna",
    "Anne",
    "Anu",
    "Elina",
    "Emmi",
    "Hanna",
    "Heidi",
    "Helena",
    "Henna",
    "Jaana",
    "Johanna",
    "Katariina",
    "Kaisa",
    "Kirsi",
    "Laura",
    "Leena",
    "Liisa",
    "Maarit",
    "Marja",
    "Merja",
    "Minna",
    "Niina",
    "Noora",
    "Outi",
    "Paula",
    "Pia",
    "Riitta",
    "Sanna",
    "Satu",
    "Suvi",
    "Taina",
    "Tiina",
    "Tuula",
    "Ulla",
    "Veera",
    "Virpi",
    "Aki",
    "Antti",
    "Ari",
    "Eero",
    "Esa",
    "Hannu",
    "Harri",
    "Ilkka",
    "Jari",
    "Jani",
    "Jarmo",
    "Juha",
    "Jukka",
    "Juho",
    "Kai",
    "Kimmo",
    "Lauri",
    "Markku",
    "Matti",
    "Mika",
    "Mikko",
    "Niko",
    "Oskari",
    "Pasi",
    "Pertti",
    "Petri",
    "Reijo",
    "Sami",
    "Seppo",
    "Tapio",
    "Teemu",
    "Timo",
    "Tommi",
    "Tuomas",
    "Vesa",
    "Ville",
]
YOUNG_FIRST_NAMES = [
    "Aada",
    "Eevi",
    "Ella",
    "Emma",
    "Helmi",
    "Iida",
    "Lilja",
    "Linnea",
    "Siiri",
    "Venla",
    "Aapo",
    "Eeli",
    "Eetu",
    "Elias",
    "Joel",
    "Leo",
    "Onni",
    "Otto",
    "Rasmus",
    "Valtteri",
]
SENIOR_FIRST_NAMES = [
    "Aila",
    "Eila",
    "Irma",
    "Kaija",
    "Maija",
    "Raili",
    "Sirkka",
    "Terttu",
    "Eino",
    "Erkki",
    "Kalevi",
    "Martti",
    "Olavi",
    "Pentti",
    "Raimo",
    "Veikko",
]
LAST_NAMES = [
    "Ahola",
    "Airaksinen",
    "Alanko",
    "Anttila",
    "Eskola",
    "Forsman",
    "Haapala",
    "Hakkarainen",
    "Hannula",
    "Harju",
    "Heino",
    "Hietala",
    "Hirvonen",
    "Holopainen",
    "Honkala",
    "Huhtala",
    "Hyvönen",
    "Ikonen",
    "Immonen",
    "Jaakkola",
    "Jalava",
    "Juntunen",
    "Jussila",
    "Kangas",
    "Karhu",
    "Kauppinen",
    "Keskinen",
    "Kivinen",
    "Koivula",
    "Kokko",
    "Koponen",
    "Kurki",
    "Kuusela",
    "Laakso",
    "Lahtela",
    "Lampela",
    "Lankinen",
    "Laukkanen",
    "Lehto",
    "Leino",
    "Liimatainen",
    "Lindroos",
    "Luoma",
    "Luukkonen",
    "Mattila",
    "Manninen",
    "Merilä",
    "Miettinen",
    "Myllymäki",
    "Mäkelä",
    "Nevala",
    "Niemelä",
    "Nikkilä",
    "Nousiainen",
    "Nurmela",
    "Ojala",
    "Oksanen",
    "Paavola",
    "Pakarinen",
    "Peltonen",
    "Penttilä",
    "Pesonen",
    "Pietilä",
    "Pitkänen",
    "Pulkkinen",
    "Puustinen",
    "Rajala",
    "Rautiainen",
    "Riihimäki",
    "Ruotsalainen",
    "Sainio",
    "Salonen",
    "Savolainen",
    "Seppänen",
    "Sirola",
    "Soininen",
    "Suominen",
    "Syrjälä",
    "Tanskanen",
    "Tiainen",
    "Toivanen",
    "Tuominen",
    "Turunen",
    "Uusitalo",
    "Vainikka",
    "Valtonen",
    "Varis",
    "Vesterinen",
    "Viitanen",
    "Vuorinen",
    "Hämäläinen",
    "Heikkilä",
    "Lindberg",
    "Kinnunen",
    "Laitinen",
    "Korhonen",
    "Kettula",
    "Hokkanen",
    "Ketola",
    "Rämö",
    "Vilén",
]
OCCUPATIONS = (
    "sairaanhoitaja",
    "lähihoitaja",
    "opettaja",
    "yrittäjä",
    "eläkeläinen",
    "insinööri",
    "myyntipäällikkö",
    "sosionomi",
    "kiinteistönhoitaja",
    "kirjanpitäjä",
    "fysioterapeutti",
    "projektipäällikkö",
    "kauppias",
    "varhaiskasvatuksen opettaja",
    "lehtori",
    "diakoni",
    "sähköasentaja",
    "ekonomi",
    "farmaseutti",
    "psykologi",
    "palomies",
    "maanviljelijä",
    "opiskelija",
    "toimistosihteeri",
)


@dataclass
class PersonRow:
    slug: str
    first_name: str
    last_name: str
    title: str = ""
    political_group: str = ""
    home_municipality: str = ""
    interests: str = ""
    interests_date: date | None = None


@dataclass
class Roster:
    """Who sits in a body during one term: seats, personal deputies, presenter, secretary."""

    body: str
    term: str
    start: date
    end: date
    chair: str
    vice_chairs: list[str]
    members: list[str]  # every seat; the chair and vice-chairs first
    deputies: dict[str, str]  # member -> personal deputy
    presenter: str
    secretary: str


T1_DECLARED = _d("2022-05-31")
T2_DECLARED = _d("2025-08-29")


class _People:
    """Every person of the demo, generated in a fixed order from a seeded generator."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 - not for security
        self.rows: dict[str, PersonRow] = {}
        self.ref: dict[str, str] = {}  # key used in the story -> slug
        self._names: set[tuple[str, str]] = set()
        for key, (first, last, title) in OFFICIALS.items():
            self.ref[key] = self._add(PersonRow("", first, last, title=title))
        for key, named in NAMED.items():
            declared = T2_DECLARED if key in {"peltola", "lehtimaki", "rask"} else T1_DECLARED
            self.ref[key] = self._add(
                PersonRow(
                    "",
                    named.first,
                    named.last,
                    title=named.occupation,
                    political_group=named.group,
                    home_municipality=named.municipality,
                    interests=named.interests,
                    interests_date=declared if named.interests else None,
                )
            )

    def _add(self, row: PersonRow) -> str:
        row.slug = slugify(f"{row.first_name} {row.last_name}")
        if row.slug in self.rows:
            raise ValueError(f"two demo people share the address {row.slug}")
        self.rows[row.slug] = row
        self._names.add((row.first_name, row.last_name))
        return row.slug

    def new(
        self,
        *,
        group: str = "",
        municipality: str | None = None,
        title: str | None = None,
        first_names: Sequence[str] = FIRST_NAMES,
    ) -> str:
        while True:
            first, last = self.rng.choice(first_names), self.rng.choice(LAST_NAMES)
            if (first, last) not in self._names:
                break
        municipality = municipality or self.rng.choices(MUNICIPALITIES, MUNICIPALITY_WEIGHTS)[0]
        return self._add(
            PersonRow(
                "",
                first,
                last,
                title=title if title is not None else self.rng.choice(OCCUPATIONS),
                political_group=group,
                home_municipality=municipality,
            )
        )

    def declare(self, slug: str, on: date) -> None:
        """Give an elected person a register-of-interests entry, unless they have one."""
        row = self.rows[slug]
        if row.interests:
            return
        council = "kaupunginvaltuuston" if row.home_municipality in CITIES else "kunnanvaltuuston"
        row.interests = (
            f"Ammatti: {row.title}. Luottamustehtävät: {GENITIVE[row.home_municipality]} "
            f"{council} jäsen. Muita ilmoitettavia sidonnaisuuksia ei ole."
        )
        row.interests_date = on

    def group(self, slug: str) -> str:
        return self.rows[slug].political_group

    def name(self, slug: str) -> str:
        row = self.rows[slug]
        return f"{row.first_name} {row.last_name}"

    def slug(self, ref: str) -> str:
        return self.ref.get(ref, ref)


# Committee seats by political group, the chair's group first and the vice-chair's second.
COMMITTEE_GROUPS = {
    T1: {
        TAR: ["PS", "SDP", "KOK", "KOK", "KOK", "SDP", "PS", "KESK", "VAS"],
        AOL: [
            "SDP",
            "KOK",
            "KOK",
            "KOK",
            "KOK",
            "SDP",
            "SDP",
            "PS",
            "PS",
            "KESK",
            "KESK",
            "VIHR",
            "KD",
        ],
        HYTE: [
            "KESK",
            "SDP",
            "KOK",
            "KOK",
            "KOK",
            "KOK",
            "SDP",
            "SDP",
            "PS",
            "PS",
            "KESK",
            "VIHR",
            "VAS",
        ],
        TUVA: ["KOK", "PS", "KOK", "KOK", "SDP", "SDP", "SDP", "PS", "KESK", "VIHR", "KD"],
    },
    T2: {
        TAR: ["KOK", "SDP", "SDP", "SDP", "KOK", "KOK", "PS", "KESK", "VAS"],
        AOL: [
            "SDP",
            "KOK",
            "SDP",
            "SDP",
            "SDP",
            "KOK",
            "KOK",
            "KOK",
            "PS",
            "KESK",
            "KESK",
            "VAS",
            "VIHR",
        ],
        HYTE: [
            "KESK",
            "SDP",
            "SDP",
            "SDP",
            "SDP",
            "KOK",
            "KOK",
            "KOK",
            "KOK",
            "PS",
            "KESK",
            "VIHR",
            "KD",
        ],
        TUVA: ["KOK", "SDP", "SDP", "SDP", "KOK", "KOK", "PS", "PS", "KESK", "VAS", "KD"],
    },
}

ROSTER_START = {
    T1: {AV: "2022-03-01", AH: "2022-03-14", JAOS: "2023-01-01", "committee": "2022-04-25"}
    | {"advisory": "2023-02-01"},
    T2: {AV: "2025-06-01", AH: "2025-06-16", JAOS: "2025-08-01", "committee": "2025-06-16"}
    | {"advisory": "2025-09-01"},
}


def _start(term: str, body: str) -> date:
    starts = ROSTER_START[term]
    if body in starts:
        return _d(starts[body])
    return _d(starts["committee" if body in COMMITTEES else "advisory"])


class _Pool:
    """Council members of each group not yet given a seat elsewhere, in council order."""

    def __init__(self, people: _People, members: Iterable[str], skip: Iterable[str]) -> None:
        self.people = people
        skipped = set(skip)
        self.free: dict[str, list[str]] = defaultdict(list)
        for slug in members:
            if slug not in skipped:
                self.free[people.group(slug)].append(slug)

    def take(self, group: str) -> str:
        if self.free[group]:
            return self.free[group].pop(0)
        return self.people.new(group=group)


def _roster(
    people: _People,
    body: str,
    term: str,
    seats: list[str],
    *,
    vice_chairs: int = 1,
    deputies: dict[str, str] | None = None,
) -> Roster:
    return Roster(
        body=body,
        term=term,
        start=_start(term, body),
        end=TERMS[term][1],
        chair=seats[0],
        vice_chairs=seats[1 : 1 + vice_chairs],
        members=seats,
        deputies=deputies or {},
        presenter=people.ref[PRESENTER[body]],
        secretary=people.ref[SECRETARY[body]],
    )


def _council(people: _People, term: str, named: list[str], previous: list[str]) -> Roster:
    """The council: the named people, some re-elected members and new ones, by group."""
    rng = people.rng
    by_group: dict[str, list[str]] = defaultdict(list)
    for key in named:
        slug = people.ref[key]
        by_group[people.group(slug)].append(slug)
    for slug in previous:
        group = people.group(slug)
        if slug not in by_group[group] and rng.random() < 0.55:
            by_group[group].append(slug)
    seats = [people.ref[key] for key in named[:3]]
    for group, count in COUNCIL_SEATS[term].items():
        members = by_group[group][:count]
        while len(members) < count:
            members.append(people.new(group=group))
        seats += [slug for slug in members if slug not in seats]
    deputies = {
        member: people.new(group=people.group(member))
        for index, member in enumerate(seats)
        if index % 3 == 1
    }
    return _roster(people, AV, term, seats, vice_chairs=2, deputies=deputies)


def _with_deputies(people: _People, pool: _Pool, body: str, term: str, seats: list[str]) -> Roster:
    deputies = {member: pool.take(people.group(member)) for member in seats}
    for slug in [*seats[:2], *deputies.values()]:
        people.declare(slug, T1_DECLARED if term == T1 else T2_DECLARED)
    return _roster(people, body, term, seats, vice_chairs=2 if body == AH else 1, deputies=deputies)


def _committee(people: _People, pool: _Pool, body: str, term: str) -> Roster:
    seats: list[str] = []
    for index, group in enumerate(COMMITTEE_GROUPS[term][body]):
        from_council = index < 2 or index % 2 == 0
        seats.append(pool.take(group) if from_council else people.new(group=group))
    deputies = {member: people.new(group=people.group(member)) for member in seats}
    for slug in seats[:2]:
        people.declare(slug, T1_DECLARED if term == T1 else T2_DECLARED)
    return _roster(people, body, term, seats, deputies=deputies)


def _advisory(people: _People, pool: _Pool, body: str, term: str) -> Roster:
    seats: list[str] = []
    if body == NUVA:
        places = ["Lahti"] * 5 + MUNICIPALITIES
        for municipality in places:
            seats.append(
                people.new(
                    municipality=municipality,
                    title=f"{GENITIVE[municipality]} nuorisovaltuuston edustaja",
                    first_names=YOUNG_FIRST_NAMES,
                )
            )
        # The chair and vice-chair are elected at the first meeting (see the story).
        seats = [seats[6], seats[0], *seats[1:6], *seats[7:]]
    else:
        council = "vanhusneuvoston" if body == VN else "vammaisneuvoston"
        names = SENIOR_FIRST_NAMES if body == VN else FIRST_NAMES
        for municipality in MUNICIPALITIES:
            seats.append(
                people.new(
                    municipality=municipality,
                    title=f"{GENITIVE[municipality]} {council} edustaja",
                    first_names=names,
                )
            )
        seats.append(pool.take("KD" if body == VN else "VIHR"))
    return _roster(people, body, term, seats)


T1_COUNCIL_NAMED = [
    "lampinen",
    "halme",
    "pajari",
    "kosonen",
    "lindqvist",
    "hyytiainen",
    "mantyla",
    "vehmas",
    "pelkonen",
    "karkkainen",
    "leppanen",
    "wikstrom",
    "tenhunen",
    "heikura",
    "saarela",
    "karvonen",
    "salmela",
]
T2_COUNCIL_NAMED = [
    "halme",
    "lampinen",
    "saarela",
    "kosonen",
    "lindqvist",
    "mantyla",
    "vehmas",
    "karkkainen",
    "wikstrom",
    "tenhunen",
    "heikura",
    "karvonen",
    "salmela",
    "peltola",
    "lehtimaki",
    "rask",
]
T1_BOARD = [
    "kosonen",
    "lindqvist",
    "hyytiainen",
    "mantyla",
    "vehmas",
    "pelkonen",
    "karkkainen",
    "leppanen",
    "wikstrom",
    "tenhunen",
    "heikura",
    "saarela",
    "karvonen",
]
T2_BOARD = [
    "lindqvist",
    "kosonen",
    "heikura",
    "karkkainen",
    "wikstrom",
    "peltola",
    "lehtimaki",
    "mantyla",
    "vehmas",
    "rask",
    "tenhunen",
    "salmela",
    "karvonen",
]


def _rosters(people: _People) -> dict[tuple[str, str], Roster]:
    rosters: dict[tuple[str, str], Roster] = {}
    previous: list[str] = []
    for term, council_named, board_named, division_named in [
        (T1, T1_COUNCIL_NAMED, T1_BOARD, ["pelkonen", "leppanen", "saarela"]),
        (T2, T2_COUNCIL_NAMED, T2_BOARD, ["peltola", "vehmas", "tenhunen"]),
    ]:
        council = _council(people, term, council_named, previous)
        previous = council.members
        rosters[AV, term] = council
        named = [people.ref[key] for key in council_named]
        pool = _Pool(people, council.members, skip=named)
        board = [people.ref[key] for key in board_named]
        rosters[AH, term] = _with_deputies(people, pool, AH, term, board)
        division = [people.ref[key] for key in division_named]
        division += [pool.take("PS" if term == T1 else "KESK"), pool.take("SDP")]
        rosters[JAOS, term] = _with_deputies(people, pool, JAOS, term, division)
        for body in COMMITTEES:
            rosters[body, term] = _committee(people, pool, body, term)
        for body in ADVISORY:
            rosters[body, term] = _advisory(people, pool, body, term)
    return rosters


# --- The story: what each body handled, meeting by meeting --------------------------------


@dataclass(frozen=True)
class VoteSpec:
    """A seconded counter-proposal put to an open vote against the presenter's proposal.

    `choices` maps a political group or a person to "yes" (the presenter's proposal),
    "no" (the counter-proposal) or "blank"; everyone else votes `default`.
    """

    counter_by: str
    seconded_by: str
    text: str
    choices: dict[str, str]
    default: str = BallotChoice.YES


@dataclass(frozen=True)
class ElectionSpec:
    position: str
    candidates: tuple[tuple[str, float], ...]  # person, share of the ballots cast


@dataclass
class _Ctx:
    """What a text written at planning time may refer to: the people and this meeting's body."""

    people: _People
    rosters: dict[tuple[str, str], Roster]
    roster: Roster
    day: date


Text = str | Callable[[_Ctx], str]


@dataclass(frozen=True)
class Spec:
    """One agenda item as written by its preparer, and what happened to it."""

    title: str
    body: Text = ""
    proposal: str = ""
    case: str | None = None  # a key of CASES, "auto" for a case of its own, None for none
    task_class: str = "00.00.00"  # for "auto" cases
    outcome: str = Outcome.AS_PROPOSED
    decision: Text | None = None  # None: the proposal, in the past tense
    notes: str = ""
    appeal: str | None = None  # None: the body's usual appeal type
    preparer: str | None = None
    presenter: str | None = None  # None: the body's presenter; "chair": the chair
    summary: str = ""
    secrecy: str = ""  # the legal basis for secrecy; set for confidential items
    vote: VoteSpec | None = None
    lapsed: tuple[str, str] | None = None  # an unseconded counter-proposal: (by, text)
    election: ElectionSpec | None = None
    disqualified: tuple[tuple[str, str], ...] = ()  # (person, ground)
    dissents: tuple[tuple[str, str], ...] = ()  # (person, reasons)
    attachments: tuple[tuple[str, str], ...] = ()  # (title, text)
    force_present: tuple[str, ...] = ()  # people who must be at the meeting for the story


# Cases followed across meetings: key -> (JHS 191 task class, year opened, title).
CASES: dict[str, tuple[str, int, str]] = {
    "valinnat-2022": ("00.02.00", 2022, "Toimielinten jäsenten valinta toimikaudeksi 2022–2025"),
    "av-kokoukset-2022": ("00.01.01", 2022, "Aluevaltuuston kokousaikataulu ja kokouskäytännöt"),
    "palkkiosaanto": ("00.02.01", 2022, "Luottamushenkilöiden palkkiosääntö"),
    "strategia": ("00.01.00", 2022, "Hyvinvointialuestrategia 2023–2025"),
    "budjetti-2023": ("02.02.00", 2022, "Talousarvio 2023 ja taloussuunnitelma 2023–2025"),
    "jarjestoneuvottelukunta": ("00.03.01", 2022, "Järjestöneuvottelukunnan perustaminen"),
    "palvelustrategia": ("00.01.00", 2022, "Sosiaali- ja terveydenhuollon palvelustrategia"),
    "palvelutaso": ("11.01.00", 2022, "Pelastustoimen palvelutasopäätös 2023–2026"),
    "toimintasaannot": (
        "00.01.02",
        2022,
        "Vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston toimintasäännöt",
    ),
    "henkilostoohjelma": ("01.01.00", 2022, "Henkilöstöohjelma 2023–2025"),
    "sijaishuolto": ("05.03.00", 2022, "Lastensuojelun sijaishuollon puitejärjestely 2023–2026"),
    "hallintosaanto": ("00.01.02", 2022, "Hallintosäännön muuttaminen"),
    "tilintarkastus": ("00.04.02", 2022, "Tilintarkastusyhteisön valinta vuosille 2022–2025"),
    "arviointisuunnitelma": ("00.04.00", 2022, "Tarkastuslautakunnan arviointisuunnitelma"),
    "sidonnaisuudet": ("00.04.01", 2022, "Sidonnaisuusilmoitusten valvonta"),
    "asiakasmaksut-2023": ("05.01.00", 2022, "Asiakasmaksut 1.1.2023 alkaen"),
    "av-kokoukset-2023": ("00.01.01", 2022, "Aluevaltuuston kokousaikataulu 2023"),
    "talousjarjestelma": ("07.01.00", 2022, "Talousjärjestelmän hankinta"),
    "opiskeluhuolto": ("05.04.00", 2022, "Opiskeluhuoltopalvelujen siirto hyvinvointialueelle"),
    "sopimuspalokunnat": ("11.02.00", 2022, "Sopimuspalokuntasopimukset 2023–2025"),
    "neuvostojen-jasenet": (
        "00.02.00",
        2023,
        "Vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston jäsenten nimeäminen",
    ),
    "jarjestoavustukset-2023": ("02.05.00", 2023, "Järjestöjen yleisavustukset 2023"),
    "yhteistyo": (
        "00.03.00",
        2023,
        "Yhteistyöpöytäkirja alueen kuntien ja Päijät-Hämeen liiton kanssa",
    ),
    "budjetti-2024": ("02.02.00", 2023, "Talousarvio 2024 ja taloussuunnitelma 2024–2026"),
    "tasapainotus": ("02.02.00", 2023, "Talouden tasapainottamisohjelma 2023–2026"),
    "hyvinvointikertomus": (
        "00.01.03",
        2023,
        "Alueellinen hyvinvointikertomus ja -suunnitelma 2023–2025",
    ),
    "arviointikertomus-2022": ("00.04.00", 2023, "Arviointikertomus vuodelta 2022"),
    "tilinpaatos-2022": ("02.06.00", 2023, "Tilinpäätös ja toimintakertomus 2022"),
    "toimitilaohjelma": ("02.07.00", 2023, "Toimitilaohjelma 2023–2030"),
    "omavalvontaohjelma": ("00.01.04", 2023, "Omavalvontaohjelma 2023–2025"),
    "digiohjelma": ("07.00.00", 2023, "Digi- ja dataohjelma 2023–2025"),
    "osallisuusohjelma": ("00.03.02", 2023, "Osallisuusohjelma 2023–2025"),
    "viestintaohjelma": ("00.03.03", 2023, "Viestintäohjelma 2023–2025"),
    "monituottajuusohjelma": ("05.00.01", 2023, "Monituottajuusohjelma 2023–2025"),
    "seuranta-2023": ("02.02.01", 2023, "Talouden ja toiminnan seuranta 2023"),
    "talousarviomuutos-2023": ("02.02.00", 2023, "Talousarvion 2023 muutos"),
    "av-kokoukset-2024": ("00.01.01", 2023, "Aluevaltuuston kokousaikataulu 2024"),
    "vuokratyo": ("01.01.01", 2023, "Vuokratyövoiman käytön vähentäminen"),
    "kiinteistot": ("02.07.01", 2023, "Kunnilta siirtyneiden vuokrasopimusten tarkistaminen"),
    "seuranta-2026": ("02.02.01", 2026, "Talouden ja toiminnan seuranta 2026"),
    "talousarviomuutos-2026": ("02.02.00", 2026, "Talousarvion 2026 muutos"),
    "budjetti-2027": ("02.02.00", 2026, "Talousarvio 2027 ja taloussuunnitelma 2027–2029"),
    "palveluverkko": ("00.01.00", 2026, "Palveluverkkosuunnitelma 2027–2030"),
    "av-kokoukset-2027": ("00.01.01", 2026, "Aluevaltuuston kokousaikataulu 2027"),
    "asiakasmaksut-2027": ("05.01.00", 2026, "Asiakasmaksut 1.1.2027 alkaen"),
    "palvelutaso-2027": ("11.01.00", 2026, "Pelastustoimen palvelutasopäätös 2027–2030"),
}

NO_APPEAL = AppealType.NONE
RECTIFICATION = AppealType.RECTIFICATION
REGIONAL = AppealType.REGIONAL_APPEAL

STRATEGY_GOALS = _ul(
    "vaikuttavat, kustannustehokkaat ja saavutettavat palvelut sekä erinomainen asiakaskokemus",
    "saavutettu asema alan parhaana julkisena työpaikkana",
    "luottamuksen avulla rakennettu, sujuva yhteistyö alueen kuntien, yhteisöjen ja "
    "valtionhallinnon kanssa – asukkaiden parhaaksi",
)
STRATEGY_CORE = (
    _p(
        "Strategian arvot ovat luottamus, rohkeus, välittäminen ja oikeudenmukaisuus. "
        "Perustehtävämme on tukea päijäthämäläisten hyvinvointia ja järjestää laadukkaat palvelut "
        "vastuullisesti ja joustavasti. Visiona ovat hyvinvoivat asukkaat turvallisessa, "
        "elinvoimaisessa ja uudistuvassa Päijät-Hämeessä.",
        "Strategiassa on kolme päätavoitetta:",
    )
    + STRATEGY_GOALS
)
STRATEGY_ATTACHMENT = (
    "Päijät-Hämeen hyvinvointialueen strategia 2023–2025. Arvot: luottamus, rohkeus, "
    "välittäminen, oikeudenmukaisuus. Tehtävä: tuemme päijäthämäläisten hyvinvointia ja "
    "järjestämme laadukkaat palvelut vastuullisesti ja joustavasti. Päämäärä: hyvinvoivat "
    "asukkaat turvallisessa, elinvoimaisessa ja uudistuvassa Päijät-Hämeessä. Tavoitteet: "
    "asiointi on sujuvaa ja asiakkaita ohjataan ja tuetaan erinomaisesti; integroidut, "
    "kustannustehokkaat palvelut ovat hyvin saatavissa ja saavutettavissa; yhteistyötä ja "
    "asiakaskokemusta arvostetaan ja arvioidaan; hallintomalli ja johtaminen toteuttavat "
    "tavoitteita; alan paras julkinen työpaikka Suomessa tarjotaan Päijät-Hämeessä; "
    "kokonaisturvallisuuden osaaminen on vahvaa ja siihen luotetaan."
)


def _seat_list(ctx: _Ctx, roster: Roster) -> str:
    names = ctx.people.name
    return _ul(
        *(
            f"{names(member)} ({ctx.people.group(member)}), varajäsen {names(deputy)}"
            if (deputy := roster.deputies.get(member))
            else f"{names(member)}"
            for member in roster.members
        )
    )


def _board_elected(ctx: _Ctx) -> str:
    board = ctx.rosters[AH, T1]
    name = ctx.people.name
    first, second = board.vice_chairs
    return (
        _p(
            "Aluevaltuusto valitsi aluehallitukseen toimikaudeksi 2022–2025 seuraavat jäsenet ja "
            "heille henkilökohtaiset varajäsenet:"
        )
        + _seat_list(ctx, board)
        + _p(
            f"Aluehallituksen puheenjohtajaksi valittiin suljetulla lippuäänestyksellä "
            f"{name(board.chair)}. Ensimmäiseksi varapuheenjohtajaksi valittiin {name(first)} ja "
            f"toiseksi varapuheenjohtajaksi {name(second)}."
        )
    )


def _committees_elected(ctx: _Ctx) -> str:
    name = ctx.people.name
    rows = []
    for body in COMMITTEES:
        roster = ctx.rosters[body, T1]
        label = next(b["name"] for b in BODIES if b["slug"] == body).lower()
        rows.append(
            f"{label}: puheenjohtaja {name(roster.chair)}, "
            f"varapuheenjohtaja {name(roster.vice_chairs[0])}"
        )
    return _p(
        "Aluevaltuusto valitsi lautakuntien jäsenet ja henkilökohtaiset varajäsenet "
        "valtuustoryhmien neuvottelutuloksen mukaisesti. Puheenjohtajiksi ja "
        "varapuheenjohtajiksi valittiin:"
    ) + _ul(*rows)


def _division_elected(ctx: _Ctx) -> str:
    division = ctx.rosters[JAOS, T1]
    name = ctx.people.name
    return (
        _p(
            "Aluehallitus valitsi yksilöasioiden jaostoon 1.1.2023 alkaen seuraavat jäsenet ja "
            "heille henkilökohtaiset varajäsenet:"
        )
        + _seat_list(ctx, division)
        + _p(
            f"Puheenjohtajaksi valittiin {name(division.chair)} ja varapuheenjohtajaksi "
            f"{name(division.vice_chairs[0])}."
        )
    )


def _advisory_named(ctx: _Ctx) -> str:
    name = ctx.people.name
    vn, vam = ctx.rosters[VN, T1], ctx.rosters[VAM, T1]
    return _p(
        "Aluehallitus nimesi vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston jäsenet "
        "kuntien esitysten mukaisesti toimikaudeksi 1.2.2023–31.5.2025.",
        f"Vanhusneuvoston puheenjohtajaksi nimettiin {name(vn.chair)} ja vammaisneuvoston "
        f"puheenjohtajaksi {name(vam.chair)}. Neuvostot valitsevat varapuheenjohtajansa ja "
        "nuorisovaltuusto myös puheenjohtajansa itse.",
    )


def _vice_elected(ctx: _Ctx) -> str:
    return _p(f"Varapuheenjohtajaksi valittiin {ctx.people.name(ctx.roster.vice_chairs[0])}.")


def _youth_elected(ctx: _Ctx) -> str:
    name = ctx.people.name
    return _p(
        f"Nuorisovaltuuston puheenjohtajaksi valittiin {name(ctx.roster.chair)} ja "
        f"varapuheenjohtajaksi {name(ctx.roster.vice_chairs[0])}."
    )


def _programme(
    case: str, name: str, accusative: str, preparer: str, body: str, board: str, council: str
) -> dict[tuple[str, str], list[Spec]]:
    """A programme completing the strategy: proposed by the board, approved by the council."""
    return {
        (AH, board): [
            Spec(
                name,
                body=body,
                proposal=_p(
                    f"Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                    f"{accusative} liitteen mukaisena."
                ),
                case=case,
                appeal=NO_APPEAL,
                preparer=preparer,
            )
        ],
        (AV, council): [
            Spec(
                name,
                body=_p(f"Aluehallitus käsitteli ohjelmaa kokouksessaan {_fi(_d(board))}.") + body,
                proposal=_p(f"Aluevaltuusto hyväksyy {accusative} liitteen mukaisena."),
                case=case,
                preparer=preparer,
            )
        ],
    }


def _story() -> dict[tuple[str, str], list[Spec]]:
    story: dict[tuple[str, str], list[Spec]] = defaultdict(list)

    def add(body: str, day: str, *specs: Spec) -> None:
        story[body, day].extend(specs)

    # -- 2022: the first council and board get going ----------------------------------
    add(
        AV,
        "2022-03-14",
        Spec(
            "Aluehallituksen jäsenten, varajäsenten, puheenjohtajan ja varapuheenjohtajien valinta",
            body=_p(
                "Aluevaltuusto valitsee aluehallitukseen 13 jäsentä ja kullekin henkilökohtaisen "
                "varajäsenen valtuuston toimikaudeksi. Samalla valtuusto valitsee jäsenten "
                "joukosta aluehallituksen puheenjohtajan sekä ensimmäisen ja toisen "
                "varapuheenjohtajan.",
                "Valtuustoryhmät ovat neuvotelleet aluehallituksen kokoonpanosta, ja "
                "neuvottelutulos vastaa ryhmien voimasuhteita. Puheenjohtajasta ei syntynyt "
                "yksimielisyyttä, joten puheenjohtaja valitaan suljetulla lippuäänestyksellä.",
            ),
            proposal=_p(
                "Aluevaltuusto valitsee aluehallituksen jäsenet ja varajäsenet "
                "valtuustoryhmien neuvottelutuloksen mukaisesti sekä valitsee aluehallituksen "
                "puheenjohtajan ja varapuheenjohtajat."
            ),
            case="valinnat-2022",
            decision=_board_elected,
            presenter="chair",
            preparer="hallintojohtaja",
            election=ElectionSpec(
                "aluehallituksen puheenjohtaja", (("kosonen", 0.6), ("lindqvist", 0.37))
            ),
        ),
        Spec(
            "Aluevaltuuston kokousaikataulu ja kokouskäytännöt vuonna 2022",
            body=_p(
                "Aluevaltuusto kokoontuu maanantaisin kello 17 Lahden Sibeliustalossa. "
                "Kokoukset ovat yleisölle avoimia, ja niitä voi seurata myös verkossa.",
                "Kokouskutsu ja esityslista julkaistaan hyvinvointialueen verkkosivuilla "
                "viimeistään neljä päivää ennen kokousta. Valtuutettu voi osallistua kokoukseen "
                "etäyhteydellä, kun hän ilmoittaa siitä etukäteen valtuuston sihteerille.",
            ),
            proposal=_p(
                "Aluevaltuusto päättää kokoontua vuonna 2022 seuraavasti: 25.4., 13.6., 26.9., "
                "14.11. ja 12.12. Kokoukset alkavat kello 17.",
            ),
            case="av-kokoukset-2022",
            presenter="chair",
            preparer="hallintojohtaja",
        ),
    )
    add(
        AH,
        "2022-03-21",
        Spec(
            "Aluehallituksen kokousaikataulu ja kokouskäytännöt kevät 2022",
            body=_p(
                "Aluehallitus kokoontuu pääsääntöisesti joka toinen tai kolmas maanantai kello "
                "15 hyvinvointialueen hallintorakennuksessa. Jäsenet voivat osallistua "
                "kokoukseen myös etäyhteydellä.",
                "Esityslista julkaistaan verkossa viimeistään kolme päivää ennen kokousta. "
                "Pöytäkirja tarkastetaan sähköisesti ja julkaistaan viikon kuluessa "
                "kokouksesta.",
            ),
            proposal=_p(
                "Aluehallitus päättää kokoontua keväällä 2022 seuraavasti: 4.4., 25.4., 16.5., "
                "6.6. ja 20.6. Kokoukset alkavat kello 15."
            ),
            task_class="00.01.01",
            case="auto",
            preparer="hallintopaallikko",
        ),
        Spec(
            "Hyvinvointialueen valmistelun tilannekatsaus",
            body=_p(
                "Hyvinvointialue vastaa sosiaali- ja terveydenhuollon ja pelastustoimen "
                "palvelujen järjestämisestä 1.1.2023 alkaen. Nykyiset palvelut yhdistetään "
                "yhdeksi kokonaisuudeksi, ja hyvinvointialueelle siirtyy noin 7 600 työntekijää.",
                "Koska alueella on toiminut jo integroitu sosiaali- ja terveyspalvelujen "
                "kuntayhtymä, organisaatiomuutokset jäävät vähäisiksi. Suurimmat työt ovat "
                "talous- ja tietojärjestelmien uudistaminen, sopimusten siirto sekä "
                "palvelustrategian ja talousarvion valmistelu.",
            ),
            proposal=_p("Aluehallitus merkitsee valmistelun tilannekatsauksen tiedoksi."),
            outcome=Outcome.NOTED,
            task_class="00.00.00",
            case="auto",
            appeal=NO_APPEAL,
            preparer="hyvinvointialuejohtaja",
        ),
    )
    add(
        AV,
        "2022-04-25",
        Spec(
            "Lautakuntien jäsenten ja varajäsenten valinta toimikaudeksi 2022–2025",
            body=_p(
                "Hallintosäännön mukaan hyvinvointialueella on neljä lautakuntaa: "
                "tarkastuslautakunta, asiakas- ja osallisuuslautakunta, hyvinvoinnin ja "
                "terveyden edistämisen lautakunta sekä turvallisuuden ja varautumisen "
                "lautakunta. Tarkastuslautakunnassa on yhdeksän, turvallisuuden ja "
                "varautumisen lautakunnassa yksitoista ja muissa lautakunnissa kolmetoista "
                "jäsentä.",
                "Lautakuntien kokoonpanot perustuvat valtuustoryhmien neuvottelutulokseen.",
            ),
            proposal=_p(
                "Aluevaltuusto valitsee lautakuntien jäsenet, varajäsenet, puheenjohtajat ja "
                "varapuheenjohtajat toimikaudeksi 2022–2025 valtuustoryhmien "
                "neuvottelutuloksen mukaisesti."
            ),
            case="valinnat-2022",
            decision=_committees_elected,
            preparer="hallintojohtaja",
        ),
        Spec(
            "Luottamushenkilöiden palkkiosääntö",
            body=_p(
                "Palkkiosäännössä määrätään luottamushenkilöille maksettavista kokouspalkkioista, "
                "vuosipalkkioista ja ansionmenetyksen korvauksista. Luonnos on valmisteltu "
                "vertailemalla muiden hyvinvointialueiden ja alueen kuntien palkkioita.",
                "Aluevaltuuston kokouspalkkio olisi 150 euroa ja aluehallituksen ja "
                "lautakuntien 120 euroa. Aluevaltuuston ja aluehallituksen puheenjohtajille "
                "maksettaisiin lisäksi vuosipalkkio.",
            ),
            proposal=_p(
                "Aluevaltuusto hyväksyy luottamushenkilöiden palkkiosäännön liitteen mukaisena "
                "1.5.2022 alkaen."
            ),
            case="palkkiosaanto",
            preparer="hallintojohtaja",
        ),
    )
    add(
        AH,
        "2022-04-25",
        Spec(
            "Hyvinvointialuestrategian valmistelun tilannekatsaus",
            body=_p(
                "Strategian taustatyö aloitettiin jo vuonna 2021, ja varsinainen valmistelu "
                "käynnistyi aluevaltuuston toimikauden alettua maaliskuussa 2022. "
                "Aluevaltuusto ja aluehallitus ovat työstäneet strategiaa yhteisissä "
                "seminaareissa.",
                "Toukokuussa kuullaan alueen järjestöjä, tehdään asukkaille väestökysely ja "
                "kootaan henkilöstön näkemyksiä. Strategialuonnos tuodaan aluehallitukseen "
                "kesäkuun alussa, ja aluevaltuuston on tarkoitus hyväksyä strategia "
                "kesäkuussa.",
            ),
            proposal=_p(
                "Aluehallitus merkitsee strategian valmistelun etenemisen ja aikataulun tiedoksi."
            ),
            outcome=Outcome.NOTED,
            case="strategia",
            appeal=NO_APPEAL,
            preparer="strategiajohtaja",
        ),
    )
    add(
        AH,
        "2022-06-06",
        Spec(
            "Hyvinvointialuestrategia 2023–2025",
            summary=(
                "Aluehallitus esittää aluevaltuustolle strategiaa, joka ohjaa hyvinvointialueen "
                "toimintaa vuosina 2023–2025."
            ),
            body=_p(
                "Strategia kuvaa Päijät-Hämeen hyvinvointialueen päämäärän ja identiteetin "
                "osana päijäthämäläistä yhteisöä. Se on valmisteltu laajassa yhteistyössä: "
                "aluevaltuuston ja aluehallituksen työskentelyn lisäksi on kuultu järjestöjä, "
                "tehty väestökysely ja koottu henkilöstön näkemyksiä."
            )
            + STRATEGY_CORE
            + _p(
                "Strategian kunnianhimoisena tavoitteena on tehdä Päijät-Hämeen "
                "hyvinvointialueesta alan paras julkinen työpaikka Suomessa. Strategiaa "
                "täydennetään palvelustrategialla, pelastustoimen palvelutasopäätöksellä, "
                "talousarviolla sekä henkilöstö-, digi- ja data-, toimitila-, omavalvonta-, "
                "monituottajuus-, viestintä- ja osallisuusohjelmilla."
            ),
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "Päijät-Hämeen hyvinvointialueen strategian vuosille 2023–2025 liitteen "
                "mukaisena."
            ),
            decision=_p(
                "Aluehallitus päätti äänestyksen jälkeen esittää aluevaltuustolle, että "
                "aluevaltuusto hyväksyy Päijät-Hämeen hyvinvointialueen strategian vuosille "
                "2023–2025 liitteen mukaisena."
            ),
            case="strategia",
            appeal=NO_APPEAL,
            preparer="strategiajohtaja",
            vote=VoteSpec(
                counter_by="tenhunen",
                seconded_by="heikura",
                text=(
                    "Strategian ensimmäiseen päätavoitteeseen lisätään kirjaus siitä, että jokaisessa "
                    "alueen kunnassa säilyy vähintään yksi sosiaali- ja terveysasema."
                ),
                choices={
                    "PS": BallotChoice.NO,
                    "KESK": BallotChoice.NO,
                    "leppanen": BallotChoice.NO,
                    "wikstrom": BallotChoice.NO,
                    "lindqvist": BallotChoice.BLANK,
                },
            ),
            dissents=(
                (
                    "tenhunen",
                    "Lähipalvelujen säilyminen jokaisessa kunnassa on asukkaille strategian "
                    "tärkein lupaus, ja sen on näyttävä tavoitteissa eikä vasta "
                    "palvelustrategiassa.",
                ),
                (
                    "heikura",
                    "Haja-asutusalueen asukkaiden palvelujen saavutettavuus on turvattava jo "
                    "strategiassa.",
                ),
            ),
            attachments=(("Hyvinvointialuestrategia 2023–2025, luonnos", STRATEGY_ATTACHMENT),),
        ),
    )
    add(
        AV,
        "2022-06-13",
        Spec(
            "Hyvinvointialuestrategia 2023–2025",
            summary="Aluevaltuusto hyväksyy hyvinvointialueen ensimmäisen strategian.",
            body=_p(
                "Aluehallitus käsitteli strategiaa kokouksessaan 6.6.2022 ja päätti "
                "äänestyksen jälkeen esittää sen aluevaltuuston hyväksyttäväksi."
            )
            + STRATEGY_CORE
            + _p(
                "Strategian toteutumista seuraavat aluevaltuusto, aluehallitus ja "
                "hyvinvointialueen johto. Tavoitteille määritellään mittarit, joista "
                "raportoidaan talouden ja toiminnan seurannan yhteydessä."
            ),
            proposal=_p(
                "Aluevaltuusto hyväksyy Päijät-Hämeen hyvinvointialueen strategian vuosille "
                "2023–2025 liitteen mukaisena."
            ),
            notes=_p(
                "Valtuustoryhmien puheenvuoroissa korostettiin lähipalvelujen saavutettavuutta "
                "ja henkilöstön hyvinvointia. Aluevaltuusto hyväksyi strategian yksimielisesti."
            ),
            case="strategia",
            preparer="strategiajohtaja",
            attachments=(("Hyvinvointialuestrategia 2023–2025", STRATEGY_ATTACHMENT),),
        ),
    )
    add(
        AH,
        "2022-06-20",
        Spec(
            "Talousarvion 2023 ja taloussuunnitelman 2023–2025 suunnittelukehys",
            body=_p(
                "Hyvinvointialueen rahoitus tulee pääosin valtiolta, eikä hyvinvointialueella "
                "ole verotusoikeutta. Suunnittelukehys ohjaa talousarvion valmistelua: siinä "
                "asetetaan toimialoille alustavat menokehykset ja yhteiset "
                "valmisteluperiaatteet.",
                "Kehyksen lähtökohtana on, että toiminta mitoitetaan rahoitukseen ja että "
                "talousarvio laaditaan strategian tavoitteiden mukaisesti. Hyvinvointialueelle "
                "on luotu talouden organisaatiorakenne, ja talousarvio valmistellaan sen "
                "mukaisesti.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy talousarvion 2023 ja taloussuunnitelman 2023–2025 "
                "suunnittelukehyksen valmistelun pohjaksi ja kehottaa toimialoja laatimaan "
                "talousarvioesityksensä kehyksen mukaisesti."
            ),
            case="budjetti-2023",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Aluehallituksen kokousaikataulu syksy 2022",
            body=_p(
                "Aluehallitus kokoontuu syksyllä 2022 maanantaisin kello 15. Talousarvio 2023 "
                "käsitellään marraskuun lopussa, jotta aluevaltuusto voi hyväksyä sen "
                "joulukuussa."
            ),
            proposal=_p(
                "Aluehallitus päättää kokoontua syksyllä 2022 seuraavasti: 8.8., 29.8., 19.9., "
                "3.10., 17.10., 31.10., 14.11., 28.11. ja 12.12."
            ),
            task_class="00.01.01",
            case="auto",
            preparer="hallintopaallikko",
        ),
    )
    jnk_body = _p(
        "Hyvinvointialueen järjestöyhteistyötä rakennetaan yhdessä alueen järjestöjen ja "
        "kuntien kanssa. Kesäkuussa kartoitettiin sähköisillä kyselyillä kuntien ja "
        "järjestöjen näkemyksiä yhteistyön mallista.",
        "Järjestöneuvottelukunnan kautta monien toimijoiden äänet saadaan kuuluviin "
        "hyvinvointialueella. Neuvottelukunta olisi järjestöjen, hyvinvointialueen ja kuntien "
        "yhteinen foorumi, joka käsittelee järjestöjen toimintaedellytyksiä ja "
        "vaikuttamismahdollisuuksia. Yhteistyön malliin kuuluisivat viestintä-, tila-, "
        "tapahtuma- ja avustusyhteistyö.",
    )
    add(
        HYTE,
        "2022-06-08",
        Spec(
            "Järjestöneuvottelukunnan perustaminen",
            body=jnk_body
            + _p("Tavoitteena on, että neuvottelukunta aloittaa toimintansa vielä vuonna 2022."),
            proposal=_p(
                "Lautakunta esittää aluehallitukselle, että hyvinvointialueelle perustetaan "
                "järjestöneuvottelukunta ja että sen toiminta käynnistetään vuoden 2022 aikana."
            ),
            notes=_p("Lautakunta teki päätöksen yksimielisesti."),
            case="jarjestoneuvottelukunta",
            appeal=NO_APPEAL,
            preparer="hytejohtaja",
        ),
    )
    add(
        AOL,
        "2022-06-14",
        Spec(
            "Järjestöneuvottelukunnan perustaminen",
            body=_p(
                "Hyvinvoinnin ja terveyden edistämisen lautakunta käsitteli asiaa 8.6.2022 ja "
                "esitti järjestöneuvottelukunnan perustamista."
            )
            + jnk_body
            + _p(
                "Asiakas- ja osallisuuslautakunnan näkökulmasta neuvottelukunta vahvistaa "
                "asukkaiden osallisuutta: järjestöt tuovat esiin palvelujen käyttäjien "
                "kokemuksia ja kehittämisehdotuksia."
            ),
            proposal=_p(
                "Lautakunta esittää aluehallitukselle, että hyvinvointialueelle perustetaan "
                "järjestöneuvottelukunta ja että sen toiminta käynnistetään vuoden 2022 aikana."
            ),
            notes=_p("Lautakunta teki päätöksen yksimielisesti."),
            case="jarjestoneuvottelukunta",
            appeal=NO_APPEAL,
            preparer="osallisuusjohtaja",
        ),
    )
    add(
        AH,
        "2022-08-08",
        Spec(
            "Järjestöneuvottelukunnan perustaminen",
            body=_p(
                "Hyvinvoinnin ja terveyden edistämisen lautakunta (8.6.2022) ja asiakas- ja "
                "osallisuuslautakunta (14.6.2022) esittävät yksimielisesti "
                "järjestöneuvottelukunnan perustamista.",
                "Neuvottelukuntaan ehdotetaan kahdeksaa järjestöjen edustajaa, kahta kuntien "
                "edustajaa ja kahta hyvinvointialueen edustajaa. Järjestöjen edustajat valitaan "
                "avoimen haun perusteella niin, että sosiaali- ja terveysjärjestöt, liikunta- ja "
                "kulttuurijärjestöt sekä pelastusalan järjestöt ovat edustettuina.",
                "Hyvinvointialueen hyte-yksikköön esitetään järjestökoordinaattoria, joka "
                "koordinoisi neuvottelukunnan toimintaa. Resurssi ratkaistaan talousarvion "
                "valmistelussa.",
            ),
            proposal=_p(
                "Aluehallitus päättää perustaa järjestöneuvottelukunnan. Neuvottelukuntaan "
                "nimetään kahdeksan järjestöjen edustajaa, kaksi kuntien edustajaa ja kaksi "
                "hyvinvointialueen edustajaa."
            ),
            outcome=Outcome.AMENDED,
            decision=_p(
                "Aluehallitus päättää perustaa järjestöneuvottelukunnan. Neuvottelukuntaan "
                "nimetään kymmenen järjestöjen edustajaa, joista yksi edustaa nuorisojärjestöjä "
                "ja yksi vammaisjärjestöjä, kaksi kuntien edustajaa ja kaksi hyvinvointialueen "
                "edustajaa."
            ),
            notes=_p(
                "Jäsen Iida Karvonen ehdotti, että järjestöjen edustajia on kymmenen ja että "
                "nuoriso- ja vammaisjärjestöille varataan kummallekin oma paikka. Esittelijä "
                "muutti päätösehdotustaan ehdotuksen mukaisesti, ja aluehallitus hyväksyi "
                "muutetun ehdotuksen yksimielisesti."
            ),
            case="jarjestoneuvottelukunta",
            preparer="hytejohtaja",
        ),
        Spec(
            "Opiskeluhuoltopalvelujen siirto kunnilta hyvinvointialueelle",
            body=_p(
                "Koulu- ja opiskeluterveydenhuolto sekä koulukuraattori- ja "
                "koulupsykologipalvelut siirtyvät kunnilta hyvinvointialueelle 1.1.2023. "
                "Siirtyviä työntekijöitä on noin 140.",
                "Palvelut kootaan yhdeksi tulosyksiköksi, jonka päällikön rekrytointi "
                "käynnistetään. Kuntien kanssa sovitaan tiloista, joissa palveluja annetaan "
                "jatkossakin kouluilla ja oppilaitoksissa.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy opiskeluhuoltopalvelujen siirron periaatteet ja "
                "kehottaa henkilöstöjohtajaa käynnistämään tulosyksikön päällikön rekrytoinnin."
            ),
            case="opiskeluhuolto",
            preparer="sosiaalijohtaja",
        ),
    )
    add(
        AH,
        "2022-08-29",
        Spec(
            "Palvelustrategian luonnos lausunnoille",
            body=_p(
                "Hyvinvointialuestrategiaa täydennetään sosiaali- ja terveydenhuollon "
                "palvelustrategialla. Se linjaa, miten palvelut järjestetään: mitkä palvelut "
                "tuotetaan itse, missä palveluja on saatavilla ja miten digitaalisia palveluja "
                "hyödynnetään.",
                "Järjestöyhteistyö on noussut valmistelussa vahvasti esiin. Luonnos lähetetään "
                "lausunnoille alueen kunnille, järjestöille, lautakunnille ja "
                "henkilöstölle. Lausuntoaika päättyy 30.9.2022.",
            ),
            proposal=_p(
                "Aluehallitus lähettää palvelustrategian luonnoksen lausunnoille liitteen "
                "mukaisesti."
            ),
            case="palvelustrategia",
            appeal=NO_APPEAL,
            preparer="strategiajohtaja",
        ),
    )
    add(
        AOL,
        "2022-09-06",
        Spec(
            "Lausunto palvelustrategian luonnoksesta",
            body=_p(
                "Aluehallitus on pyytänyt lautakunnalta lausuntoa sosiaali- ja "
                "terveydenhuollon palvelustrategian luonnoksesta 30.9.2022 mennessä.",
                "Lautakunta pitää hyvänä, että luonnoksessa painotetaan asiakaskokemusta ja "
                "palvelujen saavutettavuutta. Asiakkaan on tiedettävä, mihin ottaa yhteyttä, ja "
                "palveluohjauksen on toimittava myös niille, jotka eivät käytä digitaalisia "
                "palveluja.",
            ),
            proposal=_p(
                "Lautakunta antaa aluehallitukselle lausunnon palvelustrategian luonnoksesta "
                "esittelytekstin mukaisena."
            ),
            case="palvelustrategia",
            appeal=NO_APPEAL,
            preparer="osallisuusjohtaja",
        ),
    )
    add(
        HYTE,
        "2022-09-07",
        Spec(
            "Lausunto palvelustrategian luonnoksesta",
            body=_p(
                "Aluehallitus on pyytänyt lautakunnalta lausuntoa sosiaali- ja "
                "terveydenhuollon palvelustrategian luonnoksesta 30.9.2022 mennessä.",
                "Lautakunta korostaa, että palvelustrategian on siirrettävä painopistettä "
                "korjaavista palveluista ennaltaehkäisyyn ja varhaiseen tukeen. Kuntien kanssa "
                "tehtävä hyte-työ ja järjestöjen toiminta on otettava huomioon palveluja "
                "suunniteltaessa.",
            ),
            proposal=_p(
                "Lautakunta antaa aluehallitukselle lausunnon palvelustrategian luonnoksesta "
                "esittelytekstin mukaisena."
            ),
            case="palvelustrategia",
            appeal=NO_APPEAL,
            preparer="hytejohtaja",
        ),
    )
    palvelutaso_body = _p(
        "Hyvinvointialue tekee päätöksen pelastustoimen palvelutasosta. Palvelutasopäätöksessä "
        "kuvataan alueen riskit, pelastustoimen palvelujen taso, voimavarat ja "
        "kehittämistarpeet.",
        "Ensitoimenpiteen tavoittamisaika säilyy riskiluokittain nykyisellä tasolla. "
        "Sopimuspalokuntien asema osana valmiutta turvataan, ja onnettomuuksien ehkäisyä "
        "kohdennetaan erityisesti ikääntyneiden kotona asumisen turvallisuuteen.",
    )
    add(
        TUVA,
        "2022-09-13",
        Spec(
            "Pelastustoimen palvelutasopäätös 2023–2026",
            body=palvelutaso_body,
            proposal=_p(
                "Lautakunta esittää aluehallitukselle, että aluevaltuusto hyväksyy "
                "pelastustoimen palvelutasopäätöksen vuosille 2023–2026 liitteen mukaisena."
            ),
            case="palvelutaso",
            appeal=NO_APPEAL,
            preparer="pelastusjohtaja",
        ),
    )
    add(
        AH,
        "2022-09-19",
        Spec(
            "Hallintosäännön muuttaminen",
            body=_p(
                "Hallintosääntöä täydennetään ennen järjestämisvastuun alkua. Muutokset "
                "koskevat yksilöasioiden jaoston perustamista aluehallituksen alaisuuteen, "
                "viranhaltijoiden ratkaisuvaltaa sekä sähköisiä kokouksia.",
                "Yksilöasioiden jaosto käsittelisi 1.1.2023 alkaen oikaisuvaatimukset, jotka "
                "koskevat viranhaltijoiden tekemiä asiakaspäätöksiä.",
            ),
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "hallintosäännön muutokset liitteen mukaisina 1.1.2023 alkaen."
            ),
            case="hallintosaanto",
            appeal=NO_APPEAL,
            preparer="hallintojohtaja",
        ),
    )
    add(
        TAR,
        "2022-09-08",
        Spec(
            "Tilintarkastusyhteisön valinta vuosille 2022–2025",
            body=_p(
                "Aluevaltuusto valitsee tilintarkastusyhteisön tarkastuslautakunnan esityksestä. "
                "Tilintarkastuspalvelut kilpailutettiin kesällä 2022, ja tarjouksen jätti kolme "
                "JHT-tilintarkastusyhteisöä.",
                "Tarjoukset arvioitiin laadun (60 %) ja hinnan (40 %) perusteella. "
                "Kokonaistaloudellisesti edullisimman tarjouksen teki Tilintarkastus Kuusi Oy.",
            ),
            proposal=_p(
                "Lautakunta esittää aluevaltuustolle, että tilintarkastusyhteisöksi "
                "tilikausille 2022–2025 valitaan Tilintarkastus Kuusi Oy."
            ),
            case="tilintarkastus",
            appeal=NO_APPEAL,
            preparer="tarkastuspaallikko",
        ),
    )
    add(
        AV,
        "2022-09-26",
        Spec(
            "Tilintarkastusyhteisön valinta vuosille 2022–2025",
            body=_p(
                "Tarkastuslautakunta kilpailutti tilintarkastuspalvelut ja esittää "
                "kokouksessaan 8.9.2022 tekemällään päätöksellä, että tilintarkastajaksi "
                "valitaan kokonaistaloudellisesti edullisimman tarjouksen tehnyt yhteisö."
            ),
            proposal=_p(
                "Aluevaltuusto valitsee hyvinvointialueen tilintarkastusyhteisöksi "
                "tilikausille 2022–2025 Tilintarkastus Kuusi Oy:n."
            ),
            case="tilintarkastus",
            presenter="chair",
            preparer="tarkastuspaallikko",
        ),
        Spec(
            "Hallintosäännön muuttaminen",
            body=_p(
                "Aluehallitus käsitteli hallintosäännön muutoksia 19.9.2022. Muutokset "
                "koskevat yksilöasioiden jaoston perustamista, viranhaltijoiden ratkaisuvaltaa "
                "ja sähköisiä kokouksia."
            ),
            proposal=_p(
                "Aluevaltuusto hyväksyy hallintosäännön muutokset liitteen mukaisina 1.1.2023 "
                "alkaen."
            ),
            case="hallintosaanto",
            preparer="hallintojohtaja",
        ),
    )
    add(
        AH,
        "2022-10-03",
        Spec(
            "Pelastustoimen palvelutasopäätös 2023–2026",
            body=_p(
                "Turvallisuuden ja varautumisen lautakunta käsitteli palvelutasopäätöstä "
                "13.9.2022 ja esittää sen hyväksymistä. Luonnoksesta pyydettiin lausunnot alueen "
                "kunnilta ja naapurialueiden pelastuslaitoksilta, eikä lausunnoissa esitetty "
                "olennaisia muutoksia."
            )
            + palvelutaso_body,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "pelastustoimen palvelutasopäätöksen vuosille 2023–2026."
            ),
            case="palvelutaso",
            appeal=NO_APPEAL,
            preparer="pelastusjohtaja",
        ),
    )
    rules_body = _p(
        "Hyvinvointialueella on oltava vanhusneuvosto, vammaisneuvosto ja nuorisovaltuusto. "
        "Niiden kautta ikääntyneet, vammaiset henkilöt ja nuoret voivat vaikuttaa palvelujen "
        "suunnitteluun ja seurantaan.",
        "Toimintasäännöissä määrätään neuvostojen tehtävistä, kokoonpanosta, jäsenten "
        "valinnasta ja toimintatavoista.",
    )
    add(
        AH,
        "2022-10-17",
        Spec(
            "Vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston toimintasäännöt",
            body=rules_body
            + _p(
                "Luonnoksen mukaan kunkin kunnan vastaava toimielin nimeää neuvostoon yhden "
                "edustajan. Nuorisovaltuustossa Lahden edustajia olisi viisi."
            ),
            proposal=_p(
                "Aluehallitus hyväksyy vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston "
                "toimintasäännöt liitteiden mukaisina 1.1.2023 alkaen."
            ),
            outcome=Outcome.RETURNED,
            decision=_p("Aluehallitus palautti asian valmisteluun."),
            notes=_p(
                "Jäsen Kalle Wikström ehdotti, että asia palautetaan valmisteluun, jotta "
                "nuorisovaltuuston jäsenten valintatapa valmistellaan yhdessä alueen kuntien "
                "nuorisovaltuustojen kanssa. Jäsen Iida Karvonen kannatti ehdotusta. Esittelijä "
                "yhtyi palautusehdotukseen, ja aluehallitus palautti asian yksimielisesti "
                "valmisteluun."
            ),
            case="toimintasaannot",
            appeal=NO_APPEAL,
            preparer="osallisuusjohtaja",
        ),
    )
    henkilosto_body = _p(
        "Strategian tavoitteena on, että Päijät-Hämeen hyvinvointialue on alan paras julkinen "
        "työpaikka Suomessa. Henkilöstöohjelma kertoo, miten tavoitteeseen päästään.",
        "Ohjelmassa on neljä painopistettä: riittävä ja osaava henkilöstö, hyvä johtaminen, "
        "työhyvinvointi sekä työn tekeminen normaalina työnä. Viimeksi mainittu tarkoittaa "
        "vuokratyövoiman ja erilliskorvausten vähentämistä ja vakituisten tehtävien "
        "täyttämistä.",
    )
    add(
        AH,
        "2022-10-31",
        Spec(
            "Sosiaali- ja terveydenhuollon palvelustrategia",
            body=_p(
                "Palvelustrategian luonnos oli lausunnoilla 29.8.–30.9.2022. Lausuntoja saatiin "
                "41: kaikilta alueen kunnilta, lautakunnilta, järjestöiltä ja henkilöstöltä.",
                "Lausuntojen perusteella strategiaan lisättiin linjaus järjestöjen roolista "
                "palvelujen täydentäjinä, ja lähipalvelujen ja digitaalisten palvelujen "
                "työnjakoa tarkennettiin. Keskeiset linjaukset ovat: painopiste siirtyy "
                "korjaavista palveluista varhaiseen tukeen, jokaisessa kunnassa on "
                "lähipalveluja ja palveluohjaus on yhtenäinen koko alueella.",
            ),
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy sosiaali- "
                "ja terveydenhuollon palvelustrategian liitteen mukaisena."
            ),
            case="palvelustrategia",
            appeal=NO_APPEAL,
            preparer="strategiajohtaja",
        ),
        Spec(
            "Henkilöstöohjelma 2023–2025",
            body=henkilosto_body
            + _p(
                "Henkilöstöjärjestöt ovat antaneet ohjelmasta lausuntonsa "
                "yhteistoimintaneuvottelussa 26.10.2022."
            ),
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "henkilöstöohjelman 2023–2025 liitteen mukaisena."
            ),
            outcome=Outcome.TABLED,
            decision=_p("Asia jätettiin pöydälle."),
            notes=_p(
                "Jäsen Timo Kärkkäinen ehdotti, että asia jätetään pöydälle seuraavaan "
                "kokoukseen, jotta henkilöstöjärjestöjen lausunnot ehditään käydä läpi. Jäsen "
                "Pirjo Lindqvist kannatti ehdotusta. Aluehallitus päätti yksimielisesti jättää "
                "asian pöydälle."
            ),
            case="henkilostoohjelma",
            appeal=NO_APPEAL,
            preparer="henkilostojohtaja",
        ),
    )
    add(
        AH,
        "2022-11-14",
        Spec(
            "Henkilöstöohjelma 2023–2025",
            body=_p(
                "Asia jätettiin pöydälle aluehallituksen kokouksessa 31.10.2022. "
                "Henkilöstöjärjestöjen lausunnot on käyty läpi, ja ohjelmaan on lisätty "
                "mittari vakituisten tehtävien täyttöasteesta."
            )
            + henkilosto_body,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "henkilöstöohjelman 2023–2025 liitteen mukaisena."
            ),
            case="henkilostoohjelma",
            appeal=NO_APPEAL,
            preparer="henkilostojohtaja",
        ),
        Spec(
            "Vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston toimintasäännöt",
            body=_p(
                "Aluehallitus palautti asian valmisteluun 17.10.2022, jotta nuorisovaltuuston "
                "jäsenten valintatapa valmistellaan yhdessä kuntien nuorisovaltuustojen kanssa. "
                "Nuorisovaltuustojen kanssa pidettiin yhteinen työpaja 2.11.2022."
            )
            + rules_body
            + _p(
                "Uuden luonnoksen mukaan nuorisovaltuustossa on 15 jäsentä: Lahden "
                "nuorisovaltuusto nimeää kuusi ja muiden kuntien nuorisovaltuustot yhden jäsenen. "
                "Jäsenen on oltava valittaessa 13–21-vuotias. Vanhus- ja vammaisneuvostoon "
                "kunkin kunnan vastaava neuvosto nimeää yhden edustajan ja aluevaltuusto yhden."
            ),
            proposal=_p(
                "Aluehallitus hyväksyy vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston "
                "toimintasäännöt liitteiden mukaisina 1.1.2023 alkaen."
            ),
            case="toimintasaannot",
            preparer="osallisuusjohtaja",
        ),
    )
    add(
        AV,
        "2022-11-14",
        Spec(
            "Sosiaali- ja terveydenhuollon palvelustrategia",
            body=_p(
                "Palvelustrategia täydentää hyvinvointialuestrategiaa. Sen luonnos oli "
                "lausunnoilla syyskuussa, ja aluehallitus esitti strategian hyväksymistä "
                "31.10.2022.",
                "Keskeiset linjaukset ovat: painopiste siirtyy korjaavista palveluista "
                "varhaiseen tukeen, jokaisessa kunnassa on lähipalveluja, palveluohjaus on "
                "yhtenäinen koko alueella ja järjestöt täydentävät palveluja.",
            ),
            proposal=_p(
                "Aluevaltuusto hyväksyy sosiaali- ja terveydenhuollon palvelustrategian "
                "liitteen mukaisena."
            ),
            case="palvelustrategia",
            preparer="strategiajohtaja",
            lapsed=(
                "@PS",
                "Palvelustrategia palautetaan valmisteluun, jotta sen vaikutukset lähipalveluihin "
                "selvitetään kunnittain.",
            ),
        ),
        Spec(
            "Pelastustoimen palvelutasopäätös 2023–2026",
            body=_p(
                "Aluehallitus esitti 3.10.2022 turvallisuuden ja varautumisen lautakunnan "
                "valmisteleman palvelutasopäätöksen hyväksymistä."
            )
            + palvelutaso_body,
            proposal=_p(
                "Aluevaltuusto hyväksyy pelastustoimen palvelutasopäätöksen vuosille 2023–2026."
            ),
            case="palvelutaso",
            preparer="pelastusjohtaja",
        ),
    )
    budget_2023 = _p(
        "Hyvinvointialue aloittaa palvelujen järjestämisen 1.1.2023, joten talousarvio on sen "
        "ensimmäisen varsinaisen toimintavuoden talousarvio. Rahoitus tulee pääosin valtiolta.",
        "Talousarvio on laadittu 20.6.2022 hyväksytyn suunnittelukehyksen mukaisesti. Inflaatio "
        "ja palkkaratkaisut nostavat kustannuksia selvästi enemmän kuin rahoitus kasvaa, joten "
        "talousarvio on alijäämäinen. Alijäämä on katettava taloussuunnitelmakauden aikana.",
        "Talousarvioon sisältyy järjestökoordinaattorin tehtävä järjestöyhteistyön koordinointiin.",
    )
    add(
        AH,
        "2022-11-28",
        Spec(
            "Talousarvio 2023 ja taloussuunnitelma 2023–2025",
            body=budget_2023,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "talousarvion 2023 ja taloussuunnitelman 2023–2025 liitteen mukaisina."
            ),
            case="budjetti-2023",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Lastensuojelun sijaishuollon puitejärjestely 2023–2026",
            body=_p(
                "Hyvinvointialue kilpailutti lastensuojelun ammatillisen perhehoidon ja "
                "laitoshoidon palvelut vuosille 2023–2026. Tarjouksia saatiin 14 "
                "palveluntuottajalta.",
                "Tarjoukset arvioitiin laadun ja hinnan perusteella. Laadun painoarvo oli "
                "60 prosenttia; arvioinnissa painoivat henkilöstön pätevyys, hoitosuhteiden "
                "pysyvyys ja yhteistyö lapsen läheisten kanssa.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy puitejärjestelyyn tarjousvertailun mukaisesti yhdeksän "
                "palveluntuottajaa ja oikeuttaa hankintajohtajan allekirjoittamaan "
                "puitesopimukset."
            ),
            notes=_p(
                "Jäsen Sanna-Mari Leppänen ilmoitti olevansa esteellinen, koska hän on "
                "palvelussuhteessa yhteen tarjoajista. Hän poistui kokouksesta asian käsittelyn "
                "ajaksi."
            ),
            case="sijaishuolto",
            preparer="hankintajohtaja",
            disqualified=(("leppanen", DisqualificationGround.EMPLOYMENT),),
        ),
    )
    add(
        AH,
        "2022-12-12",
        Spec(
            "Yksilöasioiden jaoston jäsenten valinta",
            body=_p(
                "Aluevaltuusto perusti hallintosäännön muutoksella 26.9.2022 aluehallituksen "
                "alaisen yksilöasioiden jaoston. Jaosto käsittelee 1.1.2023 alkaen "
                "yksittäisten asiakkaiden oikaisuvaatimukset ja muut yksilöasiat. Jaostossa on "
                "viisi jäsentä ja kullakin henkilökohtainen varajäsen."
            ),
            proposal=_p(
                "Aluehallitus valitsee yksilöasioiden jaoston jäsenet, varajäsenet, "
                "puheenjohtajan ja varapuheenjohtajan toimikauden loppuun."
            ),
            decision=_division_elected,
            case="valinnat-2022",
            preparer="hallintojohtaja",
        ),
        Spec(
            "Sosiaali- ja terveydenhuollon asiakasmaksut 1.1.2023 alkaen",
            body=_p(
                "Asiakasmaksulaki määrää useimpien maksujen enimmäismäärät. Hyvinvointialue "
                "päättää maksujen tasosta enimmäismäärien rajoissa sekä maksuista, joista laki "
                "ei säädä.",
                "Maksut yhtenäistetään koko alueella. Terveyskeskuksen avosairaanhoidon "
                "käyntimaksu on 20,90 euroa, ja se peritään enintään kolmelta käynniltä "
                "kalenterivuodessa. Alle 18-vuotiailta ei peritä käyntimaksuja.",
            ),
            proposal=_p(
                "Aluehallitus vahvistaa sosiaali- ja terveydenhuollon asiakasmaksut liitteen "
                "mukaisina 1.1.2023 alkaen."
            ),
            case="asiakasmaksut-2023",
            preparer="talousjohtaja",
        ),
        Spec(
            "Aluehallituksen kokousaikataulu kevät 2023",
            body=_p(
                "Aluehallitus kokoontuu keväällä 2023 maanantaisin kello 15. Tilinpäätös 2022 "
                "käsitellään huhtikuun alussa."
            ),
            proposal=_p(
                "Aluehallitus päättää kokoontua keväällä 2023 seuraavasti: 16.1., 6.2., 27.2., "
                "20.3., 3.4., 24.4., 15.5., 5.6. ja 19.6."
            ),
            task_class="00.01.01",
            case="auto",
            preparer="hallintopaallikko",
        ),
    )
    add(
        AV,
        "2022-12-12",
        Spec(
            "Henkilöstöohjelma 2023–2025",
            body=_p(
                "Aluehallitus jätti ohjelman pöydälle 31.10.2022 ja esitti sen hyväksymistä "
                "14.11.2022 sen jälkeen, kun henkilöstöjärjestöjen lausunnot oli käyty läpi."
            )
            + henkilosto_body,
            proposal=_p("Aluevaltuusto hyväksyy henkilöstöohjelman 2023–2025 liitteen mukaisena."),
            case="henkilostoohjelma",
            preparer="henkilostojohtaja",
        ),
        Spec(
            "Talousarvio 2023 ja taloussuunnitelma 2023–2025",
            body=budget_2023,
            proposal=_p(
                "Aluevaltuusto hyväksyy talousarvion 2023 ja taloussuunnitelman 2023–2025 "
                "liitteen mukaisina."
            ),
            notes=_p(
                "Valtuustoryhmät pitivät ryhmäpuheenvuorot. Aluevaltuusto hyväksyi talousarvion "
                "yksimielisesti."
            ),
            case="budjetti-2023",
            preparer="talousjohtaja",
            attachments=(
                (
                    "Talousarvio 2023 ja taloussuunnitelma 2023–2025",
                    "Talousarvio 2023. Toimintatuotot ja valtion rahoitus, toimintakulut "
                    "toimialoittain, investoinnit ja rahoituslaskelma.",
                ),
            ),
        ),
        Spec(
            "Aluevaltuuston kokousaikataulu 2023",
            body=_p("Aluevaltuusto kokoontuu vuonna 2023 maanantaisin kello 17."),
            proposal=_p(
                "Aluevaltuusto päättää kokoontua vuonna 2023 seuraavasti: 13.2., 17.4., 12.6., "
                "25.9., 13.11. ja 11.12."
            ),
            case="av-kokoukset-2023",
            presenter="chair",
            preparer="hallintojohtaja",
        ),
    )

    # -- Committees' own matters ---------------------------------------------------------
    add(
        TAR,
        "2022-06-09",
        Spec(
            "Arviointisuunnitelma toimikaudelle 2022–2025",
            body=_p(
                "Tarkastuslautakunta arvioi, ovatko aluevaltuuston asettamat toiminnalliset ja "
                "taloudelliset tavoitteet toteutuneet. Arviointisuunnitelma kertoo, mitä "
                "lautakunta arvioi toimikauden aikana ja miten.",
                "Arviointiteemoiksi ehdotetaan palvelujen saatavuutta ja saavutettavuutta, "
                "henkilöstön saatavuutta, talouden tasapainoa sekä yhteistyötä kuntien kanssa. "
                "Lautakunta kuulee johtavia viranhaltijoita ja tutustuu toimipisteisiin.",
            ),
            proposal=_p("Lautakunta hyväksyy arviointisuunnitelman toimikaudelle 2022–2025."),
            case="arviointisuunnitelma",
            appeal=NO_APPEAL,
            preparer="tarkastuspaallikko",
        ),
    )
    add(
        TAR,
        "2022-10-13",
        Spec(
            "Sidonnaisuusilmoitusten valvonta",
            body=_p(
                "Aluehallituksen ja lautakuntien jäsenten, hyvinvointialuejohtajan ja "
                "esittelijöiden on ilmoitettava sidonnaisuutensa: johtotehtävät ja "
                "luottamustoimet yrityksissä ja muissa yhteisöissä, merkittävä varallisuus ja "
                "muut sidonnaisuudet, joilla voi olla merkitystä tehtävän hoitamisessa.",
                "Ilmoitukset julkaistaan hyvinvointialueen verkkosivuilla henkilöiden tiedoissa. "
                "Ilmoitusvelvollisista 118 on tehnyt ilmoituksen, ja neljältä se puuttuu. "
                "Heille lähetetään muistutus.",
            ),
            proposal=_p(
                "Lautakunta merkitsee sidonnaisuusilmoitusten tilanteen tiedoksi ja saattaa "
                "ilmoitukset aluevaltuuston tietoon."
            ),
            case="sidonnaisuudet",
            appeal=NO_APPEAL,
            preparer="tarkastuspaallikko",
        ),
    )
    add(
        TAR,
        "2023-05-25",
        Spec(
            "Arviointikertomus vuodelta 2022",
            body=_p(
                "Vuosi 2022 oli hyvinvointialueen valmisteluvuosi. Lautakunta arvioi, miten "
                "valmistelu eteni ja miten järjestämisvastuun siirto 1.1.2023 onnistui.",
                "Lautakunta toteaa, että palvelujen siirto onnistui ilman katkoja. Se kiinnittää "
                "huomiota henkilöstön saatavuuteen, vuokratyövoiman kasvaneisiin kustannuksiin ja "
                "tietojärjestelmämuutosten aikatauluun. Lautakunta suosittaa, että talouden "
                "tasapainottamisen vaikutuksia asiakkaisiin seurataan.",
            ),
            proposal=_p(
                "Lautakunta hyväksyy arviointikertomuksen vuodelta 2022 ja saattaa sen "
                "aluevaltuuston käsiteltäväksi."
            ),
            case="arviointikertomus-2022",
            appeal=NO_APPEAL,
            preparer="tarkastuspaallikko",
        ),
    )
    add(
        TAR,
        "2023-10-05",
        Spec(
            "Sidonnaisuusilmoitusten valvonta 2023",
            body=_p(
                "Lautakunta on käynyt läpi sidonnaisuusilmoitusten ajantasaisuuden. Muutokset "
                "on ilmoitettava viipymättä. Vuoden aikana 17 ilmoitusta on päivitetty, ja "
                "kaikki ilmoitusvelvolliset ovat tehneet ilmoituksen."
            ),
            proposal=_p(
                "Lautakunta merkitsee sidonnaisuusilmoitusten tilanteen tiedoksi ja saattaa "
                "ilmoitukset aluevaltuuston tietoon."
            ),
            case="sidonnaisuudet",
            appeal=NO_APPEAL,
            preparer="tarkastuspaallikko",
        ),
    )
    add(
        TUVA,
        "2022-10-18",
        Spec(
            "Sopimuspalokuntasopimukset 2023–2025",
            body=_p(
                "Alueella toimii 27 sopimuspalokuntaa, jotka vastaavat merkittävästä osasta "
                "pelastustoimen valmiutta etenkin harvaan asutuilla alueilla. Sopimukset "
                "siirtyvät hyvinvointialueelle, ja ne yhtenäistetään.",
                "Uusissa sopimuksissa korvaukset maksetaan samoin perustein kaikille "
                "sopimuspalokunnille. Harjoituskorvauksia korotetaan, jotta uusien jäsenten "
                "koulutus turvataan.",
            ),
            proposal=_p(
                "Lautakunta hyväksyy sopimuspalokuntasopimusten mallin ja korvausperusteet "
                "vuosille 2023–2025 ja oikeuttaa pelastusjohtajan allekirjoittamaan sopimukset."
            ),
            notes=_p(
                "Lautakunnan varapuheenjohtaja ilmoitti olevansa esteellinen, koska hän on "
                "yhden sopimuspalokuntana toimivan yhdistyksen hallituksen jäsen. Hän poistui "
                "kokouksesta asian käsittelyn ajaksi."
            ),
            case="sopimuspalokunnat",
            preparer="pelastusjohtaja",
            disqualified=(("#1", DisqualificationGround.BOARD_MEMBER),),
        ),
    )
    add(
        TUVA,
        "2023-05-16",
        Spec(
            "Oikaisuvaatimus palotarkastusmaksusta",
            body=_p(
                "<span data-personal>Kalevi Nurminen</span> on vaatinut oikaisua "
                "palotarkastusmaksuun, joka on peritty hänen omistamansa vapaa-ajan asunnon "
                "määräaikaisesta palotarkastuksesta. Hän katsoo, ettei tarkastus ollut tarpeen, "
                "koska rakennus on ollut käyttämättä.",
                "Pelastuslain mukaan pelastusviranomainen voi periä maksun valvontasuunnitelman "
                "mukaisesta palotarkastuksesta. Tarkastus on tehty suunnitelman mukaisesti, ja "
                "maksu on peritty vahvistetun taksan mukaan.",
            ),
            proposal=_p("Lautakunta hylkää oikaisuvaatimuksen."),
            task_class="11.02.01",
            case="auto",
            preparer="pelastusjohtaja",
        ),
    )
    add(
        TUVA,
        "2023-09-12",
        Spec(
            "Oikaisuvaatimus jälkivalvontamaksusta",
            body=_p(
                "Asunto Oy Kuusikko ja sen isännöitsijä <span data-personal>Leena Rantala"
                "</span> ovat vaatineet oikaisua jälkivalvontamaksuun. Palotarkastuksessa "
                "todettu puute, porraskäytävän lukittu savunpoistoluukku, on korjattu ennen "
                "jälkitarkastusta.",
                "Koska puute oli korjattu ja korjauksesta oli ilmoitettu pelastuslaitokselle "
                "määräajassa, jälkitarkastusta ei olisi tarvinnut tehdä paikan päällä.",
            ),
            proposal=_p("Lautakunta hyväksyy oikaisuvaatimuksen ja poistaa maksun."),
            task_class="11.02.01",
            case="auto",
            preparer="pelastusjohtaja",
        ),
    )
    add(
        AOL,
        "2023-03-14",
        Spec(
            "Osallisuusohjelma 2023–2025",
            body=_p(
                "Osallisuusohjelma on yksi strategiaa täydentävistä ohjelmista. Se kertoo, "
                "miten asukkaat, asiakkaat ja järjestöt voivat osallistua palvelujen "
                "suunnitteluun, kehittämiseen ja arviointiin.",
                "Ohjelman toimenpiteitä ovat asiakasraadit, kokemusasiantuntijoiden käyttö, "
                "vaikuttamistoimielinten kuuleminen ennen päätöksiä ja selkeä palaute siitä, "
                "miten osallistuminen vaikutti.",
            ),
            proposal=_p(
                "Lautakunta esittää aluehallitukselle, että aluevaltuusto hyväksyy "
                "osallisuusohjelman 2023–2025."
            ),
            case="osallisuusohjelma",
            appeal=NO_APPEAL,
            preparer="osallisuusjohtaja",
        ),
    )
    wellbeing = _p(
        "Hyvinvointialueen on laadittava kerran valtuustokaudessa alueellinen "
        "hyvinvointikertomus ja -suunnitelma. Kertomus kuvaa väestön hyvinvoinnin ja terveyden "
        "tilaa, suunnitelma toimenpiteitä, joilla hyvinvointia edistetään yhdessä kuntien ja "
        "järjestöjen kanssa.",
        "Päijät-Hämeessä haasteita ovat ikääntyneiden määrän kasvu, nuorten mielenterveyden "
        "ongelmat, yksinäisyys ja liikkumattomuus. Painopisteiksi ehdotetaan mielen "
        "hyvinvointia, ikääntyneiden toimintakykyä ja lapsiperheiden varhaista tukea.",
    )
    add(
        HYTE,
        "2023-03-15",
        Spec(
            "Alueellinen hyvinvointikertomus ja -suunnitelma 2023–2025",
            body=wellbeing,
            proposal=_p(
                "Lautakunta esittää aluehallitukselle, että aluevaltuusto hyväksyy alueellisen "
                "hyvinvointikertomuksen ja -suunnitelman vuosille 2023–2025."
            ),
            case="hyvinvointikertomus",
            appeal=NO_APPEAL,
            preparer="hytejohtaja",
        ),
    )

    # -- 2023: the first year of services, the deficit, the cooperation agreement --------
    add(
        AH,
        "2023-01-16",
        Spec(
            "Vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston jäsenten nimeäminen",
            body=_p(
                "Aluehallitus hyväksyi vaikuttamistoimielinten toimintasäännöt 14.11.2022. "
                "Kuntien vanhusneuvostot, vammaisneuvostot ja nuorisovaltuustot ovat nimenneet "
                "edustajansa joulukuussa, ja aluevaltuuston edustajista on sovittu "
                "valtuustoryhmien kesken."
            ),
            proposal=_p(
                "Aluehallitus nimeää vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston "
                "jäsenet kuntien esitysten mukaisesti toimikaudeksi 1.2.2023–31.5.2025."
            ),
            decision=_advisory_named,
            case="neuvostojen-jasenet",
            preparer="osallisuusjohtaja",
        ),
    )
    add(
        AH,
        "2023-02-06",
        Spec(
            "Järjestöjen yleisavustukset 2023",
            body=_p(
                "Hyvinvointialue tukee järjestöjen toimintaa, joka edistää asukkaiden "
                "hyvinvointia ja terveyttä. Vuoden 2023 yleisavustuksia haki 63 järjestöä "
                "yhteensä 1,1 miljoonaa euroa. Talousarviossa avustuksiin on varattu 600 000 "
                "euroa.",
                "Hakemukset on arvioitu järjestöneuvottelukunnan kanssa sovittujen periaatteiden "
                "mukaan: toiminnan on oltava avointa alueen asukkaille, ja sen on tuettava "
                "hyvinvointialueen palveluja, esimerkiksi vertaistukena, omaishoitajien "
                "jaksamisen tukena tai nuorten mielenterveyden tukena.",
            ),
            proposal=_p(
                "Aluehallitus myöntää vuoden 2023 yleisavustukset liitteen mukaisesti yhteensä "
                "598 500 euroa."
            ),
            notes=_p(
                "Jäsen Eeva Heikura ilmoitti olevansa esteellinen, koska hän on avustusta "
                "hakeneen Päijänteen Omaishoitajat ry:n hallituksen puheenjohtaja. Hän poistui "
                "kokouksesta asian käsittelyn ajaksi."
            ),
            case="jarjestoavustukset-2023",
            preparer="jarjestokoordinaattori",
            disqualified=(("heikura", DisqualificationGround.BOARD_MEMBER),),
        ),
    )
    add(
        AH,
        "2023-03-20",
        Spec(
            "Yhteistyöpöytäkirjan luonnos kuntien ja Päijät-Hämeen liiton kommentoitavaksi",
            body=_p(
                "Hyvinvointialue, alueen kunnat ja Päijät-Hämeen liitto ovat valmistelleet "
                "yhteistyöpöytäkirjan, jossa sovitaan yhteistyön tavoitteista, pelisäännöistä "
                "ja periaatteista. Tavoitteena on selkeyttää työnjakoa ja edistää yhdessä "
                "asukkaiden hyvinvointia, terveyttä ja turvallisuutta.",
                "Luonnos lähetetään kuntien ja Päijät-Hämeen liiton kommentoitavaksi. Kommentit "
                "pyydetään 21.4.2023 mennessä.",
            ),
            proposal=_p(
                "Aluehallitus merkitsee yhteistyöpöytäkirjan luonnoksen tiedoksi ja lähettää "
                "sen kuntien ja Päijät-Hämeen liiton kommentoitavaksi."
            ),
            case="yhteistyo",
            appeal=NO_APPEAL,
            preparer="hallintojohtaja",
        ),
    )
    add(
        AH,
        "2023-04-03",
        Spec(
            "Tilinpäätös ja toimintakertomus 2022",
            body=_p(
                "Vuosi 2022 oli hyvinvointialueen valmisteluvuosi. Valtio rahoitti valmistelun, "
                "ja menot kohdistuivat hallinnon rakentamiseen, tietojärjestelmiin ja "
                "henkilöstön siirron valmisteluun.",
                "Tilikauden tulos on 0,3 miljoonaa euroa ylijäämäinen. Aluehallitus allekirjoittaa "
                "tilinpäätöksen ja antaa sen tilintarkastajan tarkastettavaksi.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy ja allekirjoittaa tilinpäätöksen vuodelta 2022 ja "
                "esittää aluevaltuustolle, että tilikauden ylijäämä siirretään taseen "
                "yli- ja alijäämätilille."
            ),
            case="tilinpaatos-2022",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Osallisuusohjelma 2023–2025",
            body=_p(
                "Asiakas- ja osallisuuslautakunta esitti ohjelman hyväksymistä 14.3.2023. "
                "Ohjelma kertoo, miten asukkaat, asiakkaat ja järjestöt voivat osallistua "
                "palvelujen suunnitteluun, kehittämiseen ja arviointiin."
            ),
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "osallisuusohjelman 2023–2025 liitteen mukaisena."
            ),
            case="osallisuusohjelma",
            appeal=NO_APPEAL,
            preparer="osallisuusjohtaja",
        ),
    )
    add(
        AH,
        "2023-04-24",
        Spec(
            "Alueellinen hyvinvointikertomus ja -suunnitelma 2023–2025",
            body=_p(
                "Hyvinvoinnin ja terveyden edistämisen lautakunta esitti kertomuksen ja "
                "suunnitelman hyväksymistä 15.3.2023."
            )
            + wellbeing,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy alueellisen "
                "hyvinvointikertomuksen ja -suunnitelman vuosille 2023–2025."
            ),
            case="hyvinvointikertomus",
            appeal=NO_APPEAL,
            preparer="hytejohtaja",
        ),
    )
    add(
        AV,
        "2023-04-17",
        Spec(
            "Osallisuusohjelma 2023–2025",
            body=_p(
                "Asiakas- ja osallisuuslautakunta valmisteli ohjelman, ja aluehallitus esitti "
                "sen hyväksymistä 3.4.2023. Ohjelman toimenpiteitä ovat asiakasraadit, "
                "kokemusasiantuntijoiden käyttö ja vaikuttamistoimielinten kuuleminen ennen "
                "päätöksiä."
            ),
            proposal=_p("Aluevaltuusto hyväksyy osallisuusohjelman 2023–2025 liitteen mukaisena."),
            case="osallisuusohjelma",
            preparer="osallisuusjohtaja",
        ),
    )
    cooperation = _p(
        "Yhteistyön pohjana ovat voimassa oleva lainsäädäntö sekä hyvinvointialueen, kuntien "
        "ja maakunnan strategiat. Strateginen kumppanuus rakentuu luottamukseen ja "
        "sitoutumiseen yhdessä tekemiseen. Tavoitteena on turvata asukkaille hyvä arki, "
        "edistää hyvinvointia, terveyttä ja turvallisuutta ja varmistaa valmiuden ja "
        "varautumisen toimivuus.",
        "Pelisäännöiksi on kirjattu tasavertaisuus, maakunnan edun ajaminen, tiedon "
        "jakaminen, kuntien itsehallinnon ja hyvinvointialueen toimivallan kunnioittaminen, "
        "yhdessä toimiminen, ristiriitojen ratkaiseminen ja yhteisen tilannekuvan "
        "ylläpitäminen.",
        "Yhteistyötä tehdään neljällä toisiaan täydentävällä tasolla:",
    ) + _ul(
        "strategisen tason foorumi: valtuustojen, hallitusten ja virkamiesjohdon yhteinen "
        "foorumi, joka kokoontuu kerran valtuustokaudessa",
        "puheenjohtajafoorumi: seuraa vuosittain, että valtuustokauden linjaukset ja "
        "tavoitteet toteutuvat",
        "taktisen tason foorumit: kuntajohtajakokous, yhdyspintaneuvottelukunta ja "
        "järjestöneuvottelukunta",
        "operatiivisen tason foorumit: esimerkiksi turvallisuus- ja valmiustoimikunta "
        "PHTURVA ja alueellinen yhteistyöryhmä",
    )
    add(
        AH,
        "2023-05-15",
        Spec(
            "Yhteistyöpöytäkirja hyvinvointialueen, alueen kuntien ja Päijät-Hämeen liiton kesken",
            summary=(
                "Hyvinvointialue, kunnat ja Päijät-Hämeen liitto sopivat yhteistyön "
                "tavoitteista, pelisäännöistä ja neljästä yhteistyön tasosta."
            ),
            body=cooperation
            + _p(
                "Kunnat ja liitto kommentoivat luonnosta huhtikuussa. Kommenttien perusteella "
                "ristiriitatilanteiden käsittelyä täsmennettiin."
            ),
            proposal=_p(
                "Aluehallitus hyväksyy yhteistyöpöytäkirjan liitteen mukaisena ja oikeuttaa "
                "hyvinvointialuejohtajan allekirjoittamaan sen."
            ),
            case="yhteistyo",
            preparer="hallintojohtaja",
            attachments=(
                (
                    "Yhteistyöpöytäkirja",
                    "Yhteistyöpöytäkirja: tavoitteet, pelisäännöt, periaatteet ja yhteistyön "
                    "neljä tasoa.",
                ),
            ),
        ),
    )
    add(
        AV,
        "2023-06-12",
        Spec(
            "Yhteistyöpöytäkirja alueen kuntien ja Päijät-Hämeen liiton kanssa",
            body=_p(
                "Aluehallitus hyväksyi yhteistyöpöytäkirjan 15.5.2023, ja osapuolet "
                "allekirjoittivat sen toukokuussa."
            )
            + cooperation,
            proposal=_p(
                "Aluevaltuusto merkitsee tiedoksi aluehallituksen 15.5.2023 hyväksymän "
                "yhteistyöpöytäkirjan."
            ),
            outcome=Outcome.NOTED,
            case="yhteistyo",
            appeal=NO_APPEAL,
            preparer="hallintojohtaja",
        ),
        Spec(
            "Tilinpäätös ja toimintakertomus 2022",
            body=_p(
                "Aluehallitus hyväksyi tilinpäätöksen 3.4.2023. Tilintarkastaja on tarkastanut "
                "tilinpäätöksen ja puoltaa sen hyväksymistä ja vastuuvapauden myöntämistä.",
                "Tilikauden tulos on 0,3 miljoonaa euroa ylijäämäinen.",
            ),
            proposal=_p(
                "Aluevaltuusto hyväksyy tilinpäätöksen vuodelta 2022, päättää siirtää "
                "ylijäämän taseen yli- ja alijäämätilille ja myöntää vastuuvapauden "
                "tilivelvollisille."
            ),
            case="tilinpaatos-2022",
            preparer="talousjohtaja",
        ),
        Spec(
            "Arviointikertomus vuodelta 2022",
            body=_p(
                "Tarkastuslautakunta hyväksyi arviointikertomuksen 25.5.2023. Lautakunta "
                "kiinnittää huomiota henkilöstön saatavuuteen, vuokratyövoiman kustannuksiin ja "
                "tietojärjestelmämuutosten aikatauluun."
            ),
            proposal=_p(
                "Aluevaltuusto merkitsee arviointikertomuksen tiedoksi ja edellyttää, että "
                "aluehallitus antaa lokakuun loppuun mennessä selvityksen toimenpiteistä, joihin "
                "arviointikertomus antaa aihetta."
            ),
            case="arviointikertomus-2022",
            presenter="chair",
            preparer="tarkastuspaallikko",
        ),
        Spec(
            "Alueellinen hyvinvointikertomus ja -suunnitelma 2023–2025",
            body=wellbeing,
            proposal=_p(
                "Aluevaltuusto hyväksyy alueellisen hyvinvointikertomuksen ja -suunnitelman "
                "vuosille 2023–2025."
            ),
            case="hyvinvointikertomus",
            preparer="hytejohtaja",
        ),
    )
    add(
        AH,
        "2023-06-05",
        Spec(
            "Talousarvion 2024 ja taloussuunnitelman 2024–2026 suunnittelukehys",
            summary="Vuoden 2023 alijäämäksi ennustetaan 30–56 miljoonaa euroa.",
            body=_p(
                "Hyvinvointialueiden rahoituksessa on vielä paljon epävarmuutta. Kansallisesti "
                "hyvinvointialueiden rahoitusvajeeksi on arvioitu noin 1,5 miljardia euroa. "
                "Päijät-Hämeen hyvinvointialueen vuoden 2023 alijäämän ennustetaan olevan "
                "30–56 miljoonaa euroa.",
                "Alijäämän syitä ovat inflaation aiheuttama kustannusten nousu, joka on eräissä "
                "kululajeissa ollut 10–30 prosenttia, henkilöstövaje sekä kallis vuokratyö ja "
                "erillissopimukset.",
                "Suunnittelukehyksen tavoitteena on nollatulos. Keinoja ovat henkilöstöohjelman "
                "toimeenpano, tuotantotapa-analyysi, kiinteistöohjelman päivittäminen ja "
                "tuottavuuden parantaminen toimialojen tasapainottamistoimin.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy talousarvion 2024 ja taloussuunnitelman 2024–2026 "
                "suunnittelukehyksen ja asettaa tavoitteeksi, että tulos on "
                "suunnittelukaudella vähintään nolla."
            ),
            case="budjetti-2024",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AH,
        "2023-06-19",
        Spec(
            "Aluehallituksen kokousaikataulu syksy 2023",
            body=_p(
                "Aluehallitus kokoontuu syksyllä 2023 maanantaisin kello 15. Talouden "
                "tasapainottamisohjelma käsitellään syyskuussa ja talousarvio 2024 marraskuussa."
            ),
            proposal=_p(
                "Aluehallitus päättää kokoontua syksyllä 2023 seuraavasti: 14.8., 11.9., 2.10., "
                "23.10., 6.11., 20.11., 4.12. ja 18.12."
            ),
            task_class="00.01.01",
            case="auto",
            preparer="hallintopaallikko",
        ),
    )
    balancing = (
        _p(
            "Tammi–heinäkuun toteutuman perusteella vuoden 2023 alijäämäksi ennustetaan 54 "
            "miljoonaa euroa. Laki velvoittaa kattamaan alijäämän, ja aluehallitus asetti "
            "kesäkuussa tavoitteeksi nollatuloksen.",
            "Ohjelmassa on neljä toimenpidekokonaisuutta:",
        )
        + _ul(
            "henkilöstöohjelman toimeenpano: vuokratyövoiman vähentäminen, erilliskorvausten "
            "läpikäynti ja ostopalvelujen kotiuttaminen, jotta työ tehdään normaalina työnä",
            "tuotantotapa-analyysi: omaa tuotantoa lisätään siellä, missä se on edullisempaa, "
            "ja muualla kilpailutetaan",
            "kiinteistöohjelman päivittäminen: kunnilta siirtyneiden vuokrasopimusten "
            "tarkistus ja tilatehokkuuden lisääminen",
            "tuottavuuden parantaminen toimialojen tasapainottamistoimin",
        )
        + _p(
            "Hallitusohjelma lisää valtionohjausta ja hillitsee kulukehitystä. Hoitotakuun "
            "kiristäminen ja lähi- ja peruspalvelujen korostaminen on otettu huomioon "
            "toimenpiteissä."
        )
    )
    add(
        AH,
        "2023-09-11",
        Spec(
            "Talouden tasapainottamisohjelma 2023–2026",
            body=balancing,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy talouden "
                "tasapainottamisohjelman vuosille 2023–2026."
            ),
            case="tasapainotus",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AV,
        "2023-09-25",
        Spec(
            "Talouden tasapainottamisohjelma 2023–2026",
            body=_p("Aluehallitus esitti ohjelman hyväksymistä 11.9.2023.") + balancing,
            proposal=_p(
                "Aluevaltuusto hyväksyy talouden tasapainottamisohjelman vuosille 2023–2026 ja "
                "edellyttää, että toimialat valmistelevat toimenpiteiden toimeenpanon "
                "viipymättä."
            ),
            outcome=Outcome.AMENDED,
            decision=_p(
                "Aluevaltuusto hyväksyy talouden tasapainottamisohjelman vuosille 2023–2026 ja "
                "edellyttää, että toimialat valmistelevat toimenpiteiden toimeenpanon "
                "viipymättä. Toimenpiteiden vaikutukset asiakkaisiin, henkilöstöön ja kuntien "
                "palveluihin arvioidaan ennen toimeenpanoa, ja arviot tuodaan aluehallituksen "
                "tietoon."
            ),
            notes=_p(
                "Valtuutettu Ritva Salmela ehdotti, että päätökseen lisätään kirjaus "
                "toimenpiteiden vaikutusten ennakkoarvioinnista. Aluehallituksen puheenjohtaja "
                "Mikael Kosonen ilmoitti aluehallituksen puolesta, että lisäys voidaan hyväksyä. "
                "Kukaan ei vastustanut lisäystä, joten puheenjohtaja totesi aluevaltuuston "
                "hyväksyneen aluehallituksen ehdotuksen lisäyksin."
            ),
            case="tasapainotus",
            preparer="talousjohtaja",
            force_present=("salmela", "kosonen"),
        ),
    )
    add(
        AH,
        "2023-10-02",
        Spec(
            "Henkilöstöohjelman toimeenpano: vuokratyövoiman käytön vähentäminen",
            body=_p(
                "Henkilöstöohjelma 2023–2025 ja talouden tasapainottamisohjelma edellyttävät, "
                "että työ tehdään normaalina työnä. Vuokratyövoimaan käytettiin tammi–elokuussa "
                "2023 noin 19 miljoonaa euroa, mikä on selvästi enemmän kuin talousarviossa "
                "arvioitiin.",
                "Toimeenpanosuunnitelman mukaan vuokratyövoiman käyttö puolitetaan vuoden 2024 "
                "loppuun mennessä. Vakituisia tehtäviä täytetään, sisäistä varahenkilöstöä "
                "vahvistetaan ja erilliskorvausten perusteet käydään läpi yhdessä "
                "henkilöstöjärjestöjen kanssa.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy vuokratyövoiman käytön vähentämisen "
                "toimeenpanosuunnitelman ja kehottaa henkilöstöjohtajaa raportoimaan sen "
                "etenemisestä neljännesvuosittain."
            ),
            case="vuokratyo",
            preparer="henkilostojohtaja",
        ),
    )
    add(
        AH,
        "2023-10-23",
        Spec(
            "Kiinteistöohjelman päivittäminen",
            body=_p(
                "Hyvinvointialue käyttää noin 400 rakennusta, joista suurin osa on kuntien "
                "omistamia. Kunnilta siirtyneet vuokrasopimukset tarkistetaan, ja niiden "
                "vuokratasoa verrataan ylläpidon todellisiin kustannuksiin.",
                "Päivitetyn ohjelman tavoitteena on vähentää tilojen määrää kymmenellä "
                "prosentilla vuoteen 2026 mennessä lisäämällä tilojen yhteiskäyttöä ja "
                "luopumalla vajaakäyttöisistä tiloista.",
            ),
            proposal=_p(
                "Aluehallitus hyväksyy päivitetyn kiinteistöohjelman ja kehottaa "
                "tilapalvelujohtajaa neuvottelemaan vuokrasopimusten tarkistuksista kuntien "
                "kanssa."
            ),
            case="kiinteistot",
            preparer="tilapalvelujohtaja",
        ),
    )
    budget_change = _p(
        "Vuoden 2023 toimintakulut ylittävät talousarvion erityisesti vuokratyövoiman, "
        "ostopalvelujen ja energian kustannusten vuoksi. Lisäksi valtio on tarkistanut "
        "rahoitusta.",
        "Talousarviomuutoksella toimintakulujen määrärahaa korotetaan 38 miljoonalla eurolla "
        "ja rahoitusarviota 9 miljoonalla eurolla. Muutos ei poista tasapainottamistarvetta.",
    )
    add(
        AH,
        "2023-11-06",
        Spec(
            "Talousarvion 2023 muutos",
            body=budget_change,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "talousarvion 2023 muutokset liitteen mukaisina."
            ),
            case="talousarviomuutos-2023",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AV,
        "2023-11-13",
        Spec(
            "Talousarvion 2023 muutos",
            body=budget_change,
            proposal=_p("Aluevaltuusto hyväksyy talousarvion 2023 muutokset liitteen mukaisina."),
            case="talousarviomuutos-2023",
            preparer="talousjohtaja",
        ),
        Spec(
            "Aluevaltuuston kokousaikataulu 2024",
            body=_p("Aluevaltuusto kokoontuu vuonna 2024 maanantaisin kello 17."),
            proposal=_p(
                "Aluevaltuusto päättää kokoontua vuonna 2024 seuraavasti: 12.2., 15.4., 10.6., "
                "23.9., 11.11. ja 9.12."
            ),
            case="av-kokoukset-2024",
            presenter="chair",
            preparer="hallintojohtaja",
        ),
    )
    budget_2024 = _p(
        "Talousarvio 2024 on laadittu 5.6.2023 hyväksytyn suunnittelukehyksen ja "
        "aluevaltuuston 25.9.2023 hyväksymän tasapainottamisohjelman pohjalta. Vuoden 2023 "
        "alijäämäksi ennustetaan 49 miljoonaa euroa.",
        "Vuoden 2024 tulos on talousarviossa 4 miljoonaa euroa alijäämäinen, ja "
        "taloussuunnitelman mukaan tulos on ylijäämäinen vuosina 2025 ja 2026. Kertynyt alijäämä "
        "katetaan lain edellyttämässä määräajassa.",
        "Vanhusneuvosto, vammaisneuvosto ja nuorisovaltuusto ovat antaneet talousarvion "
        "valmistelusta lausuntonsa.",
    )
    add(
        AH,
        "2023-11-20",
        Spec(
            "Talousarvio 2024 ja taloussuunnitelma 2024–2026",
            body=budget_2024,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "talousarvion 2024 ja taloussuunnitelman 2024–2026 liitteen mukaisina."
            ),
            case="budjetti-2024",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AH,
        "2023-12-04",
        Spec(
            "Asiakasmaksujen indeksitarkistus 1.1.2024",
            body=_p(
                "Asiakasmaksulain mukaiset enimmäismaksut ja tulorajat tarkistetaan joka toinen "
                "vuosi työeläkeindeksin muutoksen mukaan. Tarkistus tulee voimaan 1.1.2024.",
                "Maksut korotetaan indeksin mukaisesti. Terveyskeskuksen avosairaanhoidon "
                "käyntimaksu nousee 20,90 eurosta 22,80 euroon. Maksukatto on 692 euroa.",
            ),
            proposal=_p("Aluehallitus vahvistaa asiakasmaksut 1.1.2024 alkaen liitteen mukaisina."),
            task_class="05.01.00",
            case="auto",
            preparer="talousjohtaja",
        ),
    )
    add(
        AV,
        "2023-12-11",
        Spec(
            "Talousarvio 2024 ja taloussuunnitelma 2024–2026",
            summary=(
                "Aluevaltuusto hyväksyi talousarvion äänestyksen jälkeen. Vuoden 2024 tulos on "
                "4 miljoonaa euroa alijäämäinen."
            ),
            body=budget_2024,
            proposal=_p(
                "Aluevaltuusto hyväksyy talousarvion 2024 ja taloussuunnitelman 2024–2026 "
                "liitteen mukaisina."
            ),
            case="budjetti-2024",
            preparer="talousjohtaja",
            vote=VoteSpec(
                counter_by="salmela",
                seconded_by="@SDP",
                text=(
                    "Talousarvioon lisätään 3 miljoonaa euroa kotihoidon henkilöstön "
                    "lisäämiseen, ja lisäys katetaan vähentämällä vuokratyövoiman ostoja "
                    "vastaavalla määrällä."
                ),
                choices={"SDP": BallotChoice.NO, "VAS": BallotChoice.NO, "lampinen": "yes"},
            ),
            dissents=(
                (
                    "salmela",
                    "Kotihoidon henkilöstövaje on suurin syy kalliiseen vuokratyöhön. "
                    "Talousarvio jatkaa kierrettä, jossa säästetään omasta henkilöstöstä ja "
                    "maksetaan enemmän vuokratyöstä.",
                ),
            ),
            attachments=(
                (
                    "Talousarvio 2024 ja taloussuunnitelma 2024–2026",
                    "Talousarvio 2024: toimintatuotot, valtion rahoitus, toimintakulut "
                    "toimialoittain, investoinnit, rahoituslaskelma ja tasapainottamistoimet.",
                ),
            ),
        ),
    )
    for programme in (
        _programme(
            "toimitilaohjelma",
            "Toimitilaohjelma 2023–2030",
            "toimitilaohjelman 2023–2030",
            "tilapalvelujohtaja",
            _p(
                "Toimitilaohjelma linjaa, miten hyvinvointialue käyttää ja kehittää tilojaan. "
                "Kuntien kanssa tehdyt vuokrasopimukset siirtyivät hyvinvointialueelle "
                "1.1.2023, ja niiden ehdot tarkistetaan vaiheittain.",
                "Tavoitteena on terveellinen ja toimiva tilaverkko, joka tukee palvelustrategian "
                "palveluverkkoa. Tilatehokkuutta lisätään yhdistämällä toimintoja ja luopumalla "
                "tiloista, joille ei ole pitkäaikaista tarvetta.",
            ),
            "2023-01-16",
            "2023-02-13",
        ),
        _programme(
            "omavalvontaohjelma",
            "Omavalvontaohjelma 2023–2025",
            "omavalvontaohjelman 2023–2025",
            "johtajaylilaakari",
            _p(
                "Laki velvoittaa hyvinvointialueen laatimaan omavalvontaohjelman. Sen avulla "
                "seurataan palvelujen laatua, turvallisuutta ja asianmukaisuutta sekä omassa "
                "että ostetussa tuotannossa.",
                "Ohjelma kokoaa yksiköiden omavalvontasuunnitelmat, asiakas- ja "
                "potilasturvallisuuden seurannan ja asiakaspalautteen käsittelyn. "
                "Omavalvonnan tulokset julkaistaan neljännesvuosittain.",
            ),
            "2023-03-20",
            "2023-04-17",
        ),
        _programme(
            "digiohjelma",
            "Digi- ja dataohjelma 2023–2025",
            "digi- ja dataohjelman 2023–2025",
            "ict-johtaja",
            _p(
                "ICT-muutoksessa keskityttiin ensin välttämättömimpään: asiakas- ja "
                "potilastietojärjestelmien yhtenäistämiseen, talousjärjestelmän uusimiseen, "
                "yhteisiin sähköpostiosoitteisiin ja yhteiseen intranetiin.",
                "Digi- ja dataohjelma linjaa seuraavat vaiheet: sähköisen asioinnin "
                "laajentamisen, tiedolla johtamisen ja tietoturvan vahvistamisen. Palvelut "
                "suunnitellaan niin, että myös muut kuin digitaalisia kanavia käyttävät saavat "
                "palvelun.",
            ),
            "2023-03-20",
            "2023-04-17",
        ),
        _programme(
            "viestintaohjelma",
            "Viestintäohjelma 2023–2025",
            "viestintäohjelman 2023–2025",
            "viestintajohtaja",
            _p(
                "Viestintäohjelma kertoo, miten hyvinvointialue viestii asukkaille, "
                "henkilöstölle ja yhteistyökumppaneille. Päätöksenteko avataan: esityslistat ja "
                "pöytäkirjat julkaistaan verkossa saavutettavasti, ja valtuuston kokouksia voi "
                "seurata suorana.",
                "Viestinnässä käytetään selkeää yleiskieltä, ja tärkeimmät asiat kerrotaan myös "
                "selkokielellä sekä ruotsiksi ja englanniksi.",
            ),
            "2023-05-15",
            "2023-06-12",
        ),
        _programme(
            "monituottajuusohjelma",
            "Monituottajuusohjelma 2023–2025",
            "monituottajuusohjelman 2023–2025",
            "hankintajohtaja",
            _p(
                "Hyvinvointialue tuottaa palveluja itse ja hankkii niitä yrityksiltä ja "
                "järjestöiltä. Monituottajuusohjelma linjaa, milloin palvelu tuotetaan itse, "
                "milloin se ostetaan ja milloin käytetään palveluseteliä.",
                "Linjaukset perustuvat tuotantotapa-analyysiin: omaa tuotantoa lisätään "
                "siellä, missä se on kustannustehokkaampaa, ja ostopalvelut kilpailutetaan "
                "laatu edellä.",
            ),
            "2023-08-14",
            "2023-09-25",
        ),
    ):
        for key, specs in programme.items():
            story[key].extend(specs)

    # -- Advisory councils ------------------------------------------------------------
    for body, day, theme in [
        (VN, "2023-02-20", "ikääntyneiden kotona asumisen tukeen ja omaishoitoon"),
        (VAM, "2023-02-21", "esteettömyyteen, kuljetuspalveluun ja saavutettavaan asiointiin"),
    ]:
        add(
            body,
            day,
            Spec(
                "Varapuheenjohtajan valinta",
                body=_p(
                    "Toimintasäännön mukaan neuvosto valitsee varapuheenjohtajan keskuudestaan "
                    "toimikauden ensimmäisessä kokouksessa."
                ),
                proposal=_p(f"{SUBJECT[body]} valitsee keskuudestaan varapuheenjohtajan."),
                decision=_vice_elected,
                presenter="chair",
            ),
            Spec(
                "Toimintasuunnitelma 2023",
                body=_p(
                    "Neuvosto laatii vuosittain toimintasuunnitelman. Vuonna 2023 neuvosto "
                    f"keskittyy erityisesti {theme}.",
                    "Neuvosto antaa lausunnon talousarvion valmistelusta syksyllä ja tutustuu "
                    "vähintään kahteen toimipisteeseen.",
                ),
                proposal=_p(f"{SUBJECT[body]} hyväksyy toimintasuunnitelman vuodelle 2023."),
                task_class="00.01.05",
                case="auto",
            ),
        )
    add(
        NUVA,
        "2023-02-23",
        Spec(
            "Puheenjohtajan ja varapuheenjohtajan valinta",
            body=_p(
                "Toimintasäännön mukaan nuorisovaltuusto valitsee keskuudestaan puheenjohtajan "
                "ja varapuheenjohtajan. Jos ehdokkaita on useampia, vaali toimitetaan "
                "suljetuin lipuin."
            ),
            proposal=_p(
                "Nuorisovaltuusto valitsee keskuudestaan puheenjohtajan ja varapuheenjohtajan."
            ),
            decision=_youth_elected,
            presenter=None,
            election=ElectionSpec(
                "nuorisovaltuuston puheenjohtaja", (("#0", 0.5), ("#3", 0.3), ("#9", 0.2))
            ),
        ),
        Spec(
            "Toimintasuunnitelma 2023",
            body=_p(
                "Nuorisovaltuusto keskittyy vuonna 2023 nuorten mielenterveyspalvelujen "
                "saatavuuteen, opiskeluhuoltoon ja siihen, miten nuoret saavat tietoa "
                "palveluista."
            ),
            proposal=_p("Nuorisovaltuusto hyväksyy toimintasuunnitelman vuodelle 2023."),
            task_class="00.01.05",
            case="auto",
        ),
    )
    for body, day, view in [
        (
            VN,
            "2023-09-19",
            "Vanhusneuvosto pitää tärkeänä, että kotihoidon henkilöstö riittää ja että "
            "tasapainottamistoimien vaikutukset ikääntyneisiin arvioidaan ennen päätöksiä.",
        ),
        (
            VAM,
            "2023-09-20",
            "Vammaisneuvosto edellyttää, että kuljetuspalvelun ja henkilökohtaisen avun "
            "saatavuus turvataan ja että säästöt eivät heikennä esteettömyyttä.",
        ),
        (
            NUVA,
            "2023-09-21",
            "Nuorisovaltuusto toivoo, että nuorten mielenterveyspalveluihin pääsee nopeasti "
            "ja että koulujen kuraattori- ja psykologipalveluista ei säästetä.",
        ),
    ]:
        add(
            body,
            day,
            Spec(
                "Lausunto talousarvion 2024 valmistelusta",
                body=_p(
                    "Aluehallitus on pyytänyt vaikuttamistoimielimiltä lausuntoa talousarvion "
                    "2024 valmistelusta. Vuoden 2023 alijäämäksi ennustetaan yli 50 miljoonaa "
                    "euroa, ja talousarviota laaditaan tasapainottamisohjelman pohjalta.",
                    view,
                ),
                proposal=_p(
                    f"{SUBJECT[body]} antaa aluehallitukselle lausunnon talousarvion 2024 "
                    "valmistelusta esittelytekstin mukaisena."
                ),
                case="budjetti-2024",
            ),
        )

    # -- The division for individual matters ----------------------------------------------
    add(
        JAOS,
        "2023-01-25",
        Spec(
            "Ratkaisuvallan siirtäminen viranhaltijoille",
            body=_p(
                "Hallintosäännön mukaan jaosto voi siirtää ratkaisuvaltaansa viranhaltijoille. "
                "Rutiininomaiset päätökset, kuten asiakasmaksujen perimättä jättäminen "
                "vähäisissä asioissa, on tarkoituksenmukaista tehdä viranhaltijapäätöksin."
            ),
            proposal=_p(
                "Jaosto siirtää liitteessä luetellun ratkaisuvallan sosiaalipalvelujen "
                "johtajalle ja palvelualueiden päälliköille 1.2.2023 alkaen."
            ),
            task_class="00.01.02",
            case="auto",
        ),
    )
    add(
        JAOS,
        "2023-04-19",
        Spec(
            "Yksilöasian oikaisuvaatimus (omaishoidon tuki)",
            body=_p(
                "Asiakas hakee oikaisua omaishoidon tuen hoitopalkkion maksuluokkaa koskevaan "
                "viranhaltijapäätökseen."
            ),
            proposal=_p("Jaosto hylkää oikaisuvaatimuksen."),
            secrecy="JulkL 24.1 § 25 k",
            task_class="05.02.00",
            case="auto",
            appeal=AppealType.SPECIAL,
            notes=_p(
                "Jaoston jäsen ilmoitti olevansa esteellinen, koska asianosainen on hänen "
                "läheisensä. Hän poistui kokouksesta asian käsittelyn ajaksi."
            ),
            disqualified=(("#2", DisqualificationGround.CLOSE_PERSON),),
        ),
    )
    add(
        JAOS,
        "2023-10-18",
        Spec(
            "Katsaus oikaisuvaatimuksiin tammi–syyskuussa 2023",
            body=_p(
                "Jaosto käsitteli tammi–syyskuussa 86 oikaisuvaatimusta. Niistä 61 hylättiin, "
                "14 hyväksyttiin kokonaan tai osittain ja 11 palautettiin uudelleen "
                "käsiteltäviksi. Eniten oikaisuvaatimuksia tehtiin asiakasmaksuista ja "
                "kuljetuspalvelusta.",
                "Käsittelyaika oli keskimäärin 41 päivää. Tavoitteena on lyhentää se alle 30 "
                "päivään.",
            ),
            proposal=_p("Jaosto merkitsee katsauksen tiedoksi."),
            outcome=Outcome.NOTED,
            appeal=NO_APPEAL,
        ),
    )

    # -- Autumn 2026: the second term's budget, and meetings still to come -------------
    budget_change_2026 = _p(
        "Vuoden 2026 toimintakulut ylittävät talousarvion erikoissairaanhoidon ostopalvelujen ja "
        "palkkaratkaisujen vuoksi. Valtion rahoitus tarkentui syyskuussa.",
        "Muutoksella toimintakulujen määrärahaa korotetaan 12 miljoonalla eurolla ja "
        "rahoitusarviota 7 miljoonalla eurolla. Tilikauden tulos pysyy ylijäämäisenä.",
    )
    add(
        AH,
        "2026-11-02",
        Spec(
            "Talouden ja toiminnan seurantaraportti tammi–syyskuu 2026",
            body=_p(
                "Tammi–syyskuun toteuman perusteella vuoden 2026 tulokseksi ennustetaan 6 "
                "miljoonaa euroa ylijäämää. Henkilöstökulut ovat talousarvion mukaiset, ja "
                "vuokratyövoiman käyttö on vähentynyt kolmanneksella edellisvuodesta.",
                "Hoitotakuun toteutumisessa on edelleen haasteita suun terveydenhuollossa. "
                "Kiireettömään hoitoon pääsi perusterveydenhuollossa keskimäärin 11 päivässä.",
            ),
            proposal=_p("Aluehallitus merkitsee seurantaraportin tiedoksi."),
            outcome=Outcome.NOTED,
            case="seuranta-2026",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Talousarvion 2026 muutos",
            body=budget_change_2026,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "talousarvion 2026 muutokset liitteen mukaisina."
            ),
            case="talousarviomuutos-2026",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Lausunto luonnoksesta hallituksen esitykseksi hyvinvointialueiden rahoituksen "
            "muuttamisesta",
            body=_p(
                "Valtiovarainministeriö pyytää lausuntoa luonnoksesta, jolla hyvinvointialueiden "
                "rahoituksen laskentaa muutettaisiin vuodesta 2028 alkaen.",
                "Lausunnossa todetaan, että muutokset heikentäisivät Päijät-Hämeen rahoitusta, "
                "koska alueen väestö ikääntyy keskimääräistä nopeammin. Rahoituksen on "
                "perustuttava palvelutarpeeseen.",
            ),
            proposal=_p(
                "Aluehallitus antaa valtiovarainministeriölle lausunnon esittelytekstin mukaisena."
            ),
            task_class="03.00.00",
            case="auto",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AV,
        "2026-11-09",
        Spec(
            "Talousarvion 2026 muutos",
            body=_p("Aluehallitus esitti muutosta 2.11.2026.") + budget_change_2026,
            proposal=_p("Aluevaltuusto hyväksyy talousarvion 2026 muutokset liitteen mukaisina."),
            case="talousarviomuutos-2026",
            preparer="talousjohtaja",
        ),
        Spec(
            "Aluevaltuuston kokousaikataulu 2027",
            body=_p("Aluevaltuusto kokoontuu vuonna 2027 maanantaisin kello 17 Sibeliustalossa."),
            proposal=_p(
                "Aluevaltuusto päättää kokoontua vuonna 2027 seuraavasti: 15.2., 19.4., 14.6., "
                "27.9., 15.11. ja 13.12."
            ),
            case="av-kokoukset-2027",
            presenter="chair",
            preparer="hallintojohtaja",
        ),
    )
    budget_2027 = _p(
        "Talousarvio 2027 on toisen valtuustokauden toinen talousarvio. Vuoden 2026 tulokseksi "
        "ennustetaan 6 miljoonaa euroa ylijäämää, ja aiempien vuosien alijäämistä on katettu "
        "suurin osa.",
        "Vuoden 2027 tulos on talousarviossa 3 miljoonaa euroa ylijäämäinen. Investoinneista "
        "suurimmat ovat Heinolan sosiaali- ja terveysaseman peruskorjaus ja ensihoidon "
        "ajoneuvojen uusiminen.",
        "Vanhusneuvosto, vammaisneuvosto ja nuorisovaltuusto ovat antaneet talousarvion "
        "valmistelusta lausuntonsa.",
    )
    add(
        AH,
        "2026-11-16",
        Spec(
            "Talousarvio 2027 ja taloussuunnitelma 2027–2029",
            body=budget_2027,
            proposal=_p(
                "Aluehallitus esittää aluevaltuustolle, että aluevaltuusto hyväksyy "
                "talousarvion 2027 ja taloussuunnitelman 2027–2029 liitteen mukaisina."
            ),
            case="budjetti-2027",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
        Spec(
            "Palveluverkkosuunnitelman 2027–2030 luonnos lausunnoille",
            body=_p(
                "Palveluverkkosuunnitelma kertoo, missä ja miten palveluja annetaan vuosina "
                "2027–2030: sosiaali- ja terveysasemat, liikkuvat palvelut, digitaaliset "
                "palvelut ja ympärivuorokautinen hoiva.",
                "Luonnos lähetetään lausunnoille kunnille, lautakunnille, "
                "vaikuttamistoimielimille ja järjestöille. Lausuntoaika päättyy 15.1.2027.",
            ),
            proposal=_p("Aluehallitus lähettää palveluverkkosuunnitelman luonnoksen lausunnoille."),
            case="palveluverkko",
            appeal=NO_APPEAL,
            preparer="strategiajohtaja",
        ),
    )
    add(
        AH,
        "2026-11-30",
        Spec(
            "Asiakasmaksut 1.1.2027 alkaen",
            body=_p(
                "Asiakasmaksulain mukaiset enimmäismaksut ja tulorajat tarkistetaan "
                "työeläkeindeksin muutoksen mukaan 1.1.2027. Samalla yhtenäistetään "
                "tukipalvelujen maksut koko alueella.",
                "Ateriapalvelun hinta olisi 8,50 euroa ateria kaikissa kunnissa.",
            ),
            proposal=_p("Aluehallitus vahvistaa asiakasmaksut 1.1.2027 alkaen liitteen mukaisina."),
            case="asiakasmaksut-2027",
            preparer="talousjohtaja",
        ),
        Spec(
            "Ensihoidon ajoneuvojen hankinta 2027–2030",
            body=_p(
                "Ensihoidon ajoneuvoista 14 tulee uusimisikään vuosina 2027–2030. Hankinta "
                "kilpailutettiin avoimella menettelyllä, ja tarjouksia saatiin neljä.",
                "Vertailussa painottuivat ajoneuvojen käyttöturvallisuus, huollon saatavuus "
                "alueella ja elinkaarikustannukset.",
            ),
            proposal=_p(
                "Aluehallitus valitsee ensihoidon ajoneuvojen toimittajaksi "
                "kokonaistaloudellisesti edullisimman tarjouksen tehneen Ambulanssikori Oy:n ja "
                "oikeuttaa pelastusjohtajan allekirjoittamaan hankintasopimuksen."
            ),
            task_class="11.02.00",
            case="auto",
            preparer="pelastusjohtaja",
        ),
        Spec(
            "Aluehallituksen kokousaikataulu kevät 2027",
            body=_p("Aluehallitus kokoontuu keväällä 2027 maanantaisin kello 15."),
            proposal=_p(
                "Aluehallitus päättää kokoontua keväällä 2027 seuraavasti: 11.1., 1.2., 22.2., "
                "15.3., 5.4., 26.4., 17.5. ja 7.6."
            ),
            task_class="00.01.01",
            case="auto",
            preparer="hallintopaallikko",
        ),
    )
    add(
        AH,
        "2026-12-14",
        Spec(
            "Talousarvion 2027 täytäntöönpano-ohjeet",
            body=_p(
                "Täytäntöönpano-ohjeissa annetaan toimialoille ohjeet talousarvion "
                "noudattamisesta, käyttösuunnitelmista ja raportoinnista vuonna 2027."
            ),
            proposal=_p("Aluehallitus hyväksyy talousarvion 2027 täytäntöönpano-ohjeet."),
            case="budjetti-2027",
            appeal=NO_APPEAL,
            preparer="talousjohtaja",
        ),
    )
    add(
        AV,
        "2026-12-14",
        Spec(
            "Talousarvio 2027 ja taloussuunnitelma 2027–2029",
            body=_p("Aluehallitus esitti talousarvion hyväksymistä 16.11.2026.") + budget_2027,
            proposal=_p(
                "Aluevaltuusto hyväksyy talousarvion 2027 ja taloussuunnitelman 2027–2029 "
                "liitteen mukaisina."
            ),
            case="budjetti-2027",
            preparer="talousjohtaja",
        ),
    )
    add(
        VN,
        "2026-11-05",
        Spec(
            "Lausunto talousarvion 2027 valmistelusta",
            body=_p(
                "Aluehallitus on pyytänyt vaikuttamistoimielimiltä lausuntoa talousarvion 2027 "
                "valmistelusta.",
                "Vanhusneuvosto pitää hyvänä, että kotihoidon henkilöstö on vakiintunut. Se "
                "toivoo, että liikkuvia palveluja lisätään kunnissa, joissa matkat "
                "sosiaali- ja terveysasemalle ovat pitkiä.",
            ),
            proposal=_p(
                "Vanhusneuvosto antaa aluehallitukselle lausunnon talousarvion 2027 "
                "valmistelusta esittelytekstin mukaisena."
            ),
            case="budjetti-2027",
        ),
    )
    add(
        TAR,
        "2026-11-12",
        Spec(
            "Arviointisuunnitelma vuodelle 2027",
            body=_p(
                "Vuonna 2027 lautakunta arvioi erityisesti hoitotakuun toteutumista, "
                "palveluverkkosuunnitelman valmistelua ja vuokratyövoiman vähentämisen "
                "vaikutuksia."
            ),
            proposal=_p("Lautakunta hyväksyy arviointisuunnitelman vuodelle 2027."),
            task_class="00.04.00",
            case="auto",
            appeal=NO_APPEAL,
        ),
        Spec(
            "Sidonnaisuusilmoitusten valvonta 2026",
            body=_p(
                "Toimikauden 2025–2029 ilmoitusvelvolliset tekivät ilmoituksensa syksyllä 2025. "
                "Vuoden 2026 aikana 12 ilmoitusta on päivitetty. Kaikki ilmoitukset ovat "
                "julkisia hyvinvointialueen verkkosivuilla."
            ),
            proposal=_p(
                "Lautakunta merkitsee sidonnaisuusilmoitusten tilanteen tiedoksi ja saattaa "
                "ilmoitukset aluevaltuuston tietoon."
            ),
            case="sidonnaisuudet",
            appeal=NO_APPEAL,
        ),
    )
    add(
        TUVA,
        "2026-11-26",
        Spec(
            "Pelastustoimen palvelutasopäätöksen 2027–2030 luonnos",
            body=_p(
                "Nykyinen palvelutasopäätös päättyy vuoden 2026 lopussa. Luonnoksessa "
                "riskiarvio on päivitetty, ja onnettomuuksien ehkäisyssä painotetaan "
                "ikääntyneiden asumisturvallisuutta ja maastopaloihin varautumista.",
            ),
            proposal=_p(
                "Lautakunta merkitsee luonnoksen tiedoksi ja lähettää sen lausunnoille kunnille "
                "ja naapurialueiden pelastuslaitoksille."
            ),
            case="palvelutaso-2027",
            appeal=NO_APPEAL,
        ),
        Spec(
            "Pelastuslaitoksen valvontasuunnitelma 2027",
            body=_p(
                "Valvontasuunnitelmassa määritellään palotarkastusten kohteet ja määrävälit. "
                "Vuonna 2027 tarkastetaan noin 3 400 kohdetta."
            ),
            proposal=_p("Lautakunta hyväksyy pelastuslaitoksen valvontasuunnitelman 2027."),
            task_class="11.02.01",
            case="auto",
        ),
    )
    add(
        AOL,
        "2026-12-02",
        Spec(
            "Lausunto palveluverkkosuunnitelman luonnoksesta",
            body=_p(
                "Aluehallitus lähetti palveluverkkosuunnitelman luonnoksen lausunnoille "
                "16.11.2026. Lautakunta arvioi luonnosta asiakaskokemuksen ja saavutettavuuden "
                "näkökulmasta."
            ),
            proposal=_p(
                "Lautakunta antaa aluehallitukselle lausunnon palveluverkkosuunnitelman "
                "luonnoksesta."
            ),
            case="palveluverkko",
            appeal=NO_APPEAL,
        ),
        Spec(
            "Asiakaspalauteraportti tammi–syyskuu 2026",
            body=_p(
                "Asiakaspalautetta saatiin tammi–syyskuussa 9 800 kappaletta. Suosittelijaindeksi "
                "oli 78. Eniten kehitettävää oli puhelinpalvelun tavoitettavuudessa."
            ),
            proposal=_p("Lautakunta merkitsee asiakaspalauteraportin tiedoksi."),
            outcome=Outcome.NOTED,
            task_class="00.03.02",
            case="auto",
            appeal=NO_APPEAL,
        ),
    )
    add(
        NUVA,
        "2027-01-19",
        Spec(
            "Toimintasuunnitelma 2027",
            body=_p("Luonnos nuorisovaltuuston toimintasuunnitelmaksi vuodelle 2027."),
            proposal=_p("Nuorisovaltuusto hyväksyy toimintasuunnitelman vuodelle 2027."),
            task_class="00.01.05",
            case="auto",
        ),
    )
    return dict(story)


# --- Everyday business that fills the agendas between the big matters ------------------


def _f(
    title: str,
    task_class: str,
    preparer: str | None,
    paragraphs: Sequence[str],
    proposal: str,
    *,
    outcome: str = Outcome.AS_PROPOSED,
    appeal: str | None = None,
    case: str = "auto",
) -> Spec:
    return Spec(
        title,
        body=_p(*paragraphs),
        proposal=_p(proposal),
        case=case,
        task_class=task_class,
        preparer=preparer,
        outcome=outcome,
        appeal=NO_APPEAL if outcome == Outcome.NOTED and appeal is None else appeal,
    )


NOTED = Outcome.NOTED

# Taken in order, a few per meeting, by body and year.
FILLERS: dict[tuple[str, int], list[Spec]] = {
    (AH, 2022): [
        _f(
            "Siirtyvien sopimusten kartoitus",
            "02.07.00",
            "hallintojohtaja",
            [
                "Kunnilta, kuntayhtymältä ja pelastuslaitokselta siirtyy hyvinvointialueelle "
                "noin 3 000 sopimusta. Sopimukset on kartoitettu, ja niistä on tunnistettu ne, "
                "joiden siirto edellyttää sopimuskumppanin suostumusta.",
                "Noin 200 sopimusta kilpailutetaan uudelleen vuosina 2023–2024.",
            ],
            "Aluehallitus merkitsee sopimuskartoituksen tiedoksi ja kehottaa hankintajohtajaa "
            "laatimaan kilpailutussuunnitelman.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Talousjärjestelmän hankinnan käynnistäminen",
            "07.01.00",
            "ict-johtaja",
            [
                "Hyvinvointialue tarvitsee 1.1.2023 alkaen yhtenäisen talousjärjestelmän, joka "
                "kattaa kirjanpidon, myynti- ja ostolaskut, maksuliikenteen ja raportoinnin. "
                "Nykyiset järjestelmät ovat kuntien ja kuntayhtymän omia.",
                "Hankinta tehdään kansallisen yhteishankintayksikön puitejärjestelystä, jotta "
                "järjestelmä saadaan käyttöön aikataulussa.",
            ],
            "Aluehallitus päättää käynnistää talousjärjestelmän hankinnan ja valtuuttaa "
            "hankintajohtajan tekemään hankintapäätöksen.",
            case="talousjarjestelma",
        ),
        _f(
            "Henkilöstön palkkojen harmonisoinnin periaatteet",
            "01.00.00",
            "henkilostojohtaja",
            [
                "Hyvinvointialueelle siirtyy henkilöstöä usealta työnantajalta, ja samasta "
                "työstä maksetaan eri palkkaa. Palkat yhtenäistetään työn vaativuuden "
                "arvioinnin perusteella.",
                "Harmonisointi tehdään vaiheittain vuosina 2023–2027 ja rahoitetaan osin "
                "valtakunnallisista palkkaratkaisuista.",
            ],
            "Aluehallitus hyväksyy palkkojen harmonisoinnin periaatteet ja aikataulun.",
        ),
        _f(
            "Asiakas- ja potilastietojärjestelmien yhtenäistäminen",
            "07.00.00",
            "ict-johtaja",
            [
                "Alueella on käytössä useita asiakas- ja potilastietojärjestelmiä. Ne "
                "yhtenäistetään vaiheittain. Ensimmäisessä vaiheessa siirretään kunnista "
                "siirtyvien opiskeluhuollon ja suun terveydenhuollon tiedot.",
                "Yhtenäistämisen kustannusarvio on 4,2 miljoonaa euroa, josta osa katetaan "
                "valtion erillisrahoituksella.",
            ],
            "Aluehallitus hyväksyy tietojärjestelmien yhtenäistämisen vaiheistuksen ja "
            "kustannusarvion.",
        ),
        _f(
            "Edustajien nimeäminen turvallisuus- ja valmiustoimikuntaan (PHTURVA)",
            "11.01.00",
            "valmiuspaallikko",
            [
                "PHTURVA on alueen turvallisuus- ja valmiusasioiden yhteistyöelin, jossa ovat "
                "mukana kunnat, Päijät-Hämeen liitto, poliisi, puolustusvoimat ja muut "
                "viranomaiset. Hyvinvointialue nimeää siihen kaksi edustajaa."
            ],
            "Aluehallitus nimeää PHTURVAan pelastusjohtajan ja valmiuspäällikön.",
        ),
        _f(
            "Hyvinvointialueen tunnus ja visuaalinen ilme",
            "00.03.00",
            "viestintajohtaja",
            [
                "Hyvinvointialueelle on suunniteltu yhteinen tunnus ja visuaalinen ilme. "
                "Suunnittelussa on otettu huomioon saavutettavuus: värien kontrastit ja "
                "kirjasinten luettavuus täyttävät saavutettavuusvaatimukset.",
                "Pelastuslaitos käyttää jatkossakin omaa tunnustaan hyvinvointialueen tunnuksen "
                "rinnalla.",
            ],
            "Aluehallitus hyväksyy hyvinvointialueen tunnuksen ja visuaalisen ilmeen.",
        ),
        _f(
            "Sisäisen valvonnan ja riskienhallinnan perusteet",
            "00.04.00",
            "hallintojohtaja",
            [
                "Aluevaltuusto päättää sisäisen valvonnan ja riskienhallinnan perusteista, ja "
                "aluehallitus vastaa niiden järjestämisestä. Perusteissa kuvataan vastuut, "
                "riskien arviointi ja raportointi.",
                "Toimialat laativat riskiarvionsa vuosittain talousarvion valmistelun yhteydessä.",
            ],
            "Aluehallitus hyväksyy sisäisen valvonnan ja riskienhallinnan ohjeen ja kehottaa "
            "toimialoja laatimaan riskiarviot.",
        ),
        _f(
            "Tietosuojavastaavan nimeäminen",
            "07.02.00",
            "hallintojohtaja",
            [
                "Tietosuoja-asetuksen mukaan hyvinvointialueella on oltava tietosuojavastaava. "
                "Tietosuojavastaava neuvoo henkilöstöä ja asukkaita ja valvoo, että "
                "henkilötietoja käsitellään asianmukaisesti."
            ],
            "Aluehallitus nimeää hyvinvointialueen tietosuojavastaavaksi hallintolakimiehen "
            "1.1.2023 alkaen.",
        ),
        _f(
            "Asiakirjahallinnon tehtäväluokitus ja tiedonohjaussuunnitelma",
            "07.03.00",
            "hallintojohtaja",
            [
                "Asiakirjat luokitellaan JHS 191 -tehtäväluokituksen mukaan. Asian "
                "diaarinumero kertoo asian järjestysnumeron, tehtäväluokan ja vuoden, "
                "esimerkiksi 123/00.01.00/2022.",
                "Tiedonohjaussuunnitelmassa määrätään asiakirjojen säilytysajat ja "
                "julkisuus. Pöytäkirjat säilytetään pysyvästi.",
            ],
            "Aluehallitus hyväksyy tehtäväluokituksen ja tiedonohjaussuunnitelman 1.1.2023 alkaen.",
        ),
        _f(
            "Hyvinvointialueen valmiussuunnitelma",
            "11.01.00",
            "valmiuspaallikko",
            [
                "Valmiussuunnitelma kuvaa, miten palvelut turvataan häiriötilanteissa ja "
                "poikkeusoloissa. Talven 2022–2023 energiatilanteen vuoksi suunnitelmaan on "
                "lisätty varautuminen pitkiin sähkökatkoihin.",
                "Sairaaloiden ja ympärivuorokautisten yksiköiden varavoima on tarkistettu, ja "
                "lääkkeiden ja tarvikkeiden varmuusvarastot on mitoitettu kolmeksi kuukaudeksi.",
            ],
            "Aluehallitus hyväksyy valmiussuunnitelman ja kehottaa toimialoja harjoittelemaan "
            "sitä vuosittain.",
        ),
        _f(
            "Yhteistoimintasopimus henkilöstön kanssa",
            "01.00.00",
            "henkilostojohtaja",
            [
                "Yhteistoimintalain mukaan työnantaja ja henkilöstö sopivat yhteistoiminnan "
                "menettelyistä. Hyvinvointialueelle perustetaan yhteistoimintaelin, jossa ovat "
                "edustettuina kaikki pääsopijajärjestöt.",
            ],
            "Aluehallitus hyväksyy yhteistoimintasopimuksen liitteen mukaisena.",
        ),
        _f(
            "Lausunto Päijät-Hämeen liitolle maakuntaohjelman toteuttamissuunnitelmasta",
            "03.00.00",
            "strategiajohtaja",
            [
                "Päijät-Hämeen liitto pyytää lausuntoa maakuntaohjelman "
                "toteuttamissuunnitelmasta vuosille 2023–2024.",
                "Lausunnossa korostetaan hyvinvoinnin ja terveyden edistämisen kytkemistä "
                "elinvoimatyöhön sekä osaavan työvoiman saatavuutta sosiaali- ja "
                "terveysalalle.",
            ],
            "Aluehallitus antaa Päijät-Hämeen liitolle lausunnon esittelytekstin mukaisena.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Edustajien nimeäminen yhdyspintaneuvottelukuntaan",
            "00.03.00",
            "hallintojohtaja",
            [
                "Yhdyspintaneuvottelukunta on hyvinvointialueen ja kuntien yhteinen foorumi. "
                "Se käsittelee asioita, joissa hyvinvointialueen ja kuntien tehtävät "
                "kohtaavat: hyvinvoinnin edistämistä, työllisyyttä sekä lasten ja nuorten "
                "palveluja."
            ],
            "Aluehallitus nimeää yhdyspintaneuvottelukuntaan hyvinvointialuejohtajan, "
            "strategiajohtajan ja hyvinvoinnin ja terveyden edistämisen johtajan.",
        ),
        _f(
            "Henkilöstövuokrauksen puitejärjestely 2023–2024",
            "01.01.00",
            "henkilostojohtaja",
            [
                "Vuokratyövoimaa tarvitaan lyhytaikaisiin sijaisuuksiin. Kilpailutuksella "
                "hinnat yhtenäistetään, ja sopimuksiin kirjataan enimmäishinnat ja "
                "perehdytysvelvoite.",
                "Henkilöstöohjelman tavoitteena on vähentää vuokratyön käyttöä, joten "
                "puitejärjestely tehdään kahdeksi vuodeksi.",
            ],
            "Aluehallitus hyväksyy henkilöstövuokrauksen puitejärjestelyn toimittajat "
            "tarjousvertailun mukaisesti.",
        ),
        _f(
            "Työterveyshuollon palvelujen hankinta",
            "01.02.00",
            "henkilostojohtaja",
            [
                "Hyvinvointialueen noin 7 600 työntekijälle hankitaan yhtenäiset "
                "työterveyshuollon palvelut 1.1.2023 alkaen. Tarjouksia saatiin kolme.",
            ],
            "Aluehallitus valitsee työterveyshuollon palvelujen tuottajaksi "
            "kokonaistaloudellisesti edullisimman tarjouksen tehneen Työterveys Vesijärvi Oy:n.",
        ),
    ],
    (AH, 2023): [
        _f(
            "Talousarvion 2023 käyttösuunnitelma",
            "02.02.00",
            "talousjohtaja",
            [
                "Käyttösuunnitelmassa aluevaltuuston hyväksymät määrärahat jaetaan "
                "toimialoille ja tulosyksiköille. Toimialat vastaavat siitä, että toiminta "
                "pysyy määrärahojen rajoissa.",
            ],
            "Aluehallitus vahvistaa talousarvion 2023 käyttösuunnitelman liitteen mukaisena.",
        ),
        _f(
            "Investointisuunnitelma ja lainanottovaltuus 2023–2027",
            "02.03.00",
            "talousjohtaja",
            [
                "Hyvinvointialueen lainanottovaltuudesta päättää valtioneuvosto "
                "hyvinvointialueen esityksestä. Suurimmat investoinnit ovat sosiaali- ja "
                "terveysasemien peruskorjaukset sekä ensihoidon ja pelastustoimen kalusto.",
            ],
            "Aluehallitus hyväksyy investointisuunnitelman 2023–2027 ja esittää "
            "valtioneuvostolle lainanottovaltuuden vahvistamista suunnitelman mukaisesti.",
        ),
        _f(
            "Lääkkeiden koneellisen annosjakelun hankinta",
            "06.01.00",
            "hankintajohtaja",
            [
                "Koneellinen annosjakelu vähentää lääkityspoikkeamia ja vapauttaa hoitajien "
                "työaikaa. Palvelu kilpailutettiin kotihoidon ja asumispalvelujen "
                "asiakkaille.",
            ],
            "Aluehallitus valitsee annosjakelun toimittajaksi tarjousvertailussa parhaan "
            "tarjouksen tehneen apteekin ja oikeuttaa hankintajohtajan allekirjoittamaan "
            "sopimuksen.",
        ),
        _f(
            "Palvelusetelin käyttöönotto kotihoidossa",
            "05.00.01",
            "vanhuspalvelujohtaja",
            [
                "Palvelusetelillä asiakas voi valita kotihoidon tuottajan hyvinvointialueen "
                "hyväksymistä palveluntuottajista. Seteli otetaan käyttöön koko alueella "
                "1.9.2023 alkaen.",
                "Setelin arvo määräytyy asiakkaan tulojen mukaan, ja sääntökirjassa "
                "määrätään palveluntuottajilta vaadittavasta laadusta.",
            ],
            "Aluehallitus hyväksyy kotihoidon palvelusetelin sääntökirjan ja päättää ottaa "
            "palvelusetelin käyttöön 1.9.2023 alkaen.",
        ),
        _f(
            "Vastaus valtuustoaloitteeseen saattohoitopaikkojen lisäämisestä",
            "00.02.02",
            "johtajaylilaakari",
            [
                "Kristillisdemokraattien valtuustoryhmä ehdotti aloitteessaan, että "
                "saattohoitopaikkoja lisätään Lahden ulkopuolella.",
                "Saattohoitoa annetaan keskitetysti saattohoito-osastolla ja kotisairaalassa. "
                "Kotisairaalan toiminta laajennetaan vuonna 2024 koko alueelle, jolloin "
                "saattohoitoa voi saada myös kotona kaikissa kunnissa.",
            ],
            "Aluehallitus esittää aluevaltuustolle, että aloite todetaan loppuun käsitellyksi.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Lausunto sisäministeriölle pelastustoimen kansallisesta riskiarviosta",
            "03.00.00",
            "pelastusjohtaja",
            [
                "Sisäministeriö pyytää lausuntoa kansallisen riskiarvion päivityksestä. "
                "Lausunnossa painotetaan ilmastonmuutoksen vaikutuksia maastopaloihin ja "
                "myrskyihin sekä ikääntyneen väestön asumisturvallisuutta.",
            ],
            "Aluehallitus antaa sisäministeriölle lausunnon esittelytekstin mukaisena.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Henkilökuljetusten hankinta ja kuljetuskeskus",
            "05.00.02",
            "hankintajohtaja",
            [
                "Sosiaalihuoltolain ja vammaispalvelulain mukaiset kuljetukset ovat "
                "vaihdelleet kunnittain. Kuljetukset yhdistetään yhteen kuljetuskeskukseen, "
                "joka ottaa tilaukset vastaan ja yhdistelee matkoja.",
            ],
            "Aluehallitus hyväksyy henkilökuljetusten hankinnan ja kuljetuskeskuksen "
            "perustamisen 1.1.2024 alkaen.",
        ),
        _f(
            "Lausunto sosiaali- ja terveysministeriölle hoitotakuuta koskevista muutoksista",
            "03.00.00",
            "johtajaylilaakari",
            [
                "Luonnos koskee kiireettömään hoitoon pääsyn määräaikoja "
                "perusterveydenhuollossa. Lausunnossa pidetään tavoitetta hyvänä mutta "
                "korostetaan, että määräajan toteuttaminen edellyttää lisää lääkäreitä ja "
                "siirtymäaikaa.",
            ],
            "Aluehallitus antaa sosiaali- ja terveysministeriölle lausunnon esittelytekstin "
            "mukaisena.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Sosiaali- ja terveysasemien aukioloaikojen yhtenäistäminen",
            "06.00.00",
            "johtajaylilaakari",
            [
                "Sosiaali- ja terveysasemat ovat auki arkisin kello 8–16. Lahden, Heinolan ja "
                "Orimattilan asemilla on lisäksi iltavastaanotto kahtena iltana viikossa.",
                "Digitaalinen sosiaali- ja terveysasema palvelee joka päivä kello 7–22.",
            ],
            "Aluehallitus hyväksyy sosiaali- ja terveysasemien aukioloajat 1.9.2023 alkaen.",
        ),
        _f(
            "Edustajan nimeäminen Päijät-Hämeen liiton maakunnan yhteistyöryhmään",
            "00.03.00",
            "hallintojohtaja",
            [
                "Maakunnan yhteistyöryhmä sovittaa yhteen alueen kehittämisrahoitusta. "
                "Hyvinvointialue nimeää siihen yhden jäsenen ja varajäsenen."
            ],
            "Aluehallitus nimeää yhteistyöryhmään strategiajohtajan ja varajäseneksi "
            "talousjohtajan.",
        ),
        _f(
            "Digitaalisten palvelujen saavutettavuussuunnitelma",
            "07.00.00",
            "ict-johtaja",
            [
                "Digipalvelulaki edellyttää, että verkkopalvelut ovat saavutettavia. "
                "Suunnitelman mukaan ajanvaraus, asiointipalvelu ja päätösten julkaisu "
                "arvioidaan ja korjataan vuoden 2024 aikana.",
            ],
            "Aluehallitus hyväksyy digitaalisten palvelujen saavutettavuussuunnitelman.",
        ),
        _f(
            "Vammaispalvelujen asumispalvelujen hankinta",
            "05.05.00",
            "vammaispalvelujohtaja",
            [
                "Vammaisten henkilöiden asumispalveluja hankitaan yksityisiltä ja "
                "järjestöjen ylläpitämiltä palveluntuottajilta. Hankinnassa painotetaan "
                "asiakkaan itsemääräämisoikeutta ja henkilökunnan pysyvyyttä.",
            ],
            "Aluehallitus hyväksyy asumispalvelujen puitejärjestelyn palveluntuottajat "
            "tarjousvertailun mukaisesti.",
        ),
        _f(
            "Ensihoidon palvelutasopäätös 2024",
            "06.02.00",
            "johtajaylilaakari",
            [
                "Ensihoidon palvelutasopäätöksessä määritellään ensihoidon tavoittamisajat "
                "riskialueittain. Kiireellisimmissä tehtävissä tavoittamisaika on taajamissa "
                "8 ja haja-asutusalueilla 30 minuuttia.",
            ],
            "Aluehallitus hyväksyy ensihoidon palvelutasopäätöksen vuodelle 2024.",
        ),
    ],
    (TAR, 2022): [
        _f(
            "Lautakunnan toimintatavat ja kokousaikataulu 2022",
            "00.04.00",
            "tarkastuspaallikko",
            [
                "Lautakunta kokoontuu noin kerran kuukaudessa. Kokouksiin kutsutaan "
                "tarvittaessa tilintarkastaja ja johtavia viranhaltijoita."
            ],
            "Lautakunta hyväksyy toimintatapansa ja kokousaikataulunsa vuodelle 2022.",
        ),
        _f(
            "Johtavien viranhaltijoiden kuuleminen valmistelun tilanteesta",
            "00.04.00",
            "tarkastuspaallikko",
            [
                "Hyvinvointialuejohtaja ja talousjohtaja kertovat valmistelun tilanteesta, "
                "riskeistä ja talousarvion 2023 valmistelusta."
            ],
            "Lautakunta merkitsee kuulemisen tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Tilintarkastajan raportti valmisteluvuoden väliarvioinnista",
            "00.04.02",
            "tarkastuspaallikko",
            [
                "Tilintarkastaja on tarkastanut valmisteluvuoden hallintoa ja taloutta. "
                "Raportissa kiinnitetään huomiota sopimusten siirron aikatauluun ja "
                "talousjärjestelmän käyttöönottoon."
            ],
            "Lautakunta merkitsee tilintarkastajan raportin tiedoksi.",
            outcome=NOTED,
        ),
    ],
    (TAR, 2023): [
        _f(
            "Tutustuminen päivystykseen ja ensihoitoon",
            "00.04.00",
            "tarkastuspaallikko",
            [
                "Lautakunta tutustui yhteispäivystykseen ja ensihoitokeskukseen. Esiin nousivat "
                "päivystyksen ruuhkahuiput iltaisin ja ensihoidon tehtävämäärien kasvu."
            ],
            "Lautakunta merkitsee tutustumiskäynnin havainnot tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Arviointiteema: hoitoon pääsy perusterveydenhuollossa",
            "00.04.00",
            "tarkastuspaallikko",
            [
                "Lautakunta kuuli johtajaylilääkäriä hoitoon pääsystä. Kiireettömään hoitoon "
                "pääsi keväällä keskimäärin 19 päivässä, ja odotusajat vaihtelivat asemittain."
            ],
            "Lautakunta merkitsee kuulemisen tiedoksi ja päättää käsitellä havainnot "
            "arviointikertomuksessa.",
            outcome=NOTED,
        ),
        _f(
            "Tilintarkastuskertomus tilikaudelta 2022",
            "00.04.02",
            "tarkastuspaallikko",
            [
                "Tilintarkastaja on antanut tilikaudelta 2022 vakiomuotoisen "
                "tilintarkastuskertomuksen ja puoltaa vastuuvapauden myöntämistä."
            ],
            "Lautakunta merkitsee tilintarkastuskertomuksen tiedoksi ja saattaa sen "
            "aluevaltuuston käsiteltäväksi.",
            appeal=NO_APPEAL,
        ),
        _f(
            "Arviointiteema: vuokratyövoiman käyttö",
            "00.04.00",
            "tarkastuspaallikko",
            [
                "Lautakunta kuuli henkilöstöjohtajaa vuokratyövoiman käytöstä ja sen "
                "vähentämisen toimenpiteistä."
            ],
            "Lautakunta merkitsee kuulemisen tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Lautakunnan kokousaikataulu 2024",
            "00.04.00",
            "tarkastuspaallikko",
            ["Lautakunta kokoontuu vuonna 2024 kerran kuukaudessa heinäkuuta lukuun ottamatta."],
            "Lautakunta hyväksyy kokousaikataulunsa vuodelle 2024.",
        ),
    ],
    (AOL, 2022): [
        _f(
            "Lautakunnan toimintatavat ja kokousaikataulu 2022",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Lautakunta kokoontuu tiistaisin kello 16. Kokouksiin kutsutaan "
                "vaikuttamistoimielinten edustajat, kun käsitellään niitä koskevia asioita."
            ],
            "Lautakunta hyväksyy toimintatapansa ja kokousaikataulunsa vuodelle 2022.",
        ),
        _f(
            "Asiakasraatien käynnistäminen",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Asiakasraadit ovat palvelujen käyttäjien ryhmiä, jotka kokoontuvat arvioimaan "
                "ja kehittämään palveluja. Ensimmäiset raadit perustetaan kotihoitoon, "
                "perhekeskuksiin ja mielenterveyspalveluihin.",
            ],
            "Lautakunta päättää käynnistää asiakasraadit kotihoidossa, perhekeskuksissa ja "
            "mielenterveyspalveluissa vuoden 2023 alussa.",
        ),
        _f(
            "Kokemusasiantuntijatoiminnan periaatteet",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Kokemusasiantuntijat ovat koulutettuja henkilöitä, joilla on omaa kokemusta "
                "sairaudesta tai palvelujen käytöstä. Heitä käytetään palvelujen "
                "kehittämisessä ja henkilöstön koulutuksessa, ja heille maksetaan palkkio.",
            ],
            "Lautakunta hyväksyy kokemusasiantuntijatoiminnan periaatteet ja palkkiot.",
        ),
    ],
    (AOL, 2023): [
        _f(
            "Asiakaspalautteen käsittelyn periaatteet",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Asiakaspalaute kerätään yhdellä järjestelmällä, ja jokaiseen yhteystietonsa "
                "jättäneeseen vastataan kahden viikon kuluessa. Palautteista raportoidaan "
                "lautakunnalle neljännesvuosittain.",
            ],
            "Lautakunta hyväksyy asiakaspalautteen käsittelyn periaatteet.",
        ),
        _f(
            "Potilas- ja sosiaaliasiavastaavien selvitys vuodelta 2022",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Asiavastaavat neuvoivat vuonna 2022 noin 2 300 asiakasta. Yleisimmät aiheet "
                "olivat hoitoon pääsy, asiakasmaksut ja tiedonsaanti."
            ],
            "Lautakunta merkitsee selvityksen tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Asiakaspalauteraportti tammi–maaliskuu 2023",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Palautetta saatiin 3 100 kappaletta. Kiitokset koskivat henkilöstön "
                "ystävällisyyttä, kehittämisehdotukset puhelinpalvelun jonotusaikoja."
            ],
            "Lautakunta merkitsee asiakaspalauteraportin tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Saavutettavuusselvitys: puhelin- ja verkkoasiointi",
            "00.03.02",
            "osallisuusjohtaja",
            [
                "Selvityksessä testattiin asiointia eri käyttäjäryhmien kanssa. Takaisinsoitto "
                "toimi hyvin, mutta verkkoajanvaraus oli vaikea ruudunlukijan käyttäjille."
            ],
            "Lautakunta merkitsee selvityksen tiedoksi ja esittää, että verkkoajanvarauksen "
            "saavutettavuus korjataan ensisijaisesti.",
        ),
    ],
    (HYTE, 2022): [
        _f(
            "Lautakunnan toimintatavat ja kokousaikataulu 2022",
            "00.01.03",
            "hytejohtaja",
            ["Lautakunta kokoontuu keskiviikkoisin kello 16."],
            "Lautakunta hyväksyy toimintatapansa ja kokousaikataulunsa vuodelle 2022.",
        ),
        _f(
            "Hyvinvointialueen ja kuntien hyte-yhteistyön rakenne",
            "00.01.03",
            "hytejohtaja",
            [
                "Hyvinvointialueen ja kuntien hyte-työn koordinointi edellyttää säännöllistä "
                "vuoropuhelua. Jokaiseen kuntaan nimetään hyte-yhdyshenkilö, ja "
                "hyte-koordinaattorit kokoontuvat neljästi vuodessa.",
            ],
            "Lautakunta hyväksyy hyte-yhteistyön rakenteen ja esittää sen kuntien hyväksyttäväksi.",
        ),
        _f(
            "Hyte-avustusten myöntämisperiaatteet",
            "02.05.00",
            "hytejohtaja",
            [
                "Hyte-avustuksilla tuetaan järjestöjen ja yhdistysten toimintaa, joka edistää "
                "asukkaiden hyvinvointia ja terveyttä. Avustukset ovat yleis- ja "
                "kohdeavustuksia, ja niitä haetaan kerran vuodessa.",
            ],
            "Lautakunta hyväksyy hyte-avustusten myöntämisperiaatteet vuodesta 2023 alkaen.",
        ),
    ],
    (HYTE, 2023): [
        _f(
            "Hyte-kohdeavustukset 2023",
            "02.05.00",
            "jarjestokoordinaattori",
            [
                "Kohdeavustuksia haki 24 järjestöä. Avustettavia hankkeita ovat esimerkiksi "
                "ikääntyneiden liikuntaryhmät, nuorten mielenterveystyö ja vertaistuki."
            ],
            "Lautakunta myöntää hyte-kohdeavustukset liitteen mukaisesti yhteensä 120 000 euroa.",
        ),
        _f(
            "Ehkäisevän päihdetyön toimintasuunnitelma",
            "00.01.03",
            "hytejohtaja",
            [
                "Ehkäisevän päihdetyön suunnitelma laaditaan yhdessä kuntien kanssa. "
                "Painopisteitä ovat nuorten nikotiinituotteiden käyttö ja ikääntyneiden "
                "alkoholinkäyttö.",
            ],
            "Lautakunta hyväksyy ehkäisevän päihdetyön toimintasuunnitelman.",
        ),
        _f(
            "Liikkumisen edistämisen toimenpiteet",
            "00.01.03",
            "hytejohtaja",
            [
                "Liikkumattomuus on yksi alueen suurimmista hyvinvoinnin haasteista. "
                "Liikuntaneuvonta otetaan käyttöön kaikilla sosiaali- ja terveysasemilla, "
                "ja kuntien liikuntapalvelujen kanssa sovitaan yhteisestä ohjauksesta.",
            ],
            "Lautakunta hyväksyy liikkumisen edistämisen toimenpiteet.",
        ),
        _f(
            "Mielen hyvinvoinnin yhteistyö oppilaitosten kanssa",
            "00.01.03",
            "hytejohtaja",
            [
                "Opiskeluhuollon ja oppilaitosten yhteistyössä kokeillaan matalan kynnyksen "
                "vastaanottoja toisen asteen oppilaitoksissa Lahdessa ja Heinolassa.",
            ],
            "Lautakunta merkitsee yhteistyön suunnitelman tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Hyte-kertoimen tavoitteet 2024",
            "00.01.03",
            "hytejohtaja",
            [
                "Valtio maksaa hyvinvointialueille hyte-kerrointa hyvinvoinnin edistämisen "
                "toiminnan ja tulosten perusteella. Tavoitteet asetetaan mittareittain."
            ],
            "Lautakunta hyväksyy hyte-kertoimen tavoitteet vuodelle 2024.",
        ),
    ],
    (TUVA, 2022): [
        _f(
            "Lautakunnan toimintatavat ja kokousaikataulu 2022",
            "11.00.00",
            "pelastusjohtaja",
            ["Lautakunta kokoontuu tiistaisin kello 14 pelastuslaitoksen kokoustilassa."],
            "Lautakunta hyväksyy toimintatapansa ja kokousaikataulunsa vuodelle 2022.",
        ),
        _f(
            "Pelastuslaitoksen valvontasuunnitelma 2023",
            "11.02.01",
            "pelastusjohtaja",
            [
                "Valvontasuunnitelmassa määritellään palotarkastusten kohteet ja määrävälit "
                "riskien perusteella. Vuonna 2023 tarkastetaan noin 3 200 kohdetta."
            ],
            "Lautakunta hyväksyy pelastuslaitoksen valvontasuunnitelman vuodelle 2023.",
        ),
        _f(
            "Pelastustoimen maksut 1.1.2023 alkaen",
            "11.02.01",
            "pelastusjohtaja",
            [
                "Pelastuslaitos perii maksun palotarkastuksista, jälkivalvonnasta ja "
                "erheellisistä paloilmoituksista. Maksut pysyvät ennallaan."
            ],
            "Lautakunta vahvistaa pelastustoimen maksut 1.1.2023 alkaen.",
        ),
    ],
    (TUVA, 2023): [
        _f(
            "Pelastuslaitoksen toimintakertomus 2022",
            "11.00.00",
            "pelastusjohtaja",
            [
                "Pelastuslaitos hoiti vuonna 2022 noin 6 100 pelastustehtävää. Rakennuspaloja "
                "oli 210, ja ensitoimenpiteen tavoittamisaika toteutui 92 prosentissa "
                "kiireellisistä tehtävistä."
            ],
            "Lautakunta merkitsee toimintakertomuksen tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Valmiusharjoitus: pitkä sähkökatko",
            "11.01.00",
            "valmiuspaallikko",
            [
                "Hyvinvointialue harjoitteli maaliskuussa pitkää sähkökatkoa yhdessä kuntien "
                "ja energiayhtiöiden kanssa. Varavoima toimi, mutta tiedonkulussa "
                "kotihoidon asiakkaille havaittiin kehitettävää."
            ],
            "Lautakunta merkitsee harjoituksen havainnot tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Pelastustoimen maksut 1.1.2024 alkaen",
            "11.02.01",
            "pelastusjohtaja",
            ["Maksuja korotetaan kustannusten nousun vuoksi keskimäärin viidellä prosentilla."],
            "Lautakunta vahvistaa pelastustoimen maksut 1.1.2024 alkaen.",
        ),
        _f(
            "Väestönsuojien kunnossapito ja tarkastukset",
            "11.01.00",
            "valmiuspaallikko",
            [
                "Turvallisuustilanteen muututtua väestönsuojiin kohdistuu paljon kysymyksiä. "
                "Pelastuslaitos tarkastaa väestönsuojia palotarkastusten yhteydessä ja on "
                "avannut verkkosivuille neuvontaosion."
            ],
            "Lautakunta merkitsee selvityksen tiedoksi.",
            outcome=NOTED,
        ),
    ],
    (VN, 2023): [
        _f(
            "Tutustumiskäynti Heinolan palvelukeskukseen",
            "00.01.05",
            None,
            [
                "Neuvosto tutustui Heinolan palvelukeskuksen päivätoimintaan ja "
                "tehostettuun palveluasumiseen. Asukkaat toivoivat lisää ulkoilua."
            ],
            "Vanhusneuvosto merkitsee käynnin havainnot tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Aloite asioinnista ilman älypuhelinta",
            "00.01.05",
            None,
            [
                "Moni ikääntynyt ei käytä älypuhelinta tai verkkopankkitunnuksia. Neuvosto "
                "ehdottaa, että jokaisella sosiaali- ja terveysasemalla voi asioida "
                "henkilökohtaisesti ja että puhelinpalvelussa on aina takaisinsoitto."
            ],
            "Vanhusneuvosto tekee aluehallitukselle aloitteen asioinnin turvaamisesta ilman "
            "älypuhelinta.",
        ),
        _f(
            "Lausunto kotihoidon myöntämisperusteista",
            "00.01.05",
            None,
            [
                "Kotihoidon myöntämisperusteet yhtenäistetään. Neuvosto pitää tärkeänä, että "
                "myös yksinäisyys ja turvattomuus otetaan huomioon palvelutarvetta "
                "arvioitaessa."
            ],
            "Vanhusneuvosto antaa lausunnon esittelytekstin mukaisena.",
        ),
    ],
    (VAM, 2023): [
        _f(
            "Esteettömyyskävely keskussairaalassa",
            "00.01.05",
            None,
            [
                "Neuvosto kiersi keskussairaalan pääaulan, poliklinikat ja pysäköinnin "
                "apuvälineiden käyttäjien kanssa. Opasteiden kontrasteissa ja ovien "
                "avausvoimissa havaittiin puutteita."
            ],
            "Vammaisneuvosto merkitsee havainnot tiedoksi ja lähettää ne tilapalvelujohtajalle.",
        ),
        _f(
            "Lausunto kuljetuspalvelun yhtenäistämisestä",
            "00.01.05",
            None,
            [
                "Kuljetuspalvelun käytännöt ovat vaihdelleet kunnittain. Neuvosto pitää "
                "tärkeänä, että asiointialue kattaa naapurikunnat ja että matkoja voi "
                "yhdistää."
            ],
            "Vammaisneuvosto antaa lausunnon esittelytekstin mukaisena.",
        ),
        _f(
            "Aloite selkokielisestä asioinnista",
            "00.01.05",
            None,
            ["Neuvosto ehdottaa, että päätökset ja asiointiohjeet julkaistaan myös selkokielellä."],
            "Vammaisneuvosto tekee aluehallitukselle aloitteen selkokielisestä asioinnista.",
        ),
    ],
    (NUVA, 2023): [
        _f(
            "Lausunto opiskeluhuollon palveluista",
            "00.01.05",
            None,
            [
                "Opiskeluhuolto siirtyi hyvinvointialueelle vuoden alussa. Nuorisovaltuusto "
                "toivoo, että kuraattorin ja psykologin tapaa omassa koulussa ilman pitkää "
                "jonoa ja että yhteydenotto onnistuu myös chatissa."
            ],
            "Nuorisovaltuusto antaa lausunnon esittelytekstin mukaisena.",
        ),
        _f(
            "Nuorten mielenterveyspalvelujen saatavuus",
            "00.01.05",
            None,
            [
                "Nuorisovaltuusto kuuli nuorten mielenterveyspalvelujen palveluesimiestä. "
                "Jonot ovat lyhentyneet, mutta arkeen ulottuvaa tukea tarvitaan lisää."
            ],
            "Nuorisovaltuusto merkitsee kuulemisen tiedoksi.",
            outcome=NOTED,
        ),
        _f(
            "Aloite nuorten chat-palvelusta iltaisin",
            "00.01.05",
            None,
            [
                "Nuoret hakevat apua usein iltaisin, kun palvelut ovat kiinni. "
                "Nuorisovaltuusto ehdottaa, että nuorten chat-palvelu on auki arkisin kello 21 "
                "asti."
            ],
            "Nuorisovaltuusto tekee aluehallitukselle aloitteen nuorten chat-palvelun "
            "aukioloajan pidentämisestä.",
        ),
    ],
}


def _budget_statement(body: str, year: int, view: str) -> Spec:
    return Spec(
        f"Lausunto talousarvion {year} valmistelusta",
        body=_p(
            f"Aluehallitus on pyytänyt lautakunnilta lausuntoa talousarvion {year} valmistelusta.",
            view,
        ),
        proposal=_p(
            f"{SUBJECT[body]} antaa aluehallitukselle lausunnon talousarvion {year} valmistelusta "
            "esittelytekstin mukaisena."
        ),
        case=f"budjetti-{year}",
        appeal=NO_APPEAL,
    )


def _meeting_schedule(body: str, year: int) -> Spec:
    return Spec(
        f"Kokousaikataulu {year}",
        body=_p(
            "Kokoukset pidetään pääsääntöisesti kerran kuukaudessa heinäkuuta lukuun ottamatta. "
            "Kokousajat julkaistaan hyvinvointialueen verkkosivuilla ja tapahtumakalenterissa."
        ),
        proposal=_p(f"{SUBJECT[body]} hyväksyy kokousaikataulunsa vuodelle {year}."),
        task_class="00.01.01",
        case="auto",
    )


BUDGET_VIEWS = {
    (AOL, 2023): "Lautakunta pitää tärkeänä, että asiakasohjaukseen ja palautteen käsittelyyn "
    "varataan resurssit ja että osallisuusohjelman toimenpiteet rahoitetaan.",
    (HYTE, 2023): "Lautakunta pitää tärkeänä, että järjestöavustusten taso säilyy ja että "
    "hyvinvoinnin edistämisen tavoitteisiin varataan rahoitus.",
    (TUVA, 2023): "Lautakunta korostaa, että palvelutasopäätöksen mukainen valmius ja "
    "sopimuspalokuntien toimintaedellytykset turvataan.",
    (AOL, 2024): "Lautakunta edellyttää, että tasapainottamistoimien vaikutukset asiakkaisiin "
    "arvioidaan ja että asiakkaita kuullaan ennen palvelumuutoksia.",
    (HYTE, 2024): "Lautakunta muistuttaa, että ennaltaehkäisevästä työstä säästäminen lisää "
    "myöhemmin korjaavien palvelujen kustannuksia.",
    (TUVA, 2024): "Lautakunta pitää välttämättömänä, että ensihoidon ja pelastustoimen "
    "valmiudesta ei tingitä talouden tasapainottamisessa.",
}
for _body in (AOL, HYTE, TUVA):
    for _year in (2022, 2023):
        FILLERS[_body, _year] += [
            _budget_statement(_body, _year + 1, BUDGET_VIEWS[_body, _year + 1]),
            _meeting_schedule(_body, _year + 1),
        ]
FILLERS[TAR, 2022].append(_meeting_schedule(TAR, 2023))
for _body in ADVISORY:
    FILLERS[_body, 2023].append(_meeting_schedule(_body, 2024))
FILLERS[AH, 2023] += [
    _f(
        "Riskienhallinnan raportti 2023",
        "00.04.00",
        "hallintojohtaja",
        [
            "Merkittävimmät riskit ovat talouden alijäämä, henkilöstön saatavuus ja "
            "tietojärjestelmien toimintavarmuus. Jokaiselle riskille on nimetty vastuuhenkilö "
            "ja hallintakeinot."
        ],
        "Aluehallitus merkitsee riskienhallinnan raportin tiedoksi.",
        outcome=NOTED,
    ),
    _f(
        "Aluehallituksen kokousaikataulu kevät 2024",
        "00.01.01",
        "hallintopaallikko",
        ["Aluehallitus kokoontuu keväällä 2024 maanantaisin kello 15."],
        "Aluehallitus päättää kokoontua keväällä 2024 seuraavasti: 15.1., 5.2., 26.2., 18.3., "
        "8.4., 29.4., 20.5. ja 10.6.",
    ),
]


# The monthly financial follow-up of 2023: (board meeting, period, forecast deficit in M€).
FOLLOW_UP_2023 = [
    ("2023-03-20", "tammi–helmikuu", 30),
    ("2023-04-24", "tammi–maaliskuu", 38),
    ("2023-05-15", "tammi–huhtikuu", 45),
    ("2023-06-19", "tammi–toukokuu", 52),
    ("2023-08-14", "tammi–kesäkuu", 56),
    ("2023-09-11", "tammi–heinäkuu", 54),
    ("2023-10-02", "tammi–elokuu", 51),
    ("2023-11-06", "tammi–syyskuu", 49),
    ("2023-12-04", "tammi–lokakuu", 47),
]


def _follow_up(period: str, forecast: int, previous: int | None) -> Spec:
    change = ""
    if previous is not None and previous != forecast:
        direction = "heikentynyt" if forecast > previous else "parantunut"
        change = (
            f"Ennuste on {direction} edellisestä raportista {abs(forecast - previous)} miljoonaa "
            "euroa."
        )
    return Spec(
        f"Talouden ja toiminnan seurantaraportti {period} 2023",
        body=_p(
            f"{period.capitalize()}n toteuman perusteella vuoden 2023 tulokseksi ennustetaan "
            f"{forecast} miljoonaa euroa alijäämää. Eniten talousarviosta poikkeavat "
            "henkilöstökulut, joissa vuokratyövoiman käyttö on ennakoitua suurempaa, sekä "
            "erikoissairaanhoidon ostopalvelut. " + change,
            "Kiireettömään hoitoon pääsi perusterveydenhuollossa keskimäärin "
            f"{16 + forecast // 10} päivässä.",
        ),
        proposal=_p("Aluehallitus merkitsee seurantaraportin tiedoksi."),
        outcome=Outcome.NOTED,
        case="seuranta-2023",
        appeal=NO_APPEAL,
        preparer="talousjohtaja",
    )


# Matters of individual clients: confidential, shown only by a descriptive title and basis.
SECRECY = "JulkL 24.1 § 25 k"
INDIVIDUAL_MATTERS = [
    ("asiakasmaksu", "05.01.00", "pitkäaikaisen asumispalvelun asiakasmaksua"),
    ("omaishoidon tuki", "05.02.00", "omaishoidon tuen hoitopalkkiota"),
    ("kuljetuspalvelu", "05.05.00", "vammaispalvelulain mukaisen kuljetuspalvelun matkoja"),
    ("toimeentulotuki", "05.01.01", "täydentävää toimeentulotukea"),
    ("kotihoidon palvelupäätös", "05.02.01", "kotihoidon käyntien määrää"),
    ("henkilökohtainen apu", "05.05.01", "henkilökohtaisen avun tuntimäärää"),
    ("asiakasmaksun alentaminen", "05.01.00", "asiakasmaksun alentamista"),
    ("perhehoito", "05.03.01", "perhehoidon kustannusten korvaamista"),
]
INDIVIDUAL_PROPOSALS = [
    "Jaosto hylkää oikaisuvaatimuksen.",
    "Jaosto hylkää oikaisuvaatimuksen.",
    "Jaosto hylkää oikaisuvaatimuksen.",
    "Jaosto hyväksyy oikaisuvaatimuksen osittain ja palauttaa asian viranhaltijan uudelleen "
    "käsiteltäväksi.",
    "Jaosto hyväksyy oikaisuvaatimuksen.",
]


def _individual_matter(rng: random.Random) -> Spec:
    label, task_class, subject = rng.choice(INDIVIDUAL_MATTERS)
    return Spec(
        f"Yksilöasian oikaisuvaatimus ({label})",
        body=_p(f"Asiakas hakee oikaisua viranhaltijan päätökseen, joka koskee {subject}."),
        proposal=_p(rng.choice(INDIVIDUAL_PROPOSALS)),
        secrecy=SECRECY,
        task_class=task_class,
        case="auto",
        appeal=AppealType.SPECIAL,
    )


# --- Officials' decisions ----------------------------------------------------------------


@dataclass(frozen=True)
class OfficialSpec:
    number: str
    official: str
    decided_on: str
    title: str
    text: str
    case: str | None = None
    appeal: str = RECTIFICATION


OFFICIAL_DECISIONS = [
    OfficialSpec(
        "HAJ 3/2022",
        "hyvinvointialuejohtaja",
        "2022-04-04",
        "Strategiatyön ohjausryhmän asettaminen",
        _p(
            "Asetan hyvinvointialuestrategian valmistelua varten ohjausryhmän, jonka "
            "puheenjohtajana toimii strategiajohtaja. Jäseninä ovat toimialajohtajat, "
            "viestintäjohtaja ja henkilöstön edustaja.",
            "Ohjausryhmä valmistelee strategialuonnoksen aluehallitukselle kesäkuun 2022 alkuun "
            "mennessä.",
        ),
        case="strategia",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HJ 2/2022",
        "hallintojohtaja",
        "2022-05-09",
        "Julkisuuskuvauksen julkaiseminen",
        _p(
            "Julkaisen hyvinvointialueen verkkosivuilla kuvauksen asiakirjarekistereistä ja "
            "tietoaineistoista, jotta asukkaat voivat pyytää tietoja ja asiakirjoja.",
        ),
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "TJ 8/2022",
        "talousjohtaja",
        "2022-08-22",
        "Talousarvion 2023 laadintaohjeet",
        _p(
            "Annan toimialoille talousarvion 2023 laadintaohjeet aluehallituksen 20.6.2022 "
            "hyväksymän suunnittelukehyksen mukaisesti. Talousarvioesitykset toimitetaan "
            "taloushallintoon 30.9.2022 mennessä.",
        ),
        case="budjetti-2023",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HENJ 5/2022",
        "henkilostojohtaja",
        "2022-09-05",
        "Opiskeluhuoltopalvelujen tulosyksikköpäällikön valinta",
        _p(
            "Opiskeluhuoltopalvelujen tulosyksikköpäällikön tehtävää haki 14 henkilöä, joista "
            "kuusi kutsuttiin haastatteluun.",
            "Valitsen tehtävään <span data-personal>terveystieteiden maisteri Sanna "
            "Kolehmaisen</span> 1.11.2022 alkaen. Valinta perustuu koulutukseen, "
            "johtamiskokemukseen ja haastatteluun. Koeaika on kuusi kuukautta.",
        ),
        case="opiskeluhuolto",
    ),
    OfficialSpec(
        "ICT 2/2022",
        "ict-johtaja",
        "2022-09-26",
        "Yhteisten sähköpostiosoitteiden ja intranetin käyttöönotto",
        _p(
            "Henkilöstö siirtyy käyttämään hyvinvointialueen yhteisiä sähköpostiosoitteita "
            "1.11.2022 alkaen. Yhteinen intranet otetaan käyttöön samana päivänä kaikille "
            "hyvinvointialueelle siirtyville työntekijöille.",
        ),
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HANK 11/2022",
        "hankintajohtaja",
        "2022-10-10",
        "Talousjärjestelmän hankinta",
        _p(
            "Aluehallituksen valtuutuksen perusteella hankin talousjärjestelmän "
            "yhteishankintayksikön puitejärjestelystä. Sopimuksen arvo on 1,8 miljoonaa euroa "
            "neljältä vuodelta.",
            "Hankintapäätökseen voi hakea muutosta hankintaoikaisulla tai valittamalla "
            "markkinaoikeuteen.",
        ),
        case="talousjarjestelma",
        appeal=AppealType.SPECIAL,
    ),
    OfficialSpec(
        "HENJ 9/2022",
        "henkilostojohtaja",
        "2022-12-19",
        "Järjestökoordinaattorin tehtävän perustaminen",
        _p(
            "Perustan hyvinvoinnin ja terveyden edistämisen yksikköön järjestökoordinaattorin "
            "tehtävän 1.1.2023 alkaen. Tehtävän rahoitus sisältyy aluevaltuuston hyväksymään "
            "talousarvioon 2023.",
        ),
        case="jarjestoneuvottelukunta",
    ),
    OfficialSpec(
        "HAJ 2/2023",
        "hyvinvointialuejohtaja",
        "2023-01-09",
        "Järjestöneuvottelukunnan jäsenten nimeäminen",
        _p(
            "Aluehallitus päätti 8.8.2022 perustaa järjestöneuvottelukunnan. Avoimeen hakuun "
            "ilmoittautui 34 järjestöä.",
            "Nimeän neuvottelukuntaan kymmenen järjestöjen edustajaa järjestöjen vaalikokouksen "
            "esityksen mukaisesti. Hyvinvointialuetta edustavat hyvinvoinnin ja terveyden "
            "edistämisen johtaja ja järjestökoordinaattori.",
        ),
        case="jarjestoneuvottelukunta",
    ),
    OfficialSpec(
        "PJ 4/2023",
        "pelastusjohtaja",
        "2023-02-06",
        "Paloasemien valmiusvuorot 2023",
        _p(
            "Vahvistan paloasemien valmiusvuorot vuodelle 2023 palvelutasopäätöksen mukaisesti. "
            "Heinolan ja Orimattilan paloasemilla on ympärivuorokautinen miehitys.",
        ),
    ),
    OfficialSpec(
        "TJ 3/2023",
        "talousjohtaja",
        "2023-03-13",
        "Pankkipalvelujen kilpailutuksen käynnistäminen",
        _p("Käynnistän maksuliikenteen pankkipalvelujen kilpailutuksen vuosille 2024–2027."),
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HENJ 6/2023",
        "henkilostojohtaja",
        "2023-04-11",
        "Vuokratyövoiman käytön hyväksymismenettely",
        _p(
            "Henkilöstöohjelman mukaisesti vuokratyövoiman käyttö edellyttää 1.5.2023 alkaen "
            "palvelualueen johtajan hyväksyntää. Hyväksyntä annetaan vain, jos sijaista ei saada "
            "sisäisestä varahenkilöstöstä tai omista sijaisista.",
        ),
        case="henkilostoohjelma",
    ),
    OfficialSpec(
        "HJ 4/2023",
        "hallintojohtaja",
        "2023-05-22",
        "Yhteistyöfoorumien kokoon kutsuminen",
        _p(
            "Aluehallitus hyväksyi yhteistyöpöytäkirjan 15.5.2023. Kutsun puheenjohtajafoorumin "
            "koolle 14.6.2023 ja strategisen tason foorumin syyskuussa 2023 yhdessä "
            "Päijät-Hämeen liiton kanssa.",
        ),
        case="yhteistyo",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HAJ 7/2023",
        "hyvinvointialuejohtaja",
        "2023-06-19",
        "Vahingonkorvausvaatimus liukastumisesta terveysaseman pihalla",
        _p(
            "<span data-personal>Marjatta Lindström</span> vaatii korvausta kaatumisesta "
            "Hollolan terveysaseman pihalla 12.1.2023. Hän katsoo, että piha oli hiekoittamatta.",
            "Kunnossapitäjän päiväkirjan mukaan piha oli hiekoitettu samana aamuna. Koska "
            "kunnossapito oli hoidettu sopimuksen mukaisesti, hyvinvointialue ei ole "
            "korvausvastuussa. Hylkään vaatimuksen.",
        ),
    ),
    OfficialSpec(
        "TJ 9/2023",
        "talousjohtaja",
        "2023-08-28",
        "Talousarvion 2024 laadintaohjeet",
        _p(
            "Annan toimialoille talousarvion 2024 laadintaohjeet aluehallituksen 5.6.2023 "
            "hyväksymän suunnittelukehyksen mukaisesti. Esityksissä on kuvattava "
            "tasapainottamistoimien vaikutukset.",
        ),
        case="budjetti-2024",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "TPJ 5/2023",
        "tilapalvelujohtaja",
        "2023-10-30",
        "Heinolan sosiaali- ja terveysaseman vuokrasopimuksen tarkistaminen",
        _p(
            "Kiinteistöohjelman mukaisesti tarkistan Heinolan kaupungin kanssa tehdyn "
            "vuokrasopimuksen. Vuokrattua pinta-alaa pienennetään 600 neliömetrillä 1.1.2024 "
            "alkaen, ja vuokra lasketaan ylläpidon todellisten kustannusten mukaan.",
        ),
        case="kiinteistot",
    ),
    OfficialSpec(
        "HANK 7/2023",
        "hankintajohtaja",
        "2023-11-13",
        "Suun terveydenhuollon ostopalvelujen kotiuttaminen",
        _p(
            "Tuotantotapa-analyysin mukaan suun terveydenhuollon perushoito on edullisempaa "
            "tuottaa itse. Ostopalvelusopimusta ei jatketa 31.3.2024 jälkeen, ja palvelut "
            "tuotetaan omana toimintana.",
        ),
        case="tasapainotus",
    ),
    OfficialSpec(
        "HAJ 12/2023",
        "hyvinvointialuejohtaja",
        "2023-12-01",
        "Tasapainottamistoimien toimeenpanon seurantaryhmä",
        _p(
            "Asetan talouden tasapainottamisohjelman toimeenpanoa seuraavan ryhmän. Ryhmä "
            "raportoi aluehallitukselle kuukausittain talouden seurantaraportin yhteydessä.",
        ),
        case="tasapainotus",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HENJ 2/2026",
        "henkilostojohtaja",
        "2026-11-04",
        "Henkilöstöohjelman 2027–2029 valmistelun käynnistäminen",
        _p(
            "Käynnistän henkilöstöohjelman 2027–2029 valmistelun. Valmisteluun osallistuvat "
            "henkilöstöjärjestöt, ja henkilöstöltä kerätään näkemyksiä kyselyllä.",
        ),
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "TJ 14/2026",
        "talousjohtaja",
        "2026-11-10",
        "Talousarvion 2027 käyttösuunnitelman valmisteluohje",
        _p(
            "Annan toimialoille ohjeen käyttösuunnitelmien laatimisesta sen jälkeen, kun "
            "aluevaltuusto on hyväksynyt talousarvion 2027.",
        ),
        case="budjetti-2027",
        appeal=NO_APPEAL,
    ),
    OfficialSpec(
        "HJ 9/2026",
        "hallintojohtaja",
        "2026-11-18",
        "Julkisuuskuvauksen päivittäminen",
        _p("Päivitän julkisuuskuvauksen vastaamaan uusia tietojärjestelmiä."),
        appeal=NO_APPEAL,
    ),
]


# --- When each body meets ----------------------------------------------------------------

# Meetings whose minutes are online, by body.
HELD: dict[str, str] = {
    AV: "2022-03-14 2022-04-25 2022-06-13 2022-09-26 2022-11-14 2022-12-12 2023-02-13 "
    "2023-04-17 2023-06-12 2023-09-25 2023-11-13 2023-12-11 2026-11-09",
    AH: "2022-03-21 2022-04-04 2022-04-25 2022-05-16 2022-06-06 2022-06-20 2022-08-08 "
    "2022-08-29 2022-09-19 2022-10-03 2022-10-17 2022-10-31 2022-11-14 2022-11-28 2022-12-12 "
    "2023-01-16 2023-02-06 2023-02-27 2023-03-20 2023-04-03 2023-04-24 2023-05-15 2023-06-05 "
    "2023-06-19 2023-08-14 2023-09-11 2023-10-02 2023-10-23 2023-11-06 2023-11-20 2023-12-04 "
    "2023-12-18 2026-11-02 2026-11-16",
    JAOS: "2023-01-25 2023-02-22 2023-03-22 2023-04-19 2023-05-24 2023-06-14 2023-08-23 "
    "2023-09-20 2023-10-18 2023-11-22 2023-12-13 2026-11-11",
    TAR: "2022-05-12 2022-06-09 2022-09-08 2022-10-13 2022-11-24 2023-01-26 2023-03-09 "
    "2023-04-13 2023-05-25 2023-08-31 2023-10-05 2023-11-16 2026-11-12",
    AOL: "2022-05-10 2022-06-14 2022-09-06 2022-10-11 2022-11-22 2023-02-07 2023-03-14 "
    "2023-05-09 2023-06-13 2023-09-05 2023-10-10 2023-11-21",
    HYTE: "2022-05-11 2022-06-08 2022-09-07 2022-10-12 2022-11-23 2023-02-08 2023-03-15 "
    "2023-05-10 2023-06-07 2023-09-06 2023-10-11 2023-11-22",
    TUVA: "2022-05-17 2022-06-15 2022-09-13 2022-10-18 2022-11-29 2023-02-14 2023-03-21 "
    "2023-05-16 2023-06-20 2023-09-12 2023-10-17 2023-11-28",
    VN: "2023-02-20 2023-04-11 2023-06-06 2023-09-19 2023-10-24 2023-12-05 2026-11-05",
    VAM: "2023-02-21 2023-04-12 2023-06-07 2023-09-20 2023-10-25 2023-12-06",
    NUVA: "2023-02-23 2023-04-13 2023-05-25 2023-09-21 2023-10-26 2023-12-07",
}

# Meetings not (yet) held: (body, day, state, notice published on).
LATER: list[tuple[str, str, str, str | None]] = [
    (HYTE, "2026-11-18", MeetingState.CANCELLED, "2026-11-11"),
    (TUVA, "2026-11-26", MeetingState.NOTICE_PUBLISHED, "2026-11-19"),
    (AH, "2026-11-30", MeetingState.NOTICE_PUBLISHED, "2026-11-20"),
    (AOL, "2026-12-02", MeetingState.NOTICE_PUBLISHED, "2026-11-20"),
    (AV, "2026-12-14", MeetingState.NOTICE_PUBLISHED, "2026-11-20"),
    (AH, "2026-12-14", MeetingState.PLANNED, None),
    (AH, "2027-01-11", MeetingState.PLANNED, None),
    (NUVA, "2027-01-19", MeetingState.PLANNED, None),
]
CANCELLED_REASON = (
    "Kokous on peruttu, koska käsiteltäviä asioita ei ollut riittävästi. Asiat käsitellään "
    "joulukuun kokouksessa."
)

MAIN_HALL = "Hallintorakennus, kokoushuone Vesijärvi, Keskussairaalankatu 7, Lahti"
VENUE: dict[str, tuple[str, str, int, float]] = {  # place, form, starting hour, hours
    AV: ("Sibeliustalo, Ankkurikatu 7, Lahti", MeetingMode.HYBRID, 17, 4),
    AH: (
        "Hallintorakennus, kokoushuone Salpausselkä, Keskussairaalankatu 7, Lahti",
        MeetingMode.HYBRID,
        15,
        2.5,
    ),
    JAOS: ("Sähköinen kokous", MeetingMode.ELECTRONIC, 13, 1.5),
    TAR: (MAIN_HALL, MeetingMode.IN_PERSON, 13, 2),
    AOL: (MAIN_HALL, MeetingMode.HYBRID, 16, 2),
    HYTE: (MAIN_HALL, MeetingMode.HYBRID, 16, 2),
    TUVA: ("Lahden paloasema, koulutustila, Lahti", MeetingMode.IN_PERSON, 14, 2),
    VN: (MAIN_HALL, MeetingMode.IN_PERSON, 10, 2),
    VAM: (MAIN_HALL, MeetingMode.IN_PERSON, 13, 2),
    NUVA: ("Lahden kaupunginkirjasto, kokoushuone, Lahti", MeetingMode.HYBRID, 17, 1.5),
}

ABSENCE = {AV: 0.08, AH: 0.07, JAOS: 0.1, VN: 0.15, VAM: 0.15, NUVA: 0.2}

INITIATIVES = [
    "lasten ja nuorten mielenterveyspalvelujen jonojen lyhentämisestä",
    "omaishoitajien vapaapäivien järjestämisestä kotiin annettavana palveluna",
    "liikkuvan neuvolan kokeilusta haja-asutusalueilla",
    "saattohoitopaikkojen lisäämisestä Lahden ulkopuolella",
    "sähköisen asioinnin tuesta ikääntyneille",
    "ensihoitoyksikön sijoittamisesta Sysmään",
    "ympäristövaikutusten arvioinnista hankinnoissa",
    "terveysasemien iltavastaanotoista",
    "päätösten julkaisemisesta selkokielellä",
    "henkilöstön pysäköintimaksuista luopumisesta",
    "kotihoidon öisen partioinnin laajentamisesta",
    "nuorten maksuttomasta ehkäisystä",
]
UPDATES = [
    "talousarvion valmistelun tilanne",
    "palvelustrategian toimeenpano",
    "asiakaspalautteen yhteenveto",
    "kotihoidon ja asumispalvelujen tilanne",
    "hoitoon pääsyn tilanne",
    "tulevat kuulemiset ja lausuntopyynnöt",
    "palveluverkon kehittäminen",
]
NOTICES = [
    "työsuojelun yhteistoimintaelimen pöytäkirja",
    "Päijät-Hämeen liiton maakuntahallituksen pöytäkirja",
    "aluehallintoviraston valvontapäätös",
    "kuntien lausunnot hyvinvointialueen valmistelusta",
    "Valviran ohjauskirje",
    "sosiaali- ja terveysministeriön tiedote hyvinvointialueiden rahoituksesta",
    "potilasasiavastaavan neljännesvuosiraportti",
    "henkilöstöraportti",
]


# --- Building the plan ---------------------------------------------------------------------

_PAST = {
    "päättää": "päätti",
    "esittää": "esitti",
    "hyväksyy": "hyväksyi",
    "merkitsee": "merkitsi",
    "antaa": "antoi",
    "nimeää": "nimesi",
    "valitsee": "valitsi",
    "myöntää": "myönsi",
    "kehottaa": "kehotti",
    "oikeuttaa": "oikeutti",
    "vahvistaa": "vahvisti",
    "edellyttää": "edellytti",
    "lähettää": "lähetti",
    "hylkää": "hylkäsi",
    "asettaa": "asetti",
    "siirtää": "siirsi",
    "saattaa": "saattoi",
    "palauttaa": "palautti",
    "poistaa": "poisti",
    "allekirjoittaa": "allekirjoitti",
    "tekee": "teki",
}
_VERB = re.compile(r"\b(" + "|".join(_PAST) + r")\b")
_CLAUSE = re.compile(r"\b(että|ettei)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_TAG = re.compile(r"(<[^>]+>)")


def _past(html: str) -> str:
    """A proposal as a decision: the main verbs in the past tense.

    Verbs after "päättää" are infinitives and verbs after "että" belong to what is
    proposed to someone else, so both stay as they are.
    """

    def sentence(text: str) -> str:
        out, pos = [], 0
        for match in _VERB.finditer(text):
            clause = _CLAUSE.search(text, pos, match.start())
            if clause:
                break
            out += [text[pos : match.start()], _PAST[match[1]]]
            pos = match.end()
            if match[1] == "päättää":
                break
        return "".join(out) + text[pos:]

    parts = _TAG.split(html)
    return "".join(
        part if part.startswith("<") else " ".join(map(sentence, _SENTENCE.split(part)))
        for part in parts
    )


@dataclass
class AttendPlan:
    person: str
    role: str
    presence: str = Presence.PRESENT
    deputy_for: str | None = None
    arrived_at: int | None = None
    left_at: int | None = None

    @property
    def seated(self) -> bool:
        return self.role in {AttendanceRole.CHAIR, AttendanceRole.MEMBER, AttendanceRole.DEPUTY}

    def in_room(self, section: int) -> bool:
        if self.presence == Presence.ABSENT:
            return False
        if self.arrived_at is not None and section < self.arrived_at:
            return False
        return not (self.left_at is not None and section > self.left_at)


@dataclass
class VotePlan:
    chair: str
    ballots: list[tuple[str, str]]


@dataclass
class ItemPlan:
    section: int
    title: str
    case: str | None
    preparer: str | None
    presenter: str | None
    appeal: str
    summary: str = ""
    body: str = ""
    proposal: str = ""
    secrecy: str = ""
    handled: bool = False
    outcome: str = Outcome.AS_PROPOSED
    decision: str = ""
    notes: str = ""
    proposals: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    votes: list[VotePlan] = field(default_factory=list)
    elections: list[tuple[str, int, list[tuple[str, int, bool]]]] = field(default_factory=list)
    disqualified: list[tuple[str, str]] = field(default_factory=list)
    dissents: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class MeetingPlan:
    body: str
    year: int
    number: int
    start: datetime
    end: datetime | None
    place: str
    mode: str
    state: str
    notice_at: datetime | None
    agenda_at: datetime | None
    cancelled_reason: str = ""
    items: list[ItemPlan] = field(default_factory=list)
    attendance: list[AttendPlan] = field(default_factory=list)
    checkers: tuple[str, str] | None = None
    minutes_published_at: datetime | None = None


@dataclass
class Plan:
    people: _People
    rosters: dict[tuple[str, str], Roster]
    meetings: list[MeetingPlan]
    case_titles: dict[str, tuple[str, int, str]]  # key -> (task class, year, title)
    case_opened: dict[str, datetime]


class _Planner:
    def __init__(self) -> None:
        self.people = _People()
        self.rosters = _rosters(self.people)
        self.story = _story()
        for day, period, forecast in FOLLOW_UP_2023:
            index = [d for d, _, _ in FOLLOW_UP_2023].index(day)
            previous = FOLLOW_UP_2023[index - 1][2] if index else None
            self.story.setdefault((AH, day), []).insert(0, _follow_up(period, forecast, previous))
        # Everyday business is spread evenly over the year's meetings, in its own order.
        self.everyday: dict[tuple[str, date], list[Spec]] = defaultdict(list)
        for (body, year), specs in FILLERS.items():
            days = [_d(day) for day in HELD[body].split() if day.startswith(str(year))]
            for index, spec in enumerate(specs):
                slot = round((index + 0.5) * len(days) / len(specs) - 0.5)
                self.everyday[body, days[min(max(slot, 0), len(days) - 1)]].append(spec)
        self.sections: dict[tuple[str, int], int] = defaultdict(int)
        self.cases: dict[str, tuple[str, int, str]] = {}
        self.case_opened: dict[str, datetime] = {}
        self.initiatives = 0
        self.notices = 0

    # -- the whole plan --

    def plan(self) -> Plan:
        schedule: list[tuple[str, date, str, date | None]] = []
        for body, days in HELD.items():
            schedule += [
                (body, _d(day), MeetingState.MINUTES_PUBLISHED, None) for day in days.split()
            ]
        schedule += [(body, _d(day), state, _d(n) if n else None) for body, day, state, n in LATER]
        schedule.sort(key=lambda entry: (entry[0], entry[1]))
        numbers: dict[tuple[str, int], int] = defaultdict(int)
        meetings = []
        previous: dict[str, date] = {}
        for body, day, state, notice_on in schedule:
            numbers[body, day.year] += 1
            meetings.append(
                self._meeting(
                    body, day, numbers[body, day.year], state, notice_on, previous.get(body)
                )
            )
            previous[body] = day
        for spec in OFFICIAL_DECISIONS:
            if spec.case:
                self._open_case(spec.case, _at(_d(spec.decided_on), 9) - timedelta(days=10))
        return Plan(self.people, self.rosters, meetings, self.cases, self.case_opened)

    def _open_case(self, key: str, when: datetime) -> None:
        if key not in self.cases:
            self.cases[key] = CASES[key]
        if key not in self.case_opened or when < self.case_opened[key]:
            self.case_opened[key] = when

    # -- one meeting --

    def _meeting(
        self,
        body: str,
        day: date,
        number: int,
        state: str,
        notice_on: date | None,
        previous: date | None,
    ) -> MeetingPlan:
        place, mode, hour, hours = VENUE[body]
        if body == AH and day.isoformat() in HELD[AV]:
            hour = 13  # the board meets before the council on the same day
        start = _at(day, hour)
        body_row = next(b for b in BODIES if b["slug"] == body)
        rng = random.Random(f"{SEED}:{body}:{day.isoformat()}")  # noqa: S311 - not for security
        held = state == MeetingState.MINUTES_PUBLISHED
        if held:
            notice_on = day - timedelta(days=body_row["notice_days"] + 3)
            while notice_on.weekday() >= 5:
                notice_on -= timedelta(days=1)
        if notice_on and not notice_in_time(
            published_on=notice_on, meeting_day=day, notice_days=body_row["notice_days"]
        ):
            raise ValueError(f"the notice of {body} {day} would be late")
        notice_at = _at(notice_on, 12) if notice_on else None
        meeting = MeetingPlan(
            body=body,
            year=day.year,
            number=number,
            start=start,
            end=start + timedelta(hours=hours) if held else None,
            place=place,
            mode=mode,
            state=state,
            notice_at=notice_at,
            agenda_at=notice_at if state != MeetingState.CANCELLED else None,
            cancelled_reason=CANCELLED_REASON if state == MeetingState.CANCELLED else "",
        )
        if state == MeetingState.CANCELLED:
            return meeting
        roster = self.rosters[body, _term_of(day)]
        ctx = _Ctx(self.people, self.rosters, roster, day)
        specs = list(self.story.get((body, day.isoformat()), []))
        if held:
            specs += self._everyday(body, day, rng)
        if held:
            meeting.attendance = self._attendance(body, meeting, roster, specs, rng)
            meeting.checkers = self._checkers(meeting, roster)
            published = next_working_day(day + timedelta(days=3))
            meeting.minutes_published_at = _at(published, 12)
        routine = state != MeetingState.PLANNED
        if routine:
            specs = [
                *self._opening(body, meeting, roster),
                *specs,
                self._closing(body, day, previous, ctx),
            ]
        for spec in specs:
            self.sections[body, day.year] += 1
            meeting.items.append(
                self._item(spec, self.sections[body, day.year], meeting, ctx, held)
            )
        if held:
            self._late_and_early(meeting, roster, rng)
            self._check_quorum(meeting, roster)
        return meeting

    def _everyday(self, body: str, day: date, rng: random.Random) -> list[Spec]:
        if body == JAOS:
            return [_individual_matter(rng) for _ in range(rng.randint(2, 4))]
        return self.everyday.get((body, day), [])

    # -- who was there --

    def _attendance(
        self,
        body: str,
        meeting: MeetingPlan,
        roster: Roster,
        specs: list[Spec],
        rng: random.Random,
    ) -> list[AttendPlan]:
        must = {roster.chair}
        for spec in specs:
            refs = [*spec.force_present, *(p for p, _ in spec.disqualified)]
            refs += [p for p, _ in spec.dissents]
            if spec.vote:
                refs += [spec.vote.counter_by, spec.vote.seconded_by]
                if body != AV:
                    must.update(roster.members)  # the board's tie needs every member there
            if spec.lapsed:
                refs.append(spec.lapsed[0])
            must.update(self._ref(ref, roster) for ref in refs if not ref.startswith("@"))
        absence = ABSENCE.get(body, 0.1)
        remote = 0.25 if meeting.mode == MeetingMode.HYBRID else 0.0
        everyone_remote = meeting.mode == MeetingMode.ELECTRONIC

        def presence() -> str:
            if everyone_remote or rng.random() < remote:
                return Presence.REMOTE
            return Presence.PRESENT

        rows: list[AttendPlan] = []
        for member in roster.members:
            role = AttendanceRole.CHAIR if member == roster.chair else AttendanceRole.MEMBER
            if member in must or rng.random() >= absence:
                rows.append(AttendPlan(member, role, presence()))
                continue
            rows.append(AttendPlan(member, role, Presence.ABSENT))
            deputy = roster.deputies.get(member)
            if deputy and rng.random() < 0.7:
                rows.append(AttendPlan(deputy, AttendanceRole.DEPUTY, presence(), member))
        quorum = _quorum(body)
        for row in [r for r in rows if r.presence == Presence.ABSENT]:
            if sum(1 for r in rows if r.seated and r.presence != Presence.ABSENT) >= quorum:
                break
            row.presence = presence()  # called in after all, so their deputy stays home
            rows[:] = [r for r in rows if r.deputy_for != row.person]
        rows.append(AttendPlan(roster.presenter, AttendanceRole.PRESENTER, presence()))
        if roster.secretary != roster.presenter:
            rows.append(AttendPlan(roster.secretary, AttendanceRole.SECRETARY, presence()))
        return rows

    def _checkers(self, meeting: MeetingPlan, roster: Roster) -> tuple[str, str]:
        candidates = sorted(
            (
                r.person
                for r in meeting.attendance
                if r.role == AttendanceRole.MEMBER and r.presence != Presence.ABSENT
            ),
            key=lambda slug: (self.people.rows[slug].last_name, self.people.rows[slug].first_name),
        )
        first = (meeting.number * 2) % len(candidates)
        return candidates[first], candidates[(first + 1) % len(candidates)]

    def _late_and_early(self, meeting: MeetingPlan, roster: Roster, rng: random.Random) -> None:
        """Somebody now and then arrives late or leaves early, and experts visit their item."""
        eventful = any(i.votes or i.elections or i.disqualified for i in meeting.items)
        sections = [item.section for item in meeting.items]
        members = [
            r
            for r in meeting.attendance
            if r.role == AttendanceRole.MEMBER
            and r.presence != Presence.ABSENT
            and (meeting.checkers is None or r.person not in meeting.checkers)
        ]
        if not eventful and len(sections) >= 5 and len(members) > 3:
            quorum = _quorum(meeting.body)
            present = sum(1 for r in meeting.attendance if r.seated and r.in_room(sections[0]))
            if present - 1 >= quorum and rng.random() < 0.25:
                rng.choice(members).left_at = sections[-2]
            elif present - 1 >= quorum and rng.random() < 0.2:
                rng.choice(members).arrived_at = sections[2]
        if meeting.body not in (AV, AH):
            return
        seen = {r.person for r in meeting.attendance}
        visits: dict[str, list[int]] = defaultdict(list)
        for item in meeting.items:
            if item.preparer and item.preparer not in seen:
                visits[item.preparer].append(item.section)
        for person, visited in visits.items():
            presence = (
                Presence.REMOTE if meeting.mode == MeetingMode.ELECTRONIC else Presence.PRESENT
            )
            meeting.attendance.append(
                AttendPlan(
                    person, AttendanceRole.EXPERT, presence, None, min(visited), max(visited)
                )
            )

    def _check_quorum(self, meeting: MeetingPlan, roster: Roster) -> None:
        body = next(b for b in BODIES if b["slug"] == meeting.body)
        for item in meeting.items:
            out = {person for person, _ in item.disqualified}
            present = sum(
                1
                for r in meeting.attendance
                if r.seated and r.in_room(item.section) and r.person not in out
            )
            if not has_quorum(
                seats=body["seats"], is_council=body["kind"] == BodyKind.COUNCIL, present=present
            ):
                raise ValueError(
                    f"{meeting.body} {meeting.start:%Y-%m-%d} § {item.section} lacks a quorum"
                )

    # -- references to people in the story --

    def _ref(self, ref: str, roster: Roster) -> str:
        if ref.startswith("#"):
            return roster.members[int(ref[1:])]
        return self.people.slug(ref)

    def _pick(self, ref: str, meeting: MeetingPlan, roster: Roster, taken: set[str]) -> str:
        if not ref.startswith("@"):
            return self._ref(ref, roster)
        group = ref[1:]
        present = {r.person for r in meeting.attendance if r.presence != Presence.ABSENT}
        for member in roster.members:
            if (
                member not in taken
                and member in present
                and member != roster.chair
                and self.people.group(member) == group
            ):
                return member
        raise ValueError(f"nobody of {group} at {meeting.body} {meeting.start:%Y-%m-%d}")

    # -- the items --

    def _opening(self, body: str, meeting: MeetingPlan, roster: Roster) -> list[Spec]:
        council = body == AV
        quorum = (
            "paikalla on vähintään kaksi kolmasosaa valtuutetuista"
            if council
            else "paikalla on enemmän kuin puolet jäsenistä"
        )
        notice = _fi(meeting.notice_at) if meeting.notice_at else "–"
        legality = Spec(
            "Kokouksen laillisuus ja päätösvaltaisuus",
            body=_p(
                f"Kokouskutsu ja esityslista on julkaistu hyvinvointialueen verkkosivuilla "
                f"{notice}. {SUBJECT[body]} on päätösvaltainen, kun {quorum} (laki "
                "hyvinvointialueesta 108 §)."
            ),
            proposal=_p("Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi."),
            decision=_p("Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi."),
            appeal=NO_APPEAL,
            presenter="chair",
            preparer=SECRETARY[body],
        )
        if meeting.checkers:
            first, second = map(self.people.name, meeting.checkers)
            published = _fi(next_working_day(meeting.start.date() + timedelta(days=3)))
            checking = Spec(
                "Pöytäkirjantarkastajien valinta",
                body=_p(
                    "Pöytäkirja tarkastetaan sähköisesti, ja se julkaistaan hyvinvointialueen "
                    f"verkkosivuilla {published}. Tarkastusvuorossa ovat {first} ja {second}."
                ),
                proposal=_p(f"Valitaan pöytäkirjantarkastajiksi {first} ja {second}."),
                decision=_p(f"Pöytäkirjantarkastajiksi valittiin {first} ja {second}."),
                appeal=NO_APPEAL,
                presenter="chair",
                preparer=SECRETARY[body],
            )
        else:
            checking = Spec(
                "Pöytäkirjantarkastajien valinta",
                body=_p(
                    "Pöytäkirja tarkastetaan sähköisesti, ja se julkaistaan hyvinvointialueen "
                    "verkkosivuilla viikon kuluessa kokouksesta."
                ),
                proposal=_p("Valitaan kaksi pöytäkirjantarkastajaa."),
                appeal=NO_APPEAL,
                presenter="chair",
                preparer=SECRETARY[body],
            )
        return [legality, checking]

    def _closing(self, body: str, day: date, previous: date | None, ctx: _Ctx) -> Spec:
        if body == AH:
            since = previous or day - timedelta(days=30)
            decisions = [o for o in OFFICIAL_DECISIONS if since < _d(o.decided_on) <= day]
            if decisions:
                listed = _p(
                    "Aluehallitukselle ilmoitetaan seuraavat viranhaltijapäätökset, joihin se "
                    "voi käyttää otto-oikeutta:"
                ) + _ul(
                    *(
                        f"{o.title} ({OFFICIALS[o.official][2]}, {o.number}, "
                        f"{_fi(_d(o.decided_on))})"
                        for o in decisions
                    )
                )
            else:
                listed = _p(
                    "Edellisen kokouksen jälkeen ei ole tehty viranhaltijapäätöksiä, jotka "
                    "ilmoitetaan aluehallitukselle."
                )
            extra = NOTICES[self.notices % len(NOTICES)]
            if day == _d("2022-08-29"):
                extra = (
                    "muistio sosiaali- ja terveysministeriön, sisäministeriön ja "
                    "valtiovarainministeriön kanssa 19.8.2022 käydyistä "
                    "tilannekatsausneuvotteluista"
                )
            self.notices += 1
            return Spec(
                "Viranhaltijapäätökset ja ilmoitusasiat",
                body=listed + _p(f"Muut ilmoitusasiat: {extra}."),
                proposal=_p(
                    "Aluehallitus merkitsee ilmoitusasiat tiedoksi ja päättää, ettei se käytä "
                    "otto-oikeutta ilmoitettuihin viranhaltijapäätöksiin."
                ),
                appeal=NO_APPEAL,
                preparer=SECRETARY[body],
            )
        if body == AV:
            named = {ctx.people.ref[key] for key in NAMED}
            signers = [m for m in ctx.roster.members[3:] if m not in named]
            count = 1 + self.initiatives % 2
            entries = []
            for _ in range(count):
                topic = INITIATIVES[self.initiatives % len(INITIATIVES)]
                signer = signers[(self.initiatives * 7) % len(signers)]
                others = 5 + (self.initiatives * 3) % 20
                entries.append(
                    f"valtuutettu {ctx.people.name(signer)} ja {others} muuta valtuutettua: "
                    f"aloite {topic}"
                )
                self.initiatives += 1
            return Spec(
                "Ilmoitusasiat ja valtuustoaloitteet",
                body=_p("Kokouksessa jätettiin seuraavat valtuustoaloitteet:") + _ul(*entries),
                proposal=_p(
                    "Aluevaltuusto merkitsee ilmoitusasiat tiedoksi ja lähettää "
                    "valtuustoaloitteet aluehallituksen valmisteltaviksi."
                ),
                appeal=NO_APPEAL,
                presenter="chair",
                preparer=SECRETARY[body],
            )
        if body in ADVISORY:
            title = OFFICIALS[PRESENTER[body]][2]
            first = UPDATES[self.notices % len(UPDATES)]
            second = UPDATES[(self.notices + 2) % len(UPDATES)]
            self.notices += 1
            return Spec(
                "Ajankohtaiskatsaus",
                body=_p(
                    f"Neuvoston esittelijä, {title}, kertoo ajankohtaisista asioista. Aiheina "
                    f"ovat {first} ja {second}. Jäsenet kertovat kuntiensa kuulumisista."
                ),
                proposal=_p(f"{SUBJECT[body]} merkitsee katsauksen tiedoksi."),
                outcome=Outcome.NOTED,
                appeal=NO_APPEAL,
            )
        self.notices += 1
        return Spec(
            "Ilmoitusasiat",
            body=_p(f"Tiedoksi: {NOTICES[self.notices % len(NOTICES)]}."),
            proposal=_p(f"{SUBJECT[body]} merkitsee ilmoitusasiat tiedoksi."),
            outcome=Outcome.NOTED,
            appeal=NO_APPEAL,
            preparer=SECRETARY[body],
        )

    def _item(
        self, spec: Spec, section: int, meeting: MeetingPlan, ctx: _Ctx, held: bool
    ) -> ItemPlan:
        body = meeting.body
        roster = ctx.roster
        case = spec.case
        if case == "auto":
            case = f"auto:{body}:{meeting.year}:{spec.title}"
            self.cases.setdefault(case, (spec.task_class, meeting.year, spec.title))
        elif case:
            self.cases.setdefault(case, CASES[case])
        if case:
            self._open_case(case, (meeting.agenda_at or meeting.start) - timedelta(days=14))
        body_row = next(b for b in BODIES if b["slug"] == body)
        appeal = spec.appeal or _usual_appeal(body)
        if not body_row.get("appeal_open", True):
            appeal = NO_APPEAL
        presenter = roster.chair if spec.presenter == "chair" else roster.presenter
        item = ItemPlan(
            section=section,
            title=spec.title,
            case=case,
            preparer=self.people.ref[spec.preparer] if spec.preparer else roster.presenter,
            presenter=presenter,
            appeal=appeal,
            summary=spec.summary,
            body=spec.body(ctx) if callable(spec.body) else spec.body,
            proposal=spec.proposal,
            secrecy=spec.secrecy,
            attachments=list(spec.attachments),
        )
        if not held:
            return item
        item.handled = True
        item.outcome = spec.outcome
        if callable(spec.decision):
            item.decision = spec.decision(ctx)
        else:
            item.decision = spec.decision if spec.decision is not None else _past(spec.proposal)
        item.notes = spec.notes
        item.disqualified = [(self._ref(p, roster), ground) for p, ground in spec.disqualified]
        item.dissents = [(self._ref(p, roster), reasons) for p, reasons in spec.dissents]
        taken: set[str] = set()
        if spec.vote:
            item.notes += self._vote(item, spec.vote, meeting, roster, taken)
        if spec.lapsed:
            by = self._pick(spec.lapsed[0], meeting, roster, taken)
            item.proposals = [
                (ProposalKind.PRESENTER, html_to_text(spec.proposal), None, None),
                (ProposalKind.COUNTER, spec.lapsed[1], by, None),
            ]
            word = "valtuutettu" if body == AV else "jäsen"
            item.notes += _p(
                f"Keskustelun kuluessa {word} {self.people.name(by)} ehdotti: "
                f"”{spec.lapsed[1]}” Ehdotusta ei kannatettu, joten se raukesi.",
                f"Puheenjohtaja totesi, että {SUBJECT[body].lower()} hyväksyi "
                f"{_proposal_word(body, 'accusative')} yksimielisesti.",
            )
        if spec.election:
            item.notes += self._election(item, spec.election, meeting, roster)
        return item

    def _voters(
        self, item: ItemPlan, meeting: MeetingPlan, roster: Roster
    ) -> list[tuple[str, str]]:
        """(seat holder, voter or "") for every seat: the member, their deputy, or nobody."""
        rows = {r.person: r for r in meeting.attendance}
        out = {person for person, _ in item.disqualified}
        seats = []
        for member in roster.members:
            row = rows.get(member)
            if row and row.in_room(item.section) and member not in out:
                seats.append((member, member))
                continue
            deputy = next(
                (
                    r.person
                    for r in meeting.attendance
                    if r.deputy_for == member and r.in_room(item.section)
                ),
                "",
            )
            seats.append((member, deputy))
        return seats

    def _vote(
        self, item: ItemPlan, vote: VoteSpec, meeting: MeetingPlan, roster: Roster, taken: set[str]
    ) -> str:
        by = self._pick(vote.counter_by, meeting, roster, taken)
        taken.add(by)
        seconder = self._pick(vote.seconded_by, meeting, roster, taken)
        taken.add(seconder)
        item.proposals = [
            (ProposalKind.PRESENTER, html_to_text(item.proposal), None, None),
            (ProposalKind.COUNTER, vote.text, by, seconder),
        ]
        groups = {k: v for k, v in vote.choices.items() if k.isupper()}
        persons = {self.people.slug(k): v for k, v in vote.choices.items() if not k.isupper()}
        ballots: list[tuple[str, str]] = []
        for member, voter in self._voters(item, meeting, roster):
            if not voter:
                ballots.append((member, BallotChoice.ABSENT))
                continue
            choice = persons.get(voter) or groups.get(self.people.group(voter), vote.default)
            ballots.append((voter, choice))
        chair_choice = next(c for p, c in ballots if p == roster.chair)
        result = vote_result([c for _, c in ballots], chair_choice=chair_choice)
        if result.winner != "yes":
            raise ValueError(f"the story has the presenter's proposal win: {item.title}")
        item.votes = [VotePlan(roster.chair, ballots)]
        word = "valtuutettu" if meeting.body == AV else "jäsen"
        tie = (
            " Äänet menivät tasan, joten puheenjohtajan ääni ratkaisi."
            if result.decided_by_chair
            else ""
        )
        return _p(
            f"Keskustelun kuluessa {word} {self.people.name(by)} teki vastaehdotuksen, jota "
            f"{word} {self.people.name(seconder)} kannatti: ”{vote.text}”",
            "Koska oli tehty kannatettu vastaehdotus, puheenjohtaja totesi, että on "
            "äänestettävä. Äänestystavaksi hyväksyttiin avoin äänestys: "
            f"{_proposal_word(meeting.body, 'partitive')} kannattavat äänestävät jaa ja "
            "vastaehdotusta kannattavat ei.",
            f"Äänestyksen tulos: jaa {result.yes}, ei {result.no}, tyhjiä {result.blank}, "
            f"poissa {result.absent}.{tie} Puheenjohtaja totesi, että "
            f"{SUBJECT[meeting.body].lower()} on hyväksynyt "
            f"{_proposal_word(meeting.body, 'accusative')}.",
        )

    def _election(
        self, item: ItemPlan, election: ElectionSpec, meeting: MeetingPlan, roster: Roster
    ) -> str:
        voters = sum(1 for _, voter in self._voters(item, meeting, roster) if voter)
        candidates = []
        for ref, share in election.candidates:
            candidates.append((self._ref(ref, roster), int(voters * share)))
        best = max(votes for _, votes in candidates)
        if sum(1 for _, votes in candidates if votes == best) > 1:
            raise ValueError(f"the election at {item.title} would need a lot")
        blank = voters - sum(votes for _, votes in candidates)
        item.elections.append((election.position, 1, [(p, v, v == best) for p, v in candidates]))
        winner = next(p for p, v in candidates if v == best)
        counts = ", ".join(f"{self.people.name(p)} {v}" for p, v in candidates)
        return _p(
            f"Vaali ({election.position}) toimitettiin suljetuin lipuin. Ääniä annettiin "
            f"{voters}: {counts}, tyhjiä {blank}. Valituksi tuli {self.people.name(winner)}."
        )


def _quorum(body: str) -> int:
    row = next(b for b in BODIES if b["slug"] == body)
    return quorum_needed(seats=row["seats"], is_council=row["kind"] == BodyKind.COUNCIL)


def _usual_appeal(body: str) -> str:
    if body == AV:
        return REGIONAL
    if body in ADVISORY:
        return NO_APPEAL
    return RECTIFICATION


def _proposal_word(body: str, case: str) -> str:
    forms = {
        "partitive": ("aluehallituksen ehdotusta", "esittelijän ehdotusta"),
        "accusative": ("aluehallituksen ehdotuksen", "esittelijän ehdotuksen"),
    }
    council, other = forms[case]
    return council if body == AV else other


# --- Writing the plan: find each row by its natural key, create only what is missing ------

M = TypeVar("M", bound=models.Model)


class _Store:
    def __init__(self) -> None:
        self.created = 0

    def ensure(
        self,
        model: type[M],
        key: tuple[str, ...],
        rows: Iterable[dict[str, Any]],
        **scope: Any,
    ) -> dict[tuple[Any, ...], int]:
        """Create the rows whose key is not in the database yet; return key -> pk for all."""
        manager = model._default_manager

        def existing() -> dict[tuple[Any, ...], int]:
            found = manager.filter(**scope) if scope else manager.all()
            return {tuple(values[:-1]): values[-1] for values in found.values_list(*key, "pk")}

        found = existing()
        missing: list[M] = []
        seen: set[tuple[Any, ...]] = set()
        for row in rows:
            natural = tuple(row[name] for name in key)
            if natural not in found and natural not in seen:
                seen.add(natural)
                missing.append(model(**row))
        if not missing:
            return found
        manager.bulk_create(missing, batch_size=500)
        self.created += len(missing)
        return existing()


def _diary_numbers(plan: Plan) -> dict[str, str]:
    """Number the cases in the order they were opened, with gaps as in a real registry."""
    rng = random.Random(SEED)  # noqa: S311 - not for security
    counters: dict[int, int] = {}
    numbers = {}
    for key in sorted(plan.case_titles, key=lambda k: (plan.case_opened[k], k)):
        task_class, year, _ = plan.case_titles[key]
        counters[year] = counters.get(year, rng.randint(20, 60)) + rng.randint(1, 9)
        numbers[key] = f"{counters[year]}/{task_class}/{year}"
    return numbers


def _write(plan: Plan) -> int:
    store = _Store()
    people = plan.people

    terms = {}
    for name, (start, end) in TERMS.items():
        term, created = Term.objects.get_or_create(name=name, defaults={"start": start, "end": end})
        store.created += created
        terms[name] = term.pk

    def body_row(spec: dict[str, Any], parent: int | None) -> dict[str, Any]:
        return {
            "slug": spec["slug"],
            "name": spec["name"],
            "kind": spec["kind"],
            "parent_id": parent,
            "seats": spec["seats"],
            "notice_days": spec["notice_days"],
            "appeal_open": spec.get("appeal_open", True),
            "description": spec["description"],
            "powers": spec["powers"],
            "contact": spec["contact"],
            "order": spec["order"],
            "active": spec.get("active", True),
            "ended": spec.get("ended"),
        }

    top = store.ensure(Body, ("slug",), [body_row(b, None) for b in BODIES if "parent" not in b])
    store.ensure(
        Body,
        ("slug",),
        [body_row(b, top[b["parent"],]) for b in BODIES if "parent" in b],
    )
    bodies = dict(Body.objects.values_list("slug", "pk"))

    clerk = _clerk(store)
    secretary = people.ref[SECRETARY[AH]]
    linked = Person.objects.filter(user=clerk).exists()
    found = store.ensure(
        Person,
        ("slug",),
        [
            {
                "slug": row.slug,
                "first_name": row.first_name,
                "last_name": row.last_name,
                "title": row.title,
                "political_group": row.political_group,
                "home_municipality": row.home_municipality,
                "interests": row.interests,
                "interests_date": row.interests_date,
                "user_id": clerk.pk if row.slug == secretary and not linked else None,
            }
            for row in people.rows.values()
        ],
    )
    if not Person.objects.filter(user=clerk).exists():
        Person.objects.filter(slug=secretary, user__isnull=True).update(user=clerk)
    person = {slug: pk for (slug,), pk in found.items()}
    # The demo clerk prepares and records the board's and its division's meetings.
    for slug in (AH, JAOS):
        Body.objects.get(slug=slug).clerks.add(clerk)

    membership_rows = []
    for roster in plan.rosters.values():
        seats: list[tuple[str, str, str | None]] = [
            (m, MembershipRole.CHAIR if m == roster.chair else MembershipRole.VICE_CHAIR, None)
            if m == roster.chair or m in roster.vice_chairs
            else (m, MembershipRole.MEMBER, None)
            for m in roster.members
        ]
        seats += [(d, MembershipRole.DEPUTY, m) for m, d in roster.deputies.items()]
        seats += [(roster.presenter, MembershipRole.PRESENTER, None)]
        seats += [(roster.secretary, MembershipRole.SECRETARY, None)]
        membership_rows += [
            {
                "person_id": person[slug],
                "body_id": bodies[roster.body],
                "term_id": terms[roster.term],
                "role": role,
                "deputy_of_id": person[principal] if principal else None,
                "start": roster.start,
                "end": roster.end,
            }
            for slug, role, principal in seats
        ]
    store.ensure(Membership, ("person_id", "body_id", "role", "start"), membership_rows)

    diary = _diary_numbers(plan)
    case_rows = []
    for key, number in diary.items():
        case_number, task_class, year = parse_diary_number(number)
        case_rows.append(
            {
                "diary_number": number,
                "number": case_number,
                "task_class": task_class,
                "year": year,
                "title": plan.case_titles[key][2],
                "created_at": plan.case_opened[key],
            }
        )
    by_diary = store.ensure(Case, ("diary_number",), case_rows)
    case = {key: by_diary[number,] for key, number in diary.items()}

    meetings = store.ensure(
        Meeting,
        ("body_id", "year", "number"),
        [
            {
                "body_id": bodies[m.body],
                "year": m.year,
                "number": m.number,
                "start": m.start,
                "end": m.end,
                "place": m.place,
                "mode": m.mode,
                "state": m.state,
                "notice_published_at": m.notice_at,
                "agenda_published_at": m.agenda_at,
                "cancelled_reason": m.cancelled_reason,
            }
            for m in plan.meetings
        ],
    )
    meeting_id = {id(m): meetings[bodies[m.body], m.year, m.number] for m in plan.meetings}
    ids = list(meeting_id.values())

    minutes_rows = []
    for m in plan.meetings:
        if m.checkers and m.minutes_published_at:
            approved = next_working_day(m.start.date() + timedelta(days=1))
            minutes_rows.append(
                {
                    "meeting_id": meeting_id[id(m)],
                    "checker_1_id": person[m.checkers[0]],
                    "checker_2_id": person[m.checkers[1]],
                    "checker_1_approved_at": _at(approved, 9, 30),
                    "checker_2_approved_at": _at(approved, 15, 10),
                    "published_at": m.minutes_published_at,
                }
            )
    store.ensure(Minutes, ("meeting_id",), minutes_rows, meeting_id__in=ids)
    store.ensure(
        Attendance,
        ("meeting_id", "person_id"),
        [
            {
                "meeting_id": meeting_id[id(m)],
                "person_id": person[a.person],
                "role": a.role,
                "presence": a.presence,
                "deputy_for_id": person[a.deputy_for] if a.deputy_for else None,
                "arrived_at": a.arrived_at,
                "left_at": a.left_at,
            }
            for m in plan.meetings
            for a in m.attendance
        ],
        meeting_id__in=ids,
    )

    items = [(m, item) for m in plan.meetings for item in m.items]
    item_ids = store.ensure(
        AgendaItem,
        ("meeting_id", "section"),
        [
            {
                "meeting_id": meeting_id[id(m)],
                "section": item.section,
                "case_id": case[item.case] if item.case else None,
                "title": item.title,
                "is_procedural": is_procedural_title(item.title),
                "is_public": not item.secrecy,
                "secrecy_basis": item.secrecy,
                "preparer_id": person[item.preparer] if item.preparer else None,
                "presenter_id": person[item.presenter] if item.presenter else None,
                "summary": item.summary,
                "body": clean_html(item.body),
                "proposal": clean_html(item.proposal),
                "appeal_type": item.appeal,
                "modified_at": m.agenda_at or m.start - timedelta(days=7),
            }
            for m, item in items
        ],
        meeting_id__in=ids,
    )
    item_id = {id(item): item_ids[meeting_id[id(m)], item.section] for m, item in items}
    store.ensure(
        Attachment,
        ("item_id", "order"),
        [
            {
                "item_id": item_id[id(item)],
                "title": title,
                "text": text,
                "size": len(text.encode()),
                "order": order,
            }
            for _, item in items
            for order, (title, text) in enumerate(item.attachments, start=1)
        ],
        item_id__in=item_id.values(),
    )
    _write_handlings(store, [item for _, item in items if item.handled], item_id, person)
    _write_official_decisions(store, person, case)
    _write_offices(store, person, bodies)
    return store.created


def _write_handlings(
    store: _Store, items: list[ItemPlan], item_id: dict[int, int], person: dict[str, int]
) -> None:
    found = store.ensure(
        Handling,
        ("item_id",),
        [
            {
                "item_id": item_id[id(item)],
                "outcome": item.outcome,
                "decision": clean_html(item.decision),
                "notes": clean_html(item.notes),
            }
            for item in items
        ],
        item_id__in=item_id.values(),
    )
    handling = {id(item): found[item_id[id(item)],] for item in items}
    eventful = [item for item in items if item.proposals or item.elections or item.dissents]
    scope = [handling[id(item)] for item in eventful]
    store.ensure(
        Disqualification,
        ("item_id", "person_id"),
        [
            {"item_id": item_id[id(item)], "person_id": person[p], "ground": ground}
            for item in items
            for p, ground in item.disqualified
        ],
        item_id__in=item_id.values(),
    )
    store.ensure(
        Dissent,
        ("handling_id", "person_id"),
        [
            {"handling_id": handling[id(item)], "person_id": person[p], "reasons": reasons}
            for item in eventful
            for p, reasons in item.dissents
        ],
        handling_id__in=scope,
    )
    proposals = store.ensure(
        Proposal,
        ("handling_id", "order"),
        [
            {
                "handling_id": handling[id(item)],
                "kind": kind,
                "text": text,
                "proposer_id": person[by] if by else None,
                "seconder_id": person[seconder] if seconder else None,
                "order": order,
            }
            for item in eventful
            for order, (kind, text, by, seconder) in enumerate(item.proposals, start=1)
        ],
        handling_id__in=scope,
    )
    votes = store.ensure(
        Vote,
        ("handling_id", "order"),
        [
            {
                "handling_id": handling[id(item)],
                "order": order,
                "method": VoteMethod.OPEN,
                "yes_proposal_id": proposals[handling[id(item)], 1],
                "no_proposal_id": proposals[handling[id(item)], 2],
                "chair_id": person[vote.chair],
            }
            for item in eventful
            for order, vote in enumerate(item.votes, start=1)
        ],
        handling_id__in=scope,
    )
    store.ensure(
        Ballot,
        ("vote_id", "person_id"),
        [
            {"vote_id": votes[handling[id(item)], order], "person_id": person[p], "choice": c}
            for item in eventful
            for order, vote in enumerate(item.votes, start=1)
            for p, c in vote.ballots
        ],
        vote_id__in=votes.values(),
    )
    elections = store.ensure(
        Election,
        ("handling_id", "position"),
        [
            {"handling_id": handling[id(item)], "position": position, "seats": seats}
            for item in eventful
            for position, seats, _ in item.elections
        ],
        handling_id__in=scope,
    )
    store.ensure(
        ElectionCandidate,
        ("election_id", "person_id"),
        [
            {
                "election_id": elections[handling[id(item)], position],
                "person_id": person[p],
                "votes": votes_for,
                "elected": elected,
            }
            for item in eventful
            for position, _, candidates in item.elections
            for p, votes_for, elected in candidates
        ],
        election_id__in=elections.values(),
    )


def _write_official_decisions(store: _Store, person: dict[str, int], case: dict[str, int]) -> None:
    store.ensure(
        OfficialDecision,
        ("number",),
        [
            {
                "official_id": person[slugify(" ".join(OFFICIALS[spec.official][:2]))],
                "official_title": OFFICIALS[spec.official][2],
                "number": spec.number,
                "title": spec.title,
                "case_id": case[spec.case] if spec.case else None,
                "decided_on": _d(spec.decided_on),
                "text": clean_html(spec.text),
                "appeal_type": spec.appeal,
                "published_at": _at(next_working_day(_d(spec.decided_on) + timedelta(days=1)), 12),
            }
            for spec in OFFICIAL_DECISIONS
        ],
        number__in=[spec.number for spec in OFFICIAL_DECISIONS],
    )


# Officials with delegated decision power (hallintosääntö): every official whose decisions
# the demo publishes, their power delegated by the executive board, whose clerk (sihteeri)
# publishes for them. The finance director also signs in himself as "talousjohtaja".
OFFICE_START = date(2022, 3, 1)
OFFICIAL_USERNAME = "talousjohtaja"


def _write_offices(store: _Store, person: dict[str, int], bodies: dict[str, int]) -> None:
    keys = sorted({spec.official for spec in OFFICIAL_DECISIONS})
    for key in keys:
        first, last, title = OFFICIALS[key]
        _office, created = Office.objects.get_or_create(
            holder_id=person[slugify(f"{first} {last}")],
            title=title,
            defaults={"delegated_by_id": bodies[AH], "start": OFFICE_START},
        )
        store.created += created
    first, last, _title = OFFICIALS[OFFICIAL_USERNAME]
    user, created = get_user_model().objects.get_or_create(
        username=OFFICIAL_USERNAME,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{OFFICIAL_USERNAME}@example.invalid",
        },
    )
    if created:
        user.set_password(CLERK_PASSWORD)
        user.save(update_fields=["password"])
        store.created += 1
    if not Person.objects.filter(user=user).exists():
        Person.objects.filter(slug=slugify(f"{first} {last}"), user__isnull=True).update(user=user)


def _clerk(store: _Store) -> Any:
    """The demo clerk: the board's secretary, who signs in as "sihteeri"."""
    first, last, _ = OFFICIALS[SECRETARY[AH]]
    user, created = get_user_model().objects.get_or_create(
        username=CLERK_USERNAME,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": "sihteeri@example.invalid",
            "is_staff": False,
        },
    )
    if created:
        user.set_password(CLERK_PASSWORD)
        user.save(update_fields=["password"])
        store.created += 1
    return user


def build() -> Plan:
    """The whole demo as plain data, without touching the database."""
    return _Planner().plan()


@transaction.atomic
def _checkers() -> int:
    """Two current board members who check minutes sign in as tarkastaja1 and tarkastaja2."""
    created = 0
    members = (
        Membership.objects.filter(body__slug=AH, role=MembershipRole.MEMBER, term__name=T2)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    for number, membership in enumerate(members[:2], start=1):
        user, new = get_user_model().objects.get_or_create(
            username=f"tarkastaja{number}",
            defaults={
                "first_name": membership.person.first_name,
                "last_name": membership.person.last_name,
                "email": f"tarkastaja{number}@example.invalid",
            },
        )
        if new:
            user.set_password(CLERK_PASSWORD)
            user.save(update_fields=["password"])
            created += 1
        if membership.person.user_id is None and not Person.objects.filter(user=user).exists():
            membership.person.user = user
            membership.person.save(update_fields=["user"])
    return created


def load(*, stdout: _Writer | None = None) -> None:
    """Load the demo content of decision making; a second run creates nothing."""
    with search_index.paused():
        created = _write(build())
        created += _checkers()
        appeal_dates_store_missing()
    if created or not SearchEntry.objects.exists():
        search_index.rebuild()
    if stdout is not None:
        counts = [
            (Body, "bodies"),
            (Person, "people"),
            (Membership, "memberships"),
            (Case, "cases"),
            (Meeting, "meetings"),
            (AgendaItem, "agenda items"),
            (OfficialDecision, "officials' decisions"),
        ]
        summary = ", ".join(f"{model._default_manager.count()} {label}" for model, label in counts)
        stdout.write(f"Councils: {summary} ({created} rows created now).")
