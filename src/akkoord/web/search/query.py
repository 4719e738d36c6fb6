"""Query analysis: from the words a negotiator types to weighted groups of index terms.

A query becomes a list of *groups*, one per concept the user asked about (a word, or a
phrase from the related-terms table). Each group has *alternatives*: the user's own word
(weight 1), its related terms and the long form of an abbreviation the dossier defines,
compounds in the index that contain the word (``congestie`` → ``netcongestie``), the parts
of a compound the index only knows separately (``jeugdzorgtekort`` → ``jeugdzorg`` +
``tekort``), and, for a word the index does not know at all, its nearest spelling. A
document's score for a group is that of its best alternative; the engine adds the groups.
"""
from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from akkoord.web.search.analysis import QUERY_STOP_WORDS, _words, fold, keep, stem
from akkoord.web.search.synonyms import RELATED_GROUPS

# Weights of the kinds of alternatives, relative to the user's own word.
W_RELATED = 0.6
W_ABBREVIATION = 0.9
W_COMPOUND_HEAD = 0.6  # index term ends with the word: personeelstekort for tekort
W_COMPOUND_MODIFIER = 0.45  # index term starts with the word: jeugdzorgaanbieder for jeugdzorg
W_SPLIT = 0.9  # the word split into two index terms
W_SPELLING = 0.6
W_JOINED = 0.9  # two adjacent words found as one compound
W_HEAD = 0.6  # an unknown compound's last part: bandenfabriek → fabriek
W_MODIFIER = 0.5  # an unknown compound's first part: vuurwerkverkopers → vuurwerkverbod, vuurwerkshow
MAX_COMPOUNDS = 25  # per word and direction
MIN_COMPOUND_BASE = 5  # shorter stems (zorg, won) match too many compounds
# Bounds on the work one query may cost (anyone can send one): the expansions below loop
# over a word's letters and stem every piece, so a long word costs the square of its length.
MAX_QUERY_CHARS = 300  # the search form's limit, for every caller
MAX_WORD_LENGTH = 40  # longer words are cut (the longest Dutch compounds in dossiers are ~35)
MAX_QUERY_WORDS = 12  # words that carry a topic; the rest of a longer question is ignored


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]
    weight: float
    kind: str  # "word", "related", "abbreviation", "compound", "split", "spelling", "joined", "head"
    # For a compound found from the user's word: that word. A compound never weighs more
    # than the word it was found from (its idf is capped by the word's).
    base: str = ""


@dataclass
class Group:
    label: str  # what the user typed for this concept
    alternatives: list[Alternative] = field(default_factory=list)
    word: str = ""  # the folded word, for a group of one word

    def add(self, alternative: Alternative) -> None:
        if not alternative.terms:
            return
        for i, existing in enumerate(self.alternatives):
            if existing.terms == alternative.terms:
                if alternative.weight > existing.weight:
                    self.alternatives[i] = alternative
                return
        self.alternatives.append(alternative)

    def terms(self) -> set[str]:
        return {t for a in self.alternatives for t in a.terms}


@dataclass
class ParsedQuery:
    text: str
    groups: list[Group]

    @property
    def empty(self) -> bool:
        return not any(g.alternatives for g in self.groups)

    def terms(self) -> set[str]:
        return {t for g in self.groups for t in g.terms()}


