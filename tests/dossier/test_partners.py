"""The partner index merges spelling variants of one organisation, and only those."""
from __future__ import annotations

from akkoord.dossier.model import Dossier, Fiche
from akkoord.dossier.partners import partner_index, partner_key


def index(*fiches: tuple[str, list[str]], abbreviations=None):
    dossier = Dossier("Lindeveen", [Fiche(code, code, partners=names) for code, names in fiches])
    return partner_index(dossier, abbreviations)


def names(entries):
    return [e.name for e in entries]


def test_case_articles_punctuation_spaces_and_remarks_merge():
    entries = index(("1A", ["Politie", "de Voedselbank", "Twente Board (spil in de regio)"]),
                    ("1B", ["politie", "Voedselbank.", "Twenteboard"]),
                    ("2A", ["het Leger des Heils", "Leger des Heils"]))
    assert names(entries) == ["Leger des Heils", "Politie", "Twente Board", "Voedselbank"]
    board = next(e for e in entries if e.name == "Twente Board")
    assert board.fiches == ["1A", "1B"]
    assert board.variants == ["Twente Board (spil in de regio)", "Twenteboard"]


def test_legal_suffix_municipality_prefix_regional_qualifier_and_typos_merge():
    # "Twente" ends three different partner names here, so the dossier's region is Twente
    entries = index(("1A", ["Kredietbank B.V.", "Gemeente Hengelo", "GGD Twente", "Provincie Overijssel",
                            "Regio Twente", "ROZ Twente"]),
                    ("1B", ["Kredietbank", "Hengelo", "GGD", "Provincie Overijsel", "Regio", "ROZ"]))
    assert len(entries) == 6
    assert all(e.fiches == ["1A", "1B"] for e in entries)


def test_region_is_learned_from_the_dossier_not_from_a_fixed_list():
    veenstreek = index(("1A", ["GGD Veenstreek", "Kredietbank Veenstreek", "Omgevingsdienst Veenstreek"]),
                       ("1B", ["GGD"]))
    assert names(veenstreek) == ["GGD Veenstreek", "Kredietbank Veenstreek", "Omgevingsdienst Veenstreek"]
    assert next(e for e in veenstreek if e.name == "GGD Veenstreek").fiches == ["1A", "1B"]
    # a place named once is part of the name: "Waterschap Vechtstromen" is not "Waterschap"
    once = index(("1A", ["Waterschap Vechtstromen"]), ("1B", ["Waterschap"]))
    assert len(once) == 2
    # the municipality itself always qualifies: "Bibliotheek Lindeveen" is the Bibliotheek
    own = index(("1A", ["Bibliotheek Lindeveen"]), ("1B", ["Bibliotheek"]))
    assert len(own) == 1


def test_different_organisations_stay_apart():
    entries = index(("1A", ["Ministerie van EZ", "Hof van Twente", "Scholen", "Sportaal"]),
                    ("1B", ["Ministerie van BZK", "Hof van Wijk", "Scholieren", "Sportraad"]))
    assert len(entries) == 8


def test_abbreviation_merges_with_long_form_from_the_glossary():
    entries = index(("1A", ["Universiteit Twente"]), ("1B", ["UT"]),
                    abbreviations={"UT": "Universiteit Twente"})
    assert names(entries) == ["Universiteit Twente"]
    assert entries[0].fiches == ["1A", "1B"]


def test_display_name_is_the_most_frequent_form_capitalised():
    entries = index(("1A", ["woningcorporaties"]), ("1B", ["woningcorporaties"]), ("1C", ["Woningcorporaties"]))
    assert names(entries) == ["Woningcorporaties"]


def test_key_ignores_what_does_not_name_the_organisation():
    assert partner_key("de Stichting Leergeld (landelijk)") == partner_key("Stichting  Leergeld,")
    assert partner_key("Hof van Twente") != partner_key("Hof van")
    assert partner_key("") == ""


# -- issue 14: no non-partners, no persons, synonyms merged

def _index(*partner_lists):
    from akkoord.dossier.model import Dossier, Fiche
    from akkoord.dossier.partners import partner_index

    dossier = Dossier(municipality="Lindeveen", fiches=[Fiche(code=f"1{chr(65 + i)}", title="x", partners=list(p))
                                                        for i, p in enumerate(partner_lists)])
    return {e.name: e for e in partner_index(dossier)}


def test_policies_sentences_and_persons_are_no_partners():
    from akkoord.dossier.partners import is_partner_name, names_a_person

    for name in ("Beleid", "Dienstregeling", "Bijzondere bijstand", "Het is belangrijk dat alle partijen meedoen",
                 "dhr. P. de Wit", "mevrouw Jansen", "J.P. van Dam"):
        assert not is_partner_name(name), name
    for name in ("Voedselbank", "Twente Board", "Leger des Heils", "Ministerie van BZK", "Politie"):
        assert is_partner_name(name), name
    assert names_a_person("Stichting Centrum, met dhr. Bakker als coördinator")
    index = _index(["Stichting Centrum Lindeveen, met Piet Bakker als centrummanager", "Beleid"])
    assert list(index) == ["Stichting Centrum Lindeveen"]
    assert "Bakker" not in " ".join(index["Stichting Centrum Lindeveen"].name)


def test_synonyms_plurals_and_quantifiers_merge():
    index = _index(["Corporaties", "Bibliotheek"], ["Woningcorporaties", "Bibliotheken"],
                   ["Lindeveense woningcorporaties", "Alle Veense gemeenten"], ["Veense gemeenten", "14 Veense gemeenten"])
    corporations = [e for e in index.values() if "corporaties" in e.name.lower()]
    assert len(corporations) == 1 and len(corporations[0].fiches) == 3
    assert len([e for e in index.values() if e.name.lower().startswith("bibliothe")]) == 1
    municipalities = [e for e in index.values() if "gemeenten" in e.name.lower()]
    assert len(municipalities) == 1 and municipalities[0].fiches == ["1C", "1D"]


def test_a_tail_shared_by_two_compounds_is_not_merged():
    index = _index(["Partners"], ["Zorgpartners"], ["Welzijnspartners"])
    assert len(index) == 3
