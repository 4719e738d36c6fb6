"""Text extracted column by column (``pdftotext`` without ``-layout``): all labels of a fiche
table first, then all values; the policy table one column at a time. Small texts written for
these tests (a fictional municipality, a template with ``Thema 1.1`` headings)."""
from __future__ import annotations

from akkoord.dossier.profile import default_profile
from akkoord.dossier.readers.columns import assign_stream, column_table, split_units
from akkoord.dossier.readers.text import parse_text

LABELS = """Bijdrage aan ambities
Huidig beleid

Vastgelegd in (met
looptijd)

Moment om bij te sturen

Verwachte ontwikkelingen
bij andere overheden1

Samenwerkingspartners
Wij vragen de
formatietafel richting te
geven aan

Zie ook
"""

FICHE_1 = """Thema 1.1 Fietsroutes naar school
""" + LABELS + """
☒ Veilig Ravensloot
☐ Stil Ravensloot
Sinds 2022 leggen we elk jaar twee kilometer vrijliggend fietspad aan
langs de routes naar de middelbare scholen. De ouderraad meldt
minder gevaarlijke situaties bij de kruisingen.
• Fietsplan Ravensloot 2022-2027 (geldig tot:
31 december 2027)
• Uitvoeringsagenda schoolroutes (geldig tot: 2026)
De herziening van het fietsplan in het voorjaar van 2027.
• De provincie stopt in 2027 met de cofinanciering van
snelfietsroutes.
• Het Rijk verlaagt de bijdrage voor verkeersveiligheid.
Fietsclub De Spaak, ouderraad Scholengemeenschap Ravensloot en
Veilig Verkeer afdeling Ravensloot
• Bouwen we door aan het net van vrijliggende paden, ook als de
provinciale bijdrage stopt?
• Geven we schoolroutes voorrang boven recreatieve routes?
Thema 1.2 (parkeren bij scholen)

Raakvlakken met andere beleidsvelden
Beleidsveld
Onderwijs
Gezondheid

Kansen
Meer kinderen fietsen zelf naar
school

Risico’s
Drukte bij de schoolpoort
Minder beweging als ouders blijven
brengen

1

Hiermee bedoelen wij het Rijk, de provincie en de regio.

Ravensloot | Formatiedossier 2026 | ambtelijke informatie bij de onderhandelingen

Thema 1.2 Parkeren bij scholen
""" + LABELS + """
☐ Veilig Ravensloot
☒ Stil Ravensloot
Ouders parkeren bij het brengen en halen vaak dubbel. We proberen
zones waar alleen kort stilstaan mag.
• Parkeerbeleid Ravensloot 2024 (geldig tot: n.v.t.)
Bij de evaluatie van de proef met haal- en brengzones in 2026.
Geen wijzigingen verwacht.
-
1. De keuze tussen handhaving en een campagne.
2. Het wel of niet uitbreiden van de proef naar alle basisscholen.
Thema 1.1

Raakvlakken met andere beleidsvelden
Beleidsveld
Handhaving

Kansen

Risico’s
Te weinig boa’s rond de scholen

1

Hiermee bedoelen wij het Rijk, de provincie en de regio.

Ravensloot | Formatiedossier 2026 | ambtelijke informatie bij de onderhandelingen

Thema 1.3 Geluid van evenementen
""" + LABELS + """
☐ Veilig Ravensloot
☒ Stil Ravensloot
Voor evenementen in het park gelden geluidsnormen per seizoen.
• Evenementenbeleid 2025 (geldig tot: 2029)
Bij de nieuwe evenementenvergunning voor het zomerfestival.
De provincie herziet de regels voor geluid in natuurgebieden.
Stichting Parkfestival en de bewonersvereniging Parkzijde
• Het aantal evenementen per jaar in het park.
-

Raakvlakken met andere beleidsvelden
Beleidsveld
Cultuur

Kansen
Een levendig park

Risico’s
Klachten van omwonenden

1

Hiermee bedoelen wij het Rijk, de provincie en de regio.

Ravensloot | Formatiedossier 2026 | ambtelijke informatie bij de onderhandelingen
"""

DOSSIER = "Formatiedossier Ravensloot 2026\n\n" + FICHE_1


def read():
    return parse_text(DOSSIER)


def test_topic_headings_in_the_dossiers_form_and_references_are_no_headings():
    result = read()
    assert [(f.code, f.title) for f in result.dossier.fiches] == [
        ("1A", "Fietsroutes naar school"), ("1B", "Parkeren bij scholen"), ("1C", "Geluid van evenementen")]
    assert result.dossier.profile.topic_heading == "Thema 1.1"


