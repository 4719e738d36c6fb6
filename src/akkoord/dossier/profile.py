"""The dossier profile: what differs from one municipality's dossier to the next.

Every municipality writes its formation dossier in its own form. A *profile* holds what
the code must not assume: the municipality, the council term, the ambitions (names, keys,
colours) marked in each fiche, the template's labels and the field each fills, and the
boilerplate (text every fiche repeats, such as a recurring footnote).

A profile is *induced* from the document itself (``induce_ambitions``, ``find_boilerplate``,
``term_from_title``): the ambitions from the marks of the Opgave blocks, the boilerplate by
repetition, the term from the title. A built-in profile (``profiles/*.json`` beside this
module) supplies the keys and colours of a known template; it is data, not an assumption
of the code. The workbench shows the profile in its review step, lets it be corrected and
keeps it with the dossier, so the next version of the same dossier reuses it.

No Django, no I/O beyond reading the built-in profiles.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
DEFAULT_PROFILE = "fiche-template"

# Colour slots of the style sheet (``.tag--c-<slot>``): an ambition names one of them.
PALETTE: tuple[str, ...] = ("oranje", "blauw", "groen", "paars", "grijs", "rood", "turkoois", "geel")

# Length of a Dutch council term: elected in March of year Y, seated until March of Y + 4.
TERM_YEARS = 4

_MARK_TOKEN = re.compile(r"^[xX✓✔☒☑■●]:?$")
_EMPTY_BOX = re.compile(r"^[☐□]$")
_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")
# Words that never name an ambition on their own (a name's filler words).
_FILLERS = frozenset("de het een en van voor in op met aan te voor".split())


def normalise(text: str) -> str:
    """Lower case, no accents, no digits (footnote marks), punctuation and space folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _DIGITS.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def slug_key(name: str) -> str:
    """A key for an ambition name: its words in lower case joined by ``-``; a long name
    (more than three words) keeps its first word (``Voorwaarden voor de uitvoering``)."""
    words = normalise(name).split()
    if len(words) > 3:
        words = words[:1]
    return "-".join(words) or "opgave"


@dataclass
class Ambition:
    """One of the city ambitions a fiche can serve. ``name`` without the municipality."""

    key: str
    name: str
    colour: str = "grijs"
    phrases: list[str] = field(default_factory=list)  # normalised words that name it
    with_municipality: bool = True  # written with the municipality after it (``Open Almere``)

    def __post_init__(self) -> None:
        if not self.phrases:
            self.phrases = [normalise(self.name)]

    def full_name(self, municipality: str) -> str:
        """The name as the template writes it."""
        if self.with_municipality and municipality:
            return f"{self.name} {municipality}"
        return self.name

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "colour": self.colour, "phrases": list(self.phrases),
                "with_municipality": self.with_municipality}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Ambition":
        colour = str(data.get("colour") or "grijs")
        return cls(key=str(data["key"]), name=str(data.get("name") or data["key"]),
                   colour=colour if colour in PALETTE else "grijs",
                   phrases=[normalise(p) for p in data.get("phrases", []) if normalise(p)],
                   with_municipality=bool(data.get("with_municipality", True)))


