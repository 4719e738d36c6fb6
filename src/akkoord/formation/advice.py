"""Advice items: extracting them from a fiche and following them into a newer version."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

# Below this similarity an item of a newer version is taken to be a different item.
MATCH_THRESHOLD = 0.6


@dataclass(frozen=True)
class AdviceItem:
    code: str  # fiche code
    title: str  # fiche title
    index: int  # 0-based position in the fiche's advice list
    text: str
    ambitions: tuple[str, ...] = ()
    adjustment_moment: str = ""


def advice_items(fiche: dict[str, Any]) -> list[AdviceItem]:
    """The advice items of a fiche in export form (``Fiche.to_dict()`` / ``Fiche.data``)."""
    out = []
    for index, text in enumerate(fiche.get("advice") or []):
        text = (text or "").strip()
        if text:
            out.append(AdviceItem(fiche.get("code", ""), fiche.get("title", ""), index, text,
                                  tuple(fiche.get("ambitions") or ()), fiche.get("adjustment_moment") or ""))
    return out


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def similarity(a: str, b: str) -> float:
    """0..1: how alike two advice texts are, ignoring case, punctuation and spacing."""
    a, b = _normal(a), _normal(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_items(old: list[tuple[int, str]], new: list[tuple[int, str]],
                threshold: float = MATCH_THRESHOLD) -> dict[int, int]:
    """Match the items of one fiche in an older version (index, text) to those of a newer one.

    Returns old index → new index. Greedy on similarity, best pairs first, each item used
    once; pairs below ``threshold`` stay unmatched (the item was removed or replaced).
    """
    pairs = []
    for oi, otext in old:
        for ni, ntext in new:
            score = similarity(otext, ntext)
            if score >= threshold:
                # Prefer the same position when scores tie.
                pairs.append((score, -abs(oi - ni), oi, ni))
    pairs.sort(reverse=True)
    result: dict[int, int] = {}
    used: set[int] = set()
    for _score, _dist, oi, ni in pairs:
        if oi in result or ni in used:
            continue
        result[oi] = ni
        used.add(ni)
    return result
