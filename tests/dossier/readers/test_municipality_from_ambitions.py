"""The PDF/Word assembler learns the municipality from the ambition cells ("Aantrekkelijk
Lindeveen"), also when one cell holds the whole ambition row (issue 14, item 7)."""
from __future__ import annotations

from akkoord.dossier.fiche_assembly import FicheAssembler, _Draft


def _municipality(*cells: str) -> str:
    assembler = FicheAssembler("pdf")
    assembler.drafts.append(_Draft("1A", "Onderwerp", None, ambition_cells=list(cells)))
    return assembler._municipality()


def test_one_cell_per_ambition():
    assert _municipality("Aantrekkelijk Lindeveen", "Open Lindeveen", "x Inclusief Lindeveen") == "Lindeveen"


def test_the_whole_ambition_row_in_one_cell_gives_only_the_name():
    row = "Aantrekkelijk Lindeveen Open Lindeveen Groen en Duurzaam Lindeveen X Inclusief Lindeveen"
    assert _municipality(row) == "Lindeveen"
    assert _municipality("Open Bergen op Zoom Inclusief Bergen op Zoom") == "Bergen op Zoom"
