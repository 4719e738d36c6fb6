"""The Word reader on the sample dossier as a civil servant's .docx, and on bad input."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import docx
import fixtures_build
import pytest

from akkoord.dossier.errors import DossierError
from akkoord.dossier.readers import read_path
from akkoord.dossier.readers.docx import read_docx

FIELDS = ("fiche_found", "title", "ambitions", "current_line", "adjustment_moment", "external_changes",
          "sources", "partners", "advice", "policy_areas", "links", "footnotes", "related")


@pytest.fixture(scope="module")
def docx_result(layout_fixtures):
    return read_docx(layout_fixtures["docx"])


@pytest.fixture(scope="module")
def docx_scores(docx_result, score_against_sample):
    return score_against_sample(docx_result.dossier)


def test_overall_score_on_the_sample(docx_scores):
    assert docx_scores["overall"] >= 0.98, docx_scores


@pytest.mark.parametrize("field", FIELDS)
def test_field_score_on_the_sample(docx_scores, field):
    assert docx_scores[field] >= 0.98, f"{field}: {docx_scores[field]:.4f}"


def test_reader_name_and_no_warnings(docx_result):
    assert docx_result.reader == "docx"
    assert docx_result.warnings == []
    assert docx_result.dossier.municipality == "Lindeveen"


def _fiche(result, gold, index):
    code = gold.fiches[index].code
    return result.dossier.fiche(code), gold.fiches[index]


def test_heading_in_a_merged_title_row(docx_result, sample_gold):
    fiche, gold = _fiche(docx_result, sample_gold, fixtures_build.TITLE_ROW_FICHE)
    assert fiche.title == gold.title
    assert fiche.ambitions == gold.ambitions
    assert fiche.current_line == gold.current_line


def test_label_with_a_manual_line_break(docx_result, sample_gold):
    fiche, gold = _fiche(docx_result, sample_gold, fixtures_build.WRAPPED_LABEL_FICHE)
    assert fiche.adjustment_moment == gold.adjustment_moment


def test_labels_worded_differently(docx_result, sample_gold):
    fiche, gold = _fiche(docx_result, sample_gold, fixtures_build.VARIED_LABELS_FICHE)
    assert fiche.partners == gold.partners
    assert fiche.advice == gold.advice


def test_bullets_in_a_text_field_become_paragraphs(docx_result, sample_gold):
    fiche, gold = _fiche(docx_result, sample_gold, fixtures_build.BULLETS_FICHE)
    assert fiche.external_changes == gold.external_changes


def test_hyperlinks_take_their_target_not_their_text(docx_result, sample_gold):
    for fiche in sample_gold.fiches:
        read = docx_result.dossier.fiche(fiche.code)
        assert set(read.links) == set(fiche.links), fiche.code
        texts = [read.current_line, read.adjustment_moment, read.external_changes, *read.advice,
                 *read.partners, *(s.title for s in read.sources)]
        assert not any(fixtures_build.LINK_TEXT in t for t in texts)
    fiche, gold = _fiche(docx_result, sample_gold, fixtures_build.INLINE_LINK_FICHE)
    assert fiche.sources[0].title == gold.sources[0].title  # the hyperlinked source title stays text


def test_footnotes_are_read_and_the_recurring_one_left_out(docx_result, sample_gold):
    with_notes = [f for f in sample_gold.fiches if f.footnotes]
    assert with_notes, "the sample should have a fiche with a footnote"
    for gold in sample_gold.fiches:
        read = docx_result.dossier.fiche(gold.code)
        assert read.footnotes == gold.footnotes
        assert not any("Euregio" in note for note in read.footnotes)


def test_reader_is_chosen_by_content_not_name(layout_fixtures, tmp_path):
    disguised = tmp_path / "dossier.pdf"
    shutil.copy(layout_fixtures["docx"], disguised)
    assert read_path(disguised).reader == "docx"


def test_unknown_label_is_reported(tmp_path):
    document = docx.Document()
    document.add_paragraph("Onderwerp 4B Sport en bewegen")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "De lijn die we hebben ingezet is……"
    table.cell(0, 1).text = "Meer mensen laten sporten."
    table.cell(1, 0).text = "Budget voor volgend jaar"
    table.cell(1, 1).text = "Twee ton."
    path = tmp_path / "klein.docx"
    document.save(path)
    result = read_docx(path)
    fiche = result.dossier.fiche("4B")
    assert fiche.title == "Sport en bewegen"
    assert fiche.current_line == "Meer mensen laten sporten."
    assert [w.kind for w in result.warnings] == ["unknown-label"]
    assert "Budget voor volgend jaar" in result.warnings[0].message


def test_vertical_merge_continues_the_field_above(tmp_path):
    document = docx.Document()
    document.add_paragraph("Onderwerp 2E Sportparken")
    table = document.add_table(rows=3, cols=2)
    label = table.cell(0, 0).merge(table.cell(1, 0))
    label.text = "Onze natuurlijke partners op dit onderwerp zijn:"
    table.cell(0, 1).text = "Sportbond Veenstreek"
    table.cell(1, 1).text = "Stichting Beweegwijzer"
    table.cell(2, 0).text = "Wij adviseren de onderhandelaars uitspraken te doen over:"
    table.cell(2, 1).text = "De toekomst van het zwembad."
    path = tmp_path / "merge.docx"
    document.save(path)
    fiche = read_docx(path).dossier.fiche("2E")
    assert fiche.partners == ["Sportbond Veenstreek", "Stichting Beweegwijzer"]
    assert fiche.advice == ["De toekomst van het zwembad."]


# -- bad input --------------------------------------------------------------------------


def test_renamed_zip_is_refused(tmp_path):
    path = tmp_path / "dossier.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notities.txt", "geen Word-document")
    for reader in (read_path, read_docx):
        with pytest.raises(DossierError, match="zip-bestand zonder Word-document"):
            reader(path)


def test_truncated_docx_is_refused(layout_fixtures, tmp_path):
    data = layout_fixtures["docx"].read_bytes()
    path = tmp_path / "afgebroken.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DossierError, match="beschadigd"):
        read_path(path)
    with pytest.raises(DossierError, match="beschadigd"):
        read_docx(path)


def test_word_file_without_fiches_is_refused(tmp_path):
    document = docx.Document()
    document.add_paragraph("Verslag van de vergadering")
    path = tmp_path / "verslag.docx"
    document.save(path)
    with pytest.raises(DossierError, match="geen fiches gevonden"):
        read_docx(path)


def test_command_line_says_which_reader_and_refuses_bad_input(layout_fixtures, tmp_path):
    done = subprocess.run(check=False, args=[sys.executable, "-m", "akkoord", "parse", str(layout_fixtures["docx"]), "--quiet",
                           "-o", str(tmp_path / "uit.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    noisy = subprocess.run(check=False, args=[sys.executable, "-m", "akkoord", "parse", str(layout_fixtures["docx"]),
                            "-o", str(tmp_path / "uit2.json")], capture_output=True, text=True)
    assert "Word-lezer" in noisy.stderr
    bad = tmp_path / "stuk.docx"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("a.txt", "x")
    failed = subprocess.run(check=False, args=[sys.executable, "-m", "akkoord", "parse", str(bad)], capture_output=True, text=True)
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr
    assert "zip-bestand zonder Word-document" in failed.stderr
