"""The timeline of the term: source end dates, logical moments, expected external decisions.

Built from the dossier model (no Django). Intervals come from the model where the reader
filled them (``Source.end_intervals``, ``Fiche.adjustment_intervals``); otherwise, and for
the external changes (per paragraph), from ``akkoord.dossier.dates.find_dates`` when it exists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from akkoord.dossier.model import Dossier, Fiche, Interval
from akkoord.dossier.profile import profile_of

# The term comes from the dossier's profile (``Profile.term_years``), never from the code.

KIND_LABELS = {
    "source": "Einddatum bron",
    "moment": "Logisch moment",
    "external": "Verwacht extern besluit",
    "agenda": "Raadsagenda",
}


@dataclass
class TimelineItem:
    kind: str
    fiche_code: str
    fiche_title: str
    ambitions: list[str]
    subject: str  # what ends or happens: the source title, the moment, the paragraph
    when: str  # the words the date came from
    start: date | None = None
    end: date | None = None
    term: tuple[int, int] = (0, 0)  # first and last year of the axis (set by timeline_from_items)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def sort_date(self) -> date | None:
        # A source matters when it ends; a moment or decision when it begins.
        return self.end if self.kind == "source" else self.start

    def bar(self) -> tuple[float, float] | None:
        """Left offset and width (percent) of the interval on the term axis, clipped."""
        if not self.start or not self.end or not self.term[0]:
            return None
        term_start, term_end = date(self.term[0], 1, 1), date(self.term[1], 12, 31)
        span = (term_end - term_start).days
        start = max(self.start, term_start)
        end = min(self.end, term_end)
        if end < start:
            return None
        left = (start - term_start).days / span * 100
        width = max((end - start).days / span * 100, 0.8)
        return round(left, 2), round(min(width, 100 - left), 2)


@dataclass
class Timeline:
    years: list[tuple[int, list[TimelineItem]]] = field(default_factory=list)
    before: list[TimelineItem] = field(default_factory=list)  # ended before the term
    after: list[TimelineItem] = field(default_factory=list)
    undated: list[TimelineItem] = field(default_factory=list)  # a date was given but not understood
    dates_available: bool = True
    first_year: int = 0
    last_year: int = 0

    @property
    def term_years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.years) + len(self.before) + len(self.after)


def _date_finder(first_year: int) -> Callable[[str], list[Interval]] | None:
    try:
        from akkoord.dossier.dates import find_dates
    except ImportError:
        return None
    term_start = date(first_year, 5, 1)  # a municipal term starts in spring after the elections
    return lambda text: find_dates(text, term_start)


def _parse(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def _shorten(text: str, limit: int = 280) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def fiche_items(fiche: Fiche, find_dates: Callable[[str], list[Interval]] | None) -> tuple[list[TimelineItem], list[TimelineItem]]:
    """The dated items of one fiche, and the items whose date was not understood."""
    dated: list[TimelineItem] = []
    undated: list[TimelineItem] = []

    def add(kind: str, subject: str, when: str, intervals: list[Interval]) -> None:
        base = dict(kind=kind, fiche_code=fiche.code, fiche_title=fiche.title,
                    ambitions=list(fiche.ambitions), subject=subject)
        added = False
        for interval in intervals:
            start, end = _parse(interval.start), _parse(interval.end)
            if start is None and end is None:
                continue
            dated.append(TimelineItem(**base, when=interval.text or when, start=start or end, end=end or start))
            added = True
        if not added and when.strip():
            undated.append(TimelineItem(**base, when=when))

    for source in fiche.sources:
        intervals = source.end_intervals
        if not intervals and source.end_date and find_dates:
            intervals = list(find_dates(source.end_date))
        if source.end_date:
            add("source", source.title, source.end_date, intervals)
    if fiche.adjustment_moment:
        intervals = fiche.adjustment_intervals
        if not intervals and find_dates:
            intervals = list(find_dates(fiche.adjustment_moment))
        # A moment without a date ("bij de volgende evaluatie") is not a timeline item.
        if intervals:
            add("moment", _shorten(fiche.adjustment_moment), fiche.adjustment_moment, intervals)
    for item in fiche.agenda:  # an agenda table of council dates (heading-structured dossiers)
        intervals = list(find_dates(item.date)) if find_dates else []
        add("agenda", item.text, item.date, intervals)
    if fiche.external_changes and find_dates:
        for paragraph in fiche.external_changes.split("\n\n"):
            if paragraph.strip():
                intervals = list(find_dates(paragraph))
                if intervals:
                    add("external", _shorten(paragraph), paragraph, intervals)
    return dated, undated


@dataclass
class FicheItems:
    """The timeline items of one fiche (what ``fiche_items`` returns), kept per version."""

    code: str
    ambitions: list[str]
    dated: list[TimelineItem]
    undated: list[TimelineItem]

    def to_dict(self) -> dict:
        return {"code": self.code, "ambitions": list(self.ambitions),
                "dated": [_item_dict(i) for i in self.dated], "undated": [_item_dict(i) for i in self.undated]}

    @classmethod
    def from_dict(cls, data: dict) -> "FicheItems":
        return cls(data["code"], list(data["ambitions"]), [_item(i) for i in data["dated"]],
                   [_item(i) for i in data["undated"]])


def _item_dict(item: TimelineItem) -> dict:
    return {"kind": item.kind, "fiche_code": item.fiche_code, "fiche_title": item.fiche_title,
            "ambitions": list(item.ambitions), "subject": item.subject, "when": item.when,
            "start": item.start.isoformat() if item.start else None,
            "end": item.end.isoformat() if item.end else None}


def _item(data: dict) -> TimelineItem:
    return TimelineItem(data["kind"], data["fiche_code"], data["fiche_title"], list(data["ambitions"]),
                        data["subject"], data["when"], _parse(data["start"]) if data["start"] else None,
                        _parse(data["end"]) if data["end"] else None)


def collect_items(dossier: Dossier) -> tuple[list[FicheItems], bool]:
    """Every fiche's items, and whether dates in free text could be read at all."""
    find_dates = _date_finder(profile_of(dossier).term_years(dossier.title)[0])
    out = []
    for fiche in dossier.fiches:
        dated, undated = fiche_items(fiche, find_dates)
        out.append(FicheItems(fiche.code, list(fiche.ambitions), dated, undated))
    return out, find_dates is not None


