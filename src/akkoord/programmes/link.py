"""Linking programme passages to the fiches of the dossier and to each fiche's advice items.

The words of a passage and of each fiche go through the dossier search's own analysis
(``akkoord.web.search.analysis``: folding, stop words, the Snowball stemmer); the dossier's
glossary (``akkoord.dossier.glossary``) adds the long form of every abbreviation, and the
search's related-term groups (``akkoord.web.search.synonyms``) add the words negotiators
use for what a dossier calls otherwise. Dutch compounds match their parts and the other way
round (``energieprijzen`` meets ``energie``; ``jeugdzorg`` meets ``jeugdzorgaanbieders``).

Score of a passage for a fiche: Okapi BM25 with the fiches as documents (a word that only one
fiche uses weighs most; a word every fiche uses weighs nothing), each fiche field weighted
(title and advice above background text), and each word further weighted down when a large
share of all passages uses it (programme boilerplate such as *willen*, *inwoners* or the
municipality's name). Proper names (a capital inside a sentence: places, parties, people) weigh
less, unless only one fiche uses the name (a project). The passage's heading, its chapter and,
for a bullet, the lead-in of its list (``Wij willen:``) count at lower weights.

Whether a passage is about its best fiche at all is decided from several signals
(``Linker.signals``, weighed by ``about_a_fiche``: a logistic model whose weights were fitted on
eight development sets by eight authors over two dossiers, see benchmarks/programmes_fit.py and
DECISION_THRESHOLD for how the threshold was chosen): the score and the score of the
passage's own words, in units of a word that only one fiche uses; the share of the passage's
content that the fiche explains; whether a word of the fiche's title is among them; the share of
the other passages under the same heading linked to that fiche (a first pass over all passages
gives each passage its section); whether nothing else in the section links; the passage's
length; its position in its programme (the opening passages introduce the party); what the
passage scores on the words the fiche uses more than in passing (a long fiche mentions many
subjects once). Each programme has its own baseline (``programme_baselines``): how far the median of its
passages' decision values lies from that of the development sets, three quarters of which is taken off,
so the decision adapts to an author's style. A link further needs the minimum fiche score and
a word of the passage's own. A heading without words of substance (``Wat wij willen``) gives
way to its chapter as the passage's subject (``Linker.subject``). Other fiches among
the best three join under the fixed gates of ``_gated``. So a passage that concerns no fiche
stays unlinked. The reasons are the passage's words that carried the score, strongest first,
plus the heading when the section carried a weak link.

Advice items (the decision points) of a linked fiche are scored the same way against the
passage; the best ones above their own threshold are returned with their reasons.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from akkoord.dossier.glossary import GlossaryEntry, extract_glossary
from akkoord.dossier.model import Dossier, Fiche
from akkoord.programmes.split import Passage
from akkoord.programmes.vocabulary import POLICY_GROUPS
from akkoord.web.search.analysis import STOP_WORDS, _words, fold, keep, stem
from akkoord.web.search.synonyms import RELATED_GROUPS

# Field weights of a fiche.
FIELD_WEIGHTS = {"title": 3.0, "advice": 2.0, "current_line": 1.0, "policy_areas": 1.0,
                 "external_changes": 0.7, "adjustment_moment": 0.4, "partners": 0.5, "sources": 0.5}
BM25_K1 = 1.2
BM25_B = 0.5
# Weights of the ways a passage word can meet a fiche word.
W_EXACT = 1.0
W_ABBREVIATION = 0.9
W_COMPOUND_HEAD = 0.6  # passage word ends with the fiche word: energieprijzen → prijs
W_COMPOUND_MODIFIER = 0.5  # passage word starts with the fiche word: energieprijzen → energie
W_PART_OF = 0.5  # the fiche word is a compound holding the passage word: jeugdzorgaanbieder ← jeugdzorg
W_RELATED = 0.5
W_ENGLISH = 0.8
W_HEADING = 0.3
W_CHAPTER = 0.2  # the chapter heading above a subheading
W_LEAD_IN = 0.3  # the lead-in sentence of a list ("Wij willen dat de gemeente:") for its bullets
W_NAME = 0.4  # a proper name (capital inside a sentence): a place or a party, not a subject
MIN_COMPOUND_BASE = 5
# Linking thresholds (score units of the BM25 sum above).
FICHE_THRESHOLD = 2.5
RELATIVE_TO_BEST = 0.5  # points: at least this share of the best point's score
FICHE_RELATIVE = 0.35  # further fiches: at least this share of the best fiche's score
# Below CLEAR_SCORE, the best fiche must score MIN_MARGIN times the second.
CLEAR_SCORE = 6.0
MIN_MARGIN = 2.0
# Below CLEAR_SCORE, the fiche's words must account for this share of the passage's content.
MIN_COVERAGE = 0.3
MAX_FICHES = 3
# A fiche word counts as part of the fiche's subject, not a passing mention, from this weighed
# frequency on (FIELD_WEIGHTS: twice in its text, or once in its title or an advice item).
RECURRING_TF = 2.0
# Section context: the other passages under the same heading, linked in a first pass. A fiche
# that at least SECTION_SHARE of them link to is the section's subject; a section of at least
# SECTION_MIN_OTHERS other passages none of which links anywhere is a quiet one (a foreword,
# the candidates, a subject the dossier does not treat).
SECTION_SHARE = 0.5
SECTION_MIN_OTHERS = 2
# Whether a passage is about its candidate fiche at all: a logistic model over a few signals
# (see Linker.signals), weights fitted on the development sets (docs/evaluation-programmes.md).
DECISION_WEIGHTS: dict[str, float] = {
    "score": 1.55, "body": 0.82, "coverage": 0.88, "title": 0.39, "section": 1.85, "quiet_section": -1.81,
    "length": -0.45, "position": 0.38, "recurring": 0.66,
}
DECISION_BIAS = -3.32
# Fitted on eight sets by eight authors over two dossiers (the sample and a real one of 30 fiches).
# The threshold keeps the sample's top-3 where it was and spends the new signal ``recurring`` on
# leaving more passages unlinked; it was chosen, with the weights, before any figure on the two
# sets that measured it had been seen (docs/evaluation-programmes.md, measurement 14).
DECISION_THRESHOLD = 0.64
# Each programme's own baseline (``programme_baselines``): three quarters of the distance between the
# median decision value of its passages and the median over the development sets is taken off.
PROGRAMME_CENTRING = 0.75
PROGRAMME_MEDIAN = 1.80
PROGRAMME_MIN_PASSAGES = 30
EVIDENCE_NEEDED = 1.0  # the evidence gate applies (benchmarks/programmes_fit.py sets 0 to see past it)
POINT_THRESHOLD = 1.5
MAX_POINTS = 3
# Pseudo-relevance feedback: words of passages linked with at least FEEDBACK_SCORE that at least
# FEEDBACK_MIN_PASSAGES such passages share join the fiche (at most FEEDBACK_TERMS, each weighing
# FEEDBACK_WEIGHT, like a background field).
FEEDBACK = True
FEEDBACK_SCORE = 8.0
FEEDBACK_MIN_PASSAGES = 2
FEEDBACK_TERMS = 30
FEEDBACK_WEIGHT = 0.5
# Background: a word used by more than this share of all passages starts to weigh less.
COMMON_FROM = 0.04
COMMON_ZERO = 0.35
MIN_PASSAGES_FOR_BACKGROUND = 40

# Words of every programme that say nothing about a topic (general Dutch policy prose).
PROGRAMME_STOP_WORDS = STOP_WORDS | frozenset("""
willen wil wilt gaan gaat zullen zorgen zorgt daarom dus vinden vindt vind belangrijk
belangrijke goed goede beter betere nieuwe nieuw komende jaren jaar jaren blijven blijft
moeten moet mogelijk samen partij fractie raad college wethouder wethouders gemeenteraad
gemeente gemeentelijke inwoners inwoner mensen iedereen alle kunnen kan staan staat
natuurlijk echt heel erg wel zeker vooral daarbij daarvoor hierbij waar wanneer zoals
maken maakt houden geven krijgen komen komt doen doet eigen ander anderen onze
""".split())

# General English words of municipal policy, for an English summary (Dutch stems follow).
ENGLISH_TERMS: dict[str, str] = {
    "housing": "woning", "homes": "woning", "houses": "woning", "home": "woning", "rent": "huur",
    "rental": "huur", "affordable": "betaalbar", "tax": "belasting", "taxes": "belasting",
    "property": "onroerend", "budget": "begrot", "deficit": "tekort", "debt": "schuld",
    "debts": "schuld", "poverty": "armoed", "poor": "armoed", "income": "inkom", "youth": "jeugd",
    "children": "kinder", "care": "zorg", "elderly": "oudere", "health": "gezondheid",
    "healthy": "gezond", "sport": "sport", "sports": "sport", "prevention": "preventie",
    "energy": "energi", "heat": "warmt", "heating": "warmt", "insulation": "isolatie",
    "insulate": "isoler", "wind": "wind", "turbines": "windturbin", "solar": "zon", "climate": "klimat",
    "water": "water", "rain": "regen", "rainwater": "regenwater", "sewer": "riool", "sewage": "riool",
    "green": "groen", "trees": "bom", "nature": "natur", "station": "station", "district": "wijk",
    "neighbourhood": "wijk", "neighbourhoods": "wijk", "parking": "parker", "cars": "auto",
    "car": "auto", "cycling": "fiets", "bicycle": "fiets", "bus": "bus", "transport": "vervoer",
    "business": "bedrijf", "businesses": "bedrijf", "companies": "bedrijf", "firms": "bedrijf",
    "jobs": "werkgelegenheid", "employment": "werkgelegenheid", "estate": "bedrijventerrein",
    "estates": "bedrijventerrein", "region": "regio", "regional": "regional", "municipalities": "gemeent",
    "reserves": "reserv", "reserve": "reserv", "spending": "uitgav", "finances": "financien",
    "financial": "financiel", "build": "bouw", "building": "bouw", "construction": "bouw",
    "land": "grond", "provider": "aanbieder", "providers": "aanbieder", "household": "huishoud",
    "households": "huishoud", "help": "hulp", "support": "ondersteun", "benefits": "uitkering",
    "cleaning": "huishoud", "carers": "mantelzorg", "caregivers": "mantelzorg", "savings": "bezuinig",
    "saves": "bezuinig", "save": "bezuinig", "cuts": "bezuinig", "organisation": "organisatie",
    "organization": "organisatie", "buses": "bus",
}

# General Dutch word frequency (wordfreq's Zipf scale: 6 is "de"-like, 3 is rare): a word as
# common as GENERAL_ZIPF_HIGH says nothing about a topic, one as rare as GENERAL_ZIPF_LOW fully.
GENERAL_ZIPF_HIGH = 6.0
GENERAL_ZIPF_LOW = 4.0
GENERAL_FLOOR = 0.1


@lru_cache(maxsize=100_000)
def general_weight(word: str, language: str = "nl") -> float:
    """1.0 for a word that is rare in general Dutch (or English), down to GENERAL_FLOOR for
    a very common one: ``nachtopvang`` 1.0, ``woningen`` 0.75, ``kinderen`` 0.13, ``nodig`` 0.1."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - declared dependency; without it every word counts fully
        return 1.0
    zipf = zipf_frequency(word, language)
    value = (GENERAL_ZIPF_HIGH - zipf) / (GENERAL_ZIPF_HIGH - GENERAL_ZIPF_LOW)
    return max(GENERAL_FLOOR, min(1.0, value))


