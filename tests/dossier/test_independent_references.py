"""Quality bars on reference data the parser's authors did not write.

``tests/fixtures/independent/`` holds three fictional dossiers in forms the readers were not
developed on, with reference annotations written without seeing the parser (see its README).
The issue's bars: the shared dossier and the sample keep ≥ 0.99; the independent references
reach ≥ 0.95 overall and ≥ 0.90 on every field, in text, Word and PDF form.

Pairs that do not meet the bar yet are marked ``xfail(strict=True)`` with the reason, so the
gap stays visible and the mark must go once a change closes it. docs/evaluation.md has the
figures before and after the work.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from akkoord.dossier.exports.json_export import to_json
from akkoord.dossier.readers import read_path
from akkoord.dossier.sample import SAMPLE_GOLD_DIR, SAMPLE_TEXT_PATH

REFERENCES = Path(__file__).resolve().parents[1] / "fixtures" / "independent"

OVERALL_BAR = 0.95
FIELD_BAR = 0.90

# (dossier, form) pairs below the bar, and why.
LINKS_NOT_IN_TEXT = ("the targets of hyperlinks with a descriptive anchor are in the .docx and in the PDF's "
                     "link annotations, not in the extracted text, so links cannot reach the bar from text")
KNOWN_GAPS = {
    ("nested-layout", "txt"): LINKS_NOT_IN_TEXT,
    ("programma", "txt"): LINKS_NOT_IN_TEXT,
}


@pytest.fixture(scope="module")
def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score_dossier", shared_dir / "tools" / "score_dossier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, dossier, gold_dir: Path, tmp_path: Path) -> dict[str, float]:
    path = tmp_path / "export.json"
    path.write_text(to_json(dossier), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert scorer.main([str(path), str(gold_dir), "--json"]) == 0
    result = json.loads(out.getvalue())
    return {**result["fields"], "overall": result["overall"]}


def cases():
    for name in ("fiche-template", "nested-layout", "programma"):
        for form in ("txt", "docx", "pdf"):
            marks = []
            if (name, form) in KNOWN_GAPS:
                marks.append(pytest.mark.xfail(reason=KNOWN_GAPS[(name, form)], strict=True))
            yield pytest.param(name, form, marks=marks, id=f"{name}-{form}")


@pytest.mark.slow
@pytest.mark.parametrize("name,form", list(cases()))
def test_independent_reference_meets_the_bar(scorer, tmp_path, name, form):
    directory = REFERENCES / name
    if not directory.is_dir():
        pytest.skip(f"reference dossier {name} not present")
    result = read_path(directory / f"{name}.{form}")
    scores = score(scorer, result.dossier, directory / "gold", tmp_path)
    low = {field: round(value, 4) for field, value in scores.items() if field != "overall" and value < FIELD_BAR}
    assert scores["overall"] >= OVERALL_BAR and not low, (scores["overall"], low)


@pytest.mark.slow
@pytest.mark.parametrize("name,form", [pair for pair, reason in KNOWN_GAPS.items() if reason == LINKS_NOT_IN_TEXT],
                         ids=lambda value: value)
def test_where_only_links_fall_short_every_other_field_meets_the_bar(scorer, tmp_path, name, form):
    """The pairs held back by hyperlink targets that exist only in the .docx: all else meets the bar."""
    directory = REFERENCES / name
    if not directory.is_dir():
        pytest.skip(f"reference dossier {name} not present")
    scores = score(scorer, read_path(directory / f"{name}.{form}").dossier, directory / "gold", tmp_path)
    low = {field: round(value, 4) for field, value in scores.items()
           if field not in ("overall", "links") and value < FIELD_BAR}
    assert not low, low


@pytest.mark.slow
@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_programme_sections_agenda_and_tables(form):
    """The extra keys of the programme dossier: named sections, agenda items, other tables."""
    directory = REFERENCES / "programma"
    if not directory.is_dir():
        pytest.skip("reference dossier programma not present")
    fiches = {f.code: f.to_dict() for f in read_path(directory / f"programma.{form}").dossier.fiches}
    total = same = 0
    for path in sorted((directory / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fiche = fiches.get(gold["code"], {})
        for key in ("sections", "agenda", "tables"):
            total += 1
            same += fiche.get(key, []) == gold.get(key, [])
    assert same / total >= OVERALL_BAR, f"{same} of {total} equal"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["nested-layout", "programma"])
def test_pdf_link_targets_come_from_the_annotations_in_document_order(name):
    """Most hyperlinks here have a descriptive anchor, so their targets are only in the PDF's
    link annotations (LibreOffice stores a paragraph's annotations last link first). Every
    fiche gets exactly its own targets, in order of appearance, and no URL stays in its text."""
    directory = REFERENCES / name
    if not directory.is_dir():
        pytest.skip(f"reference dossier {name} not present")
    fiches = {f.code: f for f in read_path(directory / f"{name}.pdf").dossier.fiches}
    for path in sorted((directory / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fiche = fiches[gold["code"]]
        assert fiche.links == gold["links"], gold["code"]
        texts = [fiche.current_line, fiche.external_changes, fiche.adjustment_moment, *fiche.advice,
                 *(s.title for s in fiche.sources)]
        pieces = {part for url in gold["links"] for part in (urlsplit(url).netloc, urlsplit(url).query) if part}
        assert not any(piece in text for piece in pieces for text in texts), gold["code"]


def test_shared_dossier_keeps_its_score(scorer, shared_dossier_path, shared_gold_dir, tmp_path):
    scores = score(scorer, read_path(shared_dossier_path).dossier, shared_gold_dir, tmp_path)
    assert scores["overall"] >= 0.99, scores


def test_sample_keeps_its_score(scorer, tmp_path):
    scores = score(scorer, read_path(SAMPLE_TEXT_PATH).dossier, SAMPLE_GOLD_DIR, tmp_path)
    assert scores["overall"] >= 0.99, scores
