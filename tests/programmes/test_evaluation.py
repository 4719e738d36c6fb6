"""The measurements of benchmarks/programmes_eval.py.

* Development sets: five Lindeveen sets (``tests/fixtures/programmes/lindeveen/``,
  ``lindeveen-heldout/`` to ``lindeveen-heldout4/``) and three sets for the shared Enschede dossier
  (``enschede-heldout/`` to ``enschede-heldout3/``), eight authors who had not seen the linker.
  The weights of the link decision are fitted on all eight (measurement 14). Their figures are
  regression floors, not evidence that the quality bar is met.
* Held-out sets of measurement 14, written by two further authors and measured once with the
  linker as committed: ``lindeveen-heldout5/`` (the sample municipality: the issue's quality
  bar, top-3 >= 85% and unlinked >= 80%, is asserted on it) and ``enschede-heldout4/`` (another
  municipality's real dossier, beside the checkout in ``../shared``; the same bar, asserted too).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "programmes"
HELDOUT = FIXTURES / "lindeveen-heldout5"  # measurement 14's held-out set for the sample municipality
ANOTHER = FIXTURES / "enschede-heldout4"  # measurement 14's held-out set for the shared Enschede dossier


def _evaluate(folder: Path | None = None) -> dict:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import programmes_eval
    finally:
        sys.path.remove(str(BENCHMARKS))
    result = programmes_eval.evaluate(folder=folder)
    print(f"\n{folder or 'development set'}: top-1 {result['top1']}%, top-3 {result['top3']}%, "
          f"unlinked {result['unlinked']}%, split {result['split_start']}%, pages {result['page_ok']}%")
    return result


@pytest.fixture(scope="module")
def development():
    return _evaluate()


def test_splitter_finds_the_reference_passages_on_their_pages(development):
    assert development["split_start"] >= 98.0
    assert development["split_missing"] <= 1.0
    assert development["page_ok"] >= 98.0
    assert development["kind_ok"] >= 98.0
    assert development["heading_ok"] >= 95.0


def test_linking_on_the_development_set_does_not_fall_below_the_tuned_level(development):
    # First development set, tuned on (docs/evaluation-programmes.md, measurement 14):
    # top-3 87.2%, unlinked 85.6%. A floor against regressions, not the quality bar.
    assert development["top3"] >= 86.0
    assert development["unlinked"] >= 84.0


# The other development sets (measurement 14, in-sample top-3 / unlinked; in brackets the figures
# when the set was still held out): floors against regressions, not the quality bar.
OTHER_FLOORS = [
    # second Lindeveen author: 83.6% / 81.2% (74.5% / 75.0%)
    pytest.param(FIXTURES / "lindeveen-heldout", 82.5, 79.5, id="second"),
    # third Lindeveen author: 87.1% / 90.8% (82.3% / 90.8%)
    pytest.param(FIXTURES / "lindeveen-heldout2", 86.0, 89.0, id="third"),
    # fourth Lindeveen author: 85.7% / 87.9% (84.4% / 86.2%)
    pytest.param(FIXTURES / "lindeveen-heldout3", 84.5, 86.0, id="fourth"),
    # fifth Lindeveen author: 85.3% / 84.8% (85.3% / 86.4%)
    pytest.param(FIXTURES / "lindeveen-heldout4", 84.0, 83.0, id="fifth"),
    # Enschede authors (another dossier: 30 real fiches): 80.0% / 79.0% (81.2% / 75.8%),
    # 84.3% / 70.0% (84.3% / 63.3%), 88.1% / 79.4% (88.1% / 76.5%)
    pytest.param(FIXTURES / "enschede-heldout", 78.5, 77.5, id="enschede"),
    pytest.param(FIXTURES / "enschede-heldout2", 83.0, 68.0, id="enschede-second"),
    pytest.param(FIXTURES / "enschede-heldout3", 87.0, 77.5, id="enschede-third"),
]


@pytest.mark.parametrize(("folder", "top3", "unlinked"), OTHER_FLOORS)
def test_linking_on_the_other_development_sets_does_not_fall_below_the_tuned_level(
        shared_dir, folder, top3, unlinked):
    result = _evaluate(folder)
    assert result["split_start"] >= 98.0
    assert result["top3"] >= top3
    assert result["unlinked"] >= unlinked


# Measured once each, before anyone working on the linker read them (measurement 14): the sample
# municipality 85.4% / 86.2%, the shared Enschede dossier 86.1% / 81.8%.
@pytest.mark.parametrize("folder", [pytest.param(HELDOUT, id="lindeveen"), pytest.param(ANOTHER, id="enschede")])
def test_linking_meets_the_quality_bar_on_the_held_out_sets(shared_dir, folder):
    result = _evaluate(folder)
    assert result["split_start"] >= 98.0
    assert result["top3"] >= 85.0
    assert result["unlinked"] >= 80.0
