"""The template as another municipality words it: the labels reworded, wrapped differently,
a value on the label's own line, the label quoted in a value. Small fiches of a fictional
municipality, written for these tests; every label is in its own fixture so that a failure
names the wording that is no longer recognised."""
from __future__ import annotations

import pytest

from akkoord.dossier.readers.text import parse_text

# A fiche in the template's wording, as a dict of label → label text, so a test can swap one.
LABELS = {
    "current_line": "De lijn die we hebben ingezet is……",
    "sources": "Dat is terug te lezen in:",
    "adjustment_moment": "Als het nieuwe college op deze lijn wil\nbijsturen is",
    "external_changes": "Vanuit andere overheden1 verwachten we de\nvolgende (koers)wijzigingen in beleid",
    "partners": "Onze natuurlijke partners op dit onderwerp\nzijn:",
    "advice": "Wij adviseren de onderhandelaars\nuitspraken te doen over:",
    "policy_areas": "Deze beleidsterreinen zijn relevant",
    "table_header": "Beleidsterrein (Subsidie)kans Risico",
}


def fiche_text(**labels: str) -> str:
    lab = {**LABELS, **labels}
    return f"""Onderwerp 2B Stadslandbouw

Opgave
Aantrekkelijk Brakel Open Brakel
Groen en Duurzaam Brakel

{lab["current_line"]}

Volkstuinen in elke wijk en een proeftuin bij de kinderboerderij.

{lab["sources"]}

Tuinenplan Brakel Einddatum: 2028

{lab["adjustment_moment"]} de herziening van het tuinenplan een logisch moment.

{lab["external_changes"]}

Minder subsidie voor natuurinclusieve landbouw.

{lab["partners"]}

Imkersvereniging, Tuindersbond

{lab["advice"]}

De omvang van de proeftuin.

{lab["policy_areas"]}

{lab["table_header"]}
Onderwijs Schooltuinen Ruimtegebrek

1 Zoals het Rijk, provincie, Europa en Euregio.
"""


def parse_one(text: str):
    result = parse_text(text)
    assert [f.code for f in result.dossier.fiches] == ["2B"]
    return result.dossier.fiches[0], result.warnings


def assert_complete(fiche) -> None:
    assert fiche.current_line == "Volkstuinen in elke wijk en een proeftuin bij de kinderboerderij."
    assert [s.title for s in fiche.sources] == ["Tuinenplan Brakel"]
    assert fiche.adjustment_moment == "de herziening van het tuinenplan"
    assert fiche.external_changes == "Minder subsidie voor natuurinclusieve landbouw."
    assert fiche.partners == ["Imkersvereniging", "Tuindersbond"]
    assert fiche.advice == ["De omvang van de proeftuin."]
    # one row, its cells' words kept (a one-line row gives no column positions to split on)
    assert [r.area for r in fiche.policy_areas] == ["Onderwijs"]
    row = fiche.policy_areas[0]
    assert f"{row.opportunity} {row.risk}".split() == ["Schooltuinen", "Ruimtegebrek"]


def test_template_wording_is_read_completely():
    fiche, warnings = parse_one(fiche_text())
    assert_complete(fiche)
    assert not [w for w in warnings if w.kind == "missing-label"]


