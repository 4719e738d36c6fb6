"""Text extracted column by column: a fiche table's labels first, then all its values.

``pdftotext`` without ``-layout`` writes a two-column fiche table one column at a time: the
label column (``Huidig beleid``, ``Vastgelegd in``, …) and then, in the same order, the value
column; on a page break the next page's labels come before its values. The reader finds the
labels (``readers/text.py``); what is left between them is the *value stream*. This module
gives that stream back to the labels, by layout and by the kind of content, never by the
wording of one dossier:

* the stream is cut into *units* where a paragraph may end: a blank line, a bullet glyph or
  number, a line that ended where the next word would have fitted, a sentence end;
* each field accepts some kinds of unit better than others (a source carries an end date, an
  ambition a checkbox, an advice point is a bullet or a question, partners are names, a
  ``Zie ook`` value names other topics, ``-`` is an empty value);
* every label gets one contiguous block of units, in order; the cheapest assignment wins
  (dynamic programming), with a cost for a label left empty and for a cut that is no
  paragraph end.

The three-column policy table (``Beleidsveld | Kansen | Risico's``) comes out the same way:
the area column, then the opportunity column, then the risk column, with a page break
starting a new round. ``column_table`` pairs the cells by order and by layout (blank lines
where a row has no cell).

Pure: no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from akkoord.dossier.fields import FUNCTION_WORDS, continues, ends_sentence
from akkoord.dossier.model import PolicyArea
from akkoord.dossier.profile import Profile, covers
from akkoord.dossier.readers.template import (
    ADJUSTMENT_TAIL_PATTERN,
    END_DATE_PATTERN,
    match_table_header,
)
from akkoord.dossier.textclean import has_enumerator, join_lines, normalise_whitespace, split_bullet

Line = tuple[int, str]

_END_DATE = re.compile(END_DATE_PATTERN)
_ADJUSTMENT_TAIL = re.compile(ADJUSTMENT_TAIL_PATTERN)
_BOX = re.compile(r"^\s*[☐☒☑□■✓✔]\s*")
_MARKED_NAME = re.compile(r"^\s*[xX]\s+(?=\S)")
# A topic named by number or code: ``thema 2.1``, ``Onderwerp 1A``, ``paragraaf 3.2``.
_TOPIC_REFERENCE = re.compile(r"\b(?:thema|onderwerp|fiche|paragraaf)\s+\d{1,2}(?:\.\d{1,2}|\s?[A-Z]\b)",
                              re.IGNORECASE)
_EMPTY_VALUE = re.compile(r"^(?:[-–—]+|n\.?\s?v\.?\s?t\.?|niet\s+van\s+toepassing\.?)$", re.IGNORECASE)
# ``… Einddatum: 2028``: a source whose end date is complete; a capital on the next line starts the next.
_DATED = re.compile(END_DATE_PATTERN + r"\s*[^\s:]")
_GROUP = re.compile(r"^[^\W\d][^:]{0,40}:$")

# Costs of a unit of each kind in each field (lower fits better); missing: ``_OTHER``.
_COSTS: dict[str, dict[str, float]] = {
    "current_line": {"sentence": 0, "bullet": 0.4, "name": 0.6, "group": 0.6, "question": 1, "date": 3,
                     "tail": 4, "reference": 2},
    "sources": {"date": 0, "bullet": 0.3, "name": 0.5, "sentence": 2.5, "group": 2, "question": 3,
                "tail": 4, "reference": 3},
    "adjustment_moment": {"tail": -2, "sentence": 0, "bullet": 0.8, "name": 1, "group": 1, "date": 2,
                          "question": 2, "reference": 2},
    "external_changes": {"sentence": 0, "bullet": 0.2, "group": 0.2, "name": 1, "date": 2, "question": 1.5,
                         "tail": 4, "reference": 2},
    "partners": {"name": 0, "group": 0, "bullet-name": 0, "bullet": 1.5, "sentence": 1.5, "date": 3,
                 "question": 3, "tail": 4, "reference": 2},
    "advice": {"question": 0, "bullet": 0.1, "sentence": 0.4, "name": 1, "group": 0.8, "date": 2.5,
               "tail": 4, "reference": 2},
    "related": {"reference": 0},
}
_OTHER = 4.0
_EMPTY_FIELD = 2.5  # a label that gets no value at all
_MIXED_EMPTY = 3.0  # ``-`` beside other values
_WEAK_CUT = 1.0  # a field boundary at a cut that is probably no paragraph end
# Fields a stream may hold (the Opgave marks are taken first, the policy table apart).
STREAM_FIELDS = tuple(_COSTS)


@dataclass
class _Unit:
    lines: list[Line]
    kind: str
    weak_start: bool = False  # the cut before it is probably no paragraph end

    @property
    def text(self) -> str:
        return join_lines([split_bullet(t)[1] for _, t in self.lines])


def _width(lines: list[Line]) -> int:
    return max((len(t.rstrip()) for _, t in lines if t.strip() and "://" not in t), default=0)


# Characters are no measure of a proportional font: a word fitted when it leaves this margin.
_FIT_MARGIN = 0.95


def _fits(previous: str, text: str, width: int) -> bool:
    """Would the first word of ``text`` have fitted on ``previous`` (so the break was made on purpose)?"""
    word = text.split(" ", 1)[0]
    return len(previous.rstrip()) + 1 + len(word) <= width * _FIT_MARGIN


def _open_parens(lines: list[Line]) -> int:
    text = " ".join(t for _, t in lines)
    return text.count("(") - text.count(")")


def _label_tail(text: str) -> bool:
    """``over:`` — the end of a label that a page break separated from its start."""
    words = text.rstrip(":").split()
    return text.rstrip().endswith(":") and bool(words) and all(w.lower() in FUNCTION_WORDS for w in words)


def _kind(text: str, glyph: bool) -> str:
    plain = normalise_whitespace(text)
    if _EMPTY_VALUE.match(plain):
        return "empty"
    if _ADJUSTMENT_TAIL.search(plain):
        return "tail"
    if _END_DATE.search(plain):
        return "date"
    if plain.endswith("?"):
        return "question"
    if _TOPIC_REFERENCE.search(plain) and not ends_sentence(plain) and len(plain.split()) <= 25:
        return "reference"
    if _GROUP.match(plain) and len(plain.split()) <= 4:
        return "group"
    pieces = [p for p in re.split(r",|;|\s+en\s+", plain) if p.strip()]
    if (plain[:1].isupper() and not ends_sentence(plain)
            and all(len(p.split()) <= 7 for p in pieces) and len(plain.split()) <= 40):
        return "bullet-name" if glyph else "name"
    return "bullet" if glyph else "sentence"


def split_units(lines: list[Line]) -> list[_Unit]:
    """Cut a value stream where a paragraph may end (see the module docstring)."""
    width = _width(lines)
    units: list[_Unit] = []
    current: list[Line] = []
    glyph = weak = False
    previous = ""

    def close() -> None:
        if current:
            units.append(_Unit(list(current), _kind(join_lines([split_bullet(t)[1] for _, t in current]), glyph),
                               weak))

    blank_seen = False
    for no, text in lines:
        if not text.strip():
            blank_seen = True
            continue
        if _label_tail(text.strip()):
            continue
        bullet, rest = split_bullet(text)
        numbered = has_enumerator(rest if bullet else text)
        start = strong = False
        open_paren = current and not (bullet or numbered or blank_seen) and _open_parens(current) > 0
        group = _GROUP.match(previous.strip()) and len(previous.split()) <= 4
        if open_paren:
            pass  # ``(geldig tot:`` / ``31-12-2026)``
        elif blank_seen and current and text[:1].islower() and not ends_sentence(previous):
            start = True  # a sentence broken by a page break, or a value starting in mid-sentence
        elif not current or blank_seen or bullet or numbered or group:
            start = strong = True
        elif _DATED.search(previous) and text[:1].isupper():
            start = strong = True
        elif ends_sentence(previous) or previous.rstrip().endswith("?"):
            start = True
            strong = _fits(previous, text, width) or text[:1].isupper() and not continues(previous, text)
        elif text[:1].isupper() and not continues(previous, text, long_line=width) and _fits(previous, text, width):
            start = strong = True
        elif (_fits(previous, text, width) and not previous.rstrip().endswith((",", "(", "-", ":"))
              and previous.split()[-1].lower() not in FUNCTION_WORDS):
            start = True  # a short line before a lower-case one: perhaps a value starting in mid-sentence
        if start:
            close()
            current = []
            glyph = bullet or numbered
            weak = not strong
        current.append((no, text))
        previous = text
        blank_seen = False
    close()
    return units


def opgave_prefix(lines: list[Line], profile: Profile | None = None) -> int:
    """How many leading lines of a value stream are the Opgave list: lines with a checkbox or
    a mark, and names of ``profile``'s ambitions (without a profile: short names)."""
    count = 0
    for k, (_, text) in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            if count:
                count = k + 1
            continue
        if profile is not None and profile.ambitions:
            name = covers(profile, _MARKED_NAME.sub("", stripped) if _MARKED_NAME.match(stripped) else stripped)
        else:
            name = (len(stripped.split()) <= 6 and stripped[:1].isupper() and not ends_sentence(stripped)
                    and not stripped.endswith(":") and "," not in stripped)
        if _BOX.match(stripped) or name:
            count = k + 1
            continue
        break
    return count


