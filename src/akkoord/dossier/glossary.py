"""Abbreviations defined in the dossier itself: ``Duurzame Financiële Basis (DFB)``.

Two patterns are recognised in every text of a fiche:

* ``Long Name (ABBR)``: the long form is the shortest run of words before the parenthesis
  whose letters the abbreviation fits;
* ``ABBR (Long Name)``: the parenthesis holds the long form.

Whether an abbreviation fits a long form is decided with the algorithm of Schwartz & Hearst
(2003, "A simple algorithm for identifying abbreviation definitions in biomedical text"):
every letter of the abbreviation must be found, in order, in the long form, and its first
letter must start a word. Diacritics and case are ignored (``Financiële`` fits an ``F``).

Pure: no Django, no I/O. ``extract_glossary(dossier)`` is the entry point; the search app
uses it to expand abbreviations in queries.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from akkoord.dossier.model import Dossier, Fiche

__all__ = ["GlossaryEntry", "extract_glossary", "find_definitions", "fits", "fiche_texts", "used_abbreviations",
           "find_long_form"]


@dataclass
class GlossaryEntry:
    """One abbreviation with its long form and the codes of the fiches that use it."""

    abbreviation: str
    expansion: str
    fiches: list[str] = field(default_factory=list)
    # Other long forms the dossier gives for the same abbreviation (rare; shown as variants).
    alternatives: list[str] = field(default_factory=list)
    # How the long form was found: "defined" (``Long Form (ABBR)``), "found" (a phrase elsewhere
    # in the dossier whose words spell the abbreviation) or "" (not written out anywhere).
    source: str = "defined"


# A candidate abbreviation: starts with a capital, 2–10 characters, no spaces.
_ABBR = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&\-]{1,9}"
# "... words (ABBR)": the parenthesis holds only the abbreviation.
_LONG_THEN_ABBR = re.compile(r"\((" + _ABBR + r")\)")
# "ABBR (long form)": an abbreviation followed by a parenthesis of words.
_ABBR_THEN_LONG = re.compile(r"(?<![\w-])(" + _ABBR + r")\s+\(([^()]{3,120})\)")
# Characters that end a phrase: the long form never crosses them.
_PHRASE_BREAK = re.compile(r"[.;:!?()\[\]\u2022\uf0b7\u25aa]|\n\s*\n|\s-\s|,")
_WORD = re.compile(r"[^\s/]+")


def _fold(text: str) -> str:
    """Lower case without diacritics: ``Financiële`` → ``financiele``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _looks_like_abbreviation(token: str) -> bool:
    """``DFB``, ``WvGGZ``, ``Wmo`` yes; ``Subsidie``, ``Rijk``-like words mostly fail later on fit."""
    capitals = sum(1 for c in token if c.isupper())
    if capitals >= 2:
        return sum(1 for c in token if c.islower()) <= capitals + 1
    return len(token) <= 4 and token[0].isupper() and not token[1:].isupper()