@dataclass
class Profile:
    """What a reader, check, export, page and the search need to know about one dossier's form."""

    name: str = ""  # a built-in profile's name, or "" for one induced from a document
    municipality: str = ""
    term: tuple[int, int] | None = None  # first and last year of the council term
    ambitions: list[Ambition] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # field → label as the template writes it
    boilerplate: list[str] = field(default_factory=list)  # texts every fiche repeats
    description: str = ""
    # Heading-structured dossiers: section heading (words it contains) → field it fills;
    # "tables" keeps the section's tables as tables. Headings not listed are named sections.
    section_fields: dict[str, str] = field(default_factory=dict)
    # Fiche dossiers: the form of a topic heading, as an example (``Onderwerp 1A``, ``Thema 1.1``:
    # chapter and number, code ``1A``); "" when not known (the reader finds it in the document).
    topic_heading: str = ""

    # --- ambitions ---------------------------------------------------------------------

    @property
    def ambition_keys(self) -> tuple[str, ...]:
        return tuple(a.key for a in self.ambitions)

    def ambition(self, key: str) -> Ambition | None:
        return next((a for a in self.ambitions if a.key == key), None)

    def ambition_label(self, key: str) -> str:
        found = self.ambition(key)
        return found.name if found else key

    def ambition_colour(self, key: str) -> str:
        found = self.ambition(key)
        return found.colour if found else "grijs"

    def ambition_choices(self) -> list[tuple[str, str]]:
        return [(a.key, a.name) for a in self.ambitions]

    # --- boilerplate -------------------------------------------------------------------

    def is_boilerplate(self, text: str) -> bool:
        """Is ``text`` (a footnote, with or without its number) one of the recurring texts?
        A line that is the start of one (a wrapped footnote) counts too."""
        norm = normalise(text)
        if not norm:
            return False
        for item in self.boilerplate:
            phrase = normalise(item)
            if phrase and (phrase in norm or len(norm.split()) >= 4 and phrase.startswith(norm)):
                return True
        return False

    # --- term --------------------------------------------------------------------------

    def term_years(self, fallback_title: str = "") -> tuple[int, int]:
        if self.term:
            return self.term
        return term_from_title(fallback_title) or _current_term()

    # --- storage -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "municipality": self.municipality,
            "term": list(self.term) if self.term else [],
            "ambitions": [a.to_dict() for a in self.ambitions],
            "labels": dict(self.labels),
            "boilerplate": list(self.boilerplate),
            "description": self.description,
            "section_fields": dict(self.section_fields),
            "topic_heading": self.topic_heading,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Profile":
        data = data or {}
        term = data.get("term") or None
        if term:
            try:
                term = (int(term[0]), int(term[1]))
            except (TypeError, ValueError, IndexError):
                term = None
        return cls(name=str(data.get("name", "")), municipality=str(data.get("municipality", "")),
                   term=term, ambitions=[Ambition.from_dict(a) for a in data.get("ambitions", []) if a.get("key")],
                   labels={str(k): str(v) for k, v in (data.get("labels") or {}).items()},
                   boilerplate=[str(b) for b in data.get("boilerplate", []) if str(b).strip()],
                   description=str(data.get("description", "")),
                   section_fields={str(k): str(v) for k, v in (data.get("section_fields") or {}).items()},
                   topic_heading=str(data.get("topic_heading") or ""))

    def set_labels(self, labels: dict[str, str]) -> None:
        """The labels as a dossier writes them, footnote marks (``overheden1``) left out."""
        self.labels = {field: " ".join(re.sub(r"(?<=[^\W\d])\d{1,2}\b", "", text).split())
                       for field, text in labels.items() if text.strip()}

    def copy(self) -> "Profile":
        return Profile.from_dict(self.to_dict())


def _current_term(today: date | None = None) -> tuple[int, int]:
    """The term in office: municipal elections are held every four years (…, 2022, 2026, …)."""
    year = (today or date.today()).year
    first = year - (year - 2022) % TERM_YEARS
    return first, first + TERM_YEARS


@lru_cache(maxsize=None)
def _builtin() -> dict[str, Profile]:
    out = {}
    for path in sorted(PROFILES_DIR.glob("*.json")):
        profile = Profile.from_dict(json.loads(path.read_text(encoding="utf-8")))
        out[profile.name or path.stem] = profile
    return out


def builtin_profiles() -> dict[str, Profile]:
    """The built-in profiles by name (copies: a caller may change them)."""
    return {name: p.copy() for name, p in _builtin().items()}


def default_profile() -> Profile:
    """The built-in profile of the fiche template, for a dossier that says nothing else."""
    return _builtin()[DEFAULT_PROFILE].copy()


def profile_of(dossier: Any) -> Profile:
    """The profile of a dossier model (``Dossier.profile``), or the default one."""
    profile = getattr(dossier, "profile", None)
    return profile if profile is not None else default_profile()


# --- term ------------------------------------------------------------------------------

