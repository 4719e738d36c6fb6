"""The reader for heading-structured dossiers (programmes, numbered topics, sections)."""
from __future__ import annotations

import docx
import pytest

from akkoord.dossier.readers import read_path
from akkoord.dossier.readers.text import parse_text

MARKDOWN = """# Overdrachtsdossier gemeente Westerbroek 2026-2030

## Programma 1 Sociaal domein

### 1.1 Jeugd

#### Waar staan we?

Het aantal jongeren met jeugdhulp stijgt.
Wij werken met wijkteams.

#### Opgaven voor de komende jaren

Minder dure hulp, meer hulp dichtbij (zie paragraaf 1.2).

#### Aandachtspunten voor de komende jaren

Voor de formatie zijn twee punten van belang.

- De reserve is eind 2026 op.
- Kiezen we voor meer preventie?

#### Met wie werken we samen?

Huisartsen, scholen en het wijkteam.

### 1.2 Werk en inkomen

#### Waar staan we?

De bijstand daalt licht.

#### Wat komt er op ons af?

Het Rijk herziet de Participatiewet.

## Bijlage Agenda van de raad
"""


def test_markdown_headings_become_fiches_with_fields_and_named_sections():
    result = parse_text(MARKDOWN)
    fiches = {f.code: f for f in result.dossier.fiches}
    assert list(fiches) == ["1A", "1B"]
    jeugd = fiches["1A"]
    assert jeugd.title == "Jeugd"
    assert jeugd.current_line.startswith("Het aantal jongeren")
    assert [s.title for s in jeugd.sections] == ["Opgaven voor de komende jaren"]  # kept, not dropped
    assert jeugd.advice == ["De reserve is eind 2026 op.", "Kiezen we voor meer preventie?"]
    assert jeugd.partners == ["Huisartsen", "scholen", "het wijkteam"] or len(jeugd.partners) == 3
    assert jeugd.related == ["1B"]
    assert fiches["1B"].external_changes == "Het Rijk herziet de Participatiewet."
    assert result.dossier.profile.term == (2026, 2030)
    assert result.dossier.municipality == "Westerbroek"


