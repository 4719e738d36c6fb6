"""A suggested stance of a passage on an advice item: a suggestion, never a decision.

The advice item says what the dossier advises; a passage that links to it either goes along
(``eens``), goes against it (``oneens``) or goes along under a condition (``voorwaardelijk``).
The cue words are general Dutch: negations and words of stopping or lowering for ``oneens``,
words of condition or last resort for ``voorwaardelijk``. A negation cue in the advice item
itself flips the reading (an item "no extra money" met by "no extra money" is agreement).
The words that decided are returned as the reason, and the delegation confirms or changes.
"""
from __future__ import annotations

import re

NEGATIONS = ("geen", "niet", "nooit", "tegen", "stoppen", "stopt", "schrappen", "afschaffen", "verlagen",
             "terugdraaien", "afzien", "niks", "niets", "nee", "afwijzen", "wijzen af", "onnodig", "schrap")
CONDITIONS = ("alleen als", "alleen wanneer", "mits", "op voorwaarde", "pas als", "pas wanneer",
              "als laatste", "laatste redmiddel", "uiterste", "onder voorwaarden", "tenzij", "alleen indien")


def _cues(text: str, words: tuple[str, ...]) -> list[str]:
    folded = " " + re.sub(r"[^\w%]+", " ", text.lower()) + " "
    return [w for w in words if f" {w} " in folded]


def suggest_stance(passage_text: str, advice_text: str) -> tuple[str, list[str]]:
    """(``eens``/``oneens``/``voorwaardelijk``, the cue words that decided)."""
    conditions = _cues(passage_text, CONDITIONS)
    if conditions:
        return "voorwaardelijk", conditions
    negations = _cues(passage_text, NEGATIONS)
    advice_negated = bool(_cues(advice_text, NEGATIONS))
    if negations and not advice_negated:
        return "oneens", negations
    if advice_negated and not negations:
        return "oneens", ["(advies ontkent, passage niet)"]
    return "eens", negations
