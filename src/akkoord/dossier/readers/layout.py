"""Layout-preserving text (``pdftotext -layout``) back into the reading order of the reader.

A layout extraction keeps the two columns of a fiche side by side on one physical line,
separated by a run of spaces::

    De lijn die we hebben          1. Eerste punt van de lijn …
    ingezet is……                   dat over twee regels loopt.

The text reader expects the label lines first and the value lines after them, as the
ordinary extraction gives. :func:`unfold_layout` detects layout text and rewrites every
table row that way: the left-column lines (the label), then the right-column lines (the
value). The three-column policy table (``Beleidsterrein  (Subsidie)kans  Risico``) is cut
at the columns of its header; each row becomes an area paragraph followed by one paragraph
per filled cell, the form ``fields.parse_policy_table`` reads. Rows of the ``Opgave``
block, headings, footnotes, page footers and URL dumps stay as they are.

Text that is not layout text is returned unchanged (the same string).
"""
from __future__ import annotations

import re

from akkoord.dossier.fields import split_area_cell
from akkoord.dossier.readers.template import (
    ADJUSTMENT_TAIL_PATTERN,
    TABLE_HEADER_PATTERN,
    match_label,
)

_GAP = re.compile(r"\S( {3,})(?=\S)")
_SIDE_BY_SIDE = re.compile(r"^\S.*?\S {3,}\S")
_RIGHT_ONLY = re.compile(r"^ {8,}\S")
_TABLE_HEADER = re.compile(TABLE_HEADER_PATTERN)
_HEADING = re.compile(r"^\s*Onderwerp\b")
_FOOTER = re.compile(r"\b(?:pagina|page|blz\.?)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?\s*$", re.IGNORECASE)
_ADJUSTMENT_TAIL = re.compile(r"\s*(?:" + ADJUSTMENT_TAIL_PATTERN + r")[\s.]*$", re.IGNORECASE)
_LINKS_HEADING = re.compile(r"^\s*links\s*:?\s*$", re.IGNORECASE)
_URL_START = re.compile(r"^\W{0,3}\s*(?:https?://|www\.)", re.IGNORECASE)
_URL_ITEM = re.compile(r"^[^\w\s]{0,3}\s*((?:https?://|www\.)\S+)\s*$", re.IGNORECASE)
_URL_REST = re.compile(r"^ {1,8}(\S+)\s*$")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+\S")
_CHUNK = re.compile(r"\S+(?: {1,2}\S+)*")
# What an area name that goes on to the next line ends with.
_AREA_OPEN_END = re.compile(r"(?:[,&/\-–—(]|\b(?:en|of|van|voor|de|het|met|in|op|te|tot|bij))$", re.IGNORECASE)

MIN_LINES = 20  # side-by-side lines needed before a text counts as layout text
MIN_SHARE = 0.15  # … and their share of the non-blank lines


def is_layout_text(lines: list[str]) -> bool:
    """Many lines with text on both sides of a wide gap, or indented deep into a column."""
    filled = [line for line in lines if line.strip()]
    if not filled:
        return False
    side = sum(1 for line in filled if _SIDE_BY_SIDE.match(line))
    deep = sum(1 for line in filled if _RIGHT_ONLY.match(line))
    return side >= MIN_LINES and (side + deep) >= MIN_SHARE * len(filled)


def _split_two(line: str) -> tuple[str, str, int] | None:
    """(left, right, column of right) of a side-by-side or right-only line, else None."""
    if _RIGHT_ONLY.match(line):
        stripped = line.lstrip(" ")
        return "", stripped.rstrip(), len(line) - len(stripped)
    m = _GAP.search(line)
    if m and not line[:1].isspace() and any(ch.isalnum() for ch in line[:m.start(1)]):
        col = m.end(1)
        return line[:m.start(1)].rstrip(), line[col:].rstrip(), col
    return None


class _Run:
    """One row of the two-column table: its label lines and its value lines."""

    def __init__(self) -> None:
        self.left: list[str] = []
        self.right: list[str] = []
        self.raw: list[str] = []
        self.col = 0
        self.last_had_left = False

    def add(self, left: str, right: str, raw: str, col: int = 0) -> None:
        if left:
            self.left.append(left)
        if right:
            self.right.append(right)
            self.col = max(self.col, col)
        self.raw.append(raw)
        self.last_had_left = bool(left)

    def lines(self) -> list[str]:
        if self.left and match_label(" ".join(self.left)) == "ambitions":
            return list(self.raw)  # the ambitions block reads fine as it is
        if not self.left:
            return list(self.right)
        label = _join(self.left)
        tail = _ADJUSTMENT_TAIL.search(label)
        if tail and self.right:  # ``… is <value> een logisch moment.``: the value goes inside
            head = label[:tail.start()].rstrip().rstrip("….").rstrip()
            return [head] + self.right + [label[tail.start():].strip()]
        return [label] + self.right


