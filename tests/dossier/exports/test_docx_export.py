"""The Word export: the fiche template, checked in the file itself and read back."""
from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from akkoord.dossier.exports.docx import LABELS, POLICY_HEADERS, write_docx
from akkoord.dossier.model import Dossier, Fiche, PolicyArea, Source
from akkoord.dossier.readers.docx import read_docx
from akkoord.dossier.sample import load_sample_gold


@pytest.fixture(scope="module")
def small_dossier() -> Dossier:
    return Dossier(municipality="Veendorp", title="Formatiedossier Veendorp 2026", fiches=[
        Fiche(code="1A", title="Armoede en schulden", ambitions=["inclusief"],
              current_line="Eén loket voor geldzorgen.\n\nVroeg signaleren van achterstanden.",
              sources=[Source("Beleidskader Rondkomen", "2026"), Source("Evaluatie schuldhulp", "")],
              adjustment_moment="De aanbesteding van de collectieve zorgverzekering in 2027",
              external_changes="Wet vroegsignalering wordt aangescherpt.",
              partners=["Kredietbank", "Voedselbank"], advice=["Of het loket blijft.", "Hoe hoog de norm is."],
              policy_areas=[PolicyArea("Werk", "Zelfde doelgroep", ""), PolicyArea("Zorg", "", "X")],
              links=["https://veendorp.example/raad/123", "https://veendorp.example/raad/456"],
              footnotes=["De norm is 120 procent van het sociaal minimum."], related=["1B"]),
        Fiche(code="1B", title="Jeugdhulp", ambitions=["open", "randvoorwaarden"], partners=["Scholen"]),
    ])


@pytest.fixture(scope="module")
def exported(small_dossier, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "veendorp.docx"
    write_docx(small_dossier, path)
    return path


def test_heading_and_related_line_per_fiche(exported):
    document = docx.Document(str(exported))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Onderwerp 1A Armoede en schulden", "Onderwerp 1B Jeugdhulp"]
    assert "Koppelingen met dossiers: Jeugdhulp" in [p.text for p in document.paragraphs]


def test_fiche_table_has_the_template_labels_and_values(exported):
    table = docx.Document(str(exported)).tables[0]
    labels = []
    for row in table.rows:
        first = row.cells[0].text
        if first and first not in labels:
            labels.append(first)
    assert labels == [LABELS["ambitions"], LABELS["current_line"], LABELS["sources"], LABELS["adjustment_moment"],
                      "".join(LABELS["external_changes"]), LABELS["partners"], LABELS["advice"],
                      LABELS["policy_areas"]]
    row = next(r for r in table.rows if r.cells[0].text == LABELS["sources"])
    assert [p.text for p in row.cells[1].paragraphs] == ["Beleidskader Rondkomen Einddatum: 2026", "Evaluatie schuldhulp"]
    assert all(p.style.name == "List Bullet" for p in row.cells[1].paragraphs)
    row = next(r for r in table.rows if r.cells[0].text == LABELS["current_line"])
    assert [p.text for p in row.cells[1].paragraphs] == ["Eén loket voor geldzorgen.", "Vroeg signaleren van achterstanden."]


def test_ambition_marks_stand_before_the_chosen_ambition(exported):
    tables = docx.Document(str(exported)).tables
    def marked(table):
        out = []
        for row in table.rows[:3]:
            cells = [c.text for c in row.cells]
            for mark, name in ((cells[1], cells[2]), (cells[3], cells[4])):
                if mark == "X":
                    out.append(name)
        return out
    assert marked(tables[0]) == ["Inclusief Veendorp"]
    assert marked(tables[2]) == ["Open Veendorp", "Randvoorwaarden voor realisatie van de opgaven"]


def test_label_cell_is_merged_down_and_values_span_the_grid(exported):
    table = docx.Document(str(exported)).tables[0]
    first, second = table.rows[0]._tr.tc_lst[0], table.rows[1]._tr.tc_lst[0]
    assert first.vMerge == "restart" and second.vMerge == "continue"
    value = table.rows[3]._tr.tc_lst[1]
    assert value.grid_span == 4
    assert table.rows[-1]._tr.tc_lst[0].grid_span == 5  # the policy label spans the table


def test_policy_table_with_repeating_header(exported):
    table = docx.Document(str(exported)).tables[1]
    assert [c.text for c in table.rows[0].cells] == list(POLICY_HEADERS)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [["Werk", "Zelfde doelgroep", ""], ["Zorg", "", "X"]]


def test_links_are_real_hyperlinks(exported):
    document = docx.Document(str(exported))
    rels = document.part.rels
    targets = []
    for link in document.element.body.iter(qn("w:hyperlink")):
        rel = rels[link.get(qn("r:id"))]
        assert rel.is_external
        targets.append(rel.target_ref)
    assert targets == ["https://veendorp.example/raad/123", "https://veendorp.example/raad/456"]


def test_link_runs_use_a_defined_hyperlink_style(exported):
    """LibreOffice writes no link annotation into a PDF for link runs without a defined
    character style, so a converted export would lose its working links."""
    document = docx.Document(str(exported))
    character_styles = {s.style_id for s in document.styles if s.type == 2}  # WD_STYLE_TYPE.CHARACTER
    runs = [r for link in document.element.body.iter(qn("w:hyperlink")) for r in link.iter(qn("w:r"))]
    assert runs
    for run in runs:
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        assert style is not None and style.get(qn("w:val")) in character_styles


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) ontbreekt")
def test_links_survive_conversion_to_pdf(exported, tmp_path):
    import subprocess

    import pdfplumber

    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported)],
                   check=True, capture_output=True, timeout=120)
    with pdfplumber.open(str(tmp_path / "veendorp.pdf")) as pdf:
        uris = [link["uri"] for page in pdf.pages for link in page.hyperlinks if link.get("uri")]
    assert sorted(uris) == ["https://veendorp.example/raad/123", "https://veendorp.example/raad/456"]


def test_footnotes_are_real_word_footnotes(exported):
    with zipfile.ZipFile(exported) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
        types = etree.fromstring(archive.read("[Content_Types].xml"))
    texts = {n.get(qn("w:id")): "".join(t.text for t in n.iter(qn("w:t"))).strip()
             for n in notes.iter(qn("w:footnote")) if n.get(qn("w:type")) is None}
    referenced = [r.get(qn("w:id")) for r in body.iter(qn("w:footnoteReference"))]
    assert [texts[i] for i in referenced] == [
        "Zoals het Rijk, provincie, Europa en Euregio.", "De norm is 120 procent van het sociaal minimum.",
        "Zoals het Rijk, provincie, Europa en Euregio."]
    assert any(o.get("PartName") == "/word/footnotes.xml" for o in types)


def test_export_reads_back_as_the_same_dossier(small_dossier, exported):
    read = read_docx(exported).dossier
    assert read.municipality == "Veendorp"
    assert read.title == small_dossier.title
    assert [f.to_dict() for f in read.fiches] == [f.to_dict() for f in small_dossier.fiches]


def test_sample_dossier_round_trip(tmp_path):
    sample = load_sample_gold()
    path = write_docx(sample, tmp_path / "sample.docx")
    read = read_docx(path).dossier
    for gold in sample.fiches:
        assert read.fiche(gold.code).to_dict() == gold.to_dict(), gold.code
