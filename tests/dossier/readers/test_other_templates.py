"""Layout readers on a fiche template of another municipality: other heading words and
numbering, other labels and ambitions, checkbox marks, end dates after ``geldig tot``,
footnotes as paragraphs under the fiche, a ``Zie ook`` row, one paragraph per source and
partner in a cell, and the policy table nested in the fiche table."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from akkoord.dossier.fields import sources_from_items
from akkoord.dossier.readers import read_path

TOPICS = [
    ("1.1", "Schuldhulp", ["☒ Samen Oostwold", "☐ Groen Oostwold", "☒ Wendbaar Oostwold"], "Thema 1.2 Jeugdhulp"),
    ("1.2", "Jeugdhulp", ["☐ Samen Oostwold", "☒ Groen Oostwold", "☐ Wendbaar Oostwold"], "Thema 1.1 Schuldhulp"),
    ("2.1", "Wonen", ["☐ Samen Oostwold", "☐ Groen Oostwold", "☐ Wendbaar Oostwold"], ""),
]


def _cell(cell, paragraphs):
    cell.text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def build(path, nested: bool):
    document = docx.Document()
    document.add_paragraph("Formatiedossier Oostwold 2026")
    for number, title, marks, see_also in TOPICS:
        document.add_paragraph(f"Thema {number}  {title}")
        rows = [
            ("Bijdrage aan ambities", marks),
            ("Huidig beleid", [f"Wij voeren sinds 2023 beleid op {title.lower()} uit met de wijkteams."]),
            ("Vastgelegd in (met looptijd)", ["Beleidsplan 2023-2026 (geldig tot: 31-12-2026)",
                                              "Verordening 2024 (geldig tot: onbepaald)"]),
            ("Moment om bij te sturen", ["Het nieuwe beleidsplan in 2027."]),
            ("Verwachte ontwikkelingen bij andere overheden1", ["Het Rijk herziet de wet."]),
            ("Samenwerkingspartners", ["Stichting Welzijn", "Woningcorporatie De Linde", "Politie"]),
            ("Wij vragen de formatietafel richting te geven aan", ["De hoogte van het budget.",
                                                                   "Het tempo van de aanpak."]),
        ]
        if see_also:
            rows.append(("Zie ook", [see_also]))
        table = document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, (label, values) in zip(table.rows, rows):
            row.cells[0].text = label
            _cell(row.cells[1], values)
        policy_rows = [("Beleidsveld", "Kansen", "Risico’s"), ("Werk", "Meer banen", ""), ("Zorg", "", "Kosten")]
        if nested:
            outer = table.add_row()
            outer.cells[0].text = "Raakvlakken met andere beleidsvelden"
            inner = outer.cells[1].add_table(rows=3, cols=3)
        else:
            document.add_paragraph("Raakvlakken met andere beleidsvelden")
            inner = document.add_table(rows=3, cols=3)
        inner.style = "Table Grid"
        for row, cells in zip(inner.rows, policy_rows):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        document.add_paragraph("1 Bedoeld zijn het Rijk, de provincie en de regio.")
    document.save(str(path))


def check(dossier):
    fiches = {f.code: f for f in dossier.fiches}
    assert list(fiches) == ["1A", "1B", "2A"]
    assert fiches["1A"].title == "Schuldhulp"
    assert [f.ambitions for f in fiches.values()] == [["samen", "wendbaar"], ["groen"], []]
    assert dossier.profile.municipality == "Oostwold"
    assert [(s.title, s.end_date) for s in fiches["1A"].sources] == [("Beleidsplan 2023-2026", "31-12-2026"),
                                                                     ("Verordening 2024", "onbepaald")]
    assert fiches["1A"].partners == ["Stichting Welzijn", "Woningcorporatie De Linde", "Politie"]
    assert fiches["1A"].advice == ["De hoogte van het budget.", "Het tempo van de aanpak."]
    assert [(p.area, p.opportunity, p.risk) for p in fiches["1A"].policy_areas] == [
        ("Werk", "Meer banen", ""), ("Zorg", "", "Kosten")]
    assert fiches["1A"].related == ["1B"] and fiches["1B"].related == ["1A"]
    assert all(f.footnotes == [] for f in fiches.values())  # the recurring footnote is boilerplate
    assert dossier.profile.boilerplate == ["Bedoeld zijn het Rijk, de provincie en de regio."]


@pytest.mark.parametrize("nested", [False, True], ids=["separate-table", "nested-table"])
def test_word_file_of_another_template(tmp_path, nested):
    path = tmp_path / "oostwold.docx"
    build(path, nested)
    check(read_path(path).dossier)


@pytest.mark.slow
@pytest.mark.parametrize("nested", [False, True], ids=["separate-table", "nested-table"])
def test_pdf_of_another_template(tmp_path, nested):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed to render the PDF")
    path = tmp_path / "oostwold.docx"
    build(path, nested)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    check(read_path(tmp_path / "oostwold.pdf").dossier)


def test_sources_run_together_split_at_each_end_date():
    sources, _ = sources_from_items(["Nota A Einddatum: 2030 Verordening B Einddatum: geen Besluit C"])
    assert [(s.title, s.end_date) for s in sources] == [("Nota A", "2030"), ("Verordening B", "geen Besluit C")]
    # after the last end date a capital may open a remark: it stays with the date
    sources, _ = sources_from_items(["Visie 2026 Einddatum: 2027 Jaarlijkse monitoring"])
    assert [(s.title, s.end_date) for s in sources] == [("Visie 2026", "2027 Jaarlijkse monitoring")]
