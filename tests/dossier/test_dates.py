"""Dutch time expressions → intervals: every convention of the issue, the open cases we
decided (see the module docstring of akkoord.dossier.dates), the shared dossier's end
dates and logical moments, and bad input.

Expected intervals are worked out by hand from the conventions, not taken from the code.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from akkoord.dossier.dates import annotate_dossier, dossier_term_start, find_dates
from akkoord.dossier.model import Dossier, Fiche, Interval, ReadResult, Source

TERM = dt.date(2026, 5, 1)


def spans(text: str, term_start: dt.date = TERM) -> list[tuple[str, str, str]]:
    return [(i.text, i.start, i.end) for i in find_dates(text, term_start)]


def periods(text: str, term_start: dt.date = TERM) -> list[tuple[str, str]]:
    return [(i.start, i.end) for i in find_dates(text, term_start)]


# --- the conventions, one by one ------------------------------------------------------

YEARS_QUARTERS_HALVES = [
    ("2026", [("2026", "2026-01-01", "2026-12-31")]),
    ("in 1999 begonnen", [("1999", "1999-01-01", "1999-12-31")]),
    ("Q1 2027", [("Q1 2027", "2027-01-01", "2027-03-31")]),
    ("Q2 2026", [("Q2 2026", "2026-04-01", "2026-06-30")]),
    ("q3 2025", [("q3 2025", "2025-07-01", "2025-09-30")]),
    ("Q4 2028", [("Q4 2028", "2028-10-01", "2028-12-31")]),
    ("Q2-2026", [("Q2-2026", "2026-04-01", "2026-06-30")]),
    ("het derde kwartaal van 2026", [("derde kwartaal van 2026", "2026-07-01", "2026-09-30")]),
    ("2e kwartaal 2027", [("2e kwartaal 2027", "2027-04-01", "2027-06-30")]),
    ("eerste helft 2026", [("eerste helft 2026", "2026-01-01", "2026-06-30")]),
    ("de tweede helft van 2027", [("tweede helft van 2027", "2027-07-01", "2027-12-31")]),
    ("1e helft 2028", [("1e helft 2028", "2028-01-01", "2028-06-30")]),
    ("H2 2026", [("H2 2026", "2026-07-01", "2026-12-31")]),
]

MODIFIERS = [
    ("begin 2027", [("begin 2027", "2027-01-01", "2027-03-31")]),
    ("Start 2028", [("Start 2028", "2028-01-01", "2028-03-31")]),
    ("eind 2026", [("eind 2026", "2026-10-01", "2026-12-31")]),
    ("Einde 2029", [("Einde 2029", "2029-10-01", "2029-12-31")]),
    ("uiterlijk eind 2027", [("uiterlijk eind 2027", "2027-10-01", "2027-12-31")]),
    ("medio 2028", [("medio 2028", "2028-05-01", "2028-08-31")]),
    ("halverwege 2027", [("halverwege 2027", "2027-05-01", "2027-08-31")]),
    ("in het midden van 2030", [("midden van 2030", "2030-05-01", "2030-08-31")]),
    ("eind van 2026", [("eind van 2026", "2026-10-01", "2026-12-31")]),
]

SEASONS = [
    ("voorjaar 2027", [("voorjaar 2027", "2027-03-01", "2027-05-31")]),
    ("in het voorjaar van 2027", [("voorjaar van 2027", "2027-03-01", "2027-05-31")]),
    ("lente 2026", [("lente 2026", "2026-03-01", "2026-05-31")]),
    ("Zomer 2028", [("Zomer 2028", "2028-06-01", "2028-08-31")]),
    ("voor de zomer van 2026", [("zomer van 2026", "2026-06-01", "2026-08-31")]),
    ("najaar 2026", [("najaar 2026", "2026-09-01", "2026-11-30")]),
    ("het najaar van het 2027", [("najaar van het 2027", "2027-09-01", "2027-11-30")]),
    ("herfst 2029", [("herfst 2029", "2029-09-01", "2029-11-30")]),
]

MONTHS = [
    ("juni 2026", [("juni 2026", "2026-06-01", "2026-06-30")]),
    ("Febr. 2027", [("Febr. 2027", "2027-02-01", "2027-02-28")]),
    ("feb 2028", [("feb 2028", "2028-02-01", "2028-02-29")]),
    ("sept. 2026", [("sept. 2026", "2026-09-01", "2026-09-30")]),
    ("mrt 2027", [("mrt 2027", "2027-03-01", "2027-03-31")]),
    ("okt/nov 2026", [("okt/nov 2026", "2026-10-01", "2026-11-30")]),
    ("januari t/m maart 2027", [("januari t/m maart 2027", "2027-01-01", "2027-03-31")]),
    ("december 2026 en maart 2027", [("december 2026", "2026-12-01", "2026-12-31"),
                                     ("maart 2027", "2027-03-01", "2027-03-31")]),
    ("12/2026", [("12/2026", "2026-12-01", "2026-12-31")]),
]

DAYS = [
    ("31-12-2027", [("31-12-2027", "2027-12-31", "2027-12-31")]),
    ("4-2-2025", [("4-2-2025", "2025-02-04", "2025-02-04")]),
    ("31-12-28", [("31-12-28", "2028-12-31", "2028-12-31")]),
    ("1/7/2027", [("1/7/2027", "2027-07-01", "2027-07-01")]),
    ("15.03.2026", [("15.03.2026", "2026-03-15", "2026-03-15")]),
    ("2027-06-30", [("2027-06-30", "2027-06-30", "2027-06-30")]),
    ("25 oktober 2021", [("25 oktober 2021", "2021-10-25", "2021-10-25")]),
    ("1 jan 2027", [("1 jan 2027", "2027-01-01", "2027-01-01")]),
    ("1 jan. 2027", [("1 jan. 2027", "2027-01-01", "2027-01-01")]),
    ("29 februari 2028", [("29 februari 2028", "2028-02-29", "2028-02-29")]),
    ("uiterlijk 1 juli 2027", [("1 juli 2027", "2027-07-01", "2027-07-01")]),
    ("per 1 januari 2027", [("1 januari 2027", "2027-01-01", "2027-01-01")]),
]

RANGES = [
    ("2026/2027", [("2026/2027", "2026-01-01", "2027-12-31")]),
    ("2026/ 2027", [("2026/ 2027", "2026-01-01", "2027-12-31")]),
    ("2026 / 2027", [("2026 / 2027", "2026-01-01", "2027-12-31")]),
    ("2022 tot 2032", [("2022 tot 2032", "2022-01-01", "2032-12-31")]),
    ("Van 2022 tot 2032", [("Van 2022 tot 2032", "2022-01-01", "2032-12-31")]),
    ("2026-2027", [("2026-2027", "2026-01-01", "2027-12-31")]),
    ("(2026–2030)", [("2026–2030", "2026-01-01", "2030-12-31")]),
    ("schooljaar 2026/27", [("2026/27", "2026-01-01", "2027-12-31")]),
    ("2026 t/m 2028", [("2026 t/m 2028", "2026-01-01", "2028-12-31")]),
    ("2026 tot en met 2029", [("2026 tot en met 2029", "2026-01-01", "2029-12-31")]),
    ("tussen 2030 en 2035", [("tussen 2030 en 2035", "2030-01-01", "2035-12-31")]),
    ("van 1 januari 2025 t/m 31 december 2028",
     [("van 1 januari 2025 t/m 31 december 2028", "2025-01-01", "2028-12-31")]),
    ("1 januari t/m 31 maart 2027", [("1 januari t/m 31 maart 2027", "2027-01-01", "2027-03-31")]),
    ("1-1-2025/31-12-2028", [("1-1-2025/31-12-2028", "2025-01-01", "2028-12-31")]),
    ("eind 2026 / begin 2027", [("eind 2026 / begin 2027", "2026-10-01", "2027-03-31")]),
    ("Q3/Q4 2027", [("Q3/Q4 2027", "2027-07-01", "2027-12-31")]),
    ("Q1 - Q2 2026", [("Q1 - Q2 2026", "2026-01-01", "2026-06-30")]),
    ("najaar 2026 - voorjaar 2027", [("najaar 2026 - voorjaar 2027", "2026-09-01", "2027-05-31")]),
]

# Decided open cases: prepositions anchor without changing the period, and stay out of the text.
PREPOSITIONS = [
    ("vanaf 2027", [("2027", "2027-01-01", "2027-12-31")]),
    ("na 2026", [("2026", "2026-01-01", "2026-12-31")]),
    ("tot einde 2026", [("einde 2026", "2026-10-01", "2026-12-31")]),
    ("uiterlijk 2029", [("2029", "2029-01-01", "2029-12-31")]),
    ("sinds 2021", [("2021", "2021-01-01", "2021-12-31")]),
    ("de financiering van 2027 en verder", [("2027", "2027-01-01", "2027-12-31")]),
    ("2026 e.v.", [("2026", "2026-01-01", "2026-12-31")]),
]


@pytest.mark.parametrize("text, expected",
                         YEARS_QUARTERS_HALVES + MODIFIERS + SEASONS + MONTHS + DAYS + RANGES
                         + PREPOSITIONS)
def test_convention(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    # placeholders
    "n.v.t.", "nvt", "n.v.t", "NVT", "geen", "Geen", "Geen einddatum", "xx", "Ntb", "?", "-", "",
    "n.v.t. vastgesteld", "Reguliere subsidie",
    # amounts
    "€ 2.026", "€ 2026", "€2026", "EUR 2026", "2026 euro", "2026,-", "1.200.000 euro",
    "2026 miljoen", "2026%",
    # versions and other numbers
    "DFB 2.0", "versie 2026.1", "versie 2026", "artikel 2026", "nr. 2026", "postbus 2026",
    "19:00 - 23:00", "evaluatie afspraken 22/26",
    # counts
    "2026 woningen", "ruim 2026 huishoudens", "2000 sociale huurwoningen", "bijna 2030 plekken",
    # law names
    "Wmo 2015", "Omgevingswet 2024", "Jeugdwet 2015", "Wet maatschappelijke ondersteuning 2015",
    # damaged or impossible dates, years out of range
    "31-12-207", "31-02-2027", "32-1-2026", "13-13-2026", "3050", "1850", "2101", "12026",
    # no year: unknown
    "8 juli", "7 oktober jl.", "eind Q1 begin Q2", "in het voorjaar", "zomer",
    # inside URLs and codes
    "https://example.org/nieuws/2025/10/31/brief", "www.example.org/2027",
    "?documentId=ec048b04-2025-4ff6", "ec048b04-2025-4ff6-8e6e", "AOvVaw1y5Quq2KHhQ0ya",
    "BWBR0047862/2025-10-29",
])
def test_no_mention(text):
    assert find_dates(text, TERM) == []


@pytest.mark.parametrize("text, expected", [
    ("de wet gaat in 2027 in", [("2027", "2027-01-01", "2027-12-31")]),
    ("we willen in 2026 woningen opleveren", [("2026", "2026-01-01", "2026-12-31")]),
    ("tussen 2030 en 2035 woningen opleveren", [("tussen 2030 en 2035", "2030-01-01", "2035-12-31")]),
    ("programmabegroting 2027", [("2027", "2027-01-01", "2027-12-31")]),
    ("Zomernota 2025", [("2025", "2025-01-01", "2025-12-31")]),
    ("besluitvorming over DFB 2.0 (medio 2026)", [("medio 2026", "2026-05-01", "2026-08-31")]),
    ("2026 Besluitvorming nodig", [("2026", "2026-01-01", "2026-12-31")]),
    ("Einddatum: 2025 DB Voorstel", [("2025", "2025-01-01", "2025-12-31")]),
])
def test_context_decides_between_year_and_number(text, expected):
    assert spans(text) == expected


def test_mentions_come_in_order_with_their_words():
    text = ("Besluit in het najaar van 2026; uitvoering van 1 januari 2027 t/m 31 december 2028, "
            "evaluatie Q2 2029 en daarna 2030.")
    assert spans(text) == [
        ("najaar van 2026", "2026-09-01", "2026-11-30"),
        ("van 1 januari 2027 t/m 31 december 2028", "2027-01-01", "2028-12-31"),
        ("Q2 2029", "2029-04-01", "2029-06-30"),
        ("2030", "2030-01-01", "2030-12-31"),
    ]


def test_text_is_the_matched_words_with_white_space_folded():
    assert spans("het najaar van\n2026") == [("najaar van 2026", "2026-09-01", "2026-11-30")]


def test_a_range_that_runs_backwards_is_not_joined():
    assert periods("2028 tot 2026") == [("2028-01-01", "2028-12-31"), ("2026-01-01", "2026-12-31")]
    assert find_dates("2028-2026") == []  # a glued run of numbers that is no shape we know


def test_absolute_mentions_are_not_relative():
    assert all(not i.relative for i in find_dates("eind 2026, Q2 2027, 31-12-2028", TERM))


# --- relative to the coalition term ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bij de start van de nieuwe coalitie", ("start van de nieuwe coalitie", "2026-05-01", "2026-07-31")),
    ("Bij de start van de nieuwe Coalitie", ("start van de nieuwe Coalitie", "2026-05-01", "2026-07-31")),
    ("Het begin van de collegeperiode", ("begin van de collegeperiode", "2026-05-01", "2026-07-31")),
    ("bij aanvang van het nieuwe college", ("aanvang van het nieuwe college", "2026-05-01", "2026-07-31")),
    ("bij de start van de coalitie", ("start van de coalitie", "2026-05-01", "2026-07-31")),
    ("halverwege de collegeperiode", ("halverwege de collegeperiode", "2028-02-01", "2028-07-31")),
    ("medio de raadsperiode", ("medio de raadsperiode", "2028-02-01", "2028-07-31")),
    ("aan het eind van de collegeperiode", ("eind van de collegeperiode", "2030-02-01", "2030-04-30")),
    ("in de eerste helft van de collegeperiode",
     ("eerste helft van de collegeperiode", "2026-05-01", "2028-04-30")),
    ("tweede helft van de collegeperiode", ("tweede helft van de collegeperiode", "2028-05-01", "2030-04-30")),
    ("in de komende collegeperiode", ("komende collegeperiode", "2026-05-01", "2030-04-30")),
    ("in de vorige collegeperiode", ("vorige collegeperiode", "2022-05-01", "2026-04-30")),
])
def test_relative_to_the_term(text, expected):
    found = find_dates(text, TERM)
    assert [(i.text, i.start, i.end) for i in found] == [expected]
    assert found[0].relative is True
    assert found[0].to_dict()["relative"] is True


def test_relative_mentions_follow_the_term_start():
    assert periods("begin van de collegeperiode", dt.date(2022, 3, 31)) == [("2022-03-31", "2022-06-30")]
    assert periods("eind van de collegeperiode", dt.date(2030, 5, 1)) == [("2034-02-01", "2034-04-30")]


def test_relative_term_start_defaults_to_1_may_of_this_year():
    year = dt.date.today().year
    assert periods_default("Bij de start van de nieuwe coalitie") == [(f"{year}-05-01", f"{year}-07-31")]


def periods_default(text: str) -> list[tuple[str, str]]:
    return [(i.start, i.end) for i in find_dates(text)]


@pytest.mark.parametrize("text", [
    "de nieuwe landelijke coalitie", "het coalitieakkoord van het nieuwe kabinet",
    "Het einde van de intentieovereenkomst", "bij het opstellen van het coalitie akkoord",
    "de start van het project",
])
def test_not_every_mention_of_a_coalition_is_a_moment(text):
    assert find_dates(text, TERM) == []


def test_only_relative_mentions_carry_the_relative_key():
    assert Interval("2026", "2026-01-01", "2026-12-31").to_dict() == {
        "text": "2026", "start": "2026-01-01", "end": "2026-12-31"}
    dumped = [i.to_dict() for i in find_dates("eind 2026 of bij de start van de nieuwe coalitie", TERM)]
    assert ["relative" in d for d in dumped] == [False, True]


# --- the shared dossier's end dates and logical moments --------------------------------

def gold_fiches(gold_dir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}


@pytest.fixture(scope="module")
def gold(shared_gold_dir) -> dict[str, dict]:
    fiches = gold_fiches(shared_gold_dir)
    assert len(fiches) >= 20
    return fiches


# End dates as written in the gold annotations, with the interval the conventions give.
GOLD_END_DATES = {
    "2024": ("2024-01-01", "2024-12-31"),
    "31-12-28": ("2028-12-31", "2028-12-31"),
    "31-12-27": ("2027-12-31", "2027-12-31"),
    "31-12-32": ("2032-12-31", "2032-12-31"),
    "2026/2027": ("2026-01-01", "2027-12-31"),
    "Febr. 2027": ("2027-02-01", "2027-02-28"),
    "12-03-2024": ("2024-03-12", "2024-03-12"),
    "13-05-2019": ("2019-05-13", "2019-05-13"),
    "7-3-2022": ("2022-03-07", "2022-03-07"),
    "12-5-2025": ("2025-05-12", "2025-05-12"),
    "4-2-2025": ("2025-02-04", "2025-02-04"),
    "17-9-2024": ("2024-09-17", "2024-09-17"),
    "15-10-2024": ("2024-10-15", "2024-10-15"),
    "31-12-2026": ("2026-12-31", "2026-12-31"),
    "2026 Besluitvorming nodig": ("2026-01-01", "2026-12-31"),
    "2050": ("2050-01-01", "2050-12-31"),
}
GOLD_PLACEHOLDERS = {"Geen einddatum", "n.v.t. vastgesteld", "n.v.t", "Ntb", "xx", "Geen", "geen",
                     "Reguliere subsidie", "31-12-207 Jaarlijkse monitoring", "3050", ""}


def test_gold_end_dates(gold):
    seen = {s["end_date"] for f in gold.values() for s in f["sources"]}
    checked = 0
    for raw, expected in GOLD_END_DATES.items():
        if raw not in seen:
            continue
        assert periods(raw) == [expected], raw
        checked += 1
    assert checked >= 12
    for raw in GOLD_PLACEHOLDERS & seen:
        assert find_dates(raw, TERM) == [], raw
    assert len(GOLD_PLACEHOLDERS & seen) >= 8


# Logical moments (by fiche code) → the intervals the conventions give, in order.
GOLD_MOMENTS = {
    "1A": [],
    "1B": [],
    "1C": [("2028-01-01", "2028-12-31"), ("2027-01-01", "2027-12-31")],
    "1D": [("2026-01-01", "2026-12-31")],
    "1E": [("2028-01-01", "2028-12-31")],
    "1F": [("2028-01-01", "2028-01-31"), ("2026-05-01", "2026-08-31")],
    "1H": [("2028-01-01", "2028-12-31"), ("2026-01-01", "2027-12-31")],
    "1I": [("2028-01-01", "2028-12-31")],
    "1J": [("2026-10-01", "2026-12-31")],
    "1K": [("2026-05-01", "2026-07-31")],
    "1L": [("2026-05-01", "2026-07-31")],
    "1M": [("2027-01-01", "2027-12-31"), ("2026-09-01", "2026-11-30"), ("2026-09-01", "2026-11-30")],
    "2A": [("2026-10-01", "2026-12-31")],
    "2B": [("2026-10-01", "2026-12-31"), ("2026-07-01", "2026-07-31")],
    "2C": [("2026-09-01", "2026-11-30")],
    "1G": [("2027-01-01", "2027-12-31")] * 3,
    "2D": [("2027-01-01", "2027-12-31")],
    "2E": [("2030-01-01", "2030-12-31")],
    "2F": [("2026-03-01", "2026-05-31")],
    "3A": [("2026-10-01", "2026-12-31")],
    "3B": [("2027-12-01", "2027-12-31")],
    "3C": [("2026-03-01", "2026-05-31"), ("2026-01-01", "2026-12-31")],
    "3D": [("2026-05-01", "2026-07-31"), ("2026-12-01", "2026-12-31"), ("2027-03-01", "2027-03-31")],
    "3E": [("2026-09-01", "2026-11-30")],
    "3F": [("2027-01-01", "2027-12-31")] * 2,
    "3G": [("2026-03-01", "2026-05-31"), ("2027-01-01", "2027-12-31")],
    "3H": [("2026-05-01", "2026-07-31")],
    "3I": [("2026-10-01", "2026-11-30")],
    "3J": [],
    "3K": [],
}
RELATIVE_MOMENTS = {"1K", "1L", "3H"}


def test_gold_logical_moments(gold):
    checked = 0
    for code, expected in GOLD_MOMENTS.items():
        if code not in gold:
            continue
        found = find_dates(gold[code]["adjustment_moment"], TERM)
        assert [(i.start, i.end) for i in found] == expected, code
        if code in RELATIVE_MOMENTS:
            assert [i.relative for i in found] == [True], code
        checked += 1
    assert checked >= 20


def test_every_gold_text_field_reads_without_error(gold):
    fields = ("title", "current_line", "adjustment_moment", "external_changes")
    for fiche in gold.values():
        texts = [fiche[f] for f in fields] + [s["end_date"] for s in fiche["sources"]] \
            + [s["title"] for s in fiche["sources"]] + list(fiche["advice"])
        for text in texts:
            for interval in find_dates(text, TERM):
                assert interval.start <= interval.end
                assert dt.date.fromisoformat(interval.start) and dt.date.fromisoformat(interval.end)
                assert interval.text.split()[0] in text


def test_the_shared_dossier_text_yields_sane_intervals(shared_dossier_path):
    text = shared_dossier_path.read_text(encoding="utf-8")
    found = find_dates(text, TERM)
    assert len(found) > 100
    for interval in found:
        assert "1900-01-01" <= interval.start <= interval.end <= "2100-12-31"
    # a law name in the text (Wmo 2015) is never taken for a year
    assert all(i.text != "2015" for i in found)


# --- annotate_dossier and the export ---------------------------------------------------

def dossier_from_gold(gold: dict[str, dict], title: str) -> Dossier:
    return Dossier.from_dict({"municipality": "Enschede", "title": title, "fiches": list(gold.values())})


def test_annotate_dossier_fills_both_fields(gold):
    dossier = dossier_from_gold(gold, "Formatiedossier 2026")
    annotate_dossier(dossier)
    fiche = dossier.fiche("1G")
    assert fiche is not None
    by_end_date = {s.end_date: [(i.start, i.end) for i in s.end_intervals] for s in fiche.sources}
    assert by_end_date["2026/2027"] == [("2026-01-01", "2027-12-31")]
    assert by_end_date["Febr. 2027"] == [("2027-02-01", "2027-02-28")]
    assert by_end_date["Reguliere subsidie"] == []
    moment = dossier.fiche("3H").adjustment_intervals
    assert [(i.start, i.end, i.relative) for i in moment] == [("2026-05-01", "2026-07-31", True)]


def test_annotate_dossier_takes_the_term_from_the_title_or_the_argument(gold):
    dossier = dossier_from_gold(gold, "Formatiedossier gemeente Enschede 2030")
    assert dossier_term_start(dossier) == dt.date(2030, 5, 1)
    annotate_dossier(dossier)
    assert dossier.fiche("1K").adjustment_intervals[0].start == "2030-05-01"
    annotate_dossier(dossier, term_start=dt.date(2022, 4, 1))
    assert dossier.fiche("1K").adjustment_intervals[0].start == "2022-04-01"
    # absolute mentions do not depend on the term
    assert [(i.start, i.end) for i in dossier.fiche("2A").adjustment_intervals] == [("2026-10-01", "2026-12-31")]


def test_term_start_without_a_year_in_the_title_is_this_year():
    assert dossier_term_start(Dossier("Enschede", title="Formatiedossier")) == \
        dt.date(dt.date.today().year, 5, 1)


def test_export_carries_intervals_and_stays_valid(gold, schema):
    jsonschema = pytest.importorskip("jsonschema")
    dossier = dossier_from_gold(gold, "Formatiedossier 2026")
    annotate_dossier(dossier)
    exported = json.loads(json.dumps(dossier.to_dict()))
    jsonschema.validate(exported, schema)
    fiche = next(f for f in exported["fiches"] if f["code"] == "1L")
    assert fiche["adjustment_intervals"] == [{"text": "start van de nieuwe coalitie", "start": "2026-05-01",
                                              "end": "2026-07-31", "relative": True}]
    source = next(s for f in exported["fiches"] for s in f["sources"] if s["end_date"] == "31-12-32")
    assert source["end_intervals"] == [{"text": "31-12-32", "start": "2032-12-31", "end": "2032-12-31"}]
    # and the intervals survive a round trip through the export
    again = Dossier.from_dict(exported)
    assert again.fiche("1L").adjustment_intervals[0].relative is True


def test_read_path_annotates_what_a_reader_returns(tmp_path, monkeypatch):
    import akkoord.dossier.readers.text as text_reader
    from akkoord.dossier.readers import read_path

    def fake_reader(path):
        fiche = Fiche("1A", "Armoede", sources=[Source("Nota", "31-12-28"), Source("Plan", "n.v.t.")],
                      adjustment_moment="Najaar 2026")
        return ReadResult(Dossier("Enschede", [fiche], title="Formatiedossier 2026"), "text")

    monkeypatch.setattr(text_reader, "read_text_file", fake_reader)
    path = tmp_path / "dossier.txt"
    path.write_text("Onderwerp 1A Armoede\n", encoding="utf-8")
    fiche = read_path(path).dossier.fiches[0]
    assert [(i.start, i.end) for i in fiche.sources[0].end_intervals] == [("2028-12-31", "2028-12-31")]
    assert fiche.sources[1].end_intervals == []
    assert [(i.start, i.end) for i in fiche.adjustment_intervals] == [("2026-09-01", "2026-11-30")]


# --- bad input -------------------------------------------------------------------------

def test_binary_noise_never_raises_and_yields_nothing_odd():
    rng = random.Random(20260501)
    for _ in range(40):
        blob = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4000)))
        for text in (blob.decode("latin-1"), blob.decode("utf-8", errors="replace"),
                     blob.decode("utf-8", errors="surrogateescape")):
            for interval in find_dates(text, TERM):
                assert interval.start <= interval.end


def test_a_megabyte_of_noise_yields_no_mention():
    rng = random.Random(7)
    noise = "".join(chr(rng.choice([rng.randint(0, 0x2F), rng.randint(0x3A, 0x7E), rng.randint(0x80, 0x2FFF)]))
                    for _ in range(1_000_000))
    assert find_dates(noise, TERM) == []


@pytest.mark.parametrize("line", [
    "1" * 1_000_000,                 # one huge number (longer than int() accepts by default)
    "2026-" * 200_000,                # one endless glued chain
    "1." * 500_000,
    " " * 1_000_000,
    "\n" * 100_000,
    "van " * 250_000,
    "t/m " * 250_000,
    "https://example.org/?" + "a=2026&" * 100_000,
])
def test_very_long_lines_yield_nothing(line):
    assert find_dates(line, TERM) == []


def test_a_very_long_line_of_mentions_finds_every_one():
    line = "eind 2026 / begin 2027; " * 20_000
    found = find_dates(line, TERM)
    assert len(found) == 20_000
    assert {(i.start, i.end) for i in found} == {("2026-10-01", "2027-03-31")}


@pytest.mark.parametrize("value", [None, 2026, b"2026", ["2026"]])
def test_non_text_yields_nothing(value):
    assert find_dates(value, TERM) == []


def test_odd_term_starts_do_not_break_absolute_mentions():
    for term in (dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29)):
        found = find_dates("eind 2026 en bij de start van de nieuwe coalitie", term)
        assert found[0].start == "2026-10-01"
    assert periods("eind van de collegeperiode", dt.date(2024, 2, 29)) == [("2027-11-29", "2028-02-28")]


def test_agenda_table_dates_day_abbreviated_month_two_digit_year():
    from akkoord.dossier.dates import find_dates

    assert [(i.start, i.end) for i in find_dates("30-mrt-26")] == [("2026-03-30", "2026-03-30")]
    assert [(i.start, i.end) for i in find_dates("Raad 2-jun-26, daarna Q2 2027")] == [
        ("2026-06-02", "2026-06-02"), ("2027-04-01", "2027-06-30")]
    assert [i.start for i in find_dates("15-okt-2027")] == ["2027-10-15"]
    assert find_dates("31-feb-26") == []  # no such day


def test_year_known_day_not_gives_the_year():
    from akkoord.dossier.dates import find_dates

    assert [(i.start, i.end) for i in find_dates("n.t.b. 2027")] == [("2027-01-01", "2027-12-31")]
