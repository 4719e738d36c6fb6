"""The dossier profile: ambitions, boilerplate and term are induced from the document, not
assumed; the built-in fiche template is data; no place or ambition name lives in the code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from akkoord.dossier.model import Dossier
from akkoord.dossier.profile import (
    Profile,
    builtin_profiles,
    default_profile,
    find_boilerplate,
    induce_ambitions,
    term_from_title,
)
from akkoord.dossier.readers.text import parse_text

SRC = Path(__file__).resolve().parents[2] / "src" / "akkoord"

# A fiche dossier of an invented municipality with its own three ambitions and footnote.
FICHE = """Onderwerp {code} {title}
Opgave
{marks}
De lijn die we hebben ingezet is……
We werken aan {title_lower} met de buurt.
Dat is terug te lezen in:
Nota {title} 2024 Einddatum: 2028
Als het nieuwe college op deze lijn wil
bijsturen is de evaluatie in 2027 een logisch moment.
Vanuit andere overheden1 verwachten we de volgende (koers)wijzigingen in beleid
Geen.
Onze natuurlijke partners op dit onderwerp zijn: Buurtteam, Woonstichting Noord
Wij adviseren de onderhandelaars uitspraken te doen over:
De hoogte van het budget.
1 Bedoeld zijn het Rijk, de provincie en het waterschap.

