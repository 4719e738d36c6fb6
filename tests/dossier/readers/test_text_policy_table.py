"""The policy table of a fiche in extracted text, read row by row (``fields.parse_policy_table``):
damage reported from dossiers the readers were not developed on, in small texts written for
these tests. Each row reads area, opportunity, risk; the cases are told apart by the layout
(which paragraph comes first, how many cells a row has, the header's own words), not by the
wording of the cells."""
from __future__ import annotations

from akkoord.dossier.fields import parse_policy_table


def rows(text: str):
    found, unplaced = parse_policy_table(text.split("\n"))
    assert unplaced == []
    return [(p.area, p.opportunity, p.risk) for p in found]


def test_an_area_written_as_a_sentence_is_the_area_not_an_opportunity():
    text = ("Het sociaal domein, met de wijkteams\nen de schuldhulpverlening.\n\n"
            "Eén loket voor alle inwoners\n\nLangere wachttijden bij de wijkteams\n\n"
            "Wonen\n\nMeer woningen voor starters\n\nStijgende bouwkosten")
    assert rows(text) == [
        ("Het sociaal domein, met de wijkteams en de schuldhulpverlening.", "Eén loket voor alle inwoners",
         "Langere wachttijden bij de wijkteams"),
        ("Wonen", "Meer woningen voor starters", "Stijgende bouwkosten")]


def test_an_area_of_several_paragraphs_does_not_shift_the_columns():
    text = ("Openbare ruimte. Daaronder vallen\nook de bermen en de sloten.\nHet onderhoud is uitbesteed.\n\n"
            "Bewoners onderhouden zelf een deel\n\nHogere kosten voor beheer\n\n"
            "Sport\n\nMeer gebruik van de velden\n\nMinder ruimte voor evenementen")
    found = rows(text)
    assert [r[0] for r in found] == [
        "Openbare ruimte. Daaronder vallen ook de bermen en de sloten. Het onderhoud is uitbesteed.", "Sport"]
    assert found[0][1:] == ("Bewoners onderhouden zelf een deel", "Hogere kosten voor beheer")
    assert found[1][1:] == ("Meer gebruik van de velden", "Minder ruimte voor evenementen")


def test_wrapped_header_cells_sharing_a_line_with_the_first_row():
    text = ("Beleidsterrein (Subsidie)\nWonen kans Risico\nMeer woningen voor starters\n\n"
            "Stijgende bouwkosten\n\nZorg\n\nLanger thuis wonen\n\nDruk op mantelzorgers")
    assert rows(text) == [("Wonen", "Meer woningen voor starters", "Stijgende bouwkosten"),
                          ("Zorg", "Langer thuis wonen", "Druk op mantelzorgers")]


def test_header_words_in_a_row_after_a_complete_header_stay():
    text = "Beleidsterrein (Subsidie)kans Risico\nWonen\n\nMeer kansen voor starters\n\nRisico op leegstand"
    assert rows(text) == [("Wonen", "Meer kansen voor starters", "Risico op leegstand")]


def test_an_empty_risk_does_not_shift_the_next_row():
    text = ("Wonen\n\nMeer doorstroming op de\nwoningmarkt\n\n"
            "Zorg\n\nLanger thuis wonen\n\nHogere druk op mantelzorgers")
    assert rows(text) == [("Wonen", "Meer doorstroming op de woningmarkt", ""),
                          ("Zorg", "Langer thuis wonen", "Hogere druk op mantelzorgers")]