def _word_dossier(path):
    document = docx.Document()
    document.add_heading("Formatiedossier gemeente Westerbroek 2026-2030", level=0)
    document.add_heading("Programma 2 Ruimte", level=1)
    document.add_heading("2.1 Wonen", level=2)
    document.add_heading("Waar staan we?", level=3)
    document.add_paragraph("Er worden te weinig woningen gebouwd.")
    document.add_heading("Geldende kaders", level=3)
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [("Beleidskader", "Loopt af"), ("Woonvisie 2022-2030", "2030"),
                                       ("Prestatieafspraken", "31-12-2027")]):
        row.cells[0].text, row.cells[1].text = cells
    document.add_heading("Indicatoren", level=3)
    table = document.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [("Indicator", "Nulmeting", "Streefwaarde"), ("Woningen per jaar", "300", "400")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("Bron: woningmonitor.")
    document.add_heading("Grondbeleid", level=3)
    document.add_paragraph("De grondexploitaties sluiten positief.")
    document.add_heading("Bijlage Lange-termijnagenda", level=1)
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [("Raad", "Onderwerp", "Par."), ("30-mrt-26", "Woonvisie herijken", "2.1"),
                                       ("n.t.b. 2027", "Volkshuisvestingsprogramma", "2.1")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(str(path))


def test_word_heading_styles_sources_tables_and_agenda(tmp_path):
    path = tmp_path / "programma.docx"
    _word_dossier(path)
    result = read_path(path)
    assert result.reader == "docx"
    (fiche,) = result.dossier.fiches
    assert (fiche.code, fiche.title) == ("2A", "Wonen")
    assert [(s.title, s.end_date) for s in fiche.sources] == [("Woonvisie 2022-2030", "2030"),
                                                              ("Prestatieafspraken", "31-12-2027")]
    (table,) = fiche.tables
    assert table.columns == ["Indicator", "Nulmeting", "Streefwaarde"]
    assert table.rows == [["Woningen per jaar", "300", "400"]] and table.note == "Bron: woningmonitor."
    assert [(s.title, s.text) for s in fiche.sections] == [("Grondbeleid", "De grondexploitaties sluiten positief.")]
    assert [(a.date, a.text) for a in fiche.agenda] == [("2026-03-30", "Woonvisie herijken"),
                                                        ("2027", "Volkshuisvestingsprogramma")]


def test_export_with_sections_and_agenda_validates(tmp_path, schema):
    import jsonschema

    path = tmp_path / "programma.docx"
    _word_dossier(path)
    jsonschema.validate(read_path(path).dossier.to_dict(), schema)


@pytest.mark.slow
def test_word_programme_dossier_as_pdf(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice ontbreekt")
    path = tmp_path / "programma.docx"
    _word_dossier(path)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    result = read_path(tmp_path / "programma.pdf")
    (fiche,) = result.dossier.fiches
    assert fiche.code == "2A" and fiche.current_line == "Er worden te weinig woningen gebouwd."
    assert [s.end_date for s in fiche.sources] == ["2030", "31-12-2027"]
    assert [a.date for a in fiche.agenda] == ["2026-03-30", "2027"]


def test_text_without_any_topic_is_still_refused():
    from akkoord.dossier.errors import DossierError

    with pytest.raises(DossierError):
        parse_text("Zomaar een tekst\nzonder koppen of onderwerpen.\n")


def test_exports_keep_sections_tables_and_agenda(tmp_path):
    from akkoord.dossier.exports.docx import write_docx
    from akkoord.dossier.exports.markdown import to_markdown

    path = tmp_path / "programma.docx"
    _word_dossier(path)
    dossier = read_path(path).dossier
    markdown = to_markdown(dossier)
    assert "### Grondbeleid" in markdown and "Woningen per jaar" in markdown and "Volkshuisvestingsprogramma" in markdown
    again = tmp_path / "export.docx"
    write_docx(dossier, again)
    text = "\n".join(p.text for p in docx.Document(str(again)).paragraphs)
    assert "Grondbeleid" in text and "De grondexploitaties sluiten positief." in text
    assert "2027: Volkshuisvestingsprogramma" in text


@pytest.mark.slow
def test_pdf_headings_set_like_body_text_come_from_the_outline(tmp_path):
    """Headings in body type (no larger size, not bold): the PDF's bookmarks tell them."""
    import shutil
    import subprocess

    from docx.shared import Pt

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice ontbreekt")
    path = tmp_path / "plat.docx"
    _word_dossier(path)
    document = docx.Document(str(path))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.size, style.font.bold = Pt(11), False
    document.save(str(path))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    (fiche,) = read_path(tmp_path / "plat.pdf").dossier.fiches
    assert (fiche.code, fiche.title) == ("2A", "Wonen")
    assert fiche.current_line == "Er worden te weinig woningen gebouwd."
    assert [s.title for s in fiche.sections] == ["Grondbeleid"]


def test_table_extracted_column_by_column_gives_the_sources():
    text = """Formatiedossier gemeente Westerbroek 2026

Programma 1 Bestuur
1.1 Veiligheid
Waar staan we?
De wijken zijn veilig.
Geldende kaders
Beleidskader
Integraal veiligheidsplan 2023-2026
Verordening cameratoezicht
binnenstad
Indicatoren
Indicator
Aangiften per jaar
Loopt af
31-12-2026
doorlopend
Met wie werken we samen?
Politie en Openbaar Ministerie.
1.2 Dienstverlening
Waar staan we?
Alles digitaal.
Geldende kaders
Beleidskader
Visie dienstverlening
Indicatoren
Indicator
Tevredenheid
Loopt af
2028
"""
    fiches = {f.code: f for f in parse_text(text).dossier.fiches}
    assert [(s.title, s.end_date) for s in fiches["1A"].sources] == [
        ("Integraal veiligheidsplan 2023-2026", "31-12-2026"), ("Verordening cameratoezicht binnenstad", "doorlopend")]
    assert [(s.title, s.end_date) for s in fiches["1B"].sources] == [("Visie dienstverlening", "2028")]


def _programme_topic(number: str, kader: str, ends: str, figures: str = "12 (2024)") -> str:
    return f"""{number} Onderwerp {number}
Waar staan we?
Het gaat goed.
Geldende kaders
Beleidskader
{kader}
Indicatoren
Indicator
Tevredenheid

Nulmeting
{figures}

Loopt af
{ends}
Met wie werken we samen?
De buurt.
"""


def test_a_name_wrapped_in_a_column_is_no_heading_and_figures_are_no_end_dates():
    """``Veenland`` (the second line of a source's title) recurs in two of six topics: it goes
    on with the line above it; the Nulmeting column (a figure with its year) holds no end dates."""
    topics = [_programme_topic("1.1", "Regeling afval\nVeenland", "2027"),
              _programme_topic("1.2", "Akkoord wijkteams\nVeenland", "31-12-2028"),
              *(_programme_topic(f"1.{n}", f"Plan {n}", "doorlopend") for n in range(3, 7))]
    text = "Formatiedossier gemeente Westerbroek 2026\n\nProgramma 1 Alles\n" + "".join(topics)
    fiches = {f.code: f for f in parse_text(text).dossier.fiches}
    assert [(s.title, s.end_date) for s in fiches["1A"].sources] == [("Regeling afval Veenland", "2027")]
    assert [(s.title, s.end_date) for s in fiches["1B"].sources] == [("Akkoord wijkteams Veenland", "31-12-2028")]
    assert [(s.title, s.end_date) for s in fiches["1C"].sources] == [("Plan 3", "doorlopend")]
