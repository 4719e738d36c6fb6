"""The table of points × parties: a point's status and how contested it is, from the stances
a viewer may see (unknown stances count as no position)."""
from __future__ import annotations

from collections.abc import Iterable

AGREE = "eens"
DISAGREE = "oneens"
CONDITIONAL = "voorwaardelijk"
NONE = "geen"

AGREED = "eens"
SPLIT = "verdeeld"
OPEN = "open"

STATUS_LABELS = {AGREED: "eens", SPLIT: "verdeeld", OPEN: "open"}


def point_status(stances: Iterable[str | None], party_count: int) -> str:
    """``eens`` when every party's stance is known and ``eens``; ``verdeeld`` when the known
    stances differ; ``open`` otherwise (too few stances known, or all alike but not all agree)."""
    known = [s for s in stances if s and s != NONE]
    if party_count and len(known) == party_count and all(s == AGREE for s in known):
        return AGREED
    if len(set(known)) > 1:
        return SPLIT
    return OPEN


def contention(stances: Iterable[str | None], breakpoints: int = 0) -> float:
    """How contested a point is: disagreeing pairs count 2, a conditional against another
    stance 1, and each breakpoint (a party's must-have) another 1."""
    known = [s for s in stances if s and s != NONE]
    score = 0.0
    for i, a in enumerate(known):
        for b in known[i + 1:]:
            if a == b:
                continue
            score += 2 if {a, b} == {AGREE, DISAGREE} else 1
    return score + breakpoints


def sort_by_contention(rows: list, key_stances, key_breakpoints=lambda row: 0) -> list:
    """Rows, most contested first (stable: equal rows keep their order)."""
    return sorted(rows, key=lambda row: -contention(key_stances(row), key_breakpoints(row)))
