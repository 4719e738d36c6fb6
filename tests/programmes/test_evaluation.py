"""The measurement on the independent Lindeveen programmes (benchmarks/programmes_eval.py).

Prints the figures. The splitter's figures and the present linking level are asserted (a
regression fails); the issue's quality bar for linking (top-3 >= 85%, unlinked >= 80%) is not
met yet and is kept as an expected failure, so that reaching it shows up as XPASS.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def figures():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import programmes_eval
    finally:
        sys.path.remove(str(BENCHMARKS))
    result = programmes_eval.evaluate()
    print(f"\ntop-1 {result['top1']}%, top-3 {result['top3']}%, unlinked {result['unlinked']}%, "
          f"split {result['split_start']}%, pages {result['page_ok']}%")
    return result


def test_splitter_finds_the_reference_passages_on_their_pages(figures):
    assert figures["split_start"] >= 95.0
    assert figures["split_missing"] <= 3.0
    assert figures["page_ok"] >= 98.0
    assert figures["kind_ok"] >= 95.0
    assert figures["heading_ok"] >= 80.0


def test_linking_does_not_fall_below_the_present_level(figures):
    # Measurement 8 of docs/evaluation-programmes.md: top-3 75.5%, unlinked 67.6%.
    assert figures["top3"] >= 72.0
    assert figures["unlinked"] >= 64.0


@pytest.mark.xfail(reason="quality bar of issue 15 not met yet; see docs/evaluation-programmes.md", strict=False)
def test_linking_meets_the_quality_bar(figures):
    assert figures["top3"] >= 85.0 and figures["unlinked"] >= 80.0
