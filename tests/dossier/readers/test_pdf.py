"""The PDF reader on the sample dossier rendered from Word, and on bad input."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import fixtures_build
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

from akkoord.dossier.errors import DossierError, ReaderTimeout
from akkoord.dossier.exports.docx import build_document
from akkoord.dossier.readers import read_path
from akkoord.dossier.readers.pdf import read_pdf

FIELDS = ("fiche_found", "title", "ambitions", "current_line", "adjustment_moment", "external_changes",
          "sources", "partners", "advice", "policy_areas", "links", "footnotes", "related")


@pytest.fixture(scope="module")
def pdf_result(layout_fixtures):
    return read_pdf(layout_fixtures["pdf"])


@pytest.fixture(scope="module")
def pdf_scores(pdf_result, score_against_sample):
    return score_against_sample(pdf_result.dossier)


def test_fixture_has_a_fiche_running_over_a_page_break(layout_fixtures):
    document = pdfium.PdfDocument(str(layout_fixtures["pdf"]))
    texts = [document[i].get_textpage().get_text_bounded() for i in range(len(document))]
    continuation_pages = [t for t in texts if "Onderwerp " not in t]
    assert continuation_pages, "no page continues a fiche: the page-break case is not exercised"


def test_overall_score_on_the_sample(pdf_scores):
    assert pdf_scores["overall"] >= 0.98, pdf_scores


@pytest.mark.parametrize("field", FIELDS)
def test_field_score_on_the_sample(pdf_scores, field):
    assert pdf_scores[field] >= 0.98, f"{field}: {pdf_scores[field]:.4f}"


def test_reader_name_and_no_warnings(pdf_result):
    assert pdf_result.reader == "pdf"
    assert [str(w) for w in pdf_result.warnings] == []
    assert pdf_result.dossier.municipality == "Lindeveen"


def test_running_footer_and_recurring_footnote_stay_out(pdf_result):
    for fiche in pdf_result.dossier.fiches:
        texts = [fiche.current_line, fiche.adjustment_moment, fiche.external_changes, *fiche.advice,
                 *fiche.partners, *fiche.footnotes, *(s.title for s in fiche.sources)]
        assert not any("pagina" in t and "Formatiedossier" in t for t in texts), fiche.code
        assert not any("Euregio" in note for note in fiche.footnotes)


def test_links_come_from_annotations_not_visible_text(pdf_result, sample_gold):
    for gold in sample_gold.fiches:
        read = pdf_result.dossier.fiche(gold.code)
        assert set(read.links) == set(gold.links), gold.code
        texts = [read.current_line, read.external_changes, *read.advice, *(s.title for s in read.sources)]
        assert not any(fixtures_build.LINK_TEXT in t for t in texts)


def test_cell_cut_by_the_page_break_is_joined(pdf_result, sample_gold):
    # Every text field equals the gold, including the ones whose row breaks across pages.
    for gold in sample_gold.fiches:
        read = pdf_result.dossier.fiche(gold.code)
        for name in ("current_line", "external_changes", "adjustment_moment"):
            assert " ".join(getattr(read, name).split()) == " ".join(getattr(gold, name).split()), (gold.code, name)


def test_pdf_without_link_annotations_still_yields_visible_urls(layout_fixtures, sample_gold):
    result = read_pdf(layout_fixtures["raw_pdf"])
    shown_as_url = {url for url, text in fixtures_build.docx_hyperlinks(layout_fixtures["docx"]) if text == url}
    found = {url for fiche in result.dossier.fiches for url in fiche.links}
    assert shown_as_url and shown_as_url <= found  # wrapped URLs joined back together


def test_reader_is_chosen_by_content_not_name(layout_fixtures, tmp_path):
    disguised = tmp_path / "dossier.docx"
    shutil.copy(layout_fixtures["pdf"], disguised)
    assert read_path(disguised).reader == "pdf"


def test_table_without_ruling_lines_uses_word_positions(sample_gold, tmp_path, score_against_sample):
    document = build_document(sample_gold)
    for table in document.tables:
        table.style = document.styles["Normal Table"]  # no borders at all
    path = tmp_path / "zonder-lijnen.docx"
    document.save(path)
    pdf = fixtures_build.render_pdf(path, tmp_path / "out", tmp_path / "profile")
    scores = score_against_sample(read_pdf(pdf).dossier)
    assert scores["overall"] >= 0.95, scores
    for name in ("ambitions", "current_line", "sources", "partners", "advice"):
        assert scores[name] >= 0.95, (name, scores[name])


# -- bad input --------------------------------------------------------------------------


def _encrypted(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="AES-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_encrypted_pdf_is_refused_with_a_clear_message(layout_fixtures, tmp_path):
    path = _encrypted(layout_fixtures["pdf"], tmp_path / "geheim.pdf", "wachtwoord")
    with pytest.raises(DossierError, match="versleuteld met een wachtwoord"):
        read_path(path)


def test_pdf_with_only_an_owner_password_is_read(layout_fixtures, tmp_path, sample_gold):
    path = _encrypted(layout_fixtures["pdf"], tmp_path / "beveiligd.pdf", "")
    result = read_pdf(path)
    assert [f.code for f in result.dossier.fiches] == [f.code for f in sample_gold.fiches]


def test_scanned_pdf_without_text_layer(tmp_path):
    image = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(image).text((100, 100), "Onderwerp 1A Armoede", fill="black")
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=150)
    with pytest.raises(DossierError, match="geen tekstlaag.*OCR wordt niet ondersteund"):
        read_pdf(path)


def test_truncated_pdf_gives_a_message_or_the_fiches_it_holds(layout_fixtures, tmp_path, sample_gold):
    data = layout_fixtures["pdf"].read_bytes()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(data[: len(data) * 2 // 5])
    try:
        result = read_pdf(path)
    except DossierError as exc:
        assert "PDF" in str(exc)
    else:
        codes = [f.code for f in result.dossier.fiches]
        assert codes == [f.code for f in sample_gold.fiches][: len(codes)]


def test_garbage_after_a_pdf_header_is_refused(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(DossierError, match="beschadigd of onvolledig PDF-bestand"):
        read_path(path)


@pytest.fixture(scope="module")
def long_pdf(layout_fixtures, tmp_path_factory) -> Path:
    """A 300-page PDF: the fixture's pages over and over."""
    reader = PdfReader(str(layout_fixtures["pdf"]))
    writer = PdfWriter()
    while len(writer.pages) < 300:
        for page in reader.pages:
            if len(writer.pages) < 300:
                writer.add_page(page)
    path = tmp_path_factory.mktemp("long") / "lang.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_300_page_pdf_finishes_with_a_result(long_pdf):
    result = read_pdf(long_pdf)
    assert len(result.dossier.fiches) > 100
    assert any(w.kind == "duplicate-fiche" for w in result.warnings)


def test_time_limit_is_reported_with_the_page_reached(long_pdf):
    with pytest.raises(ReaderTimeout, match=r"tijdslimiet .* bij pagina \d+ van 300"):
        read_pdf(long_pdf, time_limit=0.01)


def test_command_line_refuses_an_encrypted_pdf_without_traceback(layout_fixtures, tmp_path):
    path = _encrypted(layout_fixtures["pdf"], tmp_path / "geheim.pdf", "wachtwoord")
    done = subprocess.run(check=False, args=[sys.executable, "-m", "akkoord", "parse", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "versleuteld" in done.stderr and "Traceback" not in done.stderr
    ok = subprocess.run(check=False, args=[sys.executable, "-m", "akkoord", "parse", str(layout_fixtures["pdf"]),
                         "-o", str(tmp_path / "uit.json")], capture_output=True, text=True)
    assert ok.returncode == 0 and "PDF-lezer" in ok.stderr
