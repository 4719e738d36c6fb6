"""Abbreviations the dossier defines itself."""
from __future__ import annotations

from akkoord.dossier.glossary import extract_glossary, find_definitions
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