class Vocabulary:
    """The index's term dictionary, for compound and spelling expansion."""

    def __init__(self, terms: dict[str, int]):
        self.ids = terms
        self.sorted = sorted(terms)
        self.reversed = sorted(t[::-1] for t in terms)
        self.by_start: dict[str, list[str]] = {}
        for t in self.sorted:
            self.by_start.setdefault(t[:2], []).append(t)

    def __contains__(self, term: str) -> bool:
        return term in self.ids

    def is_word(self, part: str) -> bool:
        """Whether a piece of a compound is a word of the index, allowing for the linking
        sounds of Dutch compounds (woning-s-tekort, band-en-fabriek) and inflection."""
        if len(part) < 3:
            return False
        options = {part, stem(part)}
        if part.endswith("s") and len(part) > 4:
            options.add(part[:-1])
        if part.endswith("en") and len(part) > 5:
            options.update({part[:-2], stem(part[:-2])})
        if part.endswith("e") and len(part) > 4:
            options.add(part[:-1])
        return any(o in self.ids for o in options)

    def starting_with(self, base: str) -> list[str]:
        """Compounds of the index that start with ``base`` followed by another word
        (jeugdzorg → jeugdzorgaanbieder), or its -ing derivation (sluit → sluiting)."""
        i = bisect.bisect_left(self.sorted, base)
        out = []
        while i < len(self.sorted) and self.sorted[i].startswith(base):
            rest = self.sorted[i][len(base):]
            if rest in ("ing", "ingen") or (len(rest) >= 3 and (len(base) >= 6 or self.is_word(rest))):
                out.append(self.sorted[i])
            i += 1
        return out

    def ending_with(self, base: str) -> list[str]:
        """Compounds of the index whose head is ``base`` (tekort → personeelstekort), where
        what comes before is a word itself (not: sluit → besluit)."""
        rev = base[::-1]
        i = bisect.bisect_left(self.reversed, rev)
        out = []
        while i < len(self.reversed) and self.reversed[i].startswith(rev):
            term = self.reversed[i][::-1]
            if len(term) >= len(base) + 3 and self.is_word(term[:-len(base)]):
                out.append(term)
            i += 1
        return out

    def head(self, term: str) -> str | None:
        """The longest index word that ends ``term`` (bandenfabriek → fabriek)."""
        for i in range(3, len(term) - 4):
            if term[i:] in self.ids:
                return term[i:]
        return None

    def modifier(self, term: str) -> list[str]:
        """For a compound the index does not know, the index terms that share its first
        part (vuurwerkverkoper → vuurwerkverbod, vuurwerkshow): the longest start of at
        least five letters, leaving at least three, that is an index word itself or where
        index compounds branch off (a word boundary), allowing for a linking s."""
        for i in range(len(term) - 3, 4, -1):
            left = term[:i]
            if left in self.ids:
                return [left]
            if left.endswith("s") and left[:-1] in self.ids and len(left) > 5:
                return [left[:-1]]
            j = bisect.bisect_left(self.sorted, left)
            found, next_letters = [], set()
            while j < len(self.sorted) and self.sorted[j].startswith(left):
                rest = self.sorted[j][i:]
                if len(rest) >= 3:
                    found.append(self.sorted[j])
                    next_letters.add(rest[0])
                j += 1
            if len(next_letters) >= 2:
                return sorted(found, key=len)[:MAX_COMPOUNDS]
        return []

    def completions(self, base: str, extra: int = 4) -> list[str]:
        """Index terms that are ``base`` or ``base`` plus at most ``extra`` letters."""
        i = bisect.bisect_left(self.sorted, base)
        out = []
        while i < len(self.sorted) and self.sorted[i].startswith(base):
            if len(self.sorted[i]) <= len(base) + extra:
                out.append(self.sorted[i])
            i += 1
        return out

    def split(self, term: str) -> tuple[str, str] | None:
        """Two index terms that make up ``term`` (a compound), longest head first."""
        best = None
        for i in range(3, len(term) - 2):
            left, right = term[:i], term[i:]
            right_options = [right, stem(right)]
            left_options = [left, stem(left)]
            if left.endswith("s") and len(left) > 4:  # linking s: woningstekort
                left_options.append(left[:-1])
            if left.endswith("en") and len(left) > 5:  # linking en: bandenfabriek
                left_options.append(left[:-2])
            r = next((o for o in right_options if o in self.ids and len(o) >= 3), None)
            l_ = next((o for o in left_options if o in self.ids and len(o) >= 3), None)
            if r and l_:
                score = min(len(l_), len(r))
                if best is None or score > best[0]:
                    best = (score, l_, r)
        return (best[1], best[2]) if best else None

    def spelling(self, term: str) -> list[str]:
        """Near spellings of a word the index does not know (typing errors)."""
        if len(term) < 6:
            return []
        pool = self.by_start.get(term[:2], [])
        pool = [t for t in pool if abs(len(t) - len(term)) <= 2]
        return difflib.get_close_matches(term, pool, n=2, cutoff=0.88)


def _phrase_terms(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w, _, _ in _words(fold(phrase)) if keep(w, QUERY_STOP_WORDS))


