"""Cross-references between fiches, the same for every reader."""
from __future__ import annotations

from akkoord.dossier.model import Dossier, Fiche
from akkoord.dossier.related import find_references, resolve_related


def _dossier() -> Dossier:
    return Dossier(municipality="Heidedorp", fiches=[
        Fiche(code="1A", title="Wonen en woningbouw",
              current_line="Zie ook fiche Klimaatadaptatie; de aanpak volgt de Regionale Energiestrategie (RES)."),
        Fiche(code="1B", title="Regionale Energiestrategie", advice=["Koppeling met fiche 1A over bouwen"]),
        Fiche(code="2A", title="Klimaatadaptatie in Heidedorp"),
    ])


def test_references_in_the_fields_by_title_and_by_code():
    dossier = _dossier()
    resolve_related(dossier)
    assert dossier.fiches[0].related == ["2A"]
    assert dossier.fiches[1].related == ["1A"]
    assert dossier.fiches[2].related == []


def test_references_found_by_the_reader_replace_the_fields_and_expand_abbreviations():
    dossier = _dossier()
    resolve_related(dossier, {"2A": ["RES", "2A", "9Z"], "1A": []})
    assert dossier.fiches[2].related == ["1B"]  # its own code and an unknown code give nothing
    assert dossier.fiches[0].related == []
    assert dossier.fiches[1].related == ["1A"]


def test_reference_lists_and_title_relations():
    refs = find_references("Koppelingen met dossiers: Wonen, Zorg en Welzijn\n\nZie ook het dossier Sport. Verder.",
                           title="Armoede: relatie met Schulden")
    assert refs == ["Schulden", "Wonen", "Zorg", "Welzijn", "Sport"]
