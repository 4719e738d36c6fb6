"""One entry per partner organisation across the fiches of a dossier, spelling variants merged.

Fiches name the same organisation in many ways: ``Politie`` and ``politie``, ``Wijk Team``
and ``Wijkteam``, ``het Leger des Heils``, ``Provincie (provinciale kaders)``,
``Gemeente Buurstad`` and ``Buurstad``, a typo such as ``Zorgverzekeraaar``. ``partner_key`` reduces a
name to a comparison key (case, diacritics, punctuation, spaces, leading articles,
parenthetical remarks, legal-form suffixes, a trailing regional qualifier, a leading
``gemeente``); keys one edit apart merge too, and an abbreviation merges with its long form
when the caller passes the dossier's glossary (``UvA`` and ``Universiteit van Amsterdam``).

Pure: no Django, no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from akkoord.dossier.model import Dossier

__all__ = ["PartnerEntry", "partner_index", "partner_key", "display_form", "regional_qualifiers",
           "is_partner_name", "names_a_person"]


@dataclass
class PartnerEntry:
    """A partner organisation: the name to show, every spelling met, and where."""

    name: str
    variants: list[str] = field(default_factory=list)  # names exactly as written in the fiches
    fiches: list[str] = field(default_factory=list)  # fiche codes, in dossier order
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (fiche code, name as written)

    @property
    def key(self) -> str:
        return partner_key(self.name)


_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_LEADING_ARTICLE = re.compile(r"^(?:de|het|een|'t)\s+", re.IGNORECASE)
_LEADING_MUNICIPALITY = re.compile(r"^gemeenten?\s+", re.IGNORECASE)
# Legal forms and similar tails that do not change which organisation is meant.
_LEGAL_SUFFIX = re.compile(r"[\s,]+(?:b\.?\s?v\.?|n\.?\s?v\.?|u\.?\s?a\.?|v\.?o\.?f\.?|c\.?v\.?)\s*$",
                           re.IGNORECASE)
# A trailing place or region qualifier: "GGD Regio" is the GGD of these fiches. Besides this
# national one, ``regional_qualifiers`` learns the dossier's own (its municipality, its region).
REGIONAL_QUALIFIERS = ("nederland",)
# How many different partner names must end in a place name before it counts as the region.
_MIN_NAMES_PER_QUALIFIER = 3
_CONNECTORS = {"van", "voor", "de", "het", "der", "en", "in", "op", "aan"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Where a name ends and a remark about it begins: "Stichting X, met <person> als manager",
# "Buurstad in het bijzonder i.v.m. …", "Twee stichtingen die … gaan exploiteren".
# "als", "op", "met" start a remark only before a lower-case word that is not an article
# before a name: "Bergen op Zoom" and "Huis met de Hoofden" stay whole.
_QUALIFIER = re.compile(r"\s*(?:,|;|\s(?:die|dat|gezien|zoals|i\.?v\.?m\.?|ivm|in het bijzonder|onder andere|o\.a\.|"
                        r"met name|wat betreft|voor zover)\s"
                        r"|\s(?:als|op|met)\s+(?=(?-i:[a-z]))(?!(?:de|het|den|der|'t)\s+(?-i:[A-Z]))).*$",
                        re.IGNORECASE)
_LEADING_LISTING = re.compile(r"^(?:waaronder|o\.a\.|onder andere|zoals|bijvoorbeeld|bv\.?)\s+", re.IGNORECASE)
# Words that make a text a sentence rather than a name.
_VERBS = {"is", "zijn", "wordt", "worden", "gaat", "gaan", "moet", "moeten", "kan", "kunnen", "heeft", "hebben",
          "zal", "zullen", "wil", "willen", "werkt", "werken", "blijft", "komt", "komen"}
# A name of a policy, a document or a scheme, not of someone to work with.
_NOT_ACTOR_ENDINGS = ("beleid", "regeling", "plan", "nota", "visie", "programma", "wet", "strategie", "agenda",
                      "begroting", "verordening", "bijstand", "dienstregeling", "subsidie", "uitkering", "budget")
_MAX_NAME_WORDS = 8
# A person: a title or initials before a capitalised name ("dhr. Jansen", "J.P. de Vries", "mevrouw Bos").
_PERSON = re.compile(r"(?:\b(?:dhr|mevr|mw|drs|dr|ir|mr|prof|ing)\.?\s+|\b(?:de heer|mevrouw|meneer)\s+|"
                     r"(?<![\w.])(?:[A-Z]\.\s?){1,3}(?:(?:van|de|der|den|ter|ten)\s+)*)[A-Z][a-z]", re.UNICODE)
# Leading words that count or qualify a group without naming another one: "alle", "overige", "14".
_QUANTIFIERS = {"alle", "overige", "andere", "diverse", "verschillende", "betrokken", "lokale", "regionale",
                "enkele", "meerdere", "twee", "drie", "vier", "vijf"}


def display_form(name: str) -> str:
    """The name without parenthetical remarks, a trailing remark after a comma or a relative
    clause, a leading "waaronder", article, bullets or trailing punctuation."""
    text = _PARENTHETICAL.sub("", name)
    text = " ".join(text.split()).strip(" \t-–•,;:.")
    text = _LEADING_LISTING.sub("", text)
    text = _QUALIFIER.sub("", text).strip(" \t-–•,;:.")
    text = _LEADING_ARTICLE.sub("", text)
    return text.strip()


def names_a_person(name: str) -> bool:
    """True when ``name`` names an individual (a title or initials before a name)."""
    return bool(_PERSON.search(name))


def is_partner_name(name: str) -> bool:
    """False for what a partner cell holds but is no organisation or group: a sentence, the
    name of a policy or document ("Beleid", "Bijzondere bijstand"), a person."""
    shown = display_form(name)
    words = shown.split()
    if not words or names_a_person(shown):  # a person in a trailing remark is cut off by display_form
        return False
    if len(words) > _MAX_NAME_WORDS:
        return False
    head = _QUALIFIER.sub("", _LEADING_LISTING.sub("", " ".join(_PARENTHETICAL.sub("", name).split())))
    if any(_fold(w) in _VERBS for w in head.split()[1:]):
        return False
    last = _fold(words[-1])
    if len(words) <= 2 and any(last.endswith(ending) for ending in _NOT_ACTOR_ENDINGS):
        return False
    return True


def partner_words(name: str, qualifiers: tuple[str, ...] = REGIONAL_QUALIFIERS) -> list[str]:
    """The normalised words of a partner name (see ``partner_key``)."""
    text = display_form(name)
    text = _LEGAL_SUFFIX.sub("", text)
    text = _LEADING_MUNICIPALITY.sub("", text)
    words = [re.sub(r"[^0-9a-z]+", "", w) for w in _fold(text).replace("-", " ").split()]
    words = [w for w in words if w]
    # "Alle <streek>se gemeenten", "14 <streek>se gemeenten" and "<streek>se gemeenten" are one group.
    while len(words) > 1 and (words[0] in _QUANTIFIERS or words[0].isdigit()):
        words = words[1:]
    if len(words) > 1 and _is_place_adjective(words[0], qualifiers):
        words = words[1:]
    # Drop one trailing regional qualifier (a typo in it included), unless that would leave
    # nothing or split a name such as "Hof van Holland".
    for qualifier in qualifiers:
        q_words = [re.sub(r"[^0-9a-z]+", "", w) for w in qualifier.replace("-", " ").split()]
        tail = words[-len(q_words):]
        if len(words) <= len(q_words) or len(tail) != len(q_words):
            continue
        if tail == q_words or (len(q_words) == 1 and len(q_words[0]) >= 7
                               and _within_one_edit(tail[0], q_words[0])):
            rest = words[: len(words) - len(q_words)]
            if rest[-1] not in _CONNECTORS:
                words = rest
            break
    return words


def _is_place_adjective(word: str, qualifiers: tuple[str, ...]) -> bool:
    """``delftse`` of ``delft``, ``zwolse`` of ``zwolle``: the adjective of a place."""
    for qualifier in qualifiers:
        if " " in qualifier:
            continue
        stem = qualifier[:-1] if qualifier.endswith("e") else qualifier
        if word in (stem + "se", stem + "s", qualifier + "se", qualifier + "s"):
            return True
    return False


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    """The Dutch stem of a word, so that singular and plural meet (``bibliotheek``/``bibliotheken``)."""
    if len(word) < 5:
        return word
    return _dutch_stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _dutch_stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("dutch")


def regional_qualifiers(dossier: Dossier) -> tuple[str, ...]:
    """The place words that qualify partner names in this dossier: the municipality, and any
    capitalised last word that ends several different partner names (``… Dalland``)."""
    endings: dict[str, set[str]] = {}
    for fiche in dossier.fiches:
        for raw in fiche.partners:
            words = display_form(raw).split()
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) >= 4 and not words[-1].isupper():
                endings.setdefault(_fold(words[-1]), set()).add(_fold(" ".join(words[:-1])))
    found = [word for word, names in endings.items() if len(names) >= _MIN_NAMES_PER_QUALIFIER]
    own = [_fold(dossier.municipality)] if dossier.municipality else []
    return tuple(dict.fromkeys([*own, *sorted(found), *REGIONAL_QUALIFIERS]))


def partner_key(name: str, qualifiers: tuple[str, ...] = REGIONAL_QUALIFIERS) -> str:
    """The comparison key of a partner name: equal keys mean the same organisation."""
    return "".join(partner_words(name, qualifiers))


def _near(a: list[str], b: list[str], min_length: int) -> bool:
    """Same words but one, and that one a long word one edit off (``Zorgverzekeraaar``, ``Wijkteam``).

    Short words never count as near: ``EZ`` and ``EZK`` are different ministries.
    """
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= min_length and _within_one_edit(x, y)


_MIN_COMPOUND_TAIL = 6
_MIN_COMPOUND_HEAD = 4


def _same_stems(a: list[str], b: list[str]) -> bool:
    """Equal but for the number of the last word: ``Bibliotheek``/``Bibliotheken``."""
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] != b[-1] and _stem(a[-1]) == _stem(b[-1])


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # Keep the earlier-seen key as root so that order is stable.
            self.parent[root_b] = root_a


def _qualified(form: str, qualifiers: tuple[str, ...]) -> bool:
    """``Alle <streek>se gemeenten``, ``14 gemeenten``: a form with a count or place word in front."""
    words = [re.sub(r"[^0-9a-z]+", "", w) for w in _fold(form).split()]
    return len(words) > 1 and (words[0] in _QUANTIFIERS or words[0].isdigit()
                               or _is_place_adjective(words[0], qualifiers))


def _choose_name(forms: Counter[str], first_seen: dict[str, int], qualifiers: tuple[str, ...] = ()) -> str:
    """The most frequent display form (on a tie one without a count or place word in front,
    one starting with a capital, then the longest), with a capital first letter as an index
    shows it."""
    name = min(forms, key=lambda f: (-forms[f], _qualified(f, qualifiers), not f[:1].isupper(), -len(f),
                                     first_seen[f]))
    return name[:1].upper() + name[1:]


def partner_index(dossier: Dossier, abbreviations: dict[str, str] | None = None,
                  min_fuzzy_length: int = 6) -> list[PartnerEntry]:
    """The partner index of a dossier, sorted by name.

    ``abbreviations`` maps an abbreviation to its long form (from the dossier's glossary);
    a partner written as the abbreviation merges with one written in full. Names whose words
    are equal but one, that one at least ``min_fuzzy_length`` letters and one edit off, merge
    (typos, singular/plural).
    """
    qualifiers = regional_qualifiers(dossier)
    mentions: list[tuple[str, str, str, str]] = []  # (key, fiche code, raw, display form)
    words_of: dict[str, list[str]] = {}
    for fiche in dossier.fiches:
        for raw in fiche.partners:
            if not is_partner_name(raw):
                continue
            words = partner_words(raw, qualifiers)
            key = "".join(words)
            if not key:
                continue
            words_of.setdefault(key, words)
            shown = _LEGAL_SUFFIX.sub("", display_form(raw)).strip() or display_form(raw)
            mentions.append((key, fiche.code, raw.strip(), shown))

    groups = _UnionFind()
    keys: list[str] = []
    for key, *_ in mentions:
        if key not in groups.parent:
            groups.find(key)
            keys.append(key)
    for index, key in enumerate(keys):
        for other in keys[index + 1:]:
            if _near(words_of[key], words_of[other], min_fuzzy_length) or _same_stems(words_of[key], words_of[other]):
                groups.union(key, other)
    # A compound and its last part ("Woningcorporaties", "Corporaties") are one group when
    # no other compound ends in that part as well.
    stems = {key: _stem(words_of[key][-1]) for key in keys if len(words_of[key]) == 1}
    for short, short_stem in stems.items():
        if len(short_stem) < _MIN_COMPOUND_TAIL:
            continue
        longer = {groups.find(k) for k, stem in stems.items()
                  if k != short and stem.endswith(short_stem) and len(stem) - len(short_stem) >= _MIN_COMPOUND_HEAD}
        longer.discard(groups.find(short))
        if len(longer) == 1:
            groups.union(longer.pop(), short)
    if abbreviations:
        known = set(keys)
        for abbreviation, long_form in abbreviations.items():
            short_key, long_key = partner_key(abbreviation, qualifiers), partner_key(long_form, qualifiers)
            if short_key in known and long_key in known:
                groups.union(long_key, short_key)

    entries: dict[str, PartnerEntry] = {}
    forms: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    for position, (key, code, raw, shown) in enumerate(mentions):
        root = groups.find(key)
        entry = entries.setdefault(root, PartnerEntry(name=""))
        if raw not in entry.variants:
            entry.variants.append(raw)
        if code not in entry.fiches:
            entry.fiches.append(code)
        entry.mentions.append((code, raw))
        forms.setdefault(root, Counter())[shown] += 1
        first_seen.setdefault(shown, position)
    for root, entry in entries.items():
        entry.name = _choose_name(forms[root], first_seen, qualifiers)
        entry.variants.sort(key=_fold)
    return sorted(entries.values(), key=lambda e: (_fold(e.name), e.name))