_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


def _is_name(text: str, start: int, end: int) -> bool:
    """Is the word at text[start:end] a proper name: written with a capital (not in capitals
    throughout, an abbreviation) and not at the start of a sentence?"""
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    before = text[max(0, start - 3):start]
    return bool(text[:start].strip()) and not _SENTENCE_END.search(before) and not before.endswith(("(", "\"", "‘", "“", "'"))


_ABBREVIATION_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*(?![\w-])")


@dataclass
class Evidence:
    """How one fiche or advice item scored for one passage."""

    code: str
    title: str
    score: float
    reasons: list[str] = field(default_factory=list)
    index: int | None = None  # advice item (0-based) for points

    def to_dict(self) -> dict:
        data = {"code": self.code, "title": self.title, "score": round(self.score, 2), "reasons": self.reasons}
        if self.index is not None:
            data["index"] = self.index
            data["label"] = f"{self.code}.{self.index + 1}"
        return data


@dataclass
class PassageLinks:
    passage: Passage
    fiches: list[Evidence]
    points: list[Evidence]
    candidates: list[Evidence] = field(default_factory=list)  # best fiches, linked or not
    confidence: float | None = None  # about_a_fiche of the final decision (None: fixed gates)
    signals: dict[str, float] = field(default_factory=dict)  # what that decision weighed


