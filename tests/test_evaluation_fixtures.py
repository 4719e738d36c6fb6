"""Integrity of the hand-written evaluation fixtures (programmes and search questions).

These checks keep the reference data usable: every labelled passage must still be findable in
its programme file on the stated page, every label must name a real fiche and advice item of
the sample dossier, and the set must keep the shape the quality bar relies on.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PROGRAMMES = TESTS / "fixtures" / "programmes" / "lindeveen"
QUESTIONS = TESTS / "fixtures" / "search" / "lindeveen-questions-2026-12.json"
GOLD = TESTS.parent / "src" / "akkoord" / "dossier" / "sample" / "gold"


def _gold() -> dict[str, list[str]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))["advice"] for p in GOLD.glob("*.json")}


def _reference() -> dict:
    return json.loads((PROGRAMMES / "reference.json").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\r", "")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # hyphenated line ends
    return re.sub(r"\s+", " ", text)


def _pages(name: str) -> list[str] | None:
    """Normalised text per page, or None for a Word file (no pages without rendering)."""
    path = PROGRAMMES / name
    if path.suffix == ".txt":
        return [_norm(p) for p in path.read_text(encoding="utf-8").split("\f")]
    if path.suffix == ".pdf":
        pdfium = pytest.importorskip("pypdfium2")
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [_norm(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
        finally:
            pdf.close()
    return None


def test_labels_name_real_fiches_and_advice_items():
    gold = _gold()
    for p in _reference()["passages"]:
        assert set(p["fiches"]) <= set(gold), p
        assert len(set(p["fiches"])) == len(p["fiches"]), p
        for s in p.get("stances", []):
            assert s["fiche"] in p["fiches"], p
            assert 0 <= s["advice_index"] < len(gold[s["fiche"]]), p
            assert s["stance"] in ("eens", "oneens", "voorwaardelijk"), p


def test_each_party_has_enough_linked_and_unlinked_passages():
    ref = _reference()
    assert len(ref["parties"]) >= 4
    per_party = Counter(p["party"] for p in ref["passages"])
    unlinked = Counter(p["party"] for p in ref["passages"] if not p["fiches"])
    for party in ref["parties"]:
        n = per_party[party["abbreviation"]]
        assert 40 <= n <= 80, party
        assert unlinked[party["abbreviation"]] >= n / 4, party
    forms = {p["form"] for p in ref["parties"]}
    assert {"text", "docx", "pdf"} <= forms


@pytest.mark.parametrize("party", [p["abbreviation"] for p in _reference()["parties"]])
def test_every_passage_is_found_in_order_on_its_page(party):
    ref = _reference()
    info = next(p for p in ref["parties"] if p["abbreviation"] == party)
    passages = [p for p in ref["passages"] if p["party"] == party]
    pages = _pages(info["file"])
    if pages is None:
        docx = pytest.importorskip("docx")
        body = _norm("\n".join(par.text for par in docx.Document(str(PROGRAMMES / info["file"])).paragraphs))
        pos = 0
        for p in passages:
            found = body.find(p["start"], pos)
            assert found >= 0, p
            pos = found
        return
    last = (0, 0)
    for p in passages:
        page_text = pages[p["page"] - 1]
        found = page_text.find(p["start"], last[1] if p["page"] - 1 == last[0] else 0)
        assert found >= 0, p
        assert (p["page"] - 1, found) >= last, p
        last = (p["page"] - 1, found)


@pytest.mark.parametrize("path,count", [(QUESTIONS, 60), (QUESTIONS.with_name("lindeveen-questions-2026-12b.json"), 50)],
                         ids=["2026-12", "2026-12b"])
def test_search_questions_are_answered_by_real_fiches(path, count):
    gold = _gold()
    data = json.loads(path.read_text(encoding="utf-8"))
    questions = data["questions"]
    assert len(questions) == count
    assert [q["id"] for q in questions] == list(range(1, count + 1))
    assert len({q["question"].lower() for q in questions}) == count
    for q in questions:
        assert q["fiches"] and set(q["fiches"]) <= set(gold), q
    assert {q["fiches"][0] for q in questions} == set(gold)


SETS = sorted(p.parent for p in (TESTS / "fixtures" / "programmes").glob("*/reference.json"))


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_every_programme_set_passes_its_reference_check(shared_dir, folder, capsys):
    """Every set's labels name real fiches and advice items of the dossier its reference names
    (the sample, or the shared Enschede dossier beside the checkout), and every labelled passage
    is in its rendered file on its page (tests/fixtures/programmes/check_reference.py)."""
    assert _check_reference().main(folder) == 0, capsys.readouterr().out[-2000:]


@functools.cache
def _check_reference():
    spec = importlib.util.spec_from_file_location(
        "check_reference", TESTS / "fixtures" / "programmes" / "check_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