def _starts_label(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper()


def _table_columns(header: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", header)][:3]


def _pieces(line: str, cols: list[int]) -> list[tuple[int, str]]:
    """Chunks of text with their start; a chunk that runs over the start of the next column
    (a cell written up to its edge, one space from the next) is cut at the word break
    nearest to that column, preferring a break before a capital."""
    out: list[tuple[int, str]] = []
    for m in _CHUNK.finditer(line):
        start, chunk = m.start(), m.group(0)
        for col in cols[1:]:
            if start < col - 2 and start + len(chunk) > col + 2:
                breaks = [start + k for k, ch in enumerate(chunk) if ch == " " and abs(start + k - col) <= 8]
                if not breaks:
                    continue
                capital = [b for b in breaks if line[b + 1:b + 2].isupper()]
                cut = min(capital or breaks, key=lambda b: abs(b - col))
                out.append((start, line[start:cut].rstrip()))
                chunk = line[cut + 1:start + len(chunk)]
                start = cut + 1
        out.append((start, chunk))
    return out


def _cells(line: str, cols: list[int]) -> list[str]:
    """The text of each table column in one line (chunks assigned by their start)."""
    out = ["", "", ""]
    for start, chunk in _pieces(line, cols):
        idx = 0
        for k, col in enumerate(cols):
            if start >= col - 2:
                idx = k
        out[idx] = f"{out[idx]} {chunk}".strip()
    return out


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and part[:1].islower() and len(text) > 1 and text[-2].isalpha():
            text = text[:-1] + part
        else:
            text = f"{text} {part}".strip()
    return text


def _table(lines: list[str], start: int, cols: list[int]) -> tuple[list[str], int]:
    """Rewrite the table whose rows start at ``start``; returns the lines and the index after it."""
    rows: list[list[list[str]]] = []  # [area lines, opportunity lines, risk lines]
    prev_area = ""
    i = start
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            break
        if _HEADING.match(line) or _FOOTER.search(stripped):
            break
        first = _CHUNK.search(line)
        if first and first.start() < cols[1] - 2 and (first.end() > cols[-1] + 2 or _FOOTNOTE.match(line)):
            break  # full-width text or a footnote: the table has ended
        cells = _cells(line, cols)
        area = cells[0]
        new_row = bool(area) and (not rows or not prev_area or (
            _starts_label(area) and not _AREA_OPEN_END.search(prev_area)
            and prev_area.count("(") <= prev_area.count(")")
            and not any(c[:1].islower() for c in cells[1:] if c)))
        if new_row or not rows:
            rows.append([[], [], []])
        for k, cell in enumerate(cells):
            if cell:
                rows[-1][k].append(cell)
        prev_area = area
        i += 1
    out: list[str] = []
    pending_areas: list[str] = []
    for row in rows:
        area = _join(row[0])
        cells = [_join(c) for c in row[1:] if c]
        if not cells:
            pending_areas.append(area)
            continue
        out.extend(pending_areas)
        pending_areas = []
        if split_area_cell(f"{area} {cells[0]}") == (area, cells[0]):
            out.extend([f"{area} {cells[0]}", ""])
            cells = cells[1:]
        else:
            out.extend([area, ""])
        for cell in cells:
            out.extend([cell, ""])
    out.extend(pending_areas)
    while out and not out[-1]:
        out.pop()
    return out, i


def unfold_layout(text: str) -> str:
    """Layout text rewritten into label-then-value order; other text returned unchanged."""
    lines = text.split("\n")
    if not is_layout_text(lines):
        return text
    out: list[str] = []
    run: _Run | None = None

    def flush() -> None:
        nonlocal run
        if run is not None:
            out.extend(run.lines())
            run = None

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if _TABLE_HEADER.match(line):
            flush()
            out.append(line)
            rows, i = _table(lines, i + 1, _table_columns(line))
            out.extend(rows)
            continue
        url = _URL_ITEM.match(line)
        if url:  # an item of the URL list: the address alone, its wrapped rest unindented
            flush()
            out.append(url.group(1))
            i += 1
            while i < n and _URL_REST.match(lines[i]):
                out.append(lines[i].strip())
                i += 1
            continue
        parts = _split_two(line) if not _HEADING.match(line) else None
        if parts is None:
            stripped = line.strip()
            if _LINKS_HEADING.match(line) and _URL_START.match(next((x for x in lines[i + 1:] if x.strip()), "")):
                flush()
                i += 1
                continue  # the heading of the URL list, no field of its own
            left_cont = (run is not None and run.last_had_left and stripped and not line[:1].isspace()
                         and len(stripped) < max(run.col - 2, 1) and not _FOOTER.search(stripped))
            if left_cont:
                run.add(stripped, "", line)
            else:
                flush()
                out.append(line)
            i += 1
            continue
        left, right, col = parts
        if left and (run is None or _starts_label(left) or not run.last_had_left):
            flush()
            run = _Run()
        if run is None:
            run = _Run()
        run.add(left, right, line, col)
        i += 1
    flush()
    return "\n".join(out)
