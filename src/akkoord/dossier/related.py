"""Cross-references between fiches, resolved against the dossier's own titles.

Every reader calls ``resolve_related`` once on the finished dossier. A reader that saw
more than the fields hold (the text reader sees reference lists between the labels, the
layout readers a loose ``Koppelingen met dossiers: …`` paragraph) passes the phrases it
found per fiche; otherwise they are looked for in the fiche's fields. A phrase names a
fiche by its code, or by (part of) its title, abbreviations expanded (``RES``).

Pure: no I/O, no Django.
"""
from __future__ import annotations

import re

from akkoord.dossier.fields import FUNCTION_WORDS
from akkoord.dossier.glossary import find_definitions
from akkoord.dossier.model import Dossier, Fiche
from akkoord.dossier.readers.template import REFERENCE_LIST_PATTERN, REFERENCE_PATTERN
from akkoord.dossier.textclean import normalise_whitespace

_REFERENCE_LIST = re.compile(REFERENCE_LIST_PATTERN, re.IGNORECASE)
_REFERENCE = re.compile(REFERENCE_PATTERN, re.IGNORECASE)
_TITLE_RELATION = re.compile(r"\b(?:directe\s+)?relatie\s+met\s*:?\s*(.+)$", re.IGNORECASE | re.DOTALL)
# A fiche code at the start of a reference (``3B``, ``3 B Wonen``).
_CODE_START = re.compile(r"^\s*(\d{1,2})\s?([A-Z])(?![\w’'])")


def resolve_related(dossier: Dossier, references: dict[str, list[str]] | None = None, text: str = "") -> None:
    """Set ``related`` of every fiche: the codes of the fiches it names, in order of mention.

    ``references``: per fiche code, the phrases the reader found (a fiche without an entry
    is searched in its fields). ``text``: the whole document, for abbreviations (default:
    the fiches' texts).
    """
    references = references or {}
    texts = {f.code: fiche_text(f) for f in dossier.fiches}
    stop = {dossier.municipality.lower()} if dossier.municipality else set()
    abbr = abbreviations(text or "\n\n".join(texts.values()))
    index = _title_index(dossier.fiches, stop)
    for fiche in dossier.fiches:
        refs = references.get(fiche.code)
        if refs is None:
            refs = find_references(texts[fiche.code], fiche.title)
        related: list[str] = []
        for ref in refs:
            code = (_resolve(ref, index, fiche.code, stop)
                    or _resolve(_expand(ref, abbr), index, fiche.code, stop))
            if code and code not in related:
                related.append(code)
        fiche.related = related


def fiche_text(fiche: Fiche) -> str:
    """The running text of a fiche's fields (paragraphs separated by a blank line)."""
    parts = [fiche.current_line, fiche.adjustment_moment, fiche.external_changes, *fiche.advice,
             *fiche.footnotes, *(f"{p.area} {p.opportunity} {p.risk}" for p in fiche.policy_areas)]
    return "\n\n".join(p for p in parts if p)


def find_references(text: str, title: str = "") -> list[str]:
    """The phrases by which a fiche's ``text`` (and a ``relatie met …`` in its ``title``) names
    other fiches: reference lists (``Koppelingen met dossiers: A, B``) and ``zie fiche …``."""
    refs: list[str] = []
    rel = _TITLE_RELATION.search(title)
    if rel:
        refs.extend(split_reference_list(rel.group(1)))
    flat = re.sub(r"\s+", " ", text)
    for m in _REFERENCE_LIST.finditer(text):
        refs.extend(split_reference_list(m.group(1)))
    for m in _REFERENCE.finditer(flat):
        refs.append(m.group(1) or m.group(2))
    return [r for r in (normalise_whitespace(r) for r in refs) if r]


_NUMBERED_REFERENCE = re.compile(r"\b(?:thema|onderwerp|fiche|paragraaf)\s+(\d{1,2})\.(\d{1,2})\b", re.IGNORECASE)