def timeline_from_items(items: list[FicheItems], dates_available: bool, ambition: str | None = None,
                        kinds: set[str] | None = None, term: tuple[int, int] | None = None) -> Timeline:
    """The timeline made of collected items, optionally only one ambition's fiches or some kinds.
    ``term``: first and last year of the council term (the dossier profile's)."""
    first, last = term or profile_of(None).term_years()
    timeline = Timeline(dates_available=dates_available, first_year=first, last_year=last)
    by_year: dict[int, list[TimelineItem]] = {year: [] for year in range(first, last + 1)}
    for fiche in items:
        if ambition and ambition not in fiche.ambitions:
            continue
        for item in fiche.dated:
            if kinds and item.kind not in kinds:
                continue
            moment = item.sort_date
            if moment is None:
                continue
            item.term = (first, last)
            if moment.year < first:
                timeline.before.append(item)
            elif moment.year > last:
                timeline.after.append(item)
            else:
                by_year[moment.year].append(item)
        timeline.undated.extend(i for i in fiche.undated if not kinds or i.kind in kinds)
    key = lambda item: (item.sort_date or date.max, item.fiche_code)  # noqa: E731
    timeline.years = [(year, sorted(items, key=key)) for year, items in by_year.items()]
    timeline.before.sort(key=key)
    timeline.after.sort(key=key)
    return timeline


def build_timeline(dossier: Dossier, ambition: str | None = None, kinds: set[str] | None = None) -> Timeline:
    """The timeline of a dossier, optionally only the fiches of one ambition or some kinds."""
    items, dates_available = collect_items(dossier)
    return timeline_from_items(items, dates_available, ambition, kinds,
                               profile_of(dossier).term_years(dossier.title))