def test_values_of_a_column_by_column_fiche_go_to_their_labels_in_order():
    first = read().dossier.fiches[0]
    assert first.ambitions and len(first.ambitions) == 1
    assert first.current_line.startswith("Sinds 2022 leggen we")
    assert first.current_line.endswith("bij de kruisingen.")
    assert [(s.title, s.end_date) for s in first.sources] == [
        ("Fietsplan Ravensloot 2022-2027", "31 december 2027"), ("Uitvoeringsagenda schoolroutes", "2026")]
    assert first.adjustment_moment == "De herziening van het fietsplan in het voorjaar van 2027."
    assert first.external_changes.startswith("De provincie stopt") and "verkeersveiligheid" in first.external_changes
    assert first.partners == ["Fietsclub De Spaak", "ouderraad Scholengemeenschap Ravensloot",
                              "Veilig Verkeer afdeling Ravensloot"]
    assert len(first.advice) == 2 and first.advice[1].startswith("Geven we schoolroutes")
    assert first.related == ["1B"]


def test_empty_value_dash_and_numbered_advice():
    second = read().dossier.fiches[1]
    assert second.partners == []
    assert second.external_changes == "Geen wijzigingen verwacht."
    assert second.advice == ["De keuze tussen handhaving en een campagne.",
                             "Het wel of niet uitbreiden van de proef naar alle basisscholen."]
    assert second.related == ["1A"]


def test_policy_table_written_column_by_column():
    first, second, _ = read().dossier.fiches
    assert [(p.area, p.opportunity) for p in first.policy_areas] == [
        ("Onderwijs", "Meer kinderen fietsen zelf naar school"), ("Gezondheid", "")]
    assert [p.risk for p in first.policy_areas] == ["Drukte bij de schoolpoort",
                                                     "Minder beweging als ouders blijven brengen"]
    assert [(p.area, p.opportunity, p.risk) for p in second.policy_areas] == [
        ("Handhaving", "", "Te weinig boa’s rond de scholen")]


def test_boilerplate_footnote_found_by_repetition_and_footers_left_out():
    result = read()
    assert any("Hiermee bedoelen wij" in b for b in result.dossier.profile.boilerplate)
    for fiche in result.dossier.fiches:
        assert fiche.footnotes == []
        assert "Formatiedossier" not in " ".join(p.risk for p in fiche.policy_areas)
    assert any(w.kind == "labels-apart" for w in result.warnings)


def test_units_cut_where_a_paragraph_may_end():
    lines = list(enumerate(["Een lange regel die tot aan de rand van de kolom doorloopt en",
                            "verder gaat op de volgende regel.",
                            "• Een opsommingsteken",
                            "Kort.",
                            "Nieuwe alinea"]))
    units = split_units(lines)
    assert [len(u.lines) for u in units] == [2, 1, 1, 1]
    assert units[1].kind.startswith("bullet") or units[1].kind == "bullet-name"


def test_stream_needs_a_label_to_place_values():
    # no label accepts a value: nothing is lost, the caller reports it
    assigned, unplaced = assign_stream([], [(1, "Losse tekst.")], default_profile())
    assert unplaced == [(1, "Losse tekst.")]


def test_column_table_after_a_page_break_starts_a_new_round():
    lines = ["Beleidsveld", "Wonen", "Economie", "", "Kansen", "Lagere lasten voor", "huurders",
             "Warmte uit de fabriek bindt", "", "Risico’s", "Instemming is onzeker", "Eén bron", "",
             "Financiën", "", "het bedrijf", "Subsidie van het Rijk", "", "Garantstelling"]
    rows, unplaced = column_table(lines)
    assert [(r.area, r.opportunity, r.risk) for r in rows] == [
        ("Wonen", "Lagere lasten voor huurders", "Instemming is onzeker"),
        ("Economie", "Warmte uit de fabriek bindt het bedrijf", "Eén bron"),
        ("Financiën", "Subsidie van het Rijk", "Garantstelling")]
    assert unplaced == []


def test_column_table_blank_line_marks_an_empty_cell():
    lines = ["Beleidsterrein", "Wonen", "Werk", "Veiligheid", "", "(Subsidie)kans", "Meer woningen",
             "Vacatures vervuld", "", "Risico", "Wachtlijsten", "", "Overlast"]
    rows, _ = column_table(lines)
    assert [r.risk for r in rows] == ["Wachtlijsten", "", "Overlast"]


SPARSE = """Onderwerp 1A Bibliotheken in de wijk
Opgave
X Open Waterbeek
De lijn die we hebben ingezet is……
Twee vestigingen blijven open.
Dat is terug te lezen in:
Bibliotheekvisie 2024 Einddatum: 2028
Als het nieuwe college op deze lijn wil
bijsturen is de nieuwe visie in 2028 een logisch moment.
Vanuit andere overheden1 verwachten we de volgende (koers)wijzigingen in beleid
Onze natuurlijke partners op dit onderwerp zijn:
Wij adviseren de onderhandelaars uitspraken te doen over:
Deze beleidsterreinen zijn relevant
Cultuur Meer bezoekers
"""


def test_a_fiche_with_a_few_empty_fields_in_a_row_is_not_read_as_columns():
    result = parse_text(SPARSE)
    fiche = result.dossier.fiches[0]
    assert "labels-apart" not in {w.kind for w in result.warnings}
    assert fiche.current_line == "Twee vestigingen blijven open."
    assert fiche.adjustment_moment == "de nieuwe visie in 2028"
    assert (fiche.external_changes, fiche.partners, fiche.advice) == ("", [], [])
