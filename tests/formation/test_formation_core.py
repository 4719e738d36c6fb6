"""The pure formation logic: coalitions, advice items and their matching, table status."""
from __future__ import annotations

import pytest

from akkoord.formation.advice import advice_items, match_items, similarity
from akkoord.formation.coalitions import coalitions, majority
from akkoord.formation.table import contention, point_status, sort_by_contention


def test_majority_of_enschede_and_of_an_even_council():
    assert majority(39) == 20
    assert majority(40) == 21
    with pytest.raises(ValueError):
        majority(0)


def test_coalitions_smallest_first_with_seats():
    parties = [("A", 12), ("B", 9), ("C", 8), ("D", 6), ("E", 4)]
    found = coalitions(parties, 39)
    assert all(c.seats >= 20 for c in found)
    assert [(c.parties, c.seats) for c in found[:2]] == [(("A", "C"), 20), (("A", "B"), 21)]
    sizes = [c.size for c in found]
    assert sizes == sorted(sizes)
    two = [c for c in found if c.size == 2]
    assert [c.parties for c in two] == [("A", "C"), ("A", "B")]  # narrowest majority first
    assert ("B", "C") not in [c.parties for c in found]  # 17 seats: no majority
    everyone = next(c for c in found if c.size == 5)
    assert everyone.seats == 39 and not everyone.minimal
    assert next(c for c in found if c.parties == ("A", "C")).minimal
    # Every combination with a majority is there: count them by brute force.
    from itertools import combinations

    expected = sum(1 for n in range(1, 6) for combo in combinations(parties, n) if sum(s for _, s in combo) >= 20)
    assert len(found) == expected


def test_coalitions_can_be_bounded_in_size():
    parties = [(str(i), 3) for i in range(12)]
    assert max(c.size for c in coalitions(parties, 36, max_parties=7)) == 7
    assert coalitions([("A", 5)], 39) == []


def test_advice_items_skip_empty_and_keep_positions():
    fiche = {"code": "3B", "title": "Wonen", "ambitions": ["open"], "advice": ["Eerste.", "  ", "Derde."],
             "adjustment_moment": "2028"}
    items = advice_items(fiche)
    assert [(i.index, i.text) for i in items] == [(0, "Eerste."), (2, "Derde.")]
    assert items[0].code == "3B" and items[0].ambitions == ("open",) and items[0].adjustment_moment == "2028"


def test_matching_follows_reworded_and_moved_items():
    old = [(0, "Of de coalitie de inkomensgrens op 120% houdt."), (1, "Welke doelgroep voorrang krijgt."),
           (2, "Het belang van een Geldpunt in elke wijk.")]
    new = [(0, "Het belang van een laagdrempelig Geldpunt in elke wijk."),
           (1, "Of de coalitie de inkomensgrens op 120% houdt of verhoogt naar 130%."),
           (2, "Iets heel anders over de begroting van volgend jaar.")]
    assert match_items(old, new) == {0: 1, 2: 0}  # "doelgroep" is gone, the new third item is new
    assert similarity("Tekst, met LEESTEKENS!", "tekst met leestekens") == 1.0


def test_status_and_contention():
    assert point_status(["eens", "eens", "eens"], 3) == "eens"
    assert point_status(["eens", "eens"], 3) == "open"  # one party unknown
    assert point_status(["eens", "oneens"], 3) == "verdeeld"
    assert point_status(["geen", "geen"], 2) == "open"
    assert contention(["eens", "oneens", "oneens"]) == 4
    assert contention(["eens", "voorwaardelijk"]) == 1
    assert contention(["eens", "eens"], breakpoints=1) == 1
    rows = [("a", ["eens", "eens"]), ("b", ["eens", "oneens"]), ("c", ["eens", "voorwaardelijk"])]
    assert [r[0] for r in sort_by_contention(rows, lambda r: r[1])] == ["b", "c", "a"]
