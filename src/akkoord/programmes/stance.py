"""A suggested stance of a passage on an advice item: a suggestion, never a decision.

The advice item says what the dossier advises; a passage that links to it either goes along
(``eens``), goes against it (``oneens``) or goes along under a condition (``voorwaardelijk``).
The cue words are general Dutch: words of condition or last resort for ``voorwaardelijk``;
negations and words of stopping or lowering for ``oneens``. A negation counts only within a few
words of a word the passage shares with the advice item (the scope of a negation, as in NegEx),
so *niet alleen … maar ook* elsewhere in a paragraph does not turn it against the advice. A
negation in the advice item itself flips the reading (an item "no extra money" met by "no extra
money" is agreement). The words that decided are returned as the reason, and the delegation
confirms or changes the suggestion.
"""
from __future__ import annotations

import re

from akkoord.web.search.analysis import fold, stem

NEGATIONS = ("geen", "niet", "nooit", "tegen", "stoppen", "stopt", "schrappen", "afschaffen", "verlagen",
             "terugdraaien", "afzien", "niks", "niets", "nee", "afwijzen", "onnodig", "schrap", "zonder")
CONDITIONS = ("alleen als", "alleen wanneer", "mits", "op voorwaarde", "pas als", "pas wanneer",
              "als laatste", "laatste redmiddel", "uiterste", "onder voorwaarden", "tenzij", "alleen indien")
# How many words before or after a shared word a negation may stand to concern it.
NEGATION_SCOPE = 5
_WORD = re.compile(r"[\w%]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _negations_near(words: list[str], shared: set[str]) -> list[str]:
    found = []
    for i, word in enumerate(words):
        if word in NEGATIONS:
            window = words[max(0, i - NEGATION_SCOPE): i + NEGATION_SCOPE + 1]
            if any(stem(w) in shared for w in window if w not in NEGATIONS):
                found.append(word)
    return found


def suggest_stance(passage_text: str, advice_text: str) -> tuple[str, list[str]]:
    """(``eens``/``oneens``/``voorwaardelijk``, the cue words that decided)."""
    folded = " " + " ".join(_words(passage_text)) + " "
    conditions = [c for c in CONDITIONS if f" {c} " in folded]
    if conditions:
        return "voorwaardelijk", conditions
    advice_words = _words(advice_text)
    passage_words = _words(passage_text)
    shared = {stem(w) for w in advice_words if len(w) > 3 and w not in NEGATIONS} & \
        {stem(w) for w in passage_words if len(w) > 3}
    negations = _negations_near(passage_words, shared) if shared else \
        [w for w in passage_words if w in NEGATIONS]
    advice_negated = any(w in NEGATIONS for w in advice_words)
    if negations and not advice_negated:
        return "oneens", sorted(set(negations))
    if advice_negated and not negations:
        return "oneens", ["(advies ontkent, passage niet)"]
    return "eens", sorted(set(negations))
