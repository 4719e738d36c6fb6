"""The timeline of the term: source end dates, logical moments, expected external decisions.

Built from the dossier model (no Django). Intervals come from the model where the reader
filled them (``Source.end_intervals``, ``Fiche.adjustment_intervals``); otherwise, and for
the external changes (per paragraph), from ``akkoord.dossier.dates.find_dates`` when it exists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from akkoord.dossier.model import Dossier, Fiche, Interval
from akkoord.dossier.profile import profile_of

# The term a dossier says nothing about: the one in office now (a dossier's profile names its own).
TERM_FIRST_YEAR, TERM_LAST_YEAR = profile_of(None).term_years()
TERM_START = date(TERM_FIRST_YEAR, 1, 1)
TERM_END = date(TERM_LAST_YEAR, 12, 31)

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

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def sort_date(self) -> date | None:
        # A source matters when it ends; a moment or decision when it begins.
        return self.end if self.kind == "source" else self.start

    def bar(self) -> tuple[float, float] | None:
        """Left offset and width (percent) of the interval on the term axis, clipped."""
        if not self.start or not self.end:
            return None
        span = (TERM_END - TERM_START).days
        start = max(self.start, TERM_START)
        end = min(self.end, TERM_END)
        if end < start:
            return None
        left = (start - TERM_START).days / span * 100
        width = max((end - start).days / span * 100, 0.8)
        return round(left, 2), round(min(width, 100 - left), 2)


@dataclass
class Timeline:
    years: list[tuple[int, list[TimelineItem]]] = field(default_factory=list)
    before: list[TimelineItem] = field(default_factory=list)  # ended before the term
    after: list[TimelineItem] = field(default_factory=list)
    undated: list[TimelineItem] = field(default_factory=list)  # no date, or one not understood
    dates_available: bool = True
    first_year: int = TERM_FIRST_YEAR
    last_year: int = TERM_LAST_YEAR

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.years) + len(self.before) + len(self.after)


def _date_finder(first_year: int | None = None) -> Callable[[str], list[Interval]] | None:
    try:
        from akkoord.dossier.dates import find_dates
    except ImportError:
        return None
    term_start = date(first_year or TERM_FIRST_YEAR, 5, 1)  # a municipal term starts in spring after the elections
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
        # A moment without a date ("bij de volgende evaluatie") is listed under "zonder datum".
        add("moment", _shorten(fiche.adjustment_moment), fiche.adjustment_moment, intervals)
    for item in fiche.agenda:  # an agenda table of council dates (heading-structured dossiers)
        add("agenda", item.text, item.date, list(find_dates(item.date)) if find_dates else [])
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
    find_dates = _date_finder((profile_of(dossier).term or term_years(dossier.title))[0])
    out = []
    for fiche in dossier.fiches:
        dated, undated = fiche_items(fiche, find_dates)
        out.append(FicheItems(fiche.code, list(fiche.ambitions), dated, undated))
    return out, find_dates is not None


_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def term_years(*texts: str) -> tuple[int, int]:
    """The first and last year of the council term a dossier prepares: the first year named
    in its title (or file name, or short name: ``formatiedossier-2026``), else the default.
    The one place the timeline learns the term (a dossier profile can answer here later)."""
    for text in texts:
        match = _YEAR.search(text or "")
        if match:
            first = int(match.group(1))
            return first, first + (TERM_LAST_YEAR - TERM_FIRST_YEAR)
    return TERM_FIRST_YEAR, TERM_LAST_YEAR


def _merged(items: list[TimelineItem], term_start: date) -> tuple[list[TimelineItem], list[TimelineItem]]:
    """One item per thing that happens: the intervals found in one moment or one paragraph
    become a single item at its first date that is not already past when the term starts
    ("niet eerder dan 1 januari 2027" in a paragraph that also names 2021 is a 2027 item).
    A moment or expected decision whose every date lies before the term is a reference to the
    past: the moment goes to "zonder datum", the decision is left out. Sources keep their
    (last) end date, expired or not."""
    groups: dict[tuple, list[TimelineItem]] = {}
    for item in items:
        groups.setdefault((item.kind, item.fiche_code, item.subject), []).append(item)
    dated: list[TimelineItem] = []
    undated: list[TimelineItem] = []
    for (kind, _code, _subject), group in groups.items():
        if kind == "source":
            best = max(group, key=lambda i: (i.end or date.min))
            dated.append(best)
            continue
        current = [i for i in group if (i.end or i.start) and (i.end or i.start) >= term_start]
        if not current:
            if kind == "moment":
                first = group[0]
                undated.append(TimelineItem(first.kind, first.fiche_code, first.fiche_title, first.ambitions,
                                            first.subject, first.subject))
            continue
        current.sort(key=lambda i: (i.start or i.end, i.end or i.start))
        first = current[0]
        whens = list(dict.fromkeys(i.when for i in current))
        dated.append(TimelineItem(first.kind, first.fiche_code, first.fiche_title, first.ambitions, first.subject,
                                  "; ".join(whens), first.start, first.end))
    # The same moment named by two kinds (a logical moment that is also an expected decision)
    # stays under both; the same kind, fiche and dates only once.
    seen: set[tuple] = set()
    unique: list[TimelineItem] = []
    for item in dated:
        key = (item.kind, item.fiche_code, item.start, item.end, item.subject if item.kind == "source" else "")
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, undated


def timeline_from_items(items: list[FicheItems], dates_available: bool, ambition: str | None = None,
                        kinds: set[str] | None = None, term: tuple[int, int] | None = None) -> Timeline:
    """The timeline made of collected items, optionally only one ambition's fiches or some kinds.
    ``term``: first and last year (``term_years``)."""
    first_year, last_year = term or (TERM_FIRST_YEAR, TERM_LAST_YEAR)
    term_start = date(first_year, 1, 1)
    timeline = Timeline(dates_available=dates_available, first_year=first_year, last_year=last_year)
    by_year: dict[int, list[TimelineItem]] = {year: [] for year in range(first_year, last_year + 1)}
    for fiche in items:
        if ambition and ambition not in fiche.ambitions:
            continue
        dated, past_moments = _merged([i for i in fiche.dated if not kinds or i.kind in kinds], term_start)
        for item in dated:
            moment = item.sort_date
            if moment is None:
                continue
            if moment.year < first_year:
                timeline.before.append(item)
            elif moment.year > last_year:
                timeline.after.append(item)
            else:
                by_year[moment.year].append(item)
        undated = [i for i in fiche.undated if not kinds or i.kind in kinds] + past_moments
        undated.sort(key=lambda i: {"moment": 0, "external": 1, "source": 2}.get(i.kind, 3))
        timeline.undated.extend(undated)
    key = lambda item: (item.sort_date or date.max, item.fiche_code)  # noqa: E731
    timeline.years = [(year, sorted(items, key=key)) for year, items in by_year.items()]
    timeline.before.sort(key=key)
    timeline.after.sort(key=key)
    return timeline


def build_timeline(dossier: Dossier, ambition: str | None = None, kinds: set[str] | None = None,
                   term: tuple[int, int] | None = None) -> Timeline:
    """The timeline of a dossier, optionally only the fiches of one ambition or some kinds."""
    items, dates_available = collect_items(dossier)
    return timeline_from_items(items, dates_available, ambition, kinds, term)


# ------------------------------------------------------------------------ the term at a glance

KIND_ORDER = ("source", "moment", "external", "agenda")
KIND_SHORT = {"source": "einddatum", "moment": "moment", "external": "extern besluit", "agenda": "raadsagenda"}
KIND_PLURAL = {"source": "einddata", "moment": "momenten", "external": "externe besluiten",
               "agenda": "raadsagendapunten"}


@dataclass
class ChartMark:
    kind: str
    count: int
    x: float
    y: float

    @property
    def square(self) -> tuple[float, float]:
        return round(self.x - 12, 1), round(self.y - 12, 1)

    @property
    def diamond(self) -> str:
        x, y = self.x, self.y
        return f"{x:.1f},{y - 15:.1f} {x + 15:.1f},{y:.1f} {x:.1f},{y + 15:.1f} {x - 15:.1f},{y:.1f}"

    @property
    def text_y(self) -> float:
        return round(self.y + 5, 1)


@dataclass
class ChartRow:
    key: str
    label: str
    y: float
    cells: list[list[int]]  # per column: count per kind (KIND_ORDER)

    @property
    def band_y(self) -> float:
        return round(self.y - 20, 1)

    @property
    def text_y(self) -> float:
        return round(self.y + 5, 1)

    def describe(self, column: int) -> str:
        parts = [f"{n} {KIND_SHORT[k] if n == 1 else KIND_PLURAL[k]}"
                 for k, n in zip(KIND_ORDER, self.cells[column]) if n]
        return ", ".join(parts) or "–"


@dataclass
class Chart:
    """A server-drawn picture of the term: rows (ambitions or fiches) against the years, per
    cell a mark per kind with its count. ``rows`` doubles as the table alternative."""

    columns: list[str]
    rows: list[ChartRow]
    marks: list[ChartMark]
    width: int
    height: int
    label_width: int
    column_width: float
    row_height: int
    top: int

    @property
    def column_lines(self) -> list[tuple[float, str, float]]:
        """(x of the column's left edge, its label, x of its middle)."""
        return [(round(self.label_width + i * self.column_width, 1), label,
                 round(self.label_width + (i + 0.5) * self.column_width, 1)) for i, label in enumerate(self.columns)]

    @property
    def grid_top(self) -> int:
        return self.top - 6

    @property
    def empty(self) -> bool:
        return not self.marks


def term_chart(timeline: Timeline, rows: list[tuple[str, str]], row_keys: Callable[[TimelineItem], list[str]],
               width: int = 960, label_width: int = 260, row_height: int = 40, top: int = 34) -> Chart:
    """Count the dated items of ``timeline`` per row and year (plus "later" when there are
    items after the term) and place their marks. ``row_keys(item)``: the rows an item
    belongs to (an item of a fiche with two ambitions counts in both)."""
    years = list(range(timeline.first_year, timeline.last_year + 1))
    columns = [str(y) for y in years] + ([f"na {timeline.last_year}"] if timeline.after else [])
    index = {key: i for i, (key, _) in enumerate(rows)}
    counts = [[[0] * len(KIND_ORDER) for _ in columns] for _ in rows]
    placed = [(y, items) for y, items in timeline.years] + ([(None, timeline.after)] if timeline.after else [])
    for year, items in placed:
        column = years.index(year) if year is not None else len(columns) - 1
        for item in items:
            for key in row_keys(item):
                if key in index:
                    counts[index[key]][column][KIND_ORDER.index(item.kind)] += 1
    column_width = (width - label_width) / max(len(columns), 1)
    chart_rows: list[ChartRow] = []
    marks: list[ChartMark] = []
    for r, (key, label) in enumerate(rows):
        y = top + r * row_height + row_height / 2
        chart_rows.append(ChartRow(key, label, y, counts[r]))
        for c, cell in enumerate(counts[r]):
            for k, n in enumerate(cell):
                if n:
                    x = label_width + c * column_width + column_width * (k + 1) / (len(KIND_ORDER) + 1)
                    marks.append(ChartMark(KIND_ORDER[k], n, round(x, 1), round(y, 1)))
    height = top + len(rows) * row_height + 8
    return Chart(columns, chart_rows, marks, width, height, label_width, column_width, row_height, top)
