"""Progress rolled up per ambition, fiche or portfolio, with the formula and the weights shown.

Per commitment the progress is its own percentage when one is given, else the default of its
status (``status.STATUSES``); abandoned commitments and changed ones without a percentage are
left out. A group's progress is the weighted mean ``Σ(gewicht × voortgang) / Σ gewicht``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from akkoord.monitoring.status import BY_KEY, STATUSES


@dataclass(frozen=True)
class Item:
    key: str  # the commitment's id
    status: str
    progress: int | None = None
    weight: float = 1.0


def effective_progress(item: Item) -> int | None:
    """The percentage that counts in the roll-up, or None when the commitment is left out."""
    if item.status == "losgelaten":
        return None
    if item.progress is not None:
        return max(0, min(100, int(item.progress)))
    status = BY_KEY.get(item.status)
    return status.default_progress if status else None


@dataclass
class Group:
    key: str
    label: str
    items: list[Item] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # per status key
    progress: float | None = None  # weighted mean, 0-100
    weight: float = 0.0  # the sum of the weights that counted
    left_out: int = 0

    @property
    def total(self) -> int:
        return len(self.items)


def roll_up(items: Iterable[tuple[Item, str, str]]) -> list[Group]:
    """Groups from ``(item, group key, group label)`` triples, in the order first seen."""
    groups: dict[str, Group] = {}
    for item, key, label in items:
        group = groups.setdefault(key, Group(key, label, counts={s.key: 0 for s in STATUSES}))
        group.items.append(item)
        group.counts[item.status] = group.counts.get(item.status, 0) + 1
    for group in groups.values():
        numerator = 0.0
        for item in group.items:
            value = effective_progress(item)
            if value is None or item.weight <= 0:
                group.left_out += 1
                continue
            numerator += item.weight * value
            group.weight += item.weight
        group.progress = round(numerator / group.weight, 1) if group.weight else None
    return list(groups.values())


def overall(groups: Iterable[Group]) -> float | None:
    """The weighted mean over every counted commitment of the groups (each counted once)."""
    seen: dict[str, Item] = {}
    for group in groups:
        for item in group.items:
            seen.setdefault(item.key, item)
    pairs = [(i.weight, effective_progress(i)) for i in seen.values()]
    pairs = [(w, v) for w, v in pairs if v is not None and w > 0]
    total = sum(w for w, _ in pairs)
    return round(sum(w * v for w, v in pairs) / total, 1) if total else None


def formula_lines() -> list[str]:
    """The formula in Dutch, as shown on the roll-up page."""
    defaults = ", ".join(f"{s.label} {s.default_progress}%" for s in STATUSES if s.default_progress is not None)
    return [
        "Voortgang van een groep = Σ(gewicht × voortgang) / Σ gewicht, over de afspraken die meetellen.",
        "Voortgang van een afspraak: het opgegeven percentage; zonder percentage telt de status: " + defaults + ".",
        "Losgelaten afspraken, en gewijzigde zonder percentage, tellen niet mee.",
        "Het gewicht is 1, tenzij bij de afspraak anders is vastgelegd; het gewicht staat bij elke afspraak.",
    ]


