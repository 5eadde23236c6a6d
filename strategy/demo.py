"""Demo content of the strategy: Päijät-Hämeen hyvinvointialue's strategy 2023–2025.

The values, mission, vision, the three main goals, the six sub-goals and the seven
programmes are the county's own (benchmarks/data/seeds/001 and 003; how the sub-goals pair with
the main goals is our reading of the strategy picture). The indicators, their targets
and values are invented demo figures (Indicator.is_demo, shown as "demo figure"), made
to tell a plausible story: the zero-deficit target of the balancing measures is missed,
temporary agency staff is cut, waiting times shorten.

`load_strategy_demo()` looks every row up by its natural key and creates only what is
missing, so a second run changes nothing. Run it after the councils demo: it links the
strategy and the programmes to the council's decisions and goals to decided items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Protocol
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from councils.models import AgendaItem, Body
from strategy import services
from strategy.choices import Direction, Municipality, Status, UpdateFrequency
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Programme,
    ReportingPeriod,
    StatusUpdate,
    Strategy,
    Value,
)

TZ = ZoneInfo("Europe/Helsinki")
# The demo is told as of this day: T3/2026 is the running period.
DEMO_TODAY = date(2026, 11, 23)

AV = "aluevaltuusto"
AH = "aluehallitus"
AOL = "asiakas-ja-osallisuuslautakunta"
HYTE = "hyvinvoinnin-ja-terveyden-edistamisen-lautakunta"
TUVA = "turvallisuuden-ja-varautumisen-lautakunta"

SLUG = "hyvinvointialuestrategia-2023-2025"
MISSION = (
    "Tuemme päijäthämäläisten hyvinvointia ja järjestämme laadukkaat palvelut vastuullisesti "
    "ja joustavasti."
)
VISION = "Hyvinvoivat asukkaat turvallisessa, elinvoimaisessa ja uudistuvassa Päijät-Hämeessä."
DESCRIPTION = (
    "Aluevaltuusto hyväksyi 13.6.2022 Päijät-Hämeen hyvinvointialueen ensimmäisen strategian "
    "ohjaamaan toimintaa vuoteen 2025 asti; se ohjaa toimintaa, kunnes uusi strategia "
    "hyväksytään. Strategian kunnianhimoisena tavoitteena on luoda hyvinvointialueesta alan "
    "paras julkinen työpaikka Suomessa. Strategiaa täydentävät palvelustrategia, pelastustoimen "
    "palvelutasopäätös, talousarvio ja -suunnitelma sekä henkilöstö-, digi- ja data-, "
    "toimitila-, omavalvonta-, monituottajuus-, viestintä- ja osallisuusohjelmat. Toteutumista "
    "seuraavat aluevaltuusto, aluehallitus ja hyvinvointialueen johto."
)
VALUES = ["Luottamus", "Rohkeus", "Välittäminen", "Oikeudenmukaisuus"]

# code: (title, responsible body, owner)
GOALS = {
    "1": (
        "Vaikuttavat, kustannustehokkaat ja saavutettavat palvelut sekä erinomainen asiakaskokemus",
        AH,
        "hyvinvointialuejohtaja",
    ),
    "1.1": (
        "Asiointi on sujuvaa ja asiakkaita ohjataan sekä tuetaan erinomaisesti",
        AOL,
        "asiakkuusjohtaja",
    ),
    "1.2": (
        "Integroidut, kustannustehokkaat palvelut ovat hyvin saatavissa ja saavutettavissa",
        AH,
        "talousjohtaja",
    ),
    "2": ("Saavutettu asema alan parhaana julkisena työpaikkana", AH, "henkilöstöjohtaja"),
    "2.1": (
        "Alan paras julkinen työpaikka Suomessa tarjotaan Päijät-Hämeessä",
        AH,
        "henkilöstöjohtaja",
    ),
    "2.2": ("Hallintomalli ja johtaminen toteuttavat tavoitteita", AH, "hallintojohtaja"),
    "3": (
        "Luottamuksen avulla rakennettu, sujuva yhteistyö alueen kuntien, yhteisöjen ja "
        "valtionhallinnon kanssa – asukkaiden parhaaksi",
        AH,
        "strategiajohtaja",
    ),
    "3.1": ("Yhteistyötä ja asiakaskokemusta arvostetaan ja arvioidaan", HYTE, "strategiajohtaja"),
    "3.2": (
        "Kokonaisturvallisuuden osaaminen on vahvaa ja siihen luotetaan",
        TUVA,
        "pelastusjohtaja",
    ),
}

# slug: (name, goals, owner, the council's decision title)
PROGRAMMES = {
    "henkilostoohjelma": (
        "Henkilöstöohjelma",
        ["2.1", "2.2"],
        "henkilöstöjohtaja",
        "Henkilöstöohjelma 2023–2025",
    ),
    "digi-ja-dataohjelma": (
        "Digi- ja dataohjelma",
        ["1.1", "1.2"],
        "tietohallintojohtaja",
        "Digi- ja dataohjelma 2023–2025",
    ),
    "toimitilaohjelma": (
        "Toimitilaohjelma",
        ["1.2"],
        "tilapalvelujohtaja",
        "Toimitilaohjelma 2023–2030",
    ),
    "omavalvontaohjelma": (
        "Omavalvontaohjelma",
        ["1.1", "3.2"],
        "laatu- ja potilasturvallisuuspäällikkö",
        "Omavalvontaohjelma 2023–2025",
    ),
    "monituottajuusohjelma": (
        "Monituottajuusohjelma",
        ["1.2", "3.1"],
        "hankintajohtaja",
        "Monituottajuusohjelma 2023–2025",
    ),
    "viestintaohjelma": (
        "Viestintäohjelma",
        ["2.2", "3.1"],
        "viestintäjohtaja",
        "Viestintäohjelma 2023–2025",
    ),
    "osallisuusohjelma": (
        "Osallisuusohjelma",
        ["1.1", "3.1"],
        "osallisuuspäällikkö",
        "Osallisuusohjelma 2023–2025",
    ),
}

YEAR_ENDS = [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)]
BASELINE_DATE = date(2022, 12, 31)
LAST_MEASURED = date(2026, 9, 30)


@dataclass(frozen=True)
class DemoIndicator:
    goal: str
    name: str
    unit: str
    direction: str
    baseline: str
    targets: tuple[str, str, str, str]  # at the ends of 2023, 2024, 2025 and 2026
    actual: tuple[str, str, str, str]  # at the ends of 2023, 2024, 2025 and 30.9.2026
    source: str
    frequency: str = UpdateFrequency.QUARTERLY
    programme: str = ""
    decimals: int = 1
    by_municipality: bool = False


UP, DOWN = Direction.UP, Direction.DOWN

INDICATORS = [
    DemoIndicator(
        "1.1", "Asiakkaiden suositteluhalukkuus (NPS)", "NPS", UP, "30",
        ("35", "40", "45", "50"), ("33", "41", "46", "49"), "Asiakaspalautejärjestelmä",
        programme="osallisuusohjelma", decimals=0,
    ),
    DemoIndicator(
        "1.1", "Kiireettömän hoidon odotusaika terveysasemilla (mediaani)", "vrk", DOWN, "28",
        ("21", "16", "14", "14"), ("24", "16", "14", "14"), "Potilastietojärjestelmä (Avohilmo)",
        frequency=UpdateFrequency.MONTHLY, decimals=0, by_municipality=True,
    ),
    DemoIndicator(
        "1.1", "Digitaalisen asioinnin osuus yhteydenotoista", "%", UP, "18",
        ("25", "32", "40", "45"), ("24", "32.5", "38", "43.5"), "Asiointipalvelujen tilastot",
        programme="digi-ja-dataohjelma",
    ),
    DemoIndicator(
        "1.2", "Talouden alijäämä (ennuste tilikaudelle)", "M€", DOWN, "56",
        ("45", "25", "0", "0"), ("48.6", "31", "12", "9"), "Talouden ja toiminnan seurantaraportit",
        frequency=UpdateFrequency.MONTHLY,
    ),
    DemoIndicator(
        "1.2", "Kotona asuvat 75 vuotta täyttäneet", "%", UP, "91.5",
        ("92", "92.5", "93", "93.5"), ("92.1", "92.6", "92.9", "93.3"), "Sotkanet",
        frequency=UpdateFrequency.YEARLY,
    ),
    DemoIndicator(
        "2.1", "Henkilöstön vaihtuvuus", "%", DOWN, "12",
        ("11", "10", "9", "8.5"), ("11.4", "10", "9.1", "8.6"), "Henkilöstöjärjestelmä",
        programme="henkilostoohjelma",
    ),
    DemoIndicator(
        "2.1", "Vuokratyövoiman kustannukset (vuositasolla)", "M€", DOWN, "38",
        ("30", "20", "12", "8"), ("35", "22", "12.5", "9"), "Talousjärjestelmä",
        programme="henkilostoohjelma",
    ),
    DemoIndicator(
        "2.1", "Henkilöstön suositteluhalukkuus työpaikkana (eNPS)", "eNPS", UP, "5",
        ("10", "15", "20", "25"), ("8", "15", "19", "22.8"), "Työhyvinvointikysely",
        frequency=UpdateFrequency.TERTIAL, decimals=0,
    ),
    DemoIndicator(
        "2.2", "Strategiamittareista raportoitu ajallaan", "%", UP, "60",
        ("80", "90", "95", "100"), ("75", "90", "95", "99"), "Strategian seuranta (Raati)",
        frequency=UpdateFrequency.TERTIAL, decimals=0,
    ),
    DemoIndicator(
        "2.2", "Esihenkilötyön arvio (asteikko 1–5)", "1–5", UP, "3.6",
        ("3.7", "3.8", "3.9", "4.0"), ("3.7", "3.8", "3.9", "3.98"), "Työhyvinvointikysely",
        frequency=UpdateFrequency.TERTIAL, decimals=2,
    ),
    DemoIndicator(
        "3.1", "Kuntien arvio yhteistyön toimivuudesta (asteikko 1–5)", "1–5", UP, "3.0",
        ("3.3", "3.6", "3.8", "4.0"), ("3.2", "3.6", "3.8", "3.93"), "Kuntajohtajakysely",
        frequency=UpdateFrequency.TERTIAL, decimals=2,
    ),
    DemoIndicator(
        "3.1", "Asiakaspalautteisiin vastattu 14 vuorokauden kuluessa", "%", UP, "70",
        ("80", "85", "90", "95"), ("78", "86", "91", "94"), "Asiakaspalautejärjestelmä",
        programme="osallisuusohjelma", decimals=0,
    ),
    DemoIndicator(
        "3.2", "Kiireelliset pelastustehtävät tavoiteajassa", "%", UP, "88",
        ("89", "90", "91", "92"), ("88.5", "90.2", "91.3", "91.9"), "Pelastustoimen PRONTO",
    ),
    DemoIndicator(
        "3.2", "Valmiusharjoituksiin osallistunut henkilöstö", "%", UP, "10",
        ("20", "35", "50", "60"), ("18", "35", "50", "58"), "Koulutusrekisteri",
        programme="omavalvontaohjelma", decimals=0,
    ),
]  # fmt: skip

# Waiting times differ by municipality: the health stations of the small municipalities
# have fewer doctors (days added to the county's median).
MUNICIPALITY_OFFSET = {
    Municipality.LAHTI: "-1",
    Municipality.HOLLOLA: "0",
    Municipality.ORIMATTILA: "1",
    Municipality.HEINOLA: "2",
    Municipality.ASIKKALA: "3",
    Municipality.KARKOLA: "2",
    Municipality.IITTI: "4",
    Municipality.PADASJOKI: "5",
    Municipality.SYSMA: "6",
    Municipality.HARTOLA: "5",
}

PERIODS = [
    ("T1/2025", date(2025, 1, 1), date(2025, 4, 30)),
    ("T2/2025", date(2025, 5, 1), date(2025, 8, 31)),
    ("T3/2025", date(2025, 9, 1), date(2025, 12, 31)),
    ("T1/2026", date(2026, 1, 1), date(2026, 4, 30)),
    ("T2/2026", date(2026, 5, 1), date(2026, 8, 31)),
    ("T3/2026", date(2026, 9, 1), date(2026, 12, 31)),
]
CURRENT_PERIOD = "T3/2026"

NARRATIVE = {
    Status.ON_TRACK: "Toimenpiteet etenevät suunnitellusti, ja mittarit ovat tavoitepolulla.",
    Status.AT_RISK: "Osa mittareista jää tavoitepolulta; korjaavat toimenpiteet on käynnistetty.",
    Status.OFF_TRACK: (
        "Tavoite ei toteudu nykyisillä toimenpiteillä. Aluehallitukselle tuodaan lisätoimet."
    ),
    Status.DONE: "Tavoite on saavutettu, ja saavutettu taso pidetään.",
    Status.NOT_STARTED: "Työ ei ole vielä alkanut.",
}
FOCUS = {
    "1": "Palvelujen saatavuus, asiakaskokemus ja talouden tasapaino.",
    "1.1": "Sähköisen asioinnin ja palveluohjauksen kehittäminen, hoitotakuun toteutuminen.",
    "1.2": "Talouden tasapainottamisohjelma: ostopalvelujen kotiuttaminen, tilatehokkuus.",
    "2": "Henkilöstöohjelman toimeenpano ja johtamisen kehittäminen.",
    "2.1": "Vuokratyövoiman vähentäminen ja työn tekeminen normaalina työnä.",
    "2.2": "Hallintosäännön uudistus ja johtamisjärjestelmän vakiinnuttaminen.",
    "3": "Yhteistyö kuntien, järjestöjen ja valtionhallinnon kanssa.",
    "3.1": "Yhteistyöpöytäkirjan foorumit, järjestöneuvottelukunta ja asiakasraadit.",
    "3.2": "Valmiussuunnitelma, valmiusharjoitukset ja pelastustoimen palvelutaso.",
}
RISKS = {
    "1.2": "Inflaatio ja palkkaratkaisut nostavat kuluja; valtion rahoitus on epävarmaa.",
    "2.1": "Hoitajapula jatkuu erityisesti ympärivuorokautisessa hoidossa.",
    "1.1": "Lääkärivaje pienten kuntien terveysasemilla.",
}
# Manual statuses that differ from the indicators' suggestion, with the reason.
OVERRIDES = {
    ("T2/2026", "2.1"): (
        Status.ON_TRACK,
        "Kesän eNPS-tulos on kausivaihtelua; syksyn rekrytoinnit on jo tehty ja "
        "vuokratyön kustannukset laskevat tavoitteen mukaisesti.",
    ),
    ("T3/2026", "3.1"): (
        Status.ON_TRACK,
        "Kuntajohtajakysely tehtiin ennen puheenjohtajafoorumia, jossa yhteinen tilannekuva "
        "sovittiin. Kuntien palaute foorumin jälkeen on ollut myönteistä.",
    ),
    ("T3/2025", "1.1"): (
        Status.ON_TRACK,
        "Hoitotakuun 14 vuorokautta toteutui joulukuussa kaikilla terveysasemilla, ja "
        "digitaalisen asioinnin osuus nousee uuden asiointisovelluksen myötä.",
    ),
}

# (goal code, body slug, item title, note)
LINKS = [
    ("1.1", AH, "Digitaalisten palvelujen saavutettavuussuunnitelma", ""),
    ("1.1", AH, "Sosiaali- ja terveysasemien aukioloaikojen yhtenäistäminen", ""),
    ("1.1", AH, "Asiakas- ja potilastietojärjestelmien yhtenäistäminen", ""),
    ("1.2", AV, "Talouden tasapainottamisohjelma 2023–2026", "Nollatavoitteen toimenpiteet."),
    ("1.2", AV, "Sosiaali- ja terveydenhuollon palvelustrategia", ""),
    ("1.2", AH, "Palvelusetelin käyttöönotto kotihoidossa", ""),
    ("1.2", AV, "Toimitilaohjelma 2023–2030", "Tilatehokkuuden lisääminen."),
    ("2.1", AV, "Henkilöstöohjelma 2023–2025", ""),
    ("2.1", AH, "Henkilöstöohjelman toimeenpano: vuokratyövoiman käytön vähentäminen", ""),
    ("2.1", AH, "Henkilöstön palkkojen harmonisoinnin periaatteet", ""),
    ("2.2", AV, "Hallintosäännön muuttaminen", ""),
    ("2.2", AH, "Sisäisen valvonnan ja riskienhallinnan perusteet", ""),
    ("3.1", AV, "Yhteistyöpöytäkirja alueen kuntien ja Päijät-Hämeen liiton kanssa", ""),
    ("3.1", AH, "Järjestöneuvottelukunnan perustaminen", ""),
    ("3.1", AOL, "Asiakasraatien käynnistäminen", ""),
    ("3.2", AH, "Hyvinvointialueen valmiussuunnitelma", ""),
    ("3.2", AV, "Pelastustoimen palvelutasopäätös 2023–2026", ""),
    # This year's decisions, so that the dashboard's "no linked decision this year" flag
    # marks only the goals that really have none.
    ("1.2", AV, "Talousarvion 2026 muutos", "Alijäämän kattaminen."),
    ("1.2", AH, "Talousarvio 2027 ja taloussuunnitelma 2027–2029", "Nollatavoite 2027."),
    ("1.2", AH, "Palveluverkkosuunnitelman 2027–2030 luonnos lausunnoille", ""),
]


class _Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


def _decided_item(body: str, title: str, on: date | None = None) -> AgendaItem | None:
    """A decided, public item by its body and title (the first, or the one on `on`)."""
    items = AgendaItem.objects.decided().filter(
        meeting__body__slug=body, title=title, is_public=True
    )
    if on is not None:
        items = items.filter(meeting__start__date=on)
    return items.chronological().first()


def quarter_ends(start: date, end: date) -> list[date]:
    days = []
    for year in range(start.year, end.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            quarter = date(year, month, day)
            if start <= quarter <= end:
                days.append(quarter)
    return days


def demo_values(spec: DemoIndicator) -> dict[date, Decimal]:
    """Quarterly values on the straight lines between the anchor points, a little better
    than the line in between (work shows before the year-end figures; anchors are exact)."""
    measured = zip([*YEAR_ENDS[:3], LAST_MEASURED], map(Decimal, spec.actual), strict=True)
    anchors = [(BASELINE_DATE, Decimal(spec.baseline)), *measured]
    values = {}
    for day in quarter_ends(date(2023, 1, 1), LAST_MEASURED):
        for (a_day, a_value), (b_day, b_value) in pairwise(anchors):
            if a_day < day <= b_day:
                share = Decimal((day - a_day).days) / Decimal((b_day - a_day).days)
                value = a_value + (b_value - a_value) * share
                if day != b_day:
                    better = Decimal(1 if spec.direction == Direction.UP else -1)
                    value += better * Decimal("0.03") * abs(b_value - a_value)
                values[day] = value.quantize(Decimal("0.001"))
                break
    return values


def _strategy() -> Strategy:
    strategy, _created = Strategy.objects.get_or_create(
        slug=SLUG,
        defaults={
            "title": "Hyvinvointialuestrategia 2023–2025",
            "period_start": date(2023, 1, 1),
            "period_end": date(2025, 12, 31),
            "approved_by": _decided_item(
                AV, "Hyvinvointialuestrategia 2023–2025", date(2022, 6, 13)
            ),
            "vision": VISION,
            "mission": MISSION,
            "description": DESCRIPTION,
        },
    )
    for order, name in enumerate(VALUES, start=1):
        Value.objects.get_or_create(strategy=strategy, name=name, defaults={"order": order})
    return strategy


def _goals(strategy: Strategy) -> dict[str, Goal]:
    bodies = {b.slug: b for b in Body.objects.filter(slug__in={g[1] for g in GOALS.values()})}
    goals: dict[str, Goal] = {}
    for order, (code, (title, body, owner)) in enumerate(GOALS.items(), start=1):
        goals[code], _created = Goal.objects.get_or_create(
            strategy=strategy,
            code=code,
            defaults={
                "parent": goals.get(code.split(".")[0]) if "." in code else None,
                "title": title,
                "responsible_body": bodies.get(body),
                "owner": owner,
                "order": order,
            },
        )
    return goals


def _programmes(strategy: Strategy, goals: dict[str, Goal]) -> dict[str, Programme]:
    board = Body.objects.filter(slug=AH).first()
    programmes = {}
    for order, (slug, (name, codes, owner, decision)) in enumerate(PROGRAMMES.items(), start=1):
        programme, created = Programme.objects.get_or_create(
            strategy=strategy,
            slug=slug,
            defaults={
                "name": name,
                "owner": owner,
                "order": order,
                "responsible_body": board,
                "approved_by": _decided_item(AV, decision),
                "description": f"{name} täydentää hyvinvointialuestrategiaa.",
            },
        )
        if created:
            programme.goals.set([goals[code] for code in codes])
        programmes[slug] = programme
    return programmes


def _indicators(goals: dict[str, Goal], programmes: dict[str, Programme]) -> None:
    for order, spec in enumerate(INDICATORS, start=1):
        indicator, created = Indicator.objects.get_or_create(
            goal=goals[spec.goal],
            name=spec.name,
            defaults={
                "programme": programmes.get(spec.programme),
                "unit": spec.unit,
                "decimals": spec.decimals,
                "direction": spec.direction,
                "baseline_value": Decimal(spec.baseline),
                "baseline_date": BASELINE_DATE,
                "source_name": spec.source,
                "update_frequency": spec.frequency,
                "next_due": date(2026, 12, 31) if spec.frequency != "yearly" else date(2027, 3, 31),
                "is_demo": True,
                "order": order,
                "description": "Demoluku: arvot on keksitty esittelyä varten.",
            },
        )
        if not created:
            continue
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=indicator, due=due, value=Decimal(value))
            for due, value in zip(YEAR_ENDS, spec.targets, strict=True)
        )
        rows = []
        for day, value in demo_values(spec).items():
            rows.append(IndicatorValue(indicator=indicator, measured_on=day, value=value))
            if spec.by_municipality:
                rows.extend(
                    IndicatorValue(
                        indicator=indicator,
                        measured_on=day,
                        value=(value + Decimal(offset)).quantize(Decimal("1")),
                        municipality=municipality,
                    )
                    for municipality, offset in MUNICIPALITY_OFFSET.items()
                )
        IndicatorValue.objects.bulk_create(rows)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


def _reports(strategy: Strategy, goals: dict[str, Goal], programmes: dict[str, Programme]) -> None:
    author = get_user_model().objects.filter(username="demo").first()
    for code, start, end in PERIODS:
        period, _created = ReportingPeriod.objects.get_or_create(
            strategy=strategy, code=code, defaults={"start": start, "end": end}
        )
        if period.is_closed:
            continue
        judged_on = min(end, DEMO_TODAY)
        done = set(
            StatusUpdate.objects.filter(period=period).values_list("goal_id", "programme_id")
        )
        subjects: list[tuple[str, Goal | Programme]] = [*goals.items(), *programmes.items()]
        for key, subject in subjects:
            is_goal = isinstance(subject, Goal)
            if (subject.pk if is_goal else None, None if is_goal else subject.pk) in done:
                continue
            if code == CURRENT_PERIOD and not (is_goal and "." in key):
                continue  # in the running period only the sub-goals have reported so far
            suggested = subject.suggestion(judged_on).status or Status.NOT_STARTED
            status, reason = OVERRIDES.get((code, key), (suggested, ""))
            services.status_update_save(
                period=period,
                goal=subject if isinstance(subject, Goal) else None,
                programme=subject if isinstance(subject, Programme) else None,
                status=status,
                reason=reason,
                narrative=f"{FOCUS.get(key, subject.name if isinstance(subject, Programme) else '')} "
                f"{NARRATIVE[Status(status)]}".strip(),
                risks=RISKS.get(key, ""),
                next_steps="Seuraava katsaus aluehallitukselle kauden päätyttyä.",
                author=author,
                today=judged_on,
            )
        StatusUpdate.objects.filter(period=period).update(
            updated_at=_at(min(end, DEMO_TODAY) - timedelta(days=3))
        )
        if end < DEMO_TODAY:
            closed_on = end + timedelta(days=14)
            services.period_close(period=period, user=author, today=closed_on)
            ReportingPeriod.objects.filter(pk=period.pk).update(closed_at=_at(closed_on, 15))


def _links(goals: dict[str, Goal]) -> None:
    clerk = get_user_model().objects.filter(username="sihteeri").first()
    for code, body, title, note in LINKS:
        item = _decided_item(body, title)
        if item is None:
            continue
        GoalLink.objects.get_or_create(
            goal=goals[code],
            agenda_item=item,
            defaults={
                "note": note,
                "created_by": clerk,
                "created_at": _at(item.meeting.start.date() - timedelta(days=7)),
            },
        )


# Indicators need their data prefetched to compute suggestions without a query each.
def _with_data(strategy: Strategy) -> tuple[dict[str, Goal], dict[str, Programme]]:
    goals = {g.code: g for g in services.goals_with_data(strategy.pk)}
    programmes = {p.slug: p for p in services.programmes_with_data(strategy.pk)}
    return goals, programmes


@transaction.atomic
def load_strategy_demo(*, stdout: _Writer | None = None) -> None:
    """Load the strategy demo; a second run creates nothing."""
    strategy = _strategy()
    goals = _goals(strategy)
    programmes = _programmes(strategy, goals)
    _indicators(goals, programmes)
    _reports(strategy, *_with_data(strategy))
    _links(goals)
    if stdout is not None:
        stdout.write(
            f"Strategy: {Goal.objects.filter(strategy=strategy).count()} goals, "
            f"{Programme.objects.filter(strategy=strategy).count()} programmes, "
            f"{Indicator.objects.filter(goal__strategy=strategy).count()} indicators "
            "(demo figures), "
            f"{ReportingPeriod.objects.filter(strategy=strategy).count()} reporting periods, "
            f"{GoalLink.objects.filter(goal__strategy=strategy).count()} links to decisions."
        )