def _unit_cost(fname: str, unit: _Unit, alone: bool) -> float:
    if unit.kind == "empty":
        return 0.0 if alone else _MIXED_EMPTY
    costs = _COSTS[fname]
    if unit.kind == "bullet-name" and "bullet-name" not in costs:
        return costs.get("bullet", _OTHER)
    return costs.get(unit.kind, _OTHER)


def assign_stream(fields: list[str], lines: list[Line], profile: Profile
                  ) -> tuple[dict[str, list[Line]], list[Line]]:
    """Give the value stream ``lines`` to ``fields`` (the labels in their order). Returns the
    lines of each field (units separated by a blank line) and the lines that could not be
    placed (kept by the caller as a warning)."""
    out: dict[str, list[Line]] = {}
    rest = lines
    if "ambitions" in fields:
        count = opgave_prefix(lines, profile)
        out["ambitions"] = lines[:count]
        rest = lines[count:]
    names = [f for f in fields if f in _COSTS]
    units = split_units(rest)
    if not names:
        return out, rest
    n, m = len(units), len(names)
    inf = float("inf")
    # best[i][j]: cost of giving units[:i] to names[:j]; choice[i][j]: where names[j-1] starts
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    choice = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        fname = names[j - 1]
        prefix = [0.0]  # costs of units[:x] in this field
        for unit in units:
            prefix.append(prefix[-1] + _unit_cost(fname, unit, alone=False))
        for i in range(0, n + 1):
            # names[j-1] takes units[k:i]
            for k in range(0, i + 1):
                if best[k][j - 1] == inf:
                    continue
                if k == i:
                    cost = _EMPTY_FIELD
                elif i - k == 1:
                    cost = _unit_cost(fname, units[k], alone=True)
                else:
                    cost = prefix[i] - prefix[k]
                if k < i and k > 0 and units[k].weak_start:
                    cost += _WEAK_CUT
                total = best[k][j - 1] + cost
                if total < best[i][j]:
                    best[i][j], choice[i][j] = total, k
    i = n
    spans: dict[str, tuple[int, int]] = {}
    for j in range(m, 0, -1):
        k = choice[i][j]
        spans[names[j - 1]] = (k, i)
        i = k
    for fname in names:
        k, i = spans[fname]
        block: list[Line] = []
        for unit in units[k:i]:
            if unit.kind == "empty":
                continue
            if fname == "sources":  # one line per source, so that a wrapped end date stays with it
                if block and unit.weak_start:
                    block[-1] = (block[-1][0], join_lines([block[-1][1], unit.text]))
                else:
                    block.append((unit.lines[0][0], unit.text))
                continue
            if block and not unit.weak_start:
                block.append((unit.lines[0][0], ""))
            block.extend(unit.lines)
        out[fname] = block
    return out, []


