"""One focused test per kind of extraction damage, on small texts written for the purpose.

``fixtures/waterbeek-mini.txt`` is a three-fiche dossier of a fictional municipality with a
cover page, page footers, a URL wrapped over two lines, a footnote mark glued to a year,
a value before its label and a value after the next label, a fiche heading alone on its
line and a fiche damaged beyond reading. The other tests build smaller texts inline.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from akkoord.dossier.readers.text import parse_text, read_text_file

FIXTURES = Path(__file__).parent / "fixtures"

TEMPLATE = """Onderwerp {code} {title}

Opgave
Aantrekkelijk Veldhoven Open Veldhoven
Groen en Duurzaam Veldhoven
Inclusief Veldhoven

De lijn die we hebben ingezet is……
{line}

Dat is terug te lezen in:
{sources}

Als het nieuwe college op deze lijn wil
bijsturen is {moment} een logisch moment.

Vanuit andere overheden1 verwachten we de
volgende (koers)wijzigingen in beleid
{external}

Onze natuurlijke partners op dit onderwerp
zijn: {partners}

Wij adviseren de onderhandelaars
uitspraken te doen over:
{advice}

Deze beleidsterreinen zijn relevant (vanuit
het perspectief van [subsidie]kansen of
vanuit het perspectief van risico’s/
tegengestelde belangen)

Beleidsterrein (Subsidie)kans Risico
{table}