@dataclass
class _Doc:
    code: str
    title: str
    tf: Counter
    length: float
    index: int | None = None
    title_terms: set = field(default_factory=set)  # terms of the fiche's title


def query_words_of(query: dict, words: set[str]) -> list[str]:
    """The vocabulary terms that the passage words ``words`` (lower case) stand for exactly
    (the word's own stem, not a compound part or a related word)."""
    return [term for term, (_, word, body) in query.items()
            if body and word.lower() in words and term == stem(fold(word))]


def _fiche_fields(fiche: Fiche) -> Iterable[tuple[str, str]]:
    yield "title", fiche.title
    for advice in fiche.advice:
        yield "advice", advice
    yield "current_line", fiche.current_line
    for area in fiche.policy_areas:
        yield "policy_areas", area.area
        yield "policy_areas", area.opportunity
        yield "policy_areas", area.risk
    yield "external_changes", fiche.external_changes
    yield "adjustment_moment", fiche.adjustment_moment
    for partner in fiche.partners:
        yield "partners", partner
    for source in fiche.sources:
        yield "sources", source.title


class Linker:
    """Scores passages against the fiches and advice items of one dossier."""

    def __init__(self, dossier: Dossier, glossary: list[GlossaryEntry] | None = None) -> None:
        self.dossier = dossier
        self.glossary = glossary if glossary is not None else extract_glossary(dossier)
        self.stop_words = PROGRAMME_STOP_WORDS | frozenset(
            w for w, _, _ in _words(fold(dossier.municipality or "")))
        # Abbreviation (as written) → terms of its long form; long-form key → abbreviation term.
        self.abbreviations: dict[str, list[str]] = {}
        self.long_forms: dict[tuple[str, ...], str] = {}
        for entry in self.glossary:
            long_terms = self._terms(entry.expansion)
            if long_terms:
                self.abbreviations[entry.abbreviation] = long_terms
                self.long_forms[tuple(long_terms)] = fold(entry.abbreviation)
        self.fiches: list[_Doc] = []
        self.advice: dict[str, list[_Doc]] = {}
        for fiche in dossier.fiches:
            tf: Counter = Counter()
            for name, text in _fiche_fields(fiche):
                if text:
                    for term in self._terms_with_abbreviations(text):
                        tf[term] += FIELD_WEIGHTS[name]
            doc = _Doc(fiche.code, fiche.title, tf, sum(tf.values()))
            doc.title_terms = set(self._terms_with_abbreviations(fiche.title))
            self.fiches.append(doc)
            items = []
            for i, advice in enumerate(fiche.advice):
                atf = Counter(self._terms_with_abbreviations(advice))
                items.append(_Doc(fiche.code, advice, atf, sum(atf.values()), i))
            self.advice[fiche.code] = items
        self._index()
        self._expansion_cache: dict[str, list[tuple[str, float, str]]] = {}
        self._related = self._related_index()
        self.background: dict[str, float] = {}

    def _index(self) -> None:
        """Fiche statistics, the inverted index and the compound look-ups (again after feedback)."""
        n = len(self.fiches) or 1
        df: Counter = Counter()
        for doc in self.fiches:
            df.update(doc.tf.keys())
        self.df = df
        self.idf = {t: math.log((n + 1) / d) for t, d in df.items()}
        self.unit = math.log(n + 1)  # the weight of a word only one fiche uses: scores in these units
        # do not depend on the size of the dossier
        self.avg_length = (sum(d.length for d in self.fiches) / n) or 1.0
        self.vocabulary = set(df)
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(self.fiches):
            for term, tf in doc.tf.items():
                self._postings[term].append((i, tf))
        self._norms = [BM25_K1 * (1 - BM25_B + BM25_B * d.length / self.avg_length) for d in self.fiches]
        # Compound look-ups on the vocabulary: by every prefix and suffix of at least 5 letters.
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        self._by_suffix: dict[str, list[str]] = defaultdict(list)
        for term in self.vocabulary:
            for k in range(MIN_COMPOUND_BASE, len(term)):
                self._by_prefix[term[:k]].append(term)
                self._by_suffix[term[-k:]].append(term)
        self._expansion_cache = {}

    def feedback(self, results: list["PassageLinks"]) -> int:
        """Pseudo-relevance feedback (Rocchio): the rare words that passages linked with a clear
        score use for a fiche join that fiche's words at a low weight, so that other passages
        in the programmes' own words can meet it. Returns the number of words added."""
        words: dict[str, Counter] = defaultdict(Counter)
        for result in results:
            if not result.fiches or result.fiches[0].score < FEEDBACK_SCORE or result.passage.language != "nl":
                continue
            terms = {stem(w): general_weight(w) for w, _, _ in _words(fold(result.passage.text))
                     if keep(w, self.stop_words)}
            for term, weight in terms.items():
                if weight >= 0.5:
                    words[result.fiches[0].code][term] += 1
        added = 0
        for doc in self.fiches:
            counter = words.get(doc.code)
            if not counter:
                continue
            for term, count in counter.most_common(FEEDBACK_TERMS):
                if count < FEEDBACK_MIN_PASSAGES:
                    break
                doc.tf[term] = doc.tf.get(term, 0.0) + FEEDBACK_WEIGHT
                doc.length += FEEDBACK_WEIGHT
                added += 1
        if added:
            self._index()
        return added

    # -- analysis ---------------------------------------------------------------------

    def subject(self, passage: Passage) -> str:
        """The heading that says what a passage is about: its own heading, or its chapter's when
        the heading has no words of substance (``Wat wij willen``, ``Wat wij gaan doen``)."""
        if passage.heading and not self._terms(passage.heading) and passage.chapter:
            return passage.chapter
        return passage.heading

    def _terms(self, text: str) -> list[str]:
        return [stem(w) for w, _, _ in _words(fold(text)) if keep(w, self.stop_words)]

    def _terms_with_abbreviations(self, text: str) -> list[str]:
        out = self._terms(text)
        for match in _ABBREVIATION_TOKEN.finditer(text):
            out.extend(self.abbreviations.get(match.group(), []))
        return out

    def _related_index(self) -> dict[str, list[str]]:
        """Passage term → the single-word terms of the related groups it belongs to; phrases
        (``van het gas af``) go to ``self._phrases``: first term → (terms, the group's words)."""
        index: dict[str, list[str]] = defaultdict(list)
        self._phrases: dict[str, list[tuple[tuple[str, ...], list[str]]]] = defaultdict(list)
        for group in RELATED_GROUPS + POLICY_GROUPS:
            members = [self._terms(m) for m in group]
            words = sorted({t for terms in members for t in terms})
            for terms in members:
                if len(terms) == 1:
                    index[terms[0]].extend(t for t in words if t != terms[0])
                elif len(terms) > 1:
                    self._phrases[terms[0]].append((tuple(terms), [t for t in words if t not in terms]))
        return index

    def _expansions(self, term: str) -> list[tuple[str, float, str]]:
        """Vocabulary terms a passage term stands for: (term, weight, how)."""
        cached = self._expansion_cache.get(term)
        if cached is not None:
            return cached
        out: dict[str, tuple[float, str]] = {}

        def add(t: str, weight: float, how: str) -> None:
            if t in self.vocabulary and weight > out.get(t, (0.0, ""))[0]:
                out[t] = (weight, how)

        add(term, W_EXACT, "word")
        if len(term) >= MIN_COMPOUND_BASE and term not in self.vocabulary:
            for k in range(MIN_COMPOUND_BASE, len(term) - 2):
                # energieprijs: modifier "energi…", head "…prijs"
                head, modifier = term[k:], term[:k]
                if len(head) >= MIN_COMPOUND_BASE:
                    add(head, W_COMPOUND_HEAD, "compound")
                add(modifier, W_COMPOUND_MODIFIER, "compound")
                add(stem(modifier), W_COMPOUND_MODIFIER, "compound")
        if len(term) >= MIN_COMPOUND_BASE:
            for t in self._by_prefix.get(term, ())[:25]:
                add(t, W_PART_OF, "compound")
            for t in self._by_suffix.get(term, ())[:25]:
                add(t, W_PART_OF, "compound")
        for t in self._related.get(term, ()):
            add(t, W_RELATED, "related")
        result = [(t, w, how) for t, (w, how) in out.items()]
        self._expansion_cache[term] = result
        return result

    def _query(self, passage: Passage, lead_in: str = "") -> dict[str, tuple[float, str, bool]]:
        """Vocabulary term → (query weight, the passage word that brought it, from the body).
        Context (heading, chapter, the lead-in of a bullet) adds its words at a lower weight and
        never replaces what the passage's own words brought."""
        query: dict[str, tuple[float, str, bool]] = {}
        english = passage.language == "en"

        def add(term: str, weight: float, word: str, body: bool) -> None:
            for t, w, _ in self._expansions(term):
                value = weight * w
                old = query.get(t)
                if old is None or (value > old[0] and (body or not old[2])):
                    query[t] = (value, word, body)
                elif body and not old[2]:
                    query[t] = (old[0], word, True)

        counts: Counter = Counter()
        surface: dict[str, str] = {}
        where: dict[str, tuple[int, int]] = {}
        general: dict[str, float] = {}
        folded = fold(passage.text)
        aligned = len(folded) == len(passage.text)
        names: set[str] = set()
        for w, s, e in _words(folded):
            if not keep(w, self.stop_words):
                continue
            if english:
                t = ENGLISH_TERMS.get(w)
                if t is None:
                    continue
                if not self._expansions(t):
                    t = stem(t)  # written as a Dutch word rather than its stem (huur → hur)
            else:
                t = stem(w)
            counts[t] += 1
            if t not in surface:
                surface[t] = passage.text[s:e] if aligned else w
                where[t] = (s, e)
                general[t] = general_weight(w, "en" if english else "nl")
                if aligned and W_NAME < 1.0 and _is_name(passage.text, s, e) \
                        and self.df.get(t, 0) != 1:  # a name only one fiche uses is its project or place
                    names.add(t)
                    general[t] *= W_NAME
        self._names = {surface[t].lower() for t in names}
        for t, n in counts.items():
            weight = (1.0 + math.log(n)) * (W_ENGLISH if english else 1.0) * general[t]
            add(t, weight, surface[t], True)
        self._content = {surface[t].lower(): general[t] for t in counts}
        if not english:
            present = counts.keys()
            for t in present:
                for terms, others in self._phrases.get(t, ()):
                    if all(x in present for x in terms):
                        phrase = self._as_written(passage.text, aligned, [where[x] for x in terms],
                                                  [surface[x] for x in terms])
                        for other in others:
                            if other in self.vocabulary:  # the group's own words, not their relatives
                                old = query.get(other)
                                if old is None or W_RELATED > old[0]:
                                    query[other] = (W_RELATED, phrase, True)
        for match in _ABBREVIATION_TOKEN.finditer(passage.text):
            for t in self.abbreviations.get(match.group(), []):
                add(t, W_ABBREVIATION, match.group(), True)
        own = set(counts)
        subject = self.subject(passage)
        for text, weight in ((subject, W_HEADING), (lead_in, W_LEAD_IN),
                             (passage.chapter if passage.chapter != subject else "", W_CHAPTER)):
            for t in set(self._terms(text)) - own if text else ():
                add(t, weight, text, False)
        return query

    @staticmethod
    def _as_written(text: str, aligned: bool, spans: list[tuple[int, int]], words: list[str]) -> str:
        """A matched phrase as the passage writes it: the stretch of text from its first to its
        last word when they stand close together, else its words joined by an ellipsis."""
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if aligned and end - start <= 40:
            return text[start:end]
        return " … ".join(words)

    # -- scoring ----------------------------------------------------------------------

    def learn_background(self, passages: list[Passage]) -> None:
        """Weigh down words that a large share of all passages use."""
        if len(passages) < MIN_PASSAGES_FOR_BACKGROUND:
            self.background = {}
            return
        df: Counter = Counter()
        for p in passages:
            df.update({stem(w) for w, _, _ in _words(fold(p.text)) if keep(w, self.stop_words)})
        total = len(passages)
        span = math.log(COMMON_ZERO / COMMON_FROM)
        background = {}
        for term, d in df.items():
            share = d / total
            if share > COMMON_FROM:
                background[term] = max(0.0, min(1.0, math.log(COMMON_ZERO / share) / span))
        self.background = background

    def _score(self, query: dict, doc: _Doc, avg_length: float, idf: dict[str, float]):
        score = 0.0
        body_score = 0.0
        parts: list[tuple[float, str]] = []
        norm = BM25_K1 * (1 - BM25_B + BM25_B * doc.length / avg_length)
        for term, (weight, word, body) in query.items():
            tf = doc.tf.get(term)
            if not tf:
                continue
            value = weight * idf.get(term, 0.0) * self.background.get(term, 1.0) * tf * (BM25_K1 + 1) / (tf + norm)
            if value <= 0:
                continue
            score += value
            if body:
                body_score += value
                parts.append((value, word))
        return score, body_score, parts

    @staticmethod
    def _reasons(parts: list[tuple[float, str]]) -> list[str]:
        best: dict[str, float] = {}
        for value, word in parts:
            key = word.lower()
            best[key] = best.get(key, 0.0) + value
        words = {}
        for value, word in sorted(parts, reverse=True):
            words.setdefault(word.lower(), word)
        return [words[k] for k, _ in sorted(best.items(), key=lambda kv: -kv[1])][:6]

    def _coverage(self, matched: set[str]) -> float:
        """Share of the passage's content (its words weighed by their rarity in general Dutch)
        that the fiche's matching words account for."""
        total = sum(self._content.values())
        return sum(v for w, v in self._content.items() if w in matched) / total if total else 0.0

    def _score_fiches(self, query: dict) -> list[tuple[float, float, list, _Doc]]:
        """(score, score from the passage body, contributions, fiche) of every fiche that
        shares a word with the passage, best first: BM25 through an inverted index."""
        n = len(self.fiches)
        scores = [0.0] * n
        body_scores = [0.0] * n
        parts: list[list] = [[] for _ in range(n)]
        background = self.background
        for term, (weight, word, body) in query.items():
            postings = self._postings.get(term)
            if not postings:
                continue
            base = weight * self.idf[term] * background.get(term, 1.0)
            if base <= 0:
                continue
            for i, tf in postings:
                value = base * tf * (BM25_K1 + 1) / (tf + self._norms[i])
                scores[i] += value
                if body:
                    body_scores[i] += value
                    parts[i].append((value, word))
        scored = [(scores[i], body_scores[i], parts[i], self.fiches[i]) for i in range(n) if scores[i] > 0]
        scored.sort(key=lambda item: -item[0])
        return scored

    def link_passage(self, passage: Passage, explain: bool = False, lead_in: str = "",
                     section: "Section | None" = None, decide: bool = True, baseline: float = 0.0) -> PassageLinks:
        """The fiches and points of one passage; with ``explain`` also the best three fiches
        whether linked or not (``candidates``), to see why a passage stayed unlinked.
        ``lead_in``: the sentence that introduces the list a bullet belongs to; ``section``: what
        the other passages under the same heading were linked to. With ``decide`` the passage
        is linked or left alone by the weighed signals of ``about_a_fiche`` (the final pass),
        less the ``baseline`` of its programme (``programme_baselines``); without it by the fixed
        gates of ``_gated`` alone, and without points (the first pass)."""
        return self._finish(self._prepare(passage, lead_in, section, decide), explain, baseline)

    def _prepare(self, passage: Passage, lead_in: str = "", section: "Section | None" = None,
                 decide: bool = True) -> tuple:
        """(passage, query, scored fiches, candidate fiche, signals, the passage's names and
        content words); the candidate and signals only with ``decide``."""
        query = self._query(passage, lead_in)
        scored = self._score_fiches(query)
        primary = signals = None
        if scored and decide:
            primary, signals = self.signals(passage, query, scored, section or Section())
        return passage, query, scored, primary, signals, self._names, self._content

    def _finish(self, prepared: tuple, explain: bool, baseline: float = 0.0) -> PassageLinks:
        passage, query, scored, primary, signals, self._names, self._content = prepared  # this passage's words
        decide = signals is not None
        candidates = [Evidence(d.code, d.title, s, self._reasons(p)) for s, _, p, d in scored[:MAX_FICHES]] \
            if explain else []
        fiches: list[Evidence] = []
        confidence = None
        if decide:
            confidence = about_a_fiche(signals, baseline)
            if confidence >= DECISION_THRESHOLD and signals["evidence"] >= EVIDENCE_NEEDED:
                score, body, parts, doc = primary
                reasons = self._reasons(parts)
                subject = self.subject(passage)
                if subject and signals["section"] >= SECTION_SHARE and score < CLEAR_SCORE:
                    reasons.append(subject)  # the section's subject carried the link
                fiches.append(Evidence(doc.code, doc.title, score, reasons))
                for item in scored[:MAX_FICHES]:
                    if item[3] is not doc and self._gated(query, item, scored[0][0], strict=False):
                        fiches.append(Evidence(item[3].code, item[3].title, item[0], self._reasons(item[2])))
        elif scored:
            best = scored[0][0]
            second = scored[1][0] if len(scored) > 1 else 0.0
            if best >= CLEAR_SCORE or best >= MIN_MARGIN * second:
                fiches = [Evidence(item[3].code, item[3].title, item[0], self._reasons(item[2]))
                          for item in scored[:MAX_FICHES] if self._gated(query, item, best)]
        points: list[Evidence] = []
        for fiche in fiches if decide else ():  # the first pass needs no points
            items = self.advice.get(fiche.code, [])
            if not items:
                continue
            avg = sum(d.length for d in items) / len(items) or 1.0
            found = []
            for doc in items:
                score, body, parts = self._score(query, doc, avg, self.idf)
                if score >= POINT_THRESHOLD and body >= 0.6 * score:
                    found.append(Evidence(doc.code, doc.title, score, self._reasons(parts), doc.index))
            found.sort(key=lambda e: -e.score)
            if found:
                points += [e for e in found if e.score >= RELATIVE_TO_BEST * found[0].score][:MAX_POINTS]
        return PassageLinks(passage, fiches, points, candidates, confidence, signals if explain and signals else {})

    def _gated(self, query: dict, item: tuple, best: float, strict: bool = True) -> bool:
        """The fixed gates for one fiche: enough score (also against the best fiche), mostly
        from the passage's own words, two distinct words or one word of the fiche's title, and
        (``strict``, below a clear score) enough of the passage's content explained."""
        score, body, parts, doc = item
        if score < FICHE_THRESHOLD or score < FICHE_RELATIVE * best or body < 0.6 * score:
            return False
        distinct = {w.lower() for v, w in parts if v >= 0.3} - self._names
        if strict and MIN_COVERAGE and score < CLEAR_SCORE and self._coverage(distinct) < MIN_COVERAGE:
            return False  # most of what the passage is about has nothing to do with the fiche
        # One word is a passing mention, unless it names the fiche's subject.
        return len(distinct) >= 2 or bool(doc.title_terms & set(query_words_of(query, distinct)))

    def _recurring(self, query: dict, doc: _Doc) -> float:
        """What the passage's own words score on the fiche counting only the words the fiche
        uses more than in passing (RECURRING_TF): a long fiche mentions many everyday subjects
        once (carers in a youth-care fiche, a tax in a city-centre fiche), and a passage about
        such a subject is not about the fiche."""
        recurring = {term: q for term, q in query.items() if q[2] and doc.tf.get(term, 0.0) >= RECURRING_TF}
        return self._score(recurring, doc, self.avg_length, self.idf)[0]

    def _own_words(self, item: tuple) -> dict[str, float]:
        """The passage's own words (not names, not context) that carried a fiche's score, with
        what each contributed."""
        own: dict[str, float] = {}
        for value, word in item[2]:
            if value >= 0.3 and word.lower() not in self._names:
                own[word.lower()] = own.get(word.lower(), 0.0) + value
        return own

    def signals(self, passage: Passage, query: dict, scored: list, section: "Section") -> tuple[tuple, dict]:
        """The candidate fiche of a passage (the best, or among the best three the subject of its
        section) and the signals that tell whether the passage is about it at all."""
        best = scored[0][0]
        primary = scored[0]
        for item in scored[:MAX_FICHES]:
            if section.share(item[3].code) >= SECTION_SHARE and item[0] >= FICHE_RELATIVE * best:
                primary = item
                break
        score, body, parts, doc = primary
        distinct = {w.lower() for v, w in parts if v >= 0.3} - self._names
        title = bool(doc.title_terms & set(query_words_of(query, distinct)))
        words = sum(1 for w, _, _ in _words(fold(passage.text)) if keep(w, self.stop_words))
        own = self._own_words(primary)
        # The evidence gate: a link needs a word of the passage's own (not only its heading or
        # names), so that its reasons are the passage's words, and the score FICHE_THRESHOLD that
        # every linked fiche needs. How much one word is worth is left to the weighed signals.
        evidence = score >= FICHE_THRESHOLD and bool(own)
        return primary, {
            "score": math.log1p(score / self.unit),
            "body": math.log1p(body / self.unit),
            "coverage": self._coverage(distinct),
            "title": float(title),
            "section": section.share(doc.code),
            "quiet_section": float(section.off_topic()),
            "length": math.log1p(words),
            "position": math.log1p(passage.index),
            # The score from the words the fiche uses more than in passing (``_recurring``).
            "recurring": math.log1p(self._recurring(query, doc) / self.unit),
            # Not weighed by the model (DECISION_WEIGHTS): the fixed evidence gate and what it looks at.
            "evidence": float(evidence),
            "own_words": float(len(own)),
            "strongest": max(own.values(), default=0.0) / self.unit,
        }

    def link(self, passages: list[Passage], explain: bool = False) -> list[PassageLinks]:
        """Links of every passage: common words of these passages weigh less, and with enough
        passages a first pass teaches the fiches the programmes' own words (feedback)."""
        self.learn_background(passages)
        leads = lead_ins(passages)
        first = [self.link_passage(p, lead_in=lead, decide=False) for p, lead in zip(passages, leads)]
        if FEEDBACK and len(passages) >= MIN_PASSAGES_FOR_BACKGROUND:
            self.feedback(first)
        sections = sections_of(passages, first, [self.subject(p) for p in passages])
        prepared = [self._prepare(p, lead, section) for p, lead, section in zip(passages, leads, sections)]
        baselines = programme_baselines(passages, [decision_value(item[4]) if item[4] is not None else None
                                                   for item in prepared])
        return [self._finish(item, explain, baseline) for item, baseline in zip(prepared, baselines)]