@pytest.mark.parametrize("field, label", [
    ("current_line", "De ingezette lijn is"),
    ("current_line", "De lijn die wij hebben ingezet is:"),
    ("current_line", "Huidige lijn:"),
    ("current_line", "Deze lijn hebben we\ningezet:"),
    ("sources", "Dit is na te lezen in:"),
    ("sources", "Dit staat beschreven in:"),
    ("sources", "Dat is vastgelegd in de\nvolgende documenten:"),
    ("adjustment_moment", "Als het college wil bijsturen, is"),
    ("adjustment_moment", "Wil het nieuwe college deze lijn\nbijsturen, dan is"),
    ("adjustment_moment", "Als het nieuwe college de ingezette lijn wil bijstellen, is"),
    ("external_changes", "Verwachte wijzigingen vanuit Rijk en provincie1"),
    ("external_changes", "Verwachte wijzigingen vanuit\nRijk en provincie1"),
    ("external_changes", "Vanuit andere overheden1 verwachten wij de volgende beleidswijzigingen:"),
    ("external_changes", "Koerswijzigingen vanuit andere overheden1:"),
    ("partners", "Onze partners bij dit onderwerp zijn:"),
    ("partners", "Belangrijke partners op\ndit onderwerp zijn:"),
    ("partners", "Samenwerkingspartners:"),
    ("advice", "Wij adviseren de onderhandelaars\ngraag uitspraken te doen over:"),
    ("advice", "Wij raden de onderhandelaars aan uitspraken te doen over:"),
    ("advice", "Advies aan de onderhandelaars:"),
    ("policy_areas", "Deze beleidsterreinen raken\naan dit onderwerp:"),
    ("policy_areas", "Relevante beleidsterreinen (kansen en risico’s):"),
    ("policy_areas", "Raakvlakken met andere beleidsterreinen:"),
    ("table_header", "Beleidsveld Kans Risico"),
    ("table_header", "Beleidsterrein | Kansen | Risico’s"),
])
def test_reworded_label_is_recognised_and_its_value_kept_whole(field, label):
    fiche, warnings = parse_one(fiche_text(**{field: label}))
    assert_complete(fiche)
    assert not [w for w in warnings if w.kind == "missing-label"]


def test_value_on_the_wrapped_label_line_after_a_footnote_mark():
    text = fiche_text(external_changes="Verwachte wijzigingen vanuit\nRijk en provincie1 Geen wijzigingen verwacht.")
    text = text.replace("\nMinder subsidie voor natuurinclusieve landbouw.\n", "\n")
    fiche, _ = parse_one(text)
    assert fiche.external_changes == "Geen wijzigingen verwacht."


def test_value_on_the_label_line_after_a_colon():
    text = fiche_text(current_line="Huidige lijn: meer moestuinen.")
    text = text.replace("\nVolkstuinen in elke wijk en een proeftuin bij de kinderboerderij.\n", "\n")
    fiche, _ = parse_one(text)
    assert fiche.current_line == "meer moestuinen."


def test_a_quoted_label_in_a_value_is_not_the_label():
    # the fiche's own label is worded freely; its advice quotes the template's wording
    text = fiche_text(current_line="Huidige lijn:",
                      advice="Wij adviseren de onderhandelaars uitspraken te doen over:")
    text = text.replace("De omvang van de proeftuin.",
                        "De aantallen bij “de lijn die we hebben ingezet is” vast te leggen.")
    fiche, _ = parse_one(text)
    assert fiche.current_line == "Volkstuinen in elke wijk en een proeftuin bij de kinderboerderij."
    assert fiche.advice == ["De aantallen bij “de lijn die we hebben ingezet is” vast te leggen."]


def test_label_words_in_running_text_of_another_value_are_not_a_label():
    # ``de ingezette lijn`` mid-sentence (not at the start of a line) does not open a field
    text = fiche_text(current_line="Deze lijn hebben we ingezet:")
    text = text.replace("De omvang van de proeftuin.",
                        "Of de coalitie de ingezette lijn wil voortzetten.")
    fiche, _ = parse_one(text)
    assert fiche.current_line == "Volkstuinen in elke wijk en een proeftuin bij de kinderboerderij."
    assert fiche.advice == ["Of de coalitie de ingezette lijn wil voortzetten."]


def test_earliest_loose_label_wins_over_a_subheading_in_its_value():
    text = fiche_text(current_line="Huidige lijn:")
    text = text.replace("Volkstuinen in elke wijk en een proeftuin bij de kinderboerderij.",
                        "Volkstuinen in elke wijk.\n\nIngezette lijn scholen: schooltuinen bij elke basisschool.")
    fiche, _ = parse_one(text)
    assert fiche.current_line.startswith("Volkstuinen in elke wijk.")
    assert "schooltuinen bij elke basisschool" in fiche.current_line


def test_crlf_and_windows_1252_with_reworded_labels():
    from akkoord.dossier.readers.text import decode_bytes
    raw = fiche_text(partners="Onze partners bij dit onderwerp zijn:").replace("\n", "\r\n").encode("cp1252")
    fiche, _ = parse_one(decode_bytes(raw))
    assert_complete(fiche)