1 Zoals het Rijk, provincie, Europa en Euregio.
"""

DEFAULTS = dict(code="1A", title="Fietsparkeren", line="Meer stallingen bij het station.",
                sources="Fietsnota Veldhoven Einddatum: 2029", moment="2027",
                external="Geen wijzigingen verwacht.", partners="Fietsersbond",
                advice="Het wel of niet uitbreiden van de stalling.", table="Mobiliteit X")


def fiche(**fields) -> str:
    return TEMPLATE.format(**{**DEFAULTS, **fields})


def read_one(text: str):
    result = parse_text(text)
    assert len(result.dossier.fiches) == 1
    return result.dossier.fiches[0], result.warnings


@pytest.fixture(scope="module")
def mini():
    return read_text_file(FIXTURES / "waterbeek-mini.txt")


def test_mini_dossier_fiches_title_and_municipality(mini):
    dossier = mini.dossier
    assert [f.code for f in dossier.fiches] == ["1A", "1B"]
    assert dossier.municipality == "Waterbeek"
    assert "Formatiedossier 2030" in dossier.title


def test_code_written_with_a_space(mini):
    first = mini.dossier.fiches[0]
    assert first.code == "1A"
    assert first.title == "Zwemonderwijs voor alle kinderen"


def test_heading_alone_on_its_line_and_reference_list_not_in_title(mini):
    second = mini.dossier.fiches[1]
    assert second.code == "1B"
    assert second.title == "Speeltuinen in de wijk"


def test_fiche_damaged_beyond_reading_is_named_and_others_survive(mini):
    damaged = [w for w in mini.warnings if w.kind == "damaged-fiche"]
    assert len(damaged) == 1
    assert damaged[0].fiche == "2A"
    assert "2A" in str(damaged[0])
    assert len(mini.dossier.fiches) == 2


def test_ambition_mark_stands_before_the_ambition(mini):
    assert mini.dossier.fiches[0].ambitions == ["open", "inclusief"]
    # the mark on the label's own line
    assert mini.dossier.fiches[1].ambitions == ["aantrekkelijk"]


def test_bullet_glyphs_removed_and_items_become_paragraphs(mini):
    text = mini.dossier.fiches[0].current_line
    assert "\uf0b7" not in text
    assert text.split("\n\n")[1:] == ["Schoolzwemmen in groep 5 en 6", "Extra lessen voor kinderen zonder diploma"]


def test_footnote_mark_glued_to_a_year_is_removed(mini):
    assert mini.dossier.fiches[0].adjustment_moment == "2031"


def test_sources_with_end_date_on_the_next_line_and_without_end_date(mini):
    sources = [(s.title, s.end_date) for s in mini.dossier.fiches[0].sources]
    assert sources == [("Nota Zwemmen in Waterbeek 2027", "2031"),
                       ("Subsidieregeling schoolzwemmen", "n.v.t. vastgesteld"),
                       ("Evaluatie schoolzwemmen (concept)", "")]


def test_url_wrapped_over_two_lines_is_joined_and_listed_once(mini):
    assert mini.dossier.fiches[0].links == ["https://www.waterbeek.example/zwemmen/nota-zwemmen-2027.pdf"]


def test_page_footer_and_url_dump_do_not_leak_into_fields(mini):
    for f in mini.dossier.fiches:
        everything = " ".join([f.current_line, f.external_changes, f.adjustment_moment, *f.advice,
                               *f.partners, *(p.area + p.opportunity + p.risk for p in f.policy_areas)])
        assert "pagina" not in everything
        assert "https://" not in everything


def test_value_placed_before_its_label(mini):
    first = mini.dossier.fiches[0]
    assert first.advice == ["Schoolzwemmen blijft gratis voor alle groepen."]
    assert first.partners == ["Zwembad De Golf", "de basisscholen", "Stichting Leergeld"]


def test_value_placed_after_the_next_label(mini):
    second = mini.dossier.fiches[1]
    assert second.adjustment_moment == "De begroting 2029"
    assert second.external_changes == "Op dit moment niet."


def test_repeated_page_header_is_not_a_fiche_and_not_text(mini):
    second = mini.dossier.fiches[1]
    assert "Onderwerp" not in second.current_line
    assert second.current_line.endswith("Bewoners beheren twee speeltuinen zelf.")


def test_label_wrapped_with_value_on_its_last_line(mini):
    second = mini.dossier.fiches[1]
    assert second.current_line.startswith("Iedere wijk heeft een speeltuin binnen vijf minuten lopen.")
    assert [s.title for s in second.sources] == ["Speelruimteplan Waterbeek 2028"]


def test_table_fallen_apart_into_loose_lines(mini):
    rows = [(p.area, p.opportunity, p.risk) for p in mini.dossier.fiches[0].policy_areas]
    assert rows == [("Onderwijs", "Scholen krijgen het zwemmen terug in het lesrooster",
                     "Minder tijd voor rekenen en taal in groep 5"),
                    ("Sport", "Zwemvereniging De Golf werft nieuwe leden", "")]
    marks = [(p.area, p.opportunity) for p in mini.dossier.fiches[1].policy_areas]
    assert marks == [("Fysiek", "X"), ("Gezondheid", "X")]


def test_related_fiches_resolved_against_titles_never_itself(mini):
    first, second = mini.dossier.fiches
    assert second.related == ["1A"]  # "Koppelingen met dossiers" and "zie fiche …"
    assert first.related == []


def test_advice_points_split_by_repeated_opening():
    f, _ = read_one(fiche(advice="Het wel of niet verlengen van de pilot met deelfietsen in\n"
                                 "de binnenstad.\nHet wel of niet betaald parkeren voor fietsen."))
    assert f.advice == ["Het wel of niet verlengen van de pilot met deelfietsen in de binnenstad.",
                        "Het wel of niet betaald parkeren voor fietsen."]


def test_partners_split_on_group_headings_commas_and_en():
    f, _ = read_one(fiche(partners="\nVervoer: ProRail, NS en de provincie (concessie)\n"
                                   "Fiets: Fietsersbond; ondernemers, enz."))
    assert f.partners == ["ProRail", "NS", "de provincie (concessie)", "Fietsersbond", "ondernemers"]


def test_numbered_footnote_kept_and_boilerplate_dropped():
    text = fiche(moment="20281").replace(
        "1 Zoals het Rijk", "1 De stalling wordt in 2027 aanbesteed.\n2 Zoals het Rijk").replace(
        "overheden1", "overheden2")
    f, _ = read_one(text)
    assert f.footnotes == ["De stalling wordt in 2027 aanbesteed."]
    assert f.adjustment_moment == "2028"
    assert "overheden" not in f.external_changes


def test_heading_with_title_alone_on_the_next_line():
    text = fiche(code="3C", title="").replace("Onderwerp 3C \n", "Onderwerp 3C\nFietsparkeren bij het station\n")
    f, _ = read_one(text)
    assert (f.code, f.title) == ("3C", "Fietsparkeren bij het station")


def test_text_that_cannot_be_placed_is_reported_in_dutch():
    text = fiche().replace("\nOpgave", "\nDeze regel hoort nergens bij en staat los.\n\nOpgave")
    _, warnings = read_one(text)
    unplaced = [w for w in warnings if w.kind == "unplaced-text"]
    assert unplaced and unplaced[0].fiche == "1A"
    assert "Deze regel hoort nergens bij" in unplaced[0].text
    assert "geplaatst" in unplaced[0].message


def test_missing_label_is_reported():
    text = fiche().replace("Onze natuurlijke partners op dit onderwerp\nzijn: Fietsersbond\n", "")
    f, warnings = read_one(text)
    assert f.partners == []
    assert any(w.kind == "missing-label" and "partners" in w.message.lower() for w in warnings)


def test_spaced_out_garbage_in_the_table_is_reported_not_a_row():
    f, warnings = read_one(fiche(table="Mobiliteit X\n\nMo bi li tei t en  ve r ke er"))
    assert [p.area for p in f.policy_areas] == ["Mobiliteit"]
    assert any(w.kind == "unplaced-text" and "ve r ke er" in w.text for w in warnings)