"""

MARKS = [
    "X Veilig Oosterdal Levendig Oosterdal\nDuurzaam Oosterdal",
    "Veilig Oosterdal X Levendig Oosterdal\nDuurzaam Oosterdal",
    "Veilig Oosterdal Levendig Oosterdal\nX Duurzaam Oosterdal",
    "Veilig Oosterdal Levendig Oosterdal\nDuurzaam Oosterdal",
]


def dossier_text() -> str:
    titles = ["Buurtveiligheid", "Cultuur", "Warmte", "Sport"]
    body = "".join(FICHE.format(code=f"1{chr(65 + i)}", title=t, title_lower=t.lower(), marks=MARKS[i])
                   for i, t in enumerate(titles))
    return "Formatiedossier Oosterdal 2030\n\n" + body


def test_ambitions_of_another_template_are_induced_from_the_marks():
    result = parse_text(dossier_text())
    profile = result.dossier.profile
    assert [a.key for a in profile.ambitions] == ["veilig", "levendig", "duurzaam"]
    assert profile.municipality == "Oosterdal"
    assert [f.ambitions for f in result.dossier.fiches] == [["veilig"], ["levendig"], ["duurzaam"], []]


def test_boilerplate_is_found_by_repetition_and_left_out():
    result = parse_text(dossier_text())
    assert result.dossier.profile.boilerplate == ["Bedoeld zijn het Rijk, de provincie en het waterschap."]
    assert all(f.footnotes == [] for f in result.dossier.fiches)


def test_term_comes_from_the_title():
    result = parse_text(dossier_text())
    assert result.dossier.profile.term == (2030, 2034)
    assert term_from_title("Formatiedossier 2026") == (2026, 2030)
    assert term_from_title("Overdrachtsdossier raadsperiode 2022-2026") == (2022, 2026)
    assert term_from_title("Overdrachtsdossier 2026–30") == (2026, 2030)
    assert term_from_title("Formatiedossier") is None


def test_a_kept_profile_is_reused_for_the_next_version():
    first = parse_text(dossier_text()).dossier.profile
    first.ambitions[0].name = "Veilig en schoon"
    first.ambitions[0].colour = "rood"
    again = parse_text(dossier_text(), profile=first).dossier.profile
    assert again.ambition("veilig").name == "Veilig en schoon"
    assert again.ambition("veilig").colour == "rood"


def test_the_builtin_fiche_template_keeps_its_keys_for_its_own_ambitions():
    block = "Aantrekkelijk Stad X Open Stad\nGroen en Duurzaam Stad\nX Inclusief Stad"
    induced = induce_ambitions([block, block.replace("X ", "")])
    assert induced is not None and induced.municipality == "Stad"
    text = dossier_text().replace("Oosterdal", "Stad")
    for old, new in (("Veilig", "Aantrekkelijk"), ("Levendig", "Open"), ("Duurzaam", "Inclusief")):
        text = text.replace(old, new)
    fiches = parse_text(text).dossier.fiches
    assert [f.ambitions for f in fiches] == [["aantrekkelijk"], ["open"], ["inclusief"], []]


def test_find_boilerplate_needs_repetition():
    assert find_boilerplate([["Een eenmalige voetnoot hier."], ["Iets anders hier ook."], []]) == []
    notes = [["Vaste tekst over de overheden."]] * 3 + [["Eigen voetnoot bij deze fiche."]]
    assert find_boilerplate(notes) == ["Vaste tekst over de overheden."]


def test_profile_round_trips_through_the_export():
    dossier = parse_text(dossier_text()).dossier
    again = Dossier.from_dict(dossier.to_dict())
    assert again.profile.to_dict() == dossier.profile.to_dict()
    assert Profile.from_dict({}).ambitions == []


def test_export_validates_against_the_versioned_schema(schema):
    import jsonschema

    jsonschema.validate(parse_text(dossier_text()).dossier.to_dict(), schema)


def test_versioned_schema_accepts_what_the_shared_schema_accepts(schema, shared_schema, shared_gold_dir):
    """Backwards compatible: every reference fiche valid under the shared schema stays valid."""
    import json

    import jsonschema

    for path in sorted(shared_gold_dir.glob("*.json")):
        fiche = json.loads(path.read_text(encoding="utf-8"))
        document = {"municipality": "", "fiches": [fiche]}
        jsonschema.validate(document, shared_schema)
        jsonschema.validate(document, schema)


# --- no names in the code ---------------------------------------------------------------------

# Built-in profiles, and the bundled fictional sample data of the demo (its municipality is invented).
SAMPLE_DATA = ("dossier/profiles/", "dossier/sample/", "monitoring/sample.py", "web/formation/demo.py")

PLACES = ("Enschede", "Twente", "Overijssel", "Overijsel", "Hengelo", "Euregio", "Lindeveen", "Veenstreek", "Kroonswolde",
          "Haverdam", "Marlingen", "Hunzedal")


def _forbidden_words() -> list[str]:
    words = set(PLACES)
    for profile in builtin_profiles().values():
        for amb in profile.ambitions:
            words.add(amb.name)
            words.add(amb.key)
        for text in profile.boilerplate:
            words.add(text)
    # Generic words that a built-in ambition happens to be named by are not names.
    return sorted(w for w in words if w.lower() not in {"open"})


def _code_files():
    for path in SRC.rglob("*"):
        rel = path.relative_to(SRC).as_posix()
        if not path.is_file() or path.suffix not in (".py", ".html", ".css", ".js", ".txt", ".md", ".json"):
            continue
        if rel.startswith(SAMPLE_DATA) or "/migrations/" in rel:
            continue  # built-in profiles and the bundled fictional samples are data
        yield rel, path.read_text(encoding="utf-8")


def test_no_municipality_region_or_ambition_name_in_the_code():
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _forbidden_words()) + r")\b", re.IGNORECASE)
    found = [f"{rel}: {m.group(0)}" for rel, text in _code_files() for m in pattern.finditer(text)]
    assert found == []


def test_the_name_check_would_catch_a_name():
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _forbidden_words()) + r")\b", re.IGNORECASE)
    assert pattern.search('KEYS = ("groen-duurzaam", "inclusief")')
    assert pattern.search("# GGD Twente")


def test_builtin_fiche_template_is_complete():
    profile = default_profile()
    assert profile.ambitions and profile.labels and profile.boilerplate
    assert len(set(profile.ambition_keys)) == len(profile.ambitions)


@pytest.mark.parametrize("name", sorted(builtin_profiles()))
def test_builtin_profiles_map_only_to_known_fields(name):
    from akkoord.dossier.model import FIELD_LABELS

    profile = builtin_profiles()[name]
    assert set(profile.labels) <= set(FIELD_LABELS)
    assert set(profile.section_fields.values()) <= set(FIELD_LABELS) | {"tables"}


def test_labels_are_induced_as_the_dossier_writes_them():
    labels = parse_text(dossier_text()).dossier.profile.labels
    assert labels["current_line"].startswith("De lijn die we hebben ingezet")
    assert labels["external_changes"].startswith("Vanuit andere overheden verwachten")  # footnote mark gone
    assert labels["partners"] == "Onze natuurlijke partners op dit onderwerp zijn:"
