"""The field parsers every reader shares: partners, sources, ambition marks."""
from __future__ import annotations

from akkoord.dossier.fields import (
    parse_ambition_cells,
    parse_sources,
    sources_from_items,
    split_partners,
)
from akkoord.dossier.model import Source


def test_partner_lists_split_on_commas_semicolons_and_en():
    assert split_partners(["Provincie: Gedeputeerde Staten, Waterschap Oost; IVN Heidedorp en Natuurclub De Wulp"]) \
        == ["Gedeputeerde Staten", "Waterschap Oost", "IVN Heidedorp", "Natuurclub De Wulp"]


def test_two_proper_names_joined_by_en_outside_a_list_are_one_name():
    assert split_partners(["Team Jeugd en Gezin Heidedorp"]) == ["Team Jeugd en Gezin Heidedorp"]
    assert split_partners(["Waterschap Aa en Beek (beheerder)"]) == ["Waterschap Aa en Beek (beheerder)"]
    # A common noun on either side: two partners.
    assert split_partners(["Politie en buurtpreventie"]) == ["Politie", "buurtpreventie"]


def test_partner_group_heading_alone_and_examples_after_zoals():
    assert split_partners(["Onderwijs:", "scholen zoals De Esch, Het Veld"]) == ["scholen zoals De Esch, Het Veld"]


def test_sources_from_items_cells_and_lines_meet():
    items = ["Woonvisie 2024 Einddatum: 2028", "Nota Wijken", "Einddatum: 31-12-2027",
             "Regionale agenda (einddatum 2030)", "Einddatum: 2031"]
    sources, unplaced = sources_from_items(items)
    assert sources == [Source("Woonvisie 2024", "2028"), Source("Nota Wijken", "31-12-2027"),
                       Source("Regionale agenda", "2030")]
    assert unplaced == ["Einddatum 2031"]


def test_parse_sources_from_wrapped_lines():
    lines = ["Uitvoeringsprogramma wonen en", "zorg Einddatum: 2027", "Eindatum 2029"]
    sources, _, unplaced = parse_sources(lines)
    assert sources == [Source("Uitvoeringsprogramma wonen en zorg", "2027")]
    assert unplaced == ["Einddatum 2029"]


def test_ambition_marks_in_grid_cells():
    cells = ["X", "Aantrekkelijk Heidedorp", "☐", "Open Heidedorp", "v", "Groen en Duurzaam Heidedorp",
             "", "Inclusief Heidedorp", "☒ Randvoorwaarden voor realisatie van de opgaven"]
    result = parse_ambition_cells(cells)
    assert result.ambitions == ["aantrekkelijk", "groen-duurzaam", "randvoorwaarden"]
    assert result.towns["Heidedorp"] == 4
    assert parse_ambition_cells(["Aantrekkelijk X", "Open"]).ambitions == ["open"]
