"""The dossier's title comes from its cover page, without the subtitles under it."""
from akkoord.dossier.readers.text import parse_text

FICHE = """Onderwerp 1A Bibliotheken

Opgave
x Open Waterbeek

De lijn die we hebben ingezet is……

Twee vestigingen blijven open.
"""


def test_cover_title_stops_at_the_line_naming_the_dossier():
    cover = ("Gemeente Waterbeek\n\nFormatiedossier 2030\nVoor de onderhandelaars na de verkiezingen\n"
             "Hoofdstuk 1 Samenleving | Hoofdstuk 2 Ruimte\n\n\n")
    dossier = parse_text(cover + FICHE).dossier
    assert dossier.title == "Gemeente Waterbeek — Formatiedossier 2030"
    assert [f.code for f in dossier.fiches] == ["1A"]


def test_cover_without_a_dossier_line_uses_its_first_line():
    dossier = parse_text("Overdracht college 2030\nVersie 3\n\n" + FICHE).dossier
    assert dossier.title == "Overdracht college 2030"


def test_no_cover_no_title():
    assert parse_text(FICHE).dossier.title == ""
