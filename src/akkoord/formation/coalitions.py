"""The informateur's coalition calculator: every combination of parties with a majority."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Coalition:
    parties: tuple[str, ...]  # abbreviations, in the order the parties were given
    seats: int
    minimal: bool  # no party can leave without losing the majority

    @property
    def size(self) -> int:
        return len(self.parties)


def majority(council_seats: int) -> int:
    """Seats needed for a majority of a council of ``council_seats``."""
    if council_seats < 1:
        raise ValueError("een gemeenteraad heeft minstens één zetel")
    return council_seats // 2 + 1


def coalitions(parties: list[tuple[str, int]], council_seats: int, max_parties: int | None = None) -> list[Coalition]:
    """Every combination of ``parties`` (abbreviation, seats) with a majority of the council,
    smallest first: fewest parties, then fewest seats (the narrowest majority), then name order.

    ``max_parties`` bounds the size of a combination (the number of combinations grows as 2^n).
    """
    needed = majority(council_seats)
    order = {abbr: i for i, (abbr, _) in enumerate(parties)}
    seats = dict(parties)
    limit = len(parties) if max_parties is None else min(max_parties, len(parties))
    found: list[Coalition] = []
    for size in range(1, limit + 1):
        for combo in combinations([abbr for abbr, _ in parties], size):
            total = sum(seats[a] for a in combo)
            if total < needed:
                continue
            minimal = all(total - seats[a] < needed for a in combo)
            found.append(Coalition(combo, total, minimal))
    found.sort(key=lambda c: (c.size, c.seats, [order[a] for a in c.parties]))
    return found