# --- the policy table, column by column ------------------------------------------------


@dataclass
class _Cell:
    lines: list[str]
    gap_before: bool = False  # a blank line or other text stood between it and the previous cell
    # How sure the start of this cell is: 2 a paragraph of its own, 1 the line before ended
    # where the next word would have fitted, 0 a capital after a full line.
    certainty: int = 2

    @property
    def text(self) -> str:
        return normalise_whitespace(join_lines(self.lines))


@dataclass
class _Column:
    cells: list[_Cell] = field(default_factory=list)
    gap: bool = False


def starts_column_table(text: str) -> bool:
    """Is ``text`` the header of the area column, alone on its line?"""
    return match_table_header(text) == "area"


def _area_like(para: list[str]) -> bool:
    words = " ".join(para).split()
    return (1 <= len(words) <= 2 * len(para) + 1 and len(para) <= 3 and para[0][:1].isupper()
            and not ends_sentence(para[-1]) and not para[-1].rstrip().endswith((",", ":")))


def _paragraphs(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    current: list[str] = []
    for text in lines:
        if not text.strip():
            if current:
                out.append(current)
                current = []
            continue
        current.append(text.strip())
    if current:
        out.append(current)
    return out


def _cells(para: list[str], width: int, column: _Column, gap: bool) -> None:
    """Add the cells of one paragraph of a column; a lower-case first line continues the
    column's last cell (a cell broken by a page break)."""
    first = True
    for text in para:
        last = column.cells[-1] if column.cells else None
        if first and last is not None and (text[:1].islower() or continues(last.lines[-1], text, long_line=10_000)
                                           and not text[:1].isupper()):
            last.lines.append(text)
        elif not first and last is not None:
            fitted = len(last.lines[-1]) + 1 + len(text.split(" ", 1)[0]) <= width
            opened = last.text.count("(") > last.text.count(")")
            if text[:1].islower() or opened or not fitted and continues(last.lines[-1], text, long_line=10_000):
                last.lines.append(text)
            else:  # a capital where the line before ended early, or after a complete line
                column.cells.append(_Cell([text], certainty=1 if fitted else 0))
        else:
            column.cells.append(_Cell([text], gap_before=gap if first else False))
        first = False


def _place(cells: list[_Cell], rows: int) -> list[str]:
    """The cells of one column on ``rows`` rows: in order, skipping a row where a gap stands
    before a cell while there are more rows left than cells."""
    cells = [_Cell(list(c.lines), c.gap_before, c.certainty) for c in cells]
    while len(cells) > rows > 0:  # more cells than rows: undo the least certain cut
        k = min(range(1, len(cells)), key=lambda x: (cells[x].certainty, -x))
        cells[k - 1].lines.extend(cells[k].lines)
        del cells[k]
    out = [""] * rows
    pointer = 0
    for k, cell in enumerate(cells):
        if cell.gap_before and rows - pointer > len(cells) - k:
            pointer += 1
        if pointer >= rows:
            out[-1] = normalise_whitespace(f"{out[-1]} {cell.text}")
            continue
        out[pointer] = cell.text
        pointer += 1
    return out


def _add_areas(areas: list[list[str]], para: list[str]) -> None:
    """One area per line, a wrapped name (``Landbouw en`` / ``natuur``) kept together."""
    for k, text in enumerate(para):
        if k and (continues(areas[-1][-1], text, long_line=10_000) or text[:1].islower()):
            areas[-1].append(text)
        else:
            areas.append([text])


def column_table(lines: list[str]) -> tuple[list[PolicyArea], list[str]]:
    """The rows of a policy table written column by column (header lines alone on a line:
    ``Beleidsveld``, ``Kansen``, ``Risico's``). After the first round, a short paragraph that
    follows a cell is the next round's area (the rows after a page break) when every row so far
    has its cell in that column, and the paragraphs after it fill the opportunity and then the
    risk column. Returns (rows, unplaced text)."""
    width = {"opportunity": 0, "risk": 0}
    region = None
    regions: list[tuple[str, str]] = []  # (header column, line) in order
    for text in lines:
        column = match_table_header(text) if text.strip() and len(text.split()) <= 3 else None
        if column:
            region = column
            regions.append((column, ""))
            continue
        if region is None:
            continue
        regions.append((region, text))
        if region in width and text.strip():
            width[region] = max(width[region], len(text.strip()))
    areas: list[list[str]] = []
    columns = {"opportunity": _Column(), "risk": _Column()}
    # Walk the paragraphs of each header region.
    current_region = None
    buffer: list[str] = []
    sequence: list[tuple[str, list[str]]] = []  # (region, paragraph)

    def flush() -> None:
        if buffer and not buffer[0].strip() and current_region in columns:
            columns[current_region].gap = True  # a blank line under the header: its first row is empty
        for para in _paragraphs(buffer):
            sequence.append((current_region, para))
        buffer.clear()

    for column, text in regions:
        if column != current_region:
            flush()
            current_region = column
            sequence.append((column, []))  # the header itself
            continue
        buffer.append(text)
    flush()
    previous_kind = "header"
    round_column: str | None = None  # after a later round's area: the column of the next paragraph
    for column, para in sequence:
        if not para:
            previous_kind, round_column = "header", None
            continue
        if column == "area":
            _add_areas(areas, para)
            previous_kind = "area"
            continue
        target = round_column or column
        full = len(columns[target].cells) >= len(areas)  # every row so far has a cell in this column
        if previous_kind == "cell" and _area_like(para) and full and round_column != "risk":
            _add_areas(areas, para)
            previous_kind, round_column = "area", "opportunity"
            for col in columns.values():
                col.gap = bool(col.cells)
            continue
        col = columns[target]
        _cells(para, width.get(target) or _width([(0, t) for t in para]), col, gap=col.gap)
        col.gap = True
        previous_kind = "cell"
        if round_column == "opportunity":
            round_column = "risk"
        elif round_column == "risk":
            round_column = None
    names = [normalise_whitespace(join_lines(a)) for a in areas]
    if not names:
        leftover = [c.text for col in columns.values() for c in col.cells]
        return [], leftover
    opps = _place(columns["opportunity"].cells, len(names))
    risks = _place(columns["risk"].cells, len(names))
    return [PolicyArea(area, opp, risk) for area, opp, risk in zip(names, opps, risks)], []
