"""``search()``: ranked fiches for a query, the same on every database.

1. The query is analysed into groups of weighted alternatives (``query.parse``) against the
   index's dictionary, which is cached per index *generation*.
2. The database sums ``weight * idf * impact`` over the postings of all query terms and
   returns the best ``CANDIDATES`` documents that pass the filters (``backend.candidates``).
3. Python rescores those candidates exactly: per group the best alternative, summed, times
   a coordination factor that favours fiches matching more of the question's concepts.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field, replace

from django.utils.safestring import SafeString

from akkoord.web.search import backend
from akkoord.web.search.analysis import fold
from akkoord.web.search.backend import Filters
from akkoord.web.search.models import Abbreviation, Document, IndexState
from akkoord.web.search.query import Alternative, Group, ParsedQuery, Vocabulary, parse

CANDIDATES = 200
COORDINATION_POWER = 2.0
RELATIVE_CUTOFF = 0.08
# Terms in more than this share of all fiches (and at least COMMON_MIN) do not select candidates.
COMMON_SHARE = 0.05
COMMON_MIN = 50
RETRIEVAL_FALLBACK_TERMS = 3
PROXIMITY_DEPTH = 20  # how many of the best candidates are checked for words standing together
PROXIMITY_BONUS = 0.3  # score factor 1.3 when every pair of consecutive words stands together  # results scoring below this fraction of the best are left out


@dataclass
class Statistics:
    """What ranking and query analysis know of the fiches one group of searchers may read:
    the term dictionary (compound splitting, spelling), the number of fiches, document
    frequencies and the filter values. Computed from those fiches only, so that no answer,
    count or choice depends on text the searcher may not read."""

    version_ids: tuple[int, ...] | None  # None: every indexed version
    vocabulary: Vocabulary
    document_count: int
    chapters: list[str]
    years: list[str]
    document_frequencies: dict[int, int] = field(default_factory=dict)  # filled as queries need them

    def frequencies(self, term_ids) -> dict[int, int]:
        """Document frequencies of the given terms (absent: in no readable fiche)."""
        known = self.document_frequencies
        missing = [t for t in term_ids if t not in known]
        if missing:
            found = backend.document_frequencies(missing, self.version_ids)
            known.update({t: found.get(t, 0) for t in missing})
        return {t: known[t] for t in term_ids if known[t]}


@dataclass
class IndexSnapshot:
    """The index at one generation; statistics per set of readable versions, made on demand."""

    generation: str
    abbreviations: list[tuple[int, str, str]]  # (version_id, folded abbreviation, expansion)
    version_ids: set[int]  # the indexed versions
    chapters_by_version: dict[int, set[str]]
    years_by_version: dict[int, set[str]]
    _statistics: dict[tuple[int, ...] | None, Statistics] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def key(self, visible) -> tuple[int, ...] | None:
        if visible is None or self.version_ids <= set(visible):
            return None
        return tuple(sorted(self.version_ids & {int(v) for v in visible}))

    def statistics(self, visible=None) -> Statistics:
        """The statistics of the fiches in ``visible`` (version ids; None: all indexed)."""
        key = self.key(visible)
        found = self._statistics.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._statistics.get(key)
            if found is None:
                versions = self.version_ids if key is None else set(key)
                chapters = set().union(*(self.chapters_by_version.get(v, set()) for v in versions)) - {""}
                years = set().union(*(self.years_by_version.get(v, set()) for v in versions))
                found = Statistics(key, Vocabulary(dict(backend.all_terms(key))), backend.document_count(key),
                                   sorted(chapters, key=lambda c: (len(c), c)), sorted(years))
                if len(self._statistics) > 32:  # a handful of reader groups; never grows without bound
                    self._statistics.clear()
                self._statistics[key] = found
            return found


_lock = threading.Lock()
_snapshot: IndexSnapshot | None = None


def snapshot() -> IndexSnapshot:
    """The cached view of the index, reloaded when the index generation changed."""
    global _snapshot
    generation = IndexState.objects.filter(key="index").values_list("generation", flat=True).first() or ""
    current = _snapshot
    if current is not None and current.generation == generation:
        return current
    with _lock:
        current = _snapshot
        if current is not None and current.generation == generation:
            return current
        abbreviations = list(Abbreviation.objects.values_list("version_id", "folded", "expansion"))
        chapters: dict[int, set[str]] = {}
        years: dict[int, set[str]] = {}
        for version_id, chapter, value in Document.objects.values_list("version_id", "chapter", "years").distinct():
            chapters.setdefault(version_id, set()).add(chapter)
            years.setdefault(version_id, set()).update(y for y in value.split("|") if y)
        _snapshot = IndexSnapshot(generation, abbreviations, set(chapters), chapters, years)
        return _snapshot


def filter_values(version_ids) -> tuple[list[str], list[str]]:
    """The chapters and years a searcher can filter on: those of the versions they may read."""
    stats = snapshot().statistics(version_ids)
    return stats.chapters, stats.years


@dataclass
class Hit:
    document_id: int
    fiche_id: int
    code: str
    score: float
    matched: dict[str, int] = field(default_factory=dict)  # term → field bit mask
    fiche: object = None  # the dossiers.Fiche, loaded for the page of results
    snippet: SafeString | None = None
    snippet_label: str = ""


@dataclass
class Results:
    query: ParsedQuery
    hits: list[Hit]
    total: int
    offset: int = 0


def idf(document_count: int, df: int) -> float:
    return math.log(1 + (document_count - df + 0.5) / (df + 0.5))


def newest_version_ids() -> list[int]:
    """For each dossier, its newest indexed version (for the command line)."""
    best: dict[int, tuple[int, int]] = {}
    rows = Document.objects.values_list("dossier_id", "version_id", "version__number").distinct()
    for dossier_id, version_id, number in rows:
        if dossier_id not in best or number > best[dossier_id][0]:
            best[dossier_id] = (number, version_id)
    return [v for _, v in best.values()]


def search(text: str, *, version_ids=None, ambition: str = "", chapter: str = "", partner: str = "",
           year: str = "", dossier_id: int | None = None, field: str = "", limit: int = 20, offset: int = 0,
           load_fiches: bool = True) -> Results:
    """Search the index. ``version_ids``: the dossier versions the user may see (None: all);
    ``dossier_id``: one dossier only; ``field``: only words found in that field (indexing.FIELDS)."""
    snap = snapshot()
    visible = None if version_ids is None else tuple(sorted(int(v) for v in version_ids))
    stats = snap.statistics(visible)
    from akkoord.web.search.indexing import FIELD_INDEX

    mask = (1 << FIELD_INDEX[field]) if field in FIELD_INDEX else 0
    filters = Filters(visible, ambition=ambition, chapter=chapter, partner=fold(partner).strip(), year=year,
                      dossier_id=dossier_id, fields_mask=mask)
    abbreviations: dict[str, list[str]] = {}
    for version_id, folded, expansion in snap.abbreviations:
        if visible is None or version_id in visible:
            bucket = abbreviations.setdefault(folded, [])
            if expansion not in bucket:
                bucket.append(expansion)
    parsed = parse(text or "", stats.vocabulary, abbreviations)

    if parsed.empty:
        if text and text.strip():
            return Results(parsed, [], 0, offset)
        ids, total = backend.filtered_documents(filters, offset + limit)
        hits = [Hit(d, 0, "", 0.0) for d in ids[offset:offset + limit]]
        return _finish(Results(parsed, hits, total, offset), load_fiches)

    ids = stats.vocabulary.ids
    term_ids = {t: ids[t] for t in parsed.terms() if t in ids}
    dfs = stats.frequencies(list(term_ids.values()))
    n = max(stats.document_count, 1)
    idfs = {t: idf(n, dfs.get(i, 0)) for t, i in term_ids.items() if dfs.get(i, 0) > 0}
    groups = [_weigh(g, idfs) for g in parsed.groups if any(t in idfs for t in g.terms())]

    sql_weights: dict[int, float] = {}
    for group in groups:
        for alt, term_idfs in group.alternatives:
            for t, value in zip(alt.terms, term_idfs):
                if value > 0:
                    tid = term_ids[t]
                    sql_weights[tid] = max(sql_weights.get(tid, 0.0), alt.weight * value / len(alt.terms))
    # Candidate retrieval leaves out terms found in a large share of all fiches (they say
    # little and are the bulk of the postings) unless nothing else is left; the candidates'
    # scores below still count them.
    common = max(COMMON_MIN, int(n * COMMON_SHARE))
    retrieval = {t: w for t, w in sql_weights.items() if dfs.get(t, 0) <= common}
    if not retrieval:
        rarest = sorted(sql_weights, key=lambda t: dfs.get(t, 0))[:RETRIEVAL_FALLBACK_TERMS]
        retrieval = {t: sql_weights[t] for t in rarest}
    if visible is not None and snap.version_ids <= set(visible):
        filters = replace(filters, version_ids=None)  # every indexed version is visible: no filter needed
    candidates = backend.candidates(retrieval, filters, CANDIDATES)
    if not candidates:
        return Results(parsed, [], 0, offset)

    by_id = {i: t for t, i in term_ids.items()}
    matches: dict[int, dict[str, tuple[float, int]]] = {}
    for doc, tid, impact, fields in backend.postings([d for d, _ in candidates], sql_weights):
        if mask and not fields & mask:
            continue  # the word is in this fiche, but not in the field asked for
        matches.setdefault(doc, {})[by_id[tid]] = (impact, fields if not mask else fields & mask)

    # Where each term is used: (group, alternative, position in the alternative).
    uses: dict[str, list[tuple[int, int, int]]] = {}
    for g, group in enumerate(groups):
        for a, (alt, _) in enumerate(group.alternatives):
            for i, t in enumerate(alt.terms):
                uses.setdefault(t, []).append((g, a, i))
    full = sum(g.importance for g in groups) or 1.0
    scored = []
    for doc, _ in candidates:
        found = matches.get(doc, {})
        sums: dict[tuple[int, int], list] = {}
        for t, (impact, _) in found.items():
            for g, a, i in uses.get(t, ()):
                entry = sums.setdefault((g, a), [0.0, 0])
                entry[0] += groups[g].alternatives[a][1][i] * impact
                entry[1] += 1
        best: dict[int, float] = {}
        for (g, a), (value, count) in sums.items():
            alt = groups[g].alternatives[a][0]
            # Several words: the user's own phrase counts in part; a phrase standing in
            # for it (related term, long form, split compound) only when complete.
            if alt.kind != "word" and count < len(alt.terms):
                continue
            score = alt.weight * value / len(alt.terms)
            if score > best.get(g, 0.0):
                best[g] = score
        total = sum(best.values())
        covered = sum(groups[g].importance for g, v in best.items() if v > 0)
        total *= (covered / full) ** COORDINATION_POWER
        scored.append([total, doc, {t: m for t, (_, m) in found.items()}])
    scored.sort(key=lambda s: (-s[0], s[1]))
    fiches = _proximity(scored[:PROXIMITY_DEPTH], groups)
    scored.sort(key=lambda s: (-s[0], s[1]))
    if scored:
        floor = scored[0][0] * RELATIVE_CUTOFF
        scored = [s for s in scored if s[0] > 0 and s[0] >= floor]
    hits = [Hit(doc, 0, "", round(score, 4), matched) for score, doc, matched in scored[offset:offset + limit]]
    results = Results(parsed, hits, len(scored), offset)
    return _finish(results, load_fiches, fiches)


@dataclass
class WeighedGroup:
    group: Group
    alternatives: list[tuple[Alternative, list[float]]]  # with the idf used for each term
    importance: float  # weight in the coordination factor


def _weigh(group: Group, idfs: dict[str, float]) -> WeighedGroup:
    """The idf each term of each alternative counts with.

    Words that stand in for each other count as one concept, as with synonyms in BM25: all
    take the idf of the most common of them (so that the user's rare word does not beat a
    common synonym used throughout a fiche), and a compound found from the user's word
    never counts more than that word.
    """
    singles = [idfs[a.terms[0]] for a in group.alternatives
               if len(a.terms) == 1 and a.kind in ("word", "related") and a.terms[0] in idfs]
    cap = min(singles) if singles else math.inf
    weighed = []
    for alt in group.alternatives:
        limit = min(cap, idfs.get(alt.base, math.inf))
        weighed.append((alt, [min(idfs.get(t, 0.0), limit) for t in alt.terms]))
    # How much the concept weighs in the coordination factor (a question matched on
    # 'mensen' only is hardly matched): its best alternative's rarest term.
    importance = max((alt.weight * min(v) for alt, v in weighed), default=0.0)
    return WeighedGroup(group, weighed, importance)


def _user_terms(group: WeighedGroup) -> set[str]:
    return {t for alt, _ in group.alternatives if alt.kind in ("word", "joined") for t in alt.terms}


def _proximity(top: list[list], groups: list[WeighedGroup]) -> dict[int, object]:
    """Raise the score of fiches where consecutive words of the question stand together
    (at most one word apart, either order, in one field). Returns the fiches it loaded."""
    pairs = [(_user_terms(a), _user_terms(b)) for a, b in zip(groups, groups[1:])]
    pairs = [(a, b) for a, b in pairs if a and b]
    if not pairs or not top:
        return {}
    wanted = {t for a, b in pairs for t in a | b}
    from akkoord.web.dossiers.models import Fiche
    from akkoord.web.search.analysis import term_spans
    from akkoord.web.search.indexing import FIELDS, stored_field_texts

    rows = dict(Document.objects.filter(pk__in=[s[1] for s in top]).values_list("pk", "fiche_id"))
    fiches = Fiche.objects.select_related("version__dossier").in_bulk(list(rows.values()))
    for entry in top:
        _, doc, matched = entry
        fiche = fiches.get(rows.get(doc))
        if fiche is None:
            continue
        texts, analysed, found = None, {}, 0
        for a, b in pairs:
            mask_a = 0
            for t in a:
                mask_a |= matched.get(t, 0)
            mask_b = 0
            for t in b:
                mask_b |= matched.get(t, 0)
            common = mask_a & mask_b
            if not common:
                continue
            texts = texts or stored_field_texts(fiche)
            for i, spec in enumerate(FIELDS):
                if not common & (1 << i):
                    continue
                if spec.key not in analysed:
                    analysed[spec.key] = [t for t, _, _ in term_spans(texts[spec.key], wanted)]
                if _near(analysed[spec.key], a, b):
                    found += 1
                    break
        if found:
            entry[0] *= 1 + PROXIMITY_BONUS * found / len(pairs)
    return {doc: fiches.get(rows.get(doc)) for _, doc, _ in top}


def _near(sequence: list[str], a: set[str], b: set[str]) -> bool:
    last_a = last_b = -10
    for i, t in enumerate(sequence):
        if t in a:
            if i - last_b <= 2:
                return True
            last_a = i
        if t in b:
            if i - last_a <= 2:
                return True
            last_b = i
    return False


def _finish(results: Results, load_fiches: bool, loaded: dict | None = None) -> Results:
    """Attach codes (and, for pages, the fiches and their snippets) to the hits."""
    if not results.hits:
        return results
    rows = Document.objects.filter(pk__in=[h.document_id for h in results.hits]).values_list("pk", "fiche_id", "code")
    info = {pk: (fiche_id, code) for pk, fiche_id, code in rows}
    for hit in results.hits:
        hit.fiche_id, hit.code = info.get(hit.document_id, (0, ""))
    if load_fiches:
        from akkoord.web.dossiers.models import Fiche
        from akkoord.web.search.highlight import snippet

        loaded = {f.pk: f for f in (loaded or {}).values() if f is not None}
        missing = [h.fiche_id for h in results.hits if h.fiche_id not in loaded]
        if missing:
            loaded.update(Fiche.objects.select_related("version__dossier").in_bulk(missing))
        for hit in results.hits:
            hit.fiche = loaded.get(hit.fiche_id)
            if hit.fiche is not None:
                hit.snippet_label, hit.snippet = snippet(hit.fiche, hit.matched)
    return results
