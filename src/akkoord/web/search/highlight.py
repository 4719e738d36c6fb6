"""Snippets: a short stretch of the fiche's own text with the matched words in ``<mark>``.

The snippet is cut from the original text (not the analysed one) and every piece of it is
escaped with ``django.utils.html.escape`` before the marks are put around the matched
words, so text from an imported dossier can never inject HTML.
"""
from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from akkoord.dossier import model as core
from akkoord.web.search.analysis import term_spans

WINDOW = 220  # characters of text the matched words should fit in
CONTEXT_BEFORE = 50
LENGTH = 280  # characters of a snippet at most (before adding ellipses)
SNIPPET_FIELDS = 2  # how many candidate fields are read to find the best stretch


def snippet(db_fiche, matched: dict[str, int] | set[str]) -> tuple[str, SafeString]:
    """(Dutch field label, HTML snippet) for a stored fiche and the terms it matched.

    ``matched`` maps each matched term to the bit mask of the fields it occurs in (or is a
    plain set of terms). Without matches, the beginning of the policy line is shown. A match
    in a named section is labelled with that section's heading.
    """
    from akkoord.web.search.indexing import FIELD_INDEX as field_index
    from akkoord.web.search.indexing import FIELDS as fields
    from akkoord.web.search.indexing import field_texts, version_vocabulary

    fiche = db_fiche.to_model()
    texts = field_texts(fiche, version_vocabulary(db_fiche.version))
    masks = matched if isinstance(matched, dict) else {t: ~0 for t in matched}
    terms = set(masks)
    options = []
    for spec in fields:
        if spec.key in ("code", "title"):
            continue
        bit = 1 << field_index[spec.key]
        present = {t for t, m in masks.items() if m & bit}
        if present and texts[spec.key]:
            options.append((len(present), spec.weight, spec, present))
    options.sort(key=lambda o: (o[0], o[1]), reverse=True)
    best = None
    for _, _, spec, present in options[:SNIPPET_FIELDS]:  # the fields with most matched terms
        text = texts[spec.key]
        window = _best_window(text, present)
        if window is None:
            continue
        distinct, count, start = window
        key = (distinct, spec.weight, count)
        if best is None or key > best[0]:
            best = (key, spec, text, start)
    if best is None:
        for key in ("current_line", "advice", "external_changes", "sections"):
            if texts[key]:
                spec = fields[field_index[key]]
                return spec.label, _render(texts[key], 0, terms)
        return "", mark_safe("")
    _, spec, text, start = best
    headings = {"sections": [s.title for s in fiche.sections], "tables": [t.title for t in fiche.tables]}
    return _heading_at(headings.get(spec.key, []), text, start) or spec.label, _render(text, start, terms)


def _heading_at(headings: list[str], text: str, offset: int) -> str:
    """The heading of the named section or table whose part of ``text`` (the field's parts
    joined, each starting with its heading) holds ``offset``."""
    title, position = "", 0
    for heading in headings:
        found = text.find(heading, position) if heading else -1
        if found < 0 or found > offset:
            break
        title, position = heading, found + len(heading)
    return title


def _best_window(text: str, terms: set[str]) -> tuple[int, int, int] | None:
    """(distinct matched terms, matches, start offset) of the densest stretch of text."""
    spans = [(t, s) for t, s, _ in term_spans(text, terms) if t in terms]
    if not spans:
        return None
    best = None
    j = 0
    for i, (_, start) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - start <= WINDOW:
            j += 1
        window = spans[i:j + 1]
        key = (len({t for t, _ in window}), len(window), -start)
        if best is None or key > best[0]:
            best = (key, start)
    (distinct, count, _), start = best
    return distinct, count, start


def _render(text: str, anchor: int, terms: set[str]) -> SafeString:
    start = max(0, anchor - CONTEXT_BEFORE)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and anchor - space <= CONTEXT_BEFORE + 30 else start
    end = min(len(text), start + LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + LENGTH // 2:
            end = space
    piece = text[start:end]
    out = []
    position = 0
    for term, s, e in term_spans(piece, terms):
        if term in terms and s >= position:
            out.append(escape(piece[position:s]))
            out.append(f"<mark>{escape(piece[s:e])}</mark>")
            position = e
    out.append(escape(piece[position:]))
    html = " ".join("".join(out).split())  # line breaks of the source collapse into spaces
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)


def mark_terms(text: str, wanted: set[str]) -> SafeString:
    """All of ``text``, escaped, with the words whose analysed form is in ``wanted`` in ``<mark>``
    (the fiche page opened from a search result shows where the question's words stand)."""
    if not text or not wanted:
        return mark_safe(escape(text or ""))
    out, position = [], 0
    for term, s, e in term_spans(text, wanted):
        if term in wanted and s >= position:
            out.append(escape(text[position:s]))
            out.append(f"<mark>{escape(text[s:e])}</mark>")
            position = e
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def query_terms(query: str) -> set[str]:
    """The analysed words of a search question (what ``mark_terms`` looks for)."""
    from akkoord.web.search.analysis import terms

    return set(terms(query[:300]))
