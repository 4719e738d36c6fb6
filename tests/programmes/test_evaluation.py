"""The measurements of benchmarks/programmes_eval.py.

* Development sets (``tests/fixtures/programmes/lindeveen/``, ``lindeveen-heldout/``,
  ``lindeveen-heldout2/`` and ``lindeveen-heldout3/``, four authors who had not seen the linker):
  the linker has since been tuned on all four (their misses were read, the weights of the link
  decision were fitted on them together). Their figures are regression floors, not evidence that
  the quality bar is met.
* Held-out set (``tests/fixtures/programmes/lindeveen-heldout4/``): written by a fifth author,
  never read by the linker's authors; the lead adds it and measures once. The issue's quality
  bar (top-3 >= 85%, unlinked >= 80%) is asserted on it; the test skips while the folder is absent.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "programmes"
SECOND = FIXTURES / "lindeveen-heldout"  # the second development set (it was the held-out set of measurement 10)
THIRD = FIXTURES / "lindeveen-heldout2"  # the third development set (the held-out set of measurement 11)
FOURTH = FIXTURES / "lindeveen-heldout3"  # the fourth development set (the held-out set of measurement 12)
HELDOUT = FIXTURES / "lindeveen-heldout4"


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
    # First development set, tuned on (docs/evaluation-programmes.md, measurement 13):
    # top-3 87.6%, unlinked 87.4%. A floor against regressions, not the quality bar.
    assert development["top3"] >= 86.0
    assert development["unlinked"] >= 85.5


# The other development sets, tuned on (measurement 13, in-sample top-3 / unlinked; in brackets
# when the set was still held out): floors against regressions, not the quality bar.
OTHER_FLOORS = [
    # second author, tuned on since measurement 11: 84.2% / 79.7% (74.5% / 75.0%)
    pytest.param(SECOND, 82.5, 78.0, id="second"),
    # third author, tuned on since measurement 12: 88.4% / 89.2% (82.3% / 90.8%)
    pytest.param(THIRD, 86.5, 87.5, id="third"),
    # fourth author, tuned on since measurement 13: 85.7% / 82.8% (84.4% / 86.2%)
    pytest.param(FOURTH, 84.0, 81.0, id="fourth"),
]


@pytest.mark.parametrize(("folder", "top3", "unlinked"), OTHER_FLOORS)
def test_linking_on_the_other_development_sets_does_not_fall_below_the_tuned_level(folder, top3, unlinked):
    result = _evaluate(folder)
    assert result["split_start"] >= 98.0
    assert result["top3"] >= top3
    assert result["unlinked"] >= unlinked


@pytest.mark.skipif(not (HELDOUT / "reference.json").is_file(),
                    reason="held-out set not present (the lead adds tests/fixtures/programmes/lindeveen-heldout4)")
def test_linking_meets_the_quality_bar_on_the_held_out_set():
    result = _evaluate(HELDOUT)
    assert result["top3"] >= 85.0
    assert result["unlinked"] >= 80.0