@dataclass
class Section:
    """What the other passages under the same heading link to: fiche → how many of them."""

    others: int = 0
    votes: Counter = field(default_factory=Counter)

    def share(self, code: str) -> float:
        return self.votes[code] / self.others if self.others else 0.0

    def off_topic(self) -> bool:
        return self.others >= SECTION_MIN_OTHERS and not self.votes


def sections_of(passages: list[Passage], results: list[PassageLinks],
                subjects: list[str] | None = None) -> list[Section]:
    """For each passage, its section (consecutive passages of a programme under the same
    heading, or the same ``subjects``: ``Linker.subject``) seen from the other passages in it:
    their best linked fiches, leaving out its own."""
    subjects = subjects if subjects is not None else [p.heading for p in passages]
    groups: list[list[int]] = []
    previous: Passage | None = None
    for i, p in enumerate(passages):
        if previous is not None and p.index == previous.index + 1 and subjects[i] == subjects[i - 1] and subjects[i]:
            groups[-1].append(i)
        else:
            groups.append([i])
        previous = p
    out: list[Section] = [Section()] * len(passages)
    for group in groups:
        votes = Counter(results[i].fiches[0].code for i in group if results[i].fiches)
        for i in group:
            own = Counter([results[i].fiches[0].code]) if results[i].fiches else Counter()
            out[i] = Section(len(group) - 1, votes - own)
    return out


