"""Text extracted column by column (all labels, then all values): the reader gives the values
back to the labels in their order and still asks for the fiche to be checked."""
from akkoord.dossier.readers.text import parse_text

COLUMN_ORDER = """Onderwerp 1A Bibliotheken in de wijk
Opgave
De lijn die we hebben
ingezet is……
Dat is terug te lezen in:
Als het nieuwe college op
deze lijn wil bijsturen is …
een logisch moment.
X Open Waterbeek
Twee vestigingen blijven open en de bus stopt voor de deur.
Bibliotheekvisie 2024 Einddatum: 2028
De nieuwe bibliotheekvisie in 2028
"""

INTERLEAVED = """Onderwerp 1A Bibliotheken in de wijk
Opgave
X Open Waterbeek
De lijn die we hebben ingezet is……
Twee vestigingen blijven open en de bus stopt voor de deur.
Dat is terug te lezen in:
Bibliotheekvisie 2024 Einddatum: 2028
Als het nieuwe college op deze lijn wil
bijsturen is de nieuwe bibliotheekvisie in 2028 een logisch moment.
"""


def test_labels_listed_before_all_values_are_reported():
    result = parse_text(COLUMN_ORDER)
    kinds = [(w.fiche, w.kind) for w in result.warnings]
    assert ("1A", "labels-apart") in kinds


def test_labels_listed_before_all_values_get_their_values_in_order():
    fiche = parse_text(COLUMN_ORDER).dossier.fiches[0]
    assert fiche.ambitions == ["open"]
    assert fiche.current_line == "Twee vestigingen blijven open en de bus stopt voor de deur."
    assert [(s.title, s.end_date) for s in fiche.sources] == [("Bibliotheekvisie 2024", "2028")]
    assert fiche.adjustment_moment == "De nieuwe bibliotheekvisie in 2028"


def test_ordinary_interleaving_gives_no_such_warning():
    result = parse_text(INTERLEAVED)
    assert "labels-apart" not in {w.kind for w in result.warnings}
    fiche = result.dossier.fiches[0]
    assert fiche.ambitions == ["open"]
    assert [s.end_date for s in fiche.sources] == ["2028"]