@lru_cache(maxsize=1)
def _related_index() -> tuple[dict[tuple[str, ...], list[int]], int]:
    """Term sequence of every member phrase → the groups it belongs to; longest phrase length."""
    index: dict[tuple[str, ...], list[int]] = {}
    longest = 1
    for n, group in enumerate(RELATED_GROUPS):
        for member in group:
            key = _phrase_terms(member)
            if key:
                index.setdefault(key, []).append(n)
                longest = max(longest, len(key))
    return index, longest


def _related_alternatives(key: tuple[str, ...]) -> list[Alternative]:
    index, _ = _related_index()
    out = []
    for n in index.get(key, []):
        for member in RELATED_GROUPS[n]:
            terms = _phrase_terms(member)
            if terms and terms != key:
                out.append(Alternative(terms, W_RELATED, "related"))
    return out


_UPPER_TOKEN = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*|[A-Z]{2,}")


def parse(text: str, vocabulary: Vocabulary | None = None,
          abbreviations: dict[str, list[str]] | None = None) -> ParsedQuery:
    """Analyse a query. ``abbreviations`` maps a folded abbreviation to its long forms."""
    abbreviations = abbreviations or {}
    text = text[:MAX_QUERY_CHARS]
    folded = fold(text)
    raw_words = [w[:MAX_WORD_LENGTH] for w, _, _ in _words(folded)]
    if vocabulary is not None:
        raw_words = _join_particles(raw_words, vocabulary)
    # Abbreviations written in capitals by the user count even when they are stop words (OM).
    capitals = {fold(m.group()) for m in _UPPER_TOKEN.finditer(text)}
    if vocabulary is not None:
        raw_words = _join_frame_words(raw_words, vocabulary)
    words: list[tuple[str, str]] = []  # (folded word, term)
    for w in raw_words:
        if w in abbreviations and (w in capitals or keep(w, QUERY_STOP_WORDS)):
            words.append((w, stem(w)))
        elif keep(w, QUERY_STOP_WORDS):
            words.append((w, stem(w)))
        if len(words) >= MAX_QUERY_WORDS:
            break
    index, longest = _related_index()
    words = _join_related(words, index)
    groups: list[Group] = []
    i = 0
    while i < len(words):
        # The longest phrase of the related-terms table that starts here.
        matched = 0
        for n in range(min(longest, len(words) - i), 1, -1):
            key = tuple(t for _, t in words[i:i + n])
            if key in index:
                matched = n
                break
        if matched:
            key = tuple(t for _, t in words[i:i + matched])
            group = Group(" ".join(w for w, _ in words[i:i + matched]))
            group.add(Alternative(key, 1.0, "word"))
            for alt in _related_alternatives(key):
                group.add(alt)
            groups.append(group)
            i += matched
            continue
        word, term = words[i]
        group = Group(word, word=word)
        group.add(Alternative((term,), 1.0, "word"))
        for alt in _related_alternatives((term,)):
            group.add(alt)
        for expansion in abbreviations.get(word, []):
            group.add(Alternative(_phrase_terms(expansion), W_ABBREVIATION, "abbreviation"))
        groups.append(group)
        i += 1
    groups = _merge_related(_unique(groups))
    if vocabulary is not None:
        for group in groups:
            _expand(group, vocabulary)
        # Two words the user wrote apart that the dossier writes as one (buiten slapen → buitenslapers).
        for left, right in zip(groups, groups[1:]):
            if left.word and right.word:
                joined = stem(left.word + right.word)
                for t in vocabulary.completions(joined):
                    for group in (left, right):
                        group.add(Alternative((t,), W_JOINED, "joined"))
    return ParsedQuery(text, [g for g in groups if g.alternatives])


# Particles of Dutch separable verbs that are no topic of their own: "werken we samen" is
# samenwerken, "betaalt de provincie mee" meebetalen. (Not "aan", "uit" and the like: "hoe
# pakken we armoede aan" asks about armoede, not about aanpak.)
PARTICLES = frozenset({"samen", "mee"})
PARTICLE_REACH = 4  # how many words before the particle its verb may stand