_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–/]|t/m|tot)\s*((?:19|20)?\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def term_from_title(title: str) -> tuple[int, int] | None:
    """The council term a dossier's title names: ``… 2026-2030`` as written, a single year
    (``Formatiedossier 2026``, the election year) as that year and four after it."""
    if not title:
        return None
    m = _YEAR_RANGE.search(title)
    if m:
        first, last = int(m.group(1)), m.group(2)
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if 0 < last_year - first <= 6:
            return first, last_year
    m = _YEAR.search(title)
    if m:
        first = int(m.group(1))
        return first, first + TERM_YEARS
    return None


# --- ambitions: induced from the Opgave blocks -----------------------------------------


def _tokens(text: str) -> tuple[tuple[str, ...], set[int]]:
    """Tokens of an Opgave block without its marks, and the token indexes a mark stood before."""
    seq: list[str] = []
    marked: set[int] = set()
    pending = False
    for tok in text.split():
        if _MARK_TOKEN.match(tok):
            pending = True
            continue
        if _EMPTY_BOX.match(tok):
            continue
        if pending:
            marked.add(len(seq))
            pending = False
        seq.append(tok.strip(":;,"))
    return tuple(t for t in seq), marked


def _line_starts(text: str) -> set[int]:
    starts, count = set(), 0
    for line in text.split("\n"):
        toks = [t for t in line.split() if not _MARK_TOKEN.match(t) and not _EMPTY_BOX.match(t)]
        if toks:
            starts.add(count)
        count += len(toks)
    return starts


@dataclass
class InducedAmbitions:
    municipality: str
    ambitions: list[Ambition]
    support: int  # how many fiches listed them in this form


def induce_ambitions(blocks: Iterable[str]) -> InducedAmbitions | None:
    """The ambitions of a dossier from the text of its fiches' Opgave blocks (each block
    lists every ambition, the chosen ones marked with ``X`` before the name).

    The list of names is the one most fiches write; the names are told apart where the
    municipality closes one (``Open Almere``) and where some fiche put a mark."""
    blocks = [b for b in blocks if b and b.strip()]
    if not blocks:
        return None
    parsed = [(_tokens(b), b) for b in blocks]
    counts = Counter(seq for (seq, _), _ in parsed if seq)
    if not counts:
        return None
    modal, support = counts.most_common(1)[0]
    if support < 2 and len(blocks) > 1:
        return None
    # The municipality: a capitalised word written after several names.
    caps = Counter(t for t in modal if t[:1].isupper() and t.isalpha() and len(t) > 2)
    municipality = ""
    if caps:
        word, n = caps.most_common(1)[0]
        if n >= 2:
            municipality = word
    starts = {0}
    for (seq, marked), _ in parsed:
        if seq == modal:
            starts |= marked
    if municipality:
        starts |= {i + 1 for i, t in enumerate(modal) if t == municipality}
    else:
        for (seq, _), text in parsed:
            if seq == modal:
                starts |= _line_starts(text)
    bounds = sorted(s for s in starts if s < len(modal)) + [len(modal)]
    ambitions: list[Ambition] = []
    for a, b in zip(bounds, bounds[1:]):
        words = list(modal[a:b])
        with_town = bool(words) and words[-1] == municipality
        if with_town:
            words = words[:-1]
        name = " ".join(words).strip()
        if not name or normalise(name) in _FILLERS:
            continue
        key = slug_key(name)
        while key in {x.key for x in ambitions}:
            key += "-2"
        ambitions.append(Ambition(key=key, name=name, colour=PALETTE[len(ambitions) % len(PALETTE)],
                                  phrases=[normalise(name)], with_municipality=with_town))
    if not ambitions:
        return None
    return InducedAmbitions(municipality, ambitions, support)


def covers(profile: Profile, block: str) -> bool:
    """Do ``profile``'s ambitions name everything an Opgave block lists (apart from marks
    and the municipality)? Then that profile's keys apply."""
    from akkoord.dossier.fields import parse_ambitions  # fields builds on this module

    found = parse_ambitions(block, profile)
    matched = len(block.split()) - len(found.leftover.split())
    return matched > 0 and len([w for w in found.leftover.split() if normalise(w) not in _FILLERS]) <= 1


def choose_ambitions(blocks: list[str], base: Profile | None = None) -> tuple[list[Ambition], str, bool] | None:
    """The ambitions for a dossier whose Opgave blocks are ``blocks``: those of ``base`` or of
    a built-in profile when they name what the blocks list, else the induced ones.
    Returns (ambitions, municipality, induced) or None when the blocks list none."""
    induced = induce_ambitions(blocks)
    if induced is None:
        return None
    modal = " ".join(a.full_name(induced.municipality) for a in induced.ambitions)
    if not induced.municipality:
        modal = max(blocks, key=lambda b: len(b.split()))
    candidates = ([base] if base and base.ambitions else []) + list(_builtin().values())
    for candidate in candidates:
        if covers(candidate, modal):
            return [Ambition.from_dict(a.to_dict()) for a in candidate.ambitions], induced.municipality, False
    return induced.ambitions, induced.municipality, True


def apply_ambitions(profile: Profile, blocks: list[str], base: Profile | None = None) -> None:
    """Set ``profile``'s ambitions (and municipality) from the Opgave blocks of a dossier."""
    chosen = choose_ambitions(blocks, base)
    if chosen is None:
        return
    profile.ambitions, municipality, induced = chosen
    profile.municipality = profile.municipality or municipality
    if induced:
        profile.name = ""
        profile.description = "Afgeleid uit het dossier: opgaven uit de kruisjes bij Opgave"


# --- boilerplate: found by repetition --------------------------------------------------


def find_boilerplate(per_fiche: Iterable[Iterable[str]], min_fiches: int = 3, share: float = 0.3) -> list[str]:
    """Texts (footnotes) that recur in many fiches: in at least ``min_fiches`` fiches and at
    least ``share`` of them. Returned as first written."""
    per_fiche = [list(texts) for texts in per_fiche]
    seen: Counter = Counter()
    first: dict[str, str] = {}
    for texts in per_fiche:
        norms = set()
        for text in texts:
            norm = normalise(text)
            if len(norm.split()) >= 3:
                norms.add(norm)
                first.setdefault(norm, " ".join(text.split()))
        seen.update(norms)
    need = max(min_fiches, int(share * len(per_fiche) + 0.999))
    return [first[n] for n, c in seen.most_common() if c >= need]