def numbered_references(text: str) -> list[str]:
    """The codes of the topics ``text`` names by number (``thema 2.3`` → ``2C``: the chapter and
    the n-th letter, as the topic headings of that form are coded)."""
    return [f"{int(m.group(1))}{chr(64 + int(m.group(2)))}" for m in _NUMBERED_REFERENCE.finditer(text)
            if 1 <= int(m.group(2)) <= 26]


def see_also_references(item: str) -> list[str]:
    """The topics a ``Zie ook`` value names: by number (``thema 2.1``) or else by title."""
    return numbered_references(item) or split_reference_list(item)


def split_reference_list(text: str) -> list[str]:
    """``A, B en C`` (also numbered ``1. A 2. B``) → the names."""
    text = re.sub(r"\s+", " ", text)
    parts = re.split(r"\s*(?:[,;]|\b\d{1,2}\s*[.)])\s*|\s+en\s+(?=[A-Z])", text)
    return [p.strip(" .:") for p in parts if p and p.strip(" .:")]


def _fiche_key_title(title: str) -> str:
    rel = _TITLE_RELATION.search(title)
    return title[:rel.start()] if rel else title


# --- resolving ---------------------------------------------------------------------------

_STEM_SUFFIXES = ("en", "s", "e")


def _content_words(text: str, stop: set[str]) -> set[str]:
    out = set()
    for word in re.findall(r"[^\W\d_][\w\-’']*", text.lower()):
        word = word.strip("-’'")
        if len(word) < 3 or word in FUNCTION_WORDS or word in stop:
            continue
        for suffix in _STEM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out


def _title_segments(title: str) -> list[str]:
    """The whole title (without a trailing ``relatie met …``) first, then its parts."""
    key = _fiche_key_title(title)
    parts = [p for p in re.split(r"\s*(?:[:,()&]|\s[-–]\s)\s*", key) if p.strip()]
    return [key] + parts


def abbreviations(text: str) -> dict[str, str]:
    """``Regionale Energiestrategie (RES)`` → ``{"RES": "Regionale Energiestrategie"}``, the
    first definition of each abbreviation (the glossary's own finder)."""
    out: dict[str, str] = {}
    for abbreviation, long_form in find_definitions(text):
        out.setdefault(abbreviation, long_form)
    return out


def _expand(reference: str, abbr: dict[str, str]) -> str:
    return re.sub(r"\b[A-Z][A-Za-z]{1,6}\b", lambda m: abbr.get(m.group(0), m.group(0)), reference)


def _title_index(fiches: list[Fiche], stop: set[str]) -> list[tuple[str, int, set[str]]]:
    """(code, part number, content words) of every title and title part (0 = whole title)."""
    index = []
    for f in fiches:
        for number, seg in enumerate(_title_segments(f.title)):
            words = _content_words(seg, stop)
            if words:
                index.append((f.code, number, words))
    return index


def _resolve(reference: str, index: list[tuple[str, int, set[str]]], own: str, stop: set[str]) -> str | None:
    """The code of the fiche whose title (or a part of it) the reference names.

    A reference that starts with a fiche code (``3B``, ``3 B Wonen``) names that fiche.

    A reference matches a title part when all its words occur in that part, or all words
    of the part occur in the reference (``Energiearmoede en …`` names ``… : Energiearmoede``).
    A reference that covers only part of a title part must name the whole title or its first
    part (``Vredestein`` for ``Apollo Vredestein``), not a piece of a composite title.
    """
    code = _CODE_START.match(reference)
    if code:
        named = code.group(1) + code.group(2)
        return named if named != own and any(c == named for c, _, _ in index) else None
    ref = _content_words(reference, stop)
    if not ref:
        return None
    best, best_score = None, 0.0
    for code, number, words in index:
        if code == own:
            continue
        common = ref & words
        if not common:
            continue
        if not (words <= ref or (ref <= words and number <= 1)):
            continue
        score = len(common) / max(len(ref), len(words))
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 0.5 else None