def _join_particles(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """Put a separable verb together again when the index knows the whole verb."""
    out = list(words)
    for i in range(len(out) - 1, 0, -1):
        particle = out[i]
        if particle not in PARTICLES:
            continue
        for j in range(i - 1, max(i - 1 - PARTICLE_REACH, -1), -1):
            verb = out[j]
            if verb in QUERY_STOP_WORDS or len(verb) < 3:
                continue
            if stem(particle + verb) in vocabulary:
                out[j] = particle + verb
                del out[i]
                break
    return out


def _join_frame_words(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """A word of the question's frame (komen, staan) that forms one index word with its
    neighbour (rond komen → rondkomen) is kept, joined, before the frame words are dropped.
    Stop words between the two are skipped over and left in place."""
    index, _ = _related_index()
    out = list(words)
    kept = [i for i, w in enumerate(out) if keep(w)]
    n = 0
    while n < len(kept) - 1:
        a, b = kept[n], kept[n + 1]
        if (out[a] in QUERY_STOP_WORDS) != (out[b] in QUERY_STOP_WORDS):
            term = stem(out[a] + out[b])
            if term in vocabulary or (term,) in index:
                out[a], out[b] = out[a] + out[b], ""
                n += 2
                continue
        n += 1
    return [w for w in out if w]


def _join_related(words: list[tuple[str, str]], index: dict) -> list[tuple[str, str]]:
    """Two words the user wrote apart that the related-terms table writes as one
    (stroom uitvalt → stroomuitval), allowing for a verb's -t."""
    out = list(words)
    i = 0
    while i < len(out) - 1:
        (left, t1), (right, t2) = out[i], out[i + 1]
        if (t1, t2) not in index:
            options = [left + right] + ([left + right[:-1]] if right.endswith("t") else [])
            joined = next((w for w in options if (stem(w),) in index), None)
            if joined:
                out[i:i + 2] = [(joined, stem(joined))]
        i += 1
    return out


def _unique(groups: list[Group]) -> list[Group]:
    """A word asked twice ("wijk voor wijk") is one concept."""
    seen, out = set(), []
    for group in groups:
        key = tuple(sorted(a.terms for a in group.alternatives if a.kind == "word"))
        if key not in seen:
            seen.add(key)
            out.append(group)
    return out


def _merge_related(groups: list[Group]) -> list[Group]:
    """Words of one question that stand in for each other form one concept ("crisis of oorlog")."""
    merged: list[Group] = []
    for group in groups:
        own = {a.terms for a in group.alternatives if a.kind == "word"}
        target = next((g for g in merged if own & {a.terms for a in g.alternatives if a.kind == "related"}), None)
        if target is None:
            merged.append(group)
            continue
        target.label = f"{target.label} {group.label}"
        target.word = ""
        for alt in group.alternatives:
            target.add(alt)
    return merged


def _expand(group: Group, vocabulary: Vocabulary) -> None:
    """Add compounds, compound parts and spelling variants from the index's dictionary."""
    for alt in list(group.alternatives):
        if len(alt.terms) != 1 or alt.kind not in ("word", "related", "abbreviation"):
            continue
        term = alt.terms[0]
        compounds = 0
        if len(term) >= MIN_COMPOUND_BASE and (alt.kind == "word" or term not in vocabulary):
            heads = sorted(vocabulary.ending_with(term), key=len)[:MAX_COMPOUNDS]
            for t in heads:
                group.add(Alternative((t,), alt.weight * W_COMPOUND_HEAD, "compound", term))
            modifiers = sorted(vocabulary.starting_with(term), key=len)[:MAX_COMPOUNDS]
            for t in modifiers:
                group.add(Alternative((t,), alt.weight * W_COMPOUND_MODIFIER, "compound", term))
            compounds = len(heads) + len(modifiers)
        if term in vocabulary:
            continue
        parts = vocabulary.split(term) if len(term) >= 6 else None
        if parts:
            group.add(Alternative(parts, alt.weight * W_SPLIT, "split"))
            continue
        if alt.kind != "word" or compounds:
            continue
        spelled = vocabulary.spelling(term)
        for t in spelled:
            group.add(Alternative((t,), alt.weight * W_SPELLING, "spelling"))
        head = vocabulary.head(term) if len(term) >= 8 and not spelled else None
        if head:
            group.add(Alternative((head,), alt.weight * W_HEAD, "head"))
        for t in vocabulary.modifier(term) if len(term) >= 8 and not spelled else ():
            group.add(Alternative((t,), alt.weight * W_MODIFIER, "head"))
