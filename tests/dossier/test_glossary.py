"""Abbreviations the dossier defines itself."""
from __future__ import annotations

from akkoord.dossier.glossary import extract_glossary, find_definitions, find_long_form, used_abbreviations
from akkoord.dossier.model import Dossier, Fiche, Source


def test_long_form_before_abbreviation():
    assert find_definitions("We werken met de Duurzame Financiële Basis (DFB) in alle wijken.") == [
        ("DFB", "Duurzame Financiële Basis")]


def test_abbreviation_before_long_form():
    assert find_definitions("De SPUK (Specifieke Uitkering) loopt af.") == [("SPUK", "Specifieke Uitkering")]


def test_long_form_wrapped_over_lines_and_mixed_case_abbreviation():
    text = "volgens de Wet verplichte\nGGZ (WvGGZ) en de Wet maatschappelijke ondersteuning (Wmo)"
    assert find_definitions(text) == [("WvGGZ", "Wet verplichte GGZ"), ("Wmo", "Wet maatschappelijke ondersteuning")]


def test_only_the_words_the_letters_need():
    # The article and the words before the name are not part of the long form.
    assert find_definitions("Dit omdat het Rijk het Nationaal Programma Landelijk Gebied (NPLG) opstelt.") == [
        ("NPLG", "Nationaal Programma Landelijk Gebied")]


def test_parentheses_that_are_not_definitions_are_ignored():
    for text in ("Zorgaanbieder Mediant (GGZ)", "Beleidsterrein (Subsidie)kans", "ROS (met 14 gemeenten)",
                 "EPBD (Europese wetgeving)", "Ministerie van BZK (VRO)", "GGZ (WvGGZ)", "de woningbouw (SHE)"):
        assert find_definitions(text) == [], text


def test_long_form_does_not_cross_a_sentence_end():
    assert find_definitions("Dat staat vast. Gezondheid (GGD)") == []


def test_glossary_of_a_dossier_with_fiches_that_use_the_abbreviation():
    dossier = Dossier("Lindeveen", [
        Fiche("1A", "Armoede", current_line="Met de Duurzame Financiële Basis (DFB) als basis."),
        Fiche("1B", "Jeugd", advice=["Houdt u de DFB aan?"]),
        Fiche("2A", "Wonen", sources=[Source("Omgevingsprogramma (OP)", "2027")], current_line="geen afkortingen"),
        Fiche("2B", "Werk", current_line="Het woord DFBX is een ander woord."),
    ])
    entries = extract_glossary(dossier)
    assert [(e.abbreviation, e.expansion, e.fiches) for e in entries] == [
        ("DFB", "Duurzame Financiële Basis", ["1A", "1B"]),
        ("OP", "Omgevingsprogramma", ["2A"]),
    ]


def test_most_frequent_long_form_wins_and_others_are_kept():
    dossier = Dossier("X", [
        Fiche("1A", "a", current_line="Sociaal Domein (SD)"),
        Fiche("1B", "b", current_line="Sociale Dienst (SD)"),
        Fiche("1C", "c", current_line="sociaal domein (SD)"),
    ])
    (entry,) = extract_glossary(dossier)
    assert entry.expansion == "Sociaal Domein"
    assert entry.alternatives == ["Sociale Dienst"]


# -- issue 14: long forms found elsewhere, undefined abbreviations listed as such

def _dossier(*texts: str) -> Dossier:
    return Dossier(municipality="Lindeveen", fiches=[Fiche(code=f"1{chr(65 + i)}", title="Onderwerp",
                                                          current_line=text) for i, text in enumerate(texts)])


def test_a_long_form_elsewhere_in_the_dossier_is_found():
    dossier = _dossier("De nota ‘Lopen, Fietsen en Zwemmen’ is vastgesteld.",
                       "Het LFZ-budget loopt af; de LFZ vraagt herijking.")
    entry = next(e for e in extract_glossary(dossier) if e.abbreviation == "LFZ")
    assert entry.expansion == "Lopen Fietsen en Zwemmen" and entry.source == "found"
    assert entry.fiches == ["1B"]


def test_a_versioned_name_is_found_for_its_abbreviation():
    dossier = _dossier("Het traject Groene Wijken Aanpak 2.0 (GWA 2.0) is gestart.")
    entry = next(e for e in extract_glossary(dossier) if e.abbreviation == "GWA")
    assert entry.expansion == "Groene Wijken Aanpak"


def test_undefined_abbreviations_are_listed_only_when_asked_and_without_a_guess():
    dossier = _dossier("Samen met de QRZ en de Kwartiermakers Regio Zuid bespreken we het.",
                       "We willen dit snel; De Boer zegt het ook.")
    entries = {e.abbreviation: e for e in extract_glossary(dossier, include_undefined=True)}
    assert entries["QRZ"].expansion == "" and entries["QRZ"].source == ""
    assert "QRZ" not in {e.abbreviation for e in extract_glossary(dossier)}
    # Two letters or a phrase of lower-case words never count as a long form.
    assert find_long_form("WW", ["We willen werken"]) is None
    assert find_long_form("VVD", ["Voorkomen van dakloosheid"]) is None


def test_used_abbreviations_skip_roman_numerals_and_shouted_words():
    found = used_abbreviations(["Fase II van het PLAN EN de ABC-aanpak en de XYZ’s"])
    assert "II" not in found and "EN" not in found and "ABC" not in found  # "ABC-aanpak" is a word
    assert found["XYZ"] == 1 and found["PLAN"] == 1