def decision_value(signals: dict[str, float]) -> float:
    """The log-odds that a passage is about its candidate fiche, from its signals."""
    return DECISION_BIAS + sum(w * signals.get(k, 0.0) for k, w in DECISION_WEIGHTS.items())


def about_a_fiche(signals: dict[str, float], baseline: float = 0.0) -> float:
    """How likely (0-1) a passage is about its candidate fiche, from its signals, less the
    ``baseline`` of its programme (in log-odds)."""
    z = decision_value(signals) - baseline
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def programme_baselines(passages: list[Passage], values: list[float | None]) -> list[float]:
    """For each passage the baseline of its programme: PROGRAMME_CENTRING times how far the
    median decision value (``values``, None for a passage without any candidate) of the
    programme's passages lies from PROGRAMME_MEDIAN, the median over the development sets.
    An author who writes every passage in the dossier's words (high values throughout) needs
    more evidence per passage, one who writes short passages in everyday words less. A
    programme starts where the passage numbering starts again; programmes with fewer than
    PROGRAMME_MIN_PASSAGES candidate passages keep baseline 0."""
    out = [0.0] * len(passages)
    groups: list[list[int]] = []
    previous: Passage | None = None
    for i, p in enumerate(passages):
        if previous is None or p.index <= previous.index:
            groups.append([])
        groups[-1].append(i)
        previous = p
    for group in groups:
        mine = sorted(values[i] for i in group if values[i] is not None)
        if len(mine) < PROGRAMME_MIN_PASSAGES:
            continue
        middle = len(mine) // 2
        median = mine[middle] if len(mine) % 2 else (mine[middle - 1] + mine[middle]) / 2
        for i in group:
            out[i] = PROGRAMME_CENTRING * (median - PROGRAMME_MEDIAN)
    return out


def lead_ins(passages: list[Passage]) -> list[str]:
    """For each passage the lead-in of its list: for a bullet, the paragraph ending in a colon
    just before the bullets it stands among (same heading, consecutive in the programme)."""
    out: list[str] = []
    lead = ""
    previous: Passage | None = None
    for p in passages:
        follows = previous is not None and p.index == previous.index + 1 and p.heading == previous.heading
        if p.kind != "bullet":
            lead = ""
        elif not follows:
            lead = ""
        elif previous.kind != "bullet":
            lead = previous.text if previous.text.rstrip().endswith(":") else ""
        out.append(lead)
        previous = p
    return out
