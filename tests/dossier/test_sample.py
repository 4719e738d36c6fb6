"""The bundled sample dossier: its reference annotation is valid and consistent with its text,
and the text shows every kind of extraction damage the readers must cope with."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest

from akkoord.dossier.profile import default_profile
from akkoord.dossier.sample import SAMPLE_GOLD_DIR, SAMPLE_TEXT_PATH, load_sample_gold, sample_profile

PROFILE = sample_profile()


@pytest.fixture(scope="module")
def text() -> str:
    return SAMPLE_TEXT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(SAMPLE_GOLD_DIR.glob("*.json"))}


def fiche_segments(text: str) -> dict[str, str]:
    """Text of each fiche, from its heading (``Onderwerp 2 B`` or a heading alone) to the next."""
    heads = list(re.finditer(r"^ ?Onderwerp\s*\n?(\d+) ?([A-Z]) ", text, re.M))
    return {m[1] + m[2]: text[m.start():(heads[i + 1].start() if i + 1 < len(heads) else len(text))]
            for i, m in enumerate(heads)}


def squeeze(text: str) -> str:
    """Letters and digits only: line breaks, hyphenation, bullets and spacing no longer matter."""
    return re.sub(r"[\W_]+", "", text.lower())


# --- the reference annotation -------------------------------------------------------------

def test_gold_files_are_valid_fiches(gold, schema):
    fiche_schema = {**schema["$defs"]["fiche"], "$defs": schema["$defs"]}
    assert len(gold) >= 10
    for code, fiche in gold.items():
        jsonschema.validate(fiche, fiche_schema)
        assert fiche["code"] == code
        assert set(fiche["ambitions"]) <= set(PROFILE.ambition_keys)


def test_gold_spans_three_chapters_and_has_an_unmarked_fiche(gold):
    assert {code[:-1] for code in gold} == {"1", "2", "3"}
    assert any(not f["ambitions"] for f in gold.values())
    general = [a.key for a in PROFILE.ambitions if not a.with_municipality]
    assert any(set(general) & set(f["ambitions"]) for f in gold.values())


def test_sample_shares_no_ambition_or_boilerplate_with_the_built_in_template():
    """The sample shows that the readers generalise: its ambitions and recurring footnote are
    its own, not those of the built-in fiche template."""
    builtin = default_profile()
    assert not set(PROFILE.ambition_keys) & set(builtin.ambition_keys)
    assert not {a.name.lower() for a in PROFILE.ambitions} & {a.name.lower() for a in builtin.ambitions}
    text = SAMPLE_TEXT_PATH.read_text(encoding="utf-8")
    assert not any(builtin.is_boilerplate(line) for line in text.splitlines())


def test_related_codes_exist_and_are_not_self(gold):
    for code, fiche in gold.items():
        for other in fiche["related"]:
            assert other in gold and other != code, (code, other)


def test_links_are_bare_unique_and_in_order_of_appearance(gold, text):
    segments = fiche_segments(text)
    for code, fiche in gold.items():
        links = fiche["links"]
        assert len(links) == len(set(links)), code
        segment = re.sub(r"-\n(?=\S)", "-", segments[code])  # a URL wrapped after a hyphen
        positions = [segment.find(link) for link in links]
        assert -1 not in positions, (code, links, positions)
        assert positions == sorted(positions), code
        for found in re.findall(r"(?:https?|file)://\S+", segment):
            assert found in links, (code, found)


def test_text_fields_follow_the_conventions(gold):
    for code, fiche in gold.items():
        strings = [fiche["current_line"], fiche["adjustment_moment"], fiche["external_changes"],
                   *fiche["partners"], *fiche["advice"], *fiche["footnotes"],
                   *(s["title"] for s in fiche["sources"]),
                   *(c for p in fiche["policy_areas"] for c in (p["area"], p["opportunity"], p["risk"]))]
        for value in strings:
            assert value == value.strip(), (code, value)
            assert "\n\n\n" not in value and not re.search(r"(?<!\n)\n(?!\n)", value), (code, value)
            assert "\uf0b7" not in value and "\uf0a7" not in value and not value.startswith(("- ", "• ")), (code, value)
            assert "://" not in value, (code, value)
            assert "Euregio" not in value, (code, value)
        assert not re.search(r"overheden\d", json.dumps(fiche, ensure_ascii=False)), code


def test_every_gold_value_is_recoverable_from_the_fiche_text(gold, text):
    segments = fiche_segments(text)
    assert set(segments) == set(gold)
    for code, fiche in gold.items():
        # Footnote marks glued to a word are not part of the values.
        segment = squeeze(re.sub(r"(miljoen|2028)1\b", r"\1", segments[code]))
        # Undo the one page break inside a paragraph (footer, URL dump, repeated header).
        segment = re.sub(r"formatiedossierlindeveen2026pagina9https\w+?onderwerpwoningbouwenbetaalbaarwonen", "",
                         segment)
        values = [fiche["title"], fiche["current_line"], fiche["adjustment_moment"], fiche["external_changes"],
                  *fiche["partners"], *fiche["advice"], *fiche["footnotes"]]
        values += [v for s in fiche["sources"] for v in (s["title"], s["end_date"])]
        values += [v for p in fiche["policy_areas"] for v in (p["area"], p["opportunity"], p["risk"])]
        for value in values:
            for paragraph in value.split("\n\n"):
                assert squeeze(paragraph) in segment, (code, paragraph)


def test_load_sample_gold_builds_the_dossier(gold):
    dossier = load_sample_gold()
    assert dossier.municipality == "Lindeveen"
    assert "2026" in dossier.title
    assert [f.code for f in dossier.fiches] == sorted(gold, key=lambda c: (int(c[:-1]), c[-1]))
    fiche = dossier.fiche("1B")
    assert fiche is not None and fiche.footnotes == gold["1B"]["footnotes"]
    assert fiche.sources[1].end_date == gold["1B"]["sources"][1]["end_date"]
    assert dossier.to_dict()["fiches"][0]["title"] == gold["1A"]["title"]


# --- the text: headings and damage ---------------------------------------------------------

def test_text_contains_every_fiche_heading(gold, text):
    for code, fiche in gold.items():
        chapter, letter = code[:-1], code[-1]
        heading = rf"Onderwerp\s+{chapter} ?{letter} {re.escape(fiche['title'])}"
        assert re.search(heading, text), code


def test_heading_forms(text):
    assert re.search(r"^Onderwerp 2 B \S", text, re.M)  # code with a space in it
    assert re.search(r"^Onderwerp\n2C \S", text, re.M)  # heading alone, title on the next line
    assert re.search(r"^Onderwerp Woningbouw en betaalbaar wonen$", text, re.M)  # repeated page header
    assert re.search(r"^Koppelingen met dossiers: ", text, re.M)


def test_ambition_marks(text):
    assert re.search(r"^x Zorgzaam Lindeveen$", text, re.M)
    assert re.search(r"^X Bloeiend Lindeveen x Betrokken Lindeveen$", text, re.M)
    assert re.search(r"^Opgave Bloeiend Lindeveen X Betrokken Lindeveen$", text, re.M)
    assert re.search(r"^X Wendbare organisatie$", text, re.M)
    assert re.search(r"^Opgave\nBloeiend Lindeveen Betrokken Lindeveen\nKlimaatbestendig Lindeveen\n"
                     r"Zorgzaam Lindeveen\n", text, re.M)  # a fiche without any mark


def test_interleaved_and_wrapped_labels(text):
    # value on the line of a wrapped label
    assert re.search(r"^Als het nieuwe college op deze lijn wil\nbijsturen is \S.+\n?.*een logisch moment\.",
                     text, re.M)
    assert re.search(r"^onderwerp zijn: \S", text, re.M)
    # labels wrapped over three lines
    assert re.search(r"^Vanuit andere overheden\d verwachten\nwe de volgende \(koers\)wijzigingen in\nbeleid$",
                     text, re.M)
    assert re.search(r"^De lijn die we hebben\ningezet is……$", text, re.M)


def test_value_before_its_label_and_after_the_next_label(text):
    # advice of 1C stands before its label, which follows after the page break
    assert re.search(r"^Of de lijn van minder aanbieders.*\n(?:.*\n){2,12}?Wij adviseren de onderhandelaars\n"
                     r"uitspraken te doen over:\n\nDeze beleidsterreinen", text, re.M)
    # adjustment moment of 2A comes after the next label
    assert re.search(r"^bijsturen is\n\nVanuit andere overheden\d verwachten we de\nvolgende \(koers\)wijzigingen "
                     r"in beleid\n\nBij de vaststelling .*\n.*een logisch moment\.", text, re.M)


def test_policy_table_falls_apart(text):
    assert text.count("Beleidsterrein (Subsidie)kans Risico") >= 10
    assert re.search(r"^Fysiek X$", text, re.M)  # bare mark
    assert re.search(r"^Veiligheid\n\n1 Bijvoorbeeld", text, re.M)  # a row without opportunity or risk
    assert re.search(r"^Onderwijs\n\nOndersteuning in de klas", text, re.M)  # cells of one row on separate lines
    assert re.search(r"^Wonen\nAfspraken met de corporaties", text, re.M)


def test_url_dumps_and_footers(text):
    assert re.search(r"^Formatiedossier Lindeveen 2026 \| pagina \d+\n\nhttps://", text, re.M)
    assert len(re.findall(r"^Formatiedossier Lindeveen 2026 \| pagina \d+$", text, re.M)) >= 15
    assert re.search(r"^(https://\S+)\n\1$", text, re.M)  # a URL repeated in a dump
    assert re.search(r"https://\S+-\n[a-z]\S* Einddatum:", text)  # a URL wrapped over two lines


def test_footnotes(text):
    assert re.search(r"\boverheden1 ", text)
    assert re.search(r"\bbijsturen is 20281 een logisch moment", text)
    assert re.search(r"\bmiljoen1 in 2029", text)
    assert re.search(r"^1 Bijvoorbeeld het Rijk, de provincie of de Europese Unie\.$", text, re.M)
    assert re.search(r"^2 Bijvoorbeeld het Rijk, de provincie of de Europese Unie\.$", text, re.M)
    assert re.search(r"^1 Voor de regionale inkoop .*\(zie fiche Wmo en inkoop zorg en ondersteuning\)\.$",
                     text, re.M)


def test_bullets_and_hyphenation(text):
    for glyph in ("\uf0b7 ", "\uf0a7 ", "- ", "• "):
        assert re.search(rf"^{re.escape(glyph)}\S", text, re.M), glyph
    assert re.search(r"\bgemeen-\ntelijke\b", text)
    assert re.search(r"\bbedrijven-\nterrein\b", text)


def test_sources_end_dates(text, gold):
    for raw in ("2027", "31-12-2028", "n.v.t. vastgesteld", "Geen einddatum", "xx", "Ntb"):
        assert re.search(rf"Einddatum:? {re.escape(raw)}$", text, re.M), raw
    assert re.search(r"^Beleidsplan schuldhulpverlening 2022-2026\nEinddatum: 31-12-2026$", text, re.M)
    assert re.search(r"^Einddatum\nn\.v\.t\. vastgesteld$", text, re.M)  # end date below its label
    assert re.search(r"\S Einddatum:$", text, re.M)  # no end date given
    end_dates = {s["end_date"] for f in gold.values() for s in f["sources"]}
    assert {"", "xx", "Ntb", "3050", "31-12-202", "2023"} <= end_dates


def test_partner_lists(text, gold):
    assert re.search(r"^Schulden: .+ en .+$\n^Armoede: ", text, re.M)  # group headings
    assert re.search(r"Waterschap Aa en Linde \(beheerder van het oppervlaktewater\); ", text)
    partners = {p for f in gold.values() for p in f["partners"]}
    assert {"GGD Veenstreek", "GGD", "Woonstichting De Linde", "woonstichting de Linde"} <= partners
    assert "Schulden" not in " ".join(partners)


def test_cross_references(text):
    assert len(re.findall(r"zie\s+fiche\s", text)) >= 6


# --- planted quality problems and features for glossary and timeline -----------------------

def test_planted_link_problems(gold):
    links = [link for fiche in gold.values() for link in fiche["links"]]
    assert any(re.match(r"file:///C:/Users/[a-z.]+/", link) for link in links)
    assert any("safelinks.protection.outlook.com" in link and "%40lindeveen.nl" in link for link in links)
    assert any("utm_source=" in link and "utm_medium=" in link for link in links)
    assert any(link.startswith("https://www.google.com/url?q=") for link in links)
    assert any(link.startswith("http://intranet.lindeveen.local/") for link in links)
    assert len(links) > len(set(links))  # the same link in two fiches
    assert sum(link.startswith("https://lindeveen.bestuurlijkeinformatie.nl/") for link in links) >= 10


def test_email_address_in_a_text_field(gold):
    assert re.search(r"[\w.]+@lindeveen\.nl", gold["3B"]["current_line"])


def test_abbreviations_introduced_then_used_bare(text):
    expected = {"Wgs": "Wet gemeentelijke schuldhulpverlening", "Wmo": "Wet maatschappelijke ondersteuning",
                "GALA": "Gezond en Actief Leven Akkoord", "RES": "Regionale Energiestrategie",
                "MIRT": "Meerjarenprogramma Infrastructuur, Ruimte en Transport", "GRP": "Gemeentelijk Rioleringsplan",
                "GR": "Gemeenschappelijke Regeling", "OZB": "onroerendezaakbelasting"}
    for abbr, full in expected.items():
        introduction = text.find(f"{full} ({abbr})")
        assert introduction >= 0, abbr
        later = text[introduction + len(full) + len(abbr) + 3:]
        assert re.search(rf"(?<![(\w]){abbr}(?![)\w])", later), abbr


def test_time_expressions(text):
    for phrase in ("voorjaar 2027", "Q3 2027", "medio 2028", "eind 2026", "bij de start van de nieuwe coalitie",
                   "tweede helft 2027", "2026/2027"):
        assert phrase in text, phrase