def fits(abbreviation: str, long_form: str) -> str | None:
    """The shortest tail of ``long_form`` that ``abbreviation`` abbreviates, or None.

    Schwartz & Hearst: walk both strings from the end; every letter or digit of the
    abbreviation must be found in order, and the first one at the start of a word.
    """
    short = _fold(abbreviation)
    folded = _fold(long_form)
    if len(folded) != len(long_form):  # folding changed lengths (ligatures): compare folded only
        long_form = folded
    s_index = len(short) - 1
    l_index = len(folded) - 1
    while s_index >= 0:
        char = short[s_index]
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            folded[l_index] != char
            or (s_index == 0 and l_index > 0 and folded[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = l_index + 1
    result = long_form[start:].strip()
    words = result.split()
    if not words or result.lower() == abbreviation.lower():
        return None
    if len(words) > min(len(abbreviation) + 5, len(abbreviation) * 2):
        return None
    if len(words) == 1 and len(result) <= len(abbreviation) + 2:
        return None  # "GGZ (WvGGZ)": one short word is not a definition
    return result


def _initials_used(abbreviation: str, long_form: str) -> bool:
    """Reject long forms where the abbreviation mostly hides inside one word of many.

    "Mediant (GGZ)" never reaches here (no fit); this guards "het grote project van
    de stad (PS)" style matches: with several words, at least two of the abbreviation's
    letters must be word initials (or every word's initial must be used).
    """
    words = [w for w in _WORD.findall(long_form)]
    if len(words) <= 1:
        return True
    initials = [_fold(w)[0] for w in words if w[0].isalnum()]
    letters = [c for c in _fold(abbreviation) if c.isalnum()]
    matched = 0
    position = 0
    for letter in letters:
        for index in range(position, len(initials)):
            if initials[index] == letter:
                matched += 1
                position = index + 1
                break
    return matched >= min(2, len(letters))


def _long_form_before(text: str, end: int, abbreviation: str) -> str | None:
    """The long form that ends at ``end`` in ``text`` (just before the parenthesis)."""
    window = text[max(0, end - 200):end]
    breaks = list(_PHRASE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    words = window.split()
    limit = min(len(abbreviation) + 5, len(abbreviation) * 2)
    candidate = " ".join(words[-limit:])
    if not candidate:
        return None
    found = fits(abbreviation, candidate)
    if found and _initials_used(abbreviation, found):
        return found
    return None


def _long_form_inside(abbreviation: str, inside: str) -> str | None:
    """The long form in ``ABBR (inside)``: the whole parenthesis must be the definition."""
    inside = " ".join(inside.split())
    if re.search(r"[0-9/]", inside) or len(inside.split()) < 2:
        return None
    found = fits(abbreviation, inside)
    if not found or _fold(found) != _fold(inside):
        return None
    return found if _initials_used(abbreviation, found) else None


def _clean(long_form: str) -> str:
    return " ".join(long_form.split()).strip(" ,;-")


def find_definitions(text: str) -> list[tuple[str, str]]:
    """Every ``(abbreviation, long form)`` defined in ``text``, in order of appearance."""
    found: list[tuple[int, str, str]] = []
    for match in _LONG_THEN_ABBR.finditer(text):
        abbreviation = match.group(1)
        if not _looks_like_abbreviation(abbreviation):
            continue
        long_form = _long_form_before(text, match.start(), abbreviation)
        if long_form:
            found.append((match.start(), abbreviation, _clean(long_form)))
    for match in _ABBR_THEN_LONG.finditer(text):
        abbreviation = match.group(1)
        if not _looks_like_abbreviation(abbreviation):
            continue
        long_form = _long_form_inside(abbreviation, match.group(2))
        if long_form:
            found.append((match.start(), abbreviation, _clean(long_form)))
    found.sort(key=lambda item: item[0])
    return [(abbreviation, long_form) for _, abbreviation, long_form in found]


def fiche_texts(fiche: Fiche) -> Iterable[str]:
    """Every piece of running text of a fiche (not its links)."""
    yield fiche.title
    yield fiche.current_line
    for source in fiche.sources:
        yield source.title
    yield fiche.adjustment_moment
    yield fiche.external_changes
    yield from fiche.partners
    yield from fiche.advice
    for area in fiche.policy_areas:
        yield area.area
        yield area.opportunity
        yield area.risk
    yield from fiche.footnotes


# An abbreviation as used in running text: capitals (and digits or &), optionally with a
# plural "'s" ("MFSA's"); mixed-case ones (``WvGGZ``) only count when the dossier defines them.
_USED = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6})(?:[’']s)?(?![\w-])")
_ROMAN = re.compile(r"^[IVXLC]+$")
# Capitalised words a heading may shout that are no abbreviations.
_NOT_ABBREVIATIONS = {"EN", "DE", "HET", "VAN", "OP", "IN", "TE", "EEN", "IS", "OF", "NB", "OK", "JA", "NEE"}
# Words a long form may contain without their initial counting: "Bewegen, Spelen en Sporten".
_CONNECTORS = {"en", "van", "voor", "de", "het", "der", "den", "in", "op", "tot", "met", "&", "of", "te", "aan"}
# Where a phrase ends when looking for a long form anywhere (commas may stand inside one).
_SEGMENT_BREAK = re.compile(r"[.;:!?()\[\]\u2022\uf0b7\u25aa]|\n\s*\n|\s-\s")
_QUOTES = "‘’“”'\"„"


def used_abbreviations(texts: Iterable[str]) -> Counter[str]:
    """Capitalised abbreviations used in ``texts``, with how often."""
    found: Counter[str] = Counter()
    for text in texts:
        for match in _USED.finditer(text or ""):
            token = match.group(1)
            if sum(1 for c in token if c.isalpha()) < 2 or _ROMAN.match(token) or token in _NOT_ABBREVIATIONS:
                continue
            found[token] += 1
    return found


def _initials_spell(abbreviation: str, words: list[str], folded: list[str] | None = None) -> bool:
    """Each word but connectors is capitalised and starts with the next letter of the
    abbreviation, and every letter is used: ``Bewegen, Spelen en Sporten`` for BSS.
    ``folded``: the words folded already (``_fold``)."""
    folded = folded if folded is not None else [_fold(w) for w in words]
    letters = [c for c in _fold(abbreviation) if c.isalpha()]
    content = [(w, f) for w, f in zip(words, folded) if f not in _CONNECTORS]
    if len(content) < 2 or len(content) != len(letters) or folded[-1] in _CONNECTORS:
        return False
    return all(w[:1].isupper() and f[:1] == letter for (w, f), letter in zip(content, letters))


class _Phrases:
    """The phrases of a dossier's texts as word lists (quotes and commas stripped), with the
    places where a capitalised word starts, per folded first letter: ``find_long_form`` looks
    only there."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: list[list[str]] = []
        self.folded: list[list[str]] = []
        self.starts: dict[str, list[tuple[int, int]]] = {}
        for text in texts:
            for segment in _SEGMENT_BREAK.split(text or ""):
                words = [w.strip(_QUOTES + ",") for w in segment.split()]
                words = [w for w in words if w]
                if len(words) < 2:
                    continue
                index = len(self.words)
                self.words.append(words)
                self.folded.append([_fold(w) for w in words])
                for position, word in enumerate(words):
                    if word[:1].isupper():
                        self.starts.setdefault(_fold(word[:1]), []).append((index, position))


def find_long_form(abbreviation: str, texts: Iterable[str], phrases: "_Phrases | None" = None) -> str | None:
    """A phrase anywhere in ``texts`` whose words spell ``abbreviation`` (``Bewegen, Spelen en
    Sporten`` for BSS, ``Nationaal Programma Vitale Regio's`` for NPVR): capitalised words
    whose initials are the abbreviation's letters, connectors (``en``, ``van`` …) between
    them. The most frequent such phrase wins, on a tie the first. Letters hidden inside a
    word (``Multifunctionele sportaccommodatie``) are not guessed: too many false friends."""
    letters = [c for c in _fold(abbreviation) if c.isalpha()]
    # Two letters spell too many phrases, and "B&W" hides its "en": only three or more letters.
    if len(letters) < 3 or not abbreviation.isalpha():
        return None
    phrases = phrases if phrases is not None else _Phrases(texts)
    limit = 2 * len(letters) + 1
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for index, start in phrases.starts.get(letters[0], []):
        words, folded = phrases.words[index], phrases.folded[index]
        for end in range(start + len(letters), min(start + limit, len(words)) + 1):
            phrase_words = words[start:end]
            if _initials_spell(abbreviation, phrase_words, folded[start:end]):
                phrase = " ".join(phrase_words)
                counts[_fold(phrase)] += 1
                shown.setdefault(_fold(phrase), phrase)
                break
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: item[1])[0]  # max keeps the first on a tie
    return shown[best]


def extract_glossary(dossier: Dossier, include_undefined: bool = False) -> list[GlossaryEntry]:
    """The glossary of a dossier, sorted by abbreviation.

    An entry's ``fiches`` are the codes of every fiche that defines or uses the
    abbreviation (as a whole word, same case), in dossier order. When a dossier gives
    several long forms, the most frequent one wins (the first on a tie); the others are
    kept as ``alternatives`` unless they differ only in case.
    """
    expansions: dict[str, Counter[str]] = {}
    first_form: dict[str, dict[str, str]] = {}
    order: dict[str, int] = {}
    for fiche in dossier.fiches:
        for text in fiche_texts(fiche):
            if not text:
                continue
            for abbreviation, long_form in find_definitions(text):
                key = _fold(long_form)
                counter = expansions.setdefault(abbreviation, Counter())
                counter[key] += 1
                first_form.setdefault(abbreviation, {}).setdefault(key, long_form)
                order.setdefault(abbreviation, len(order))
    entries: list[GlossaryEntry] = []
    for abbreviation, counter in expansions.items():
        ranked = sorted(counter.items(), key=lambda item: -item[1])  # stable: first seen wins ties
        forms = first_form[abbreviation]
        expansion = forms[ranked[0][0]]
        alternatives = [forms[key] for key, _ in ranked[1:]]
        pattern = re.compile(r"(?<![\w-])" + re.escape(abbreviation) + r"(?![\w-])")
        fiches = [f.code for f in dossier.fiches
                  if any(text and pattern.search(text) for text in fiche_texts(f))]
        entries.append(GlossaryEntry(abbreviation, expansion, fiches, alternatives))
    # Abbreviations the dossier uses without defining them: a phrase elsewhere that spells
    # them, else listed as not written out.
    all_texts = [text for fiche in dossier.fiches for text in fiche_texts(fiche) if text]
    phrases = _Phrases(all_texts)
    used_per_fiche = [(f.code, used_abbreviations(fiche_texts(f))) for f in dossier.fiches]
    defined = {e.abbreviation for e in entries}
    for abbreviation in used_abbreviations(all_texts):
        if abbreviation in defined:
            continue
        fiches = [code for code, found in used_per_fiche if abbreviation in found]
        long_form = find_long_form(abbreviation, all_texts, phrases)
        if long_form or include_undefined:
            entries.append(GlossaryEntry(abbreviation, long_form or "", fiches, [], "found" if long_form else ""))
    entries.sort(key=lambda e: (_fold(e.abbreviation), e.abbreviation))
    return entries
