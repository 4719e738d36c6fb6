"""Reader for dossiers as PDF files: uses the page layout instead of interleaved text.

Text, glyph positions, ruling lines and link annotations come from PDFium (``pypdfium2``,
the fast C renderer that pdfplumber itself depends on); the ruling lines go through
pdfplumber's table finder (``merge_edges`` → ``edges_to_intersections`` →
``intersections_to_cells`` → ``cells_to_tables``) to get the cells of the fiche table and of
the policy table. Every word goes to the cell that holds it, so the label column, the value
column and the table cells stay apart. Where a page has no ruling lines, the columns are
found from word positions (the vertical gutter between labels and values).

Around that: superscript footnote marks are dropped from the text and the footnotes at the
foot of the page are read; lines that repeat at the top or bottom of many pages (running
header, footer, page number) are dropped; a table row cut by a page break continues on the
next page; hyperlink targets come from the link annotations (a visible URL covered by one is
replaced by its target; a bare URL without one is taken from the text, joined when wrapped).

Bad input ends in a DossierError with a one-line Dutch message: an encrypted file, a file
without a text layer (no OCR), a damaged file, too many pages, or a document that takes
longer than the time limit (checked between pages and, in the main thread, by an alarm).
"""
from __future__ import annotations

import ctypes
import re
import signal
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from akkoord.dossier.errors import DossierError, ReaderTimeout
from akkoord.dossier.progress import report
from akkoord.dossier.fiche_assembly import Cell, FicheAssembler, Para
from akkoord.dossier.model import ReadResult
from akkoord.dossier.readers.template import (
    match_label,
    match_table_header,
    normalise_label,
    parse_heading,
)
from akkoord.dossier.textclean import BULLET_GLYPHS, is_url_like, join_two

TIME_LIMIT_SECONDS = 60.0
MAX_PAGES = 2000
# Share of the page height at the top and bottom where running headers and footers live.
MARGIN_ZONE = 0.12
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?)?\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$", re.IGNORECASE)
_URL_PIECE = re.compile(r"^[\w\-.~:/?#\[\]@!$&'()*+,;=%]+$")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    superscript: bool = False
    uri: str | None = None
    bold: bool = False


@dataclass
class Line:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w.size for w in self.words if not w.superscript]
        return max(sizes) if sizes else max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    edges: list[dict]
    links: list[tuple[str, tuple[float, float, float, float]]]  # (uri, (x0, top, x1, bottom))
    images: int = 0


@dataclass
class _Item:
    """Something on a page in reading order: a table row, a loose paragraph, a footnote."""

    top: float
    kind: str  # "row", "para", "footnote"
    cells: list[list[Line]] = field(default_factory=list)  # for rows: lines per cell
    cell_boxes: list[tuple[float, float]] = field(default_factory=list)  # (x0, x1) per cell
    lines: list[Line] = field(default_factory=list)  # for paragraphs and footnotes
    table: int = -1
    bottom: float = 0.0


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def read_pdf(path: str | Path, time_limit: float = TIME_LIMIT_SECONDS, profile=None) -> ReadResult:
    """Read a dossier from a PDF file. Raises DossierError (Dutch message) for bad input.
    ``profile``: the profile kept from an earlier version of the same dossier."""
    path = Path(path)
    started = time.monotonic()
    with _alarm(time_limit + 5, path.name):
        document = _open(path)
        try:
            reader = _PdfReader(document, path.name, time_limit, started)
            reader.base_profile = profile
            return reader.read()
        finally:
            document.close()


@contextmanager
def _alarm(seconds: float, name: str):
    """A hard stop in the main thread, for a page that PDFium itself spends too long on."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise ReaderTimeout(f"{name}: tijdslimiet van {seconds - 5:.0f} s overschreden; het lezen is afgebroken.")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _open(path: Path):
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except FileNotFoundError:
        raise DossierError(f"{path}: bestand bestaat niet.") from None
    except OSError as exc:
        raise DossierError(f"{path.name}: kan niet gelezen worden ({exc.strerror or exc}).") from None
    if b"%PDF-" not in head:
        raise DossierError(f"{path.name}: geen PDF-bestand.")
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if exc.err_code == raw.FPDF_ERR_PASSWORD:
            raise DossierError(f"{path.name}: de PDF is versleuteld met een wachtwoord; "
                               "sla hem onversleuteld op en probeer opnieuw.") from None
        if exc.err_code == raw.FPDF_ERR_SECURITY:
            raise DossierError(f"{path.name}: de PDF gebruikt een niet-ondersteunde beveiliging.") from None
        raise DossierError(f"{path.name}: beschadigd of onvolledig PDF-bestand; het kan niet worden gelezen.") from None
    if len(document) == 0:
        document.close()
        raise DossierError(f"{path.name}: beschadigd of onvolledig PDF-bestand (geen pagina's).")
    if len(document) > MAX_PAGES:
        count = len(document)
        document.close()
        raise DossierError(f"{path.name}: {count} pagina's; meer dan {MAX_PAGES} is geen dossier.")
    return document


# ---------------------------------------------------------------------------------------
# Extraction with PDFium
# ---------------------------------------------------------------------------------------


def extract_page(document, index: int) -> PageContent:
    """Words, ruling edges, link annotations and image count of one page."""
    return _extract(document, index, _words)


def extract_segments(document, index: int) -> PageContent:
    """Like ``extract_page``, with PDFium's text segments (a run of text on one line, as the
    producer wrote it) instead of words: a few calls per segment instead of several per
    character. Enough for the heading reader, which needs lines, type sizes and cells."""
    return _extract(document, index, _segments)


def _extract(document, index: int, text_units) -> PageContent:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = text_units(textpage, height)
        finally:
            textpage.close()
        edges, images = _edges(page, height)
        links = _links(document, page, height)
    finally:
        page.close()
    return PageContent(index + 1, width, height, words, edges, links, images)


def _segments(textpage, height: float) -> list[Word]:
    from pypdfium2 import raw

    handle = textpage.raw
    count = raw.FPDFText_CountRects(handle, 0, -1)
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    buffer = (ctypes.c_ushort * 4096)()
    font_name = ctypes.create_string_buffer(96)
    font_flags = ctypes.c_int()
    out: list[Word] = []
    for i in range(count):
        if not raw.FPDFText_GetRect(handle, i, ctypes.byref(left), ctypes.byref(top), ctypes.byref(right),
                                    ctypes.byref(bottom)):
            continue
        n = raw.FPDFText_GetBoundedText(handle, left, top, right, bottom, buffer, 4095)
        text = ctypes.string_at(buffer, 2 * max(0, n)).decode("utf-16-le", errors="replace").replace("\x00", "")
        text = " ".join(text.replace("\x02", "-").split())
        if not text:
            continue
        probe = raw.FPDFText_GetCharIndexAtPos(handle, left.value + 0.5, (top.value + bottom.value) / 2,
                                               max(1.0, right.value - left.value), 2.0)
        size, bold = 0.0, False
        if probe >= 0:
            size = raw.FPDFText_GetFontSize(handle, probe)
            k = raw.FPDFText_GetFontInfo(handle, probe, font_name, 96, ctypes.byref(font_flags))
            bold = b"bold" in font_name.raw[:max(0, k)].lower() or bool(font_flags.value & (1 << 18))
        size = size or (top.value - bottom.value)
        out.append(Word(text, left.value, right.value, height - top.value, height - bottom.value, size, bold=bold))
    return out


def group_segments(segments: list[Word]) -> list[Line]:
    """Text segments into lines: a segment joins a line its box overlaps vertically by at
    least half the smaller height (a raised footnote number joins its line)."""
    lines: list[list] = []  # [top, bottom, words]
    for seg in sorted(segments, key=lambda w: (w.top, w.x0)):
        height = max(seg.bottom - seg.top, 0.1)
        for line in reversed(lines[-4:]):
            overlap = min(line[1], seg.bottom) - max(line[0], seg.top)
            if overlap >= 0.5 * min(height, line[1] - line[0]):
                line[2].append(seg)
                line[0], line[1] = min(line[0], seg.top), max(line[1], seg.bottom)
                break
        else:
            lines.append([seg.top, seg.bottom, [seg]])
    out = []
    for _, _, words in lines:
        words.sort(key=lambda w: w.x0)
        body = max(w.size for w in words)
        for w in words:
            w.superscript = w.size < body * 0.8
        out.append(Line(words))
    out.sort(key=lambda l: (l.top, l.x0))
    return out


def _without_marks(segments: list[Word], body: float) -> list[Word]:
    """Segments without footnote marks in running text (a small raised number on its own);
    a small number that opens a line of small type (a footnote's own number) stays."""
    out = []
    for seg in segments:
        if seg.size < body * 0.8 and re.fullmatch(r"\d{1,2}", seg.text):
            opens_note = any(o is not seg and abs(o.top - seg.top) < o.size * 0.6 and o.x0 >= seg.x1 - 1
                             and o.x0 - seg.x1 < 3 * seg.size and o.size < body * 0.95 for o in segments)
            if not opens_note:
                continue
        out.append(seg)
    return out


def _words(textpage, height: float) -> list[Word]:
    from pypdfium2 import raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    font_name = ctypes.create_string_buffer(96)
    font_flags = ctypes.c_int()
    weight = 400
    # Content-order runs of glyphs on one baseline with one size.
    runs: list[list[tuple[str, float, float, float, float, float]]] = []
    current: list = []
    last = None
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        char = chr(code) if code else ""
        generated = raw.FPDFText_IsGenerated(handle, i) == 1
        if code == 2:
            char, code, generated = "-", 0x2D, False  # PDFium's mark for a hyphen at a line end
        if generated or not char or char.isspace() or code < 0x20:
            if current:
                current.append((" ", 0, 0, 0, 0, 0, 0))
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box))
        raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(ox), ctypes.byref(oy))
        size = raw.FPDFText_GetFontSize(handle, i)
        x0, x1 = box.left, box.right
        y_top, y_bottom = height - box.top, height - box.bottom
        baseline = height - oy.value
        # A new run on another baseline or size, or where the text jumps back (a ligature's
        # second letter shares the box of the first and does not count as a jump).
        if last is not None and (abs(baseline - last[0]) > 0.8 or abs(size - last[1]) > 0.3 or x0 < last[2] - 0.5):
            runs.append(current)
            current = []
        if not current:  # the weight of a run: asked once, at its first glyph
            n = raw.FPDFText_GetFontInfo(handle, i, font_name, 96, ctypes.byref(font_flags))
            weight = 700 if (b"bold" in font_name.raw[:max(0, n)].lower() or font_flags.value & (1 << 18)) else 400
        current.append((char, x0, x1, y_top, y_bottom, size, weight))
        last = (baseline, size, x0)
    if current:
        runs.append(current)
    words: list[Word] = []
    for run in runs:
        buffer: list = []
        for glyph in run + [(" ", 0, 0, 0, 0, 0, 0)]:
            char = glyph[0]
            gap_break = bool(buffer) and char != " " and glyph[1] - buffer[-1][2] > 0.4 * max(glyph[5], 1)
            if char == " " or gap_break:
                if buffer:
                    words.append(Word("".join(g[0] for g in buffer), min(g[1] for g in buffer),
                                      max(g[2] for g in buffer), min(g[3] for g in buffer),
                                      max(g[4] for g in buffer), max(g[5] for g in buffer),
                                      bold=min(g[6] for g in buffer) >= 600))
                buffer = [] if char == " " else [glyph]
            else:
                buffer.append(glyph)
    return words


def _edges(page, height: float) -> tuple[list[dict], int]:
    from pypdfium2 import raw

    edges: list[dict] = []
    images = 0
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE), max_depth=4):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        left, bottom, right, top = obj.get_bounds()
        if right - left < 3 and top - bottom < 3:
            continue
        matrix = obj.get_matrix()
        points: list[tuple[float, float]] = []
        start = None
        n = raw.FPDFPath_CountSegments(obj.raw)
        if n > 200:  # a drawing, not a table border
            continue
        for i in range(n):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, i)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = matrix.on_point(x.value, y.value)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == raw.FPDF_SEGMENT_LINETO and points:
                _add_edge(edges, points[-1], point, height)
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start, height)
            points.append(point)
        if n == 0 or not edges:
            # A path PDFium does not expose segment by segment: use its bounds.
            if top - bottom <= 3:
                _add_edge(edges, (left, (top + bottom) / 2), (right, (top + bottom) / 2), height)
            elif right - left <= 3:
                _add_edge(edges, ((left + right) / 2, bottom), ((left + right) / 2, top), height)
    return edges, images


def _add_edge(edges: list[dict], a: tuple[float, float], b: tuple[float, float], height: float) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 1.0 and abs(ax - bx) >= 3:
        x0, x1 = sorted((ax, bx))
        top = height - (ay + by) / 2
        edges.append({"x0": x0, "x1": x1, "top": top, "bottom": top, "doctop": top, "width": x1 - x0,
                      "height": 0.0, "orientation": "h", "object_type": "line"})
    elif abs(ax - bx) < 1.0 and abs(ay - by) >= 3:
        top, bottom = sorted((height - ay, height - by))
        x = (ax + bx) / 2
        edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                      "height": bottom - top, "orientation": "v", "object_type": "line"})


def _links(document, page, height: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    from pypdfium2 import raw

    out = []
    position = ctypes.c_int(0)
    link = raw.FPDF_LINK()
    rect = raw.FS_RECTF()
    while raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        size = raw.FPDFAction_GetURIPath(document.raw, action, None, 0)
        if size <= 1 or size > 8192:
            continue
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        uri = buffer.value.decode("utf-8", errors="replace").strip()
        if not uri or not raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            continue
        x0, x1 = sorted((rect.left, rect.right))
        y0, y1 = sorted((height - rect.top, height - rect.bottom))
        out.append((uri, (x0, y0, x1, y1)))
    return _reading_order(out)


def _reading_order(links: list[tuple[str, tuple[float, float, float, float]]]):
    """Link annotations top to bottom, left to right on a line: a PDF writer may store them in
    any order (LibreOffice writes a paragraph's last link first)."""
    out: list = []
    line: list = []
    for link in sorted(links, key=lambda item: item[1][1]):
        if line and link[1][1] - line[0][1][1] > 2.0:
            out.extend(sorted(line, key=lambda item: item[1][0]))
            line = []
        line.append(link)
    out.extend(sorted(line, key=lambda item: item[1][0]))
    return out


# ---------------------------------------------------------------------------------------
# Layout analysis
# ---------------------------------------------------------------------------------------


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines (by vertical overlap), each sorted left to right; superscripts marked."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        middle = (word.top + word.bottom) / 2
        target = None
        for line in reversed(lines[-6:]):
            main = [w for w in line if w.size >= word.size * 0.8] or line
            top = min(w.top for w in main)
            bottom = max(w.bottom for w in main)
            if top - 0.5 <= middle <= bottom + 0.5 or (word.top >= top - 0.5 and word.bottom <= bottom + 0.5):
                target = line
                break
        if target is None:
            lines.append([word])
        else:
            target.append(word)
    out = []
    for line in lines:
        line.sort(key=lambda w: w.x0)
        body = max(w.size for w in line)
        body_bottom = max(w.bottom for w in line if w.size == body)
        for w in line:
            w.superscript = w.size < body * 0.8 and w.bottom < body_bottom - 0.15 * body
        out.append(Line(line))
    out.sort(key=lambda l: (l.top, l.x0))
    return out


def find_tables(edges: list[dict]) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes of each table drawn with ruling lines (pdfplumber's lattice algorithm)."""
    if len(edges) < 4:
        return []
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [e for e in merged if (e["x1"] - e["x0"]) >= 3 or (e["bottom"] - e["top"]) >= 3]
    intersections = edges_to_intersections(merged, 1.5, 1.5)
    cells = intersections_to_cells(intersections)
    return [t for t in cells_to_tables(cells) if len(t) >= 2]


def table_rows(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float] | None]]:
    """Cells grouped into rows, left to right; a row that lacks the first column gets None there."""
    left = min(c[0] for c in cells)
    by_top: dict[float, list] = {}
    for cell in cells:
        key = next((k for k in by_top if abs(k - cell[1]) < 1.0), cell[1])
        by_top.setdefault(key, []).append(cell)
    rows = []
    for top in sorted(by_top):
        row: list = sorted(by_top[top], key=lambda c: c[0])
        if row[0][0] > left + 2:
            row.insert(0, None)  # the label cell is merged with the row above
        rows.append(row)
    return rows


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - 0.5 <= cx <= box[2] + 0.5 and box[1] - 0.5 <= cy <= box[3] + 0.5


def _is_bullet_word(text: str) -> bool:
    return len(text) == 1 and (text in BULLET_GLYPHS or 0xF000 <= ord(text) <= 0xF0FF)


def lines_to_paras(lines: list[Line], right_edge: float | None = None) -> list[Para]:
    """Paragraphs of a cell or text block: bullets, vertical gaps and short sentence ends split."""
    paras: list[Para] = []
    if not lines:
        return paras
    pitches = [b.top - a.top for a, b in pairwise(lines) if 0 < b.top - a.top < a.size * 2.5]
    median = sorted(pitches)[len(pitches) // 2] if pitches else lines[0].size * 1.2
    normal = min(median, lines[0].size * 1.2)  # a two-line cell has no typical pitch of its own
    right = right_edge or max(l.x1 for l in lines)
    width = right - min(l.x0 for l in lines)
    previous: Line | None = None
    bullet_text_x: float | None = None
    for line in lines:
        words = [w for w in line.words if not (w.superscript and _is_marker(w.text))]
        if not words:
            continue
        bullet = _is_bullet_word(words[0].text) or (words[0].text in ("-", "–") and len(words) > 1)
        if bullet:
            words = words[1:]
        text = _join_words(words)
        if not text:
            continue
        new = previous is None or bullet
        if not new:
            pitch = line.top - previous.top
            if pitch > normal + max(1.5, 0.2 * line.size) or pitch < 0:
                new = True
            elif bullet_text_x is not None and line.x0 < bullet_text_x - 2:
                new = True  # back at the margin: the list item ended
            elif _ENUMERATED.match(text) and _SENTENCE_END.search(paras[-1].text):
                new = True  # ``2. Het tempo …``: the next numbered item
            elif (bullet_text_x is None and right - previous.x1 > (words[0].x1 - words[0].x0) + 0.35 * line.size + 1
                  and (text[:1].isupper() or text[:1].isdigit()) and not _CONTINUES.search(paras[-1].text)):
                # The next line's first word would have fitted on this one: the line was broken
                # on purpose (a paragraph of its own: one source, one partner, one point).
                new = True
            elif (bullet_text_x is None and _SENTENCE_END.search(paras[-1].text)
                  and previous.x1 < min(l.x0 for l in lines) + 0.75 * width and text[:1].isupper()):
                new = True
        if new:
            paras.append(Para(text, bullet=bullet))
            bullet_text_x = words[0].x0 if bullet else None
        else:
            paras[-1].text = _join_line(paras[-1].text, text, previous, right_edge)
        previous = line
    return paras


# A line that ends like this goes on in the next (a comma, a dash, a joining word).
_CONTINUES = re.compile(r"(?:[,;:(/&+\-–]|\b(?:en|of|de|het|een|van|voor|met|in|op|aan|tot|bij|door|naar|over|te)\b)\s*$",
                        re.IGNORECASE)
_ENUMERATED = re.compile(r"^\d{1,2}[.)]\s+\S")


def _split_nested(tables: list[list[tuple[float, float, float, float]]]) -> list[list]:
    """A table drawn inside a cell of another shares its ruling lines, so the lattice finds one
    grid with the outer cell and the inner cells both in it: the cells that lie inside another
    cell form a table of their own."""
    out = []
    for cells in tables:
        nested = [c for c in cells if any(o is not c and _contains(o, c) for o in cells)]
        if nested and len(nested) >= 2:
            outer = [c for c in cells if c not in nested]
            out.extend([nested, outer] if outer else [nested])
        else:
            out.append(cells)
    return out


def _contains(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return (outer[0] - 1 <= inner[0] and inner[2] <= outer[2] + 1 and outer[1] - 1 <= inner[1]
            and inner[3] <= outer[3] + 1
            and (outer[2] - outer[0]) * (outer[3] - outer[1]) > (inner[2] - inner[0]) * (inner[3] - inner[1]) + 1)


def _table_area(cells: list[tuple[float, float, float, float]]) -> float:
    return (max(c[2] for c in cells) - min(c[0] for c in cells)) * (max(c[3] for c in cells) - min(c[1] for c in cells))


def _is_marker(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}|[*†‡]", text))


def _join_words(words: list[Word]) -> str:
    out = ""
    for word in words:
        if word.superscript and out:
            out += word.text  # an ordinal or exponent glued to its word
        else:
            out = f"{out} {word.text}" if out else word.text
    return out.strip()


def _join_line(first: str, second: str, previous: Line, right_edge: float | None) -> str:
    """Join a wrapped line; a URL cut at the line end continues without a space."""
    last_token = first.split()[-1] if first.split() else ""
    next_token = second.split()[0]
    fragment = second.strip().rstrip(".,;:)")
    if re.fullmatch(r"[a-zà-ÿ]{1,2}", fragment) and fragment not in _SHORT_WORDS and last_token[-1:].isalpha():
        return first + second.strip()  # a word broken at a narrow cell's edge (``Beleidsvel`` / ``d``)
    near_edge = right_edge is None or previous.x1 > right_edge - 40
    if (is_url_like(last_token) or _url_tail(first)) and near_edge and _URL_PIECE.match(next_token) \
            and re.search(r"[/?=&#%_.\-\d]", next_token) and not re.fullmatch(r"[A-Za-z]+[.,:;]?", next_token):
        return first + second
    return join_two(first, second)


# Two-letter Dutch words that stand on a line of their own without being a broken word's end.
_SHORT_WORDS = frozenset("in en op te de of is na om al nu zo ja je we ze er af ik uit".split())


def _join_cell_lines(lines: list[str]) -> str:
    """The lines of a table cell as one text: a word broken at the cell edge (``Streefwaard`` /
    ``e``, ``(15-`` / ``74``) is joined without a space."""
    out = ""
    for line in (l.strip() for l in lines):
        if not line:
            continue
        if out and (re.fullmatch(r"[a-zà-ÿ]{1,2}[.,;:)]?", line.split()[0]) and len(line.split()) == 1
                    or re.search(r"\w-$", out) and line[:1].isalnum()):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def _url_tail(text: str) -> bool:
    """True when ``text`` ends inside a URL (its last token is one, or continues one)."""
    tokens = text.split()
    if not tokens:
        return False
    if is_url_like(tokens[-1]):
        return True
    return bool(_URL_PIECE.match(tokens[-1]) and re.search(r"[%=&/?#]", tokens[-1])
                and any(is_url_like(t) for t in tokens[-3:]))


class _PdfReader:
    def __init__(self, document, name: str, time_limit: float, started: float) -> None:
        self.document = document
        self.name = name
        self.time_limit = time_limit
        self.started = started
        self.assembler = FicheAssembler("pdf")
        self.policy_carry: list[float] | None = None

    def _check_time(self, page: int, total: int) -> None:
        if time.monotonic() - self.started > self.time_limit:
            raise ReaderTimeout(f"{self.name}: tijdslimiet van {self.time_limit:.0f} s overschreden bij pagina "
                                f"{page} van {total}; het lezen is afgebroken.")

    def read(self) -> ReadResult:
        total = len(self.document)
        if not self._fiche_heading_early(total):
            structured = self._read_headings_fast(total)
            if structured is not None:
                return structured
        pages: list[PageContent] = []
        for index in range(total):
            self._check_time(index + 1, total)
            report(index, total, "pagina's")
            try:
                pages.append(extract_page(self.document, index))
            except ReaderTimeout:
                raise
            except Exception as exc:  # noqa: BLE001 - PDFium on a damaged page object: skip the page
                self.assembler.warn(f"pagina {index + 1} kan niet worden gelezen ({type(exc).__name__}); "
                                    "overgeslagen", index + 1, kind="damaged-page")
        text_pages = [p for p in pages if p.words]
        if not text_pages:
            if any(p.images for p in pages):
                raise DossierError(f"{self.name}: de PDF heeft geen tekstlaag (gescande pagina's); "
                                   "OCR wordt niet ondersteund.")
            raise DossierError(f"{self.name}: de PDF bevat geen tekst; geen dossier.")
        for page in pages:
            if not page.words and page.images:
                self.assembler.warn(f"pagina {page.number} heeft geen tekstlaag (gescand?); OCR wordt niet "
                                    "ondersteund, de pagina is overgeslagen", page.number, kind="no-text-layer")
        body_size = Counter(round(w.size, 1) for p in text_pages[:20] for w in p.words).most_common(1)[0][0]
        repeated = self._repeated_lines(text_pages)
        previous_tail: dict | None = None
        marker_fiche: dict[tuple[int, str], str] = {}
        for page in text_pages:
            self._check_time(page.number, total)
            previous_tail = self._page(page, body_size, repeated, previous_tail, marker_fiche)
        dossier = self.assembler.finish(municipality="", title=self._metadata("Title"),
                                        profile=getattr(self, "base_profile", None))
        if not dossier.municipality:
            dossier.municipality = self._metadata("Subject")
        if not dossier.fiches:
            raise DossierError(f"{self.name}: geen fiches gevonden (geen kop ‘Onderwerp <code> <titel>’).")
        return ReadResult(dossier=dossier, reader="pdf", warnings=self.assembler.warnings)

    def _fiche_heading_early(self, total: int, pages: int = 5) -> bool:
        """Does one of the first pages open a fiche (``Onderwerp 1A …``)? Then this is a fiche
        dossier and the heading reader's pass can be skipped."""
        for index in range(min(total, pages)):
            try:
                page = self.document[index]
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                page.close()
            except Exception:  # noqa: BLE001 - the full reader reports damaged pages
                continue
            if any(parse_heading(line, numbered=True) for line in text.splitlines()):
                return True
        return False

    def _outline(self) -> dict[tuple[int, str], int]:
        """The PDF's outline (bookmarks): (page, title in lower case) → heading level, the top
        level as 1 (a chapter), so that the heading reader can tell headings set like body text."""
        out: dict[tuple[int, str], int] = {}
        try:
            for bookmark in self.document.get_toc(max_depth=6):
                dest = bookmark.get_dest()
                index = dest.get_index() if dest is not None else None
                title = " ".join((bookmark.get_title() or "").lower().split())
                if index is not None and title:
                    out[(index + 1, title)] = bookmark.level + 1
        except Exception:  # noqa: BLE001 - a damaged outline only loses a hint
            return {}
        return out

    def _read_headings_fast(self, total: int) -> ReadResult | None:
        """A dossier without any fiche heading, read by the heading reader from text segments;
        None when it has fiche headings (or no numbered topics either)."""
        pages: list[PageContent] = []
        for index in range(total):
            self._check_time(index + 1, total)
            try:
                pages.append(extract_segments(self.document, index))
            except ReaderTimeout:
                raise
            except Exception:  # noqa: BLE001 - the full reader reports damaged pages
                return None
        text_pages = [p for p in pages if p.words]
        if not text_pages:
            return None
        body = Counter(round(w.size, 1) for p in text_pages[:20] for w in p.words).most_common(1)[0][0]
        for page in text_pages:
            page.words = _without_marks(page.words, body)
        lines_by_page = {page.number: group_segments(page.words) for page in text_pages}
        if any(parse_heading(line.text, numbered=True) for lines in lines_by_page.values() for line in lines):
            return None  # a fiche dossier: the full reader
        repeated = self._repeated_lines(text_pages, lines_by_page)
        return self._read_headings(text_pages, repeated, lines_by_page)

    def _read_headings(self, pages: list[PageContent], repeated: set[str],
                       lines_by_page: dict[int, list[Line]]) -> ReadResult | None:
        """A dossier organised by headings: lines with their type size (larger type is a
        heading), tables from their ruling lines, link targets from the link annotations."""
        from akkoord.dossier.readers.headings import Block as HBlock
        from akkoord.dossier.readers.headings import Line as HLine
        from akkoord.dossier.readers.headings import blocks_from_lines, build_dossier

        outline = self._outline()
        records: list = []
        for page in pages:
            for uri, box in page.links:
                for word in page.words:
                    if _inside(word, box):
                        word.uri = uri
            items: list[tuple[float, object]] = []
            used: set[int] = set()
            for cells in find_tables(page.edges):
                rows = []
                links: list[str] = []
                bbox = (min(c[0] for c in cells), min(c[1] for c in cells),
                        max(c[2] for c in cells), max(c[3] for c in cells))
                candidates = [w for w in page.words if id(w) not in used and _inside(w, bbox)]
                for row in table_rows(cells):
                    texts = []
                    for box in row:
                        inside = [w for w in candidates if box is not None and _inside(w, box)]
                        used.update(id(w) for w in inside)
                        links.extend(w.uri for w in inside if w.uri and w.uri not in links)
                        texts.append(_join_cell_lines([l.text for l in group_segments(inside)]))
                    rows.append(texts)
                items.append((min(c[1] for c in cells), HBlock("table", rows=rows, links=links)))
            page_lines = lines_by_page.get(page.number) or group_segments(page.words)
            if used:
                page_lines = [l for l in page_lines if not any(id(w) in used for w in l.words)] + group_segments(
                    [w for l in page_lines if any(id(w) in used for w in l.words) for w in l.words if id(w) not in used])
            for line in page_lines:
                if self._is_margin_line(line, page, repeated):
                    continue
                uris = list(dict.fromkeys(w.uri for w in line.words if w.uri))
                # footnote marks (superscript numbers) are no part of the text; a footnote's own
                # number at the start of its line stays
                words = [w for k, w in enumerate(line.words) if k == 0 or not (w.superscript and w.text.isdigit())]
                text = re.sub(r"(?<=\w)\s+([.,;:!?)])(?=\s|$)", r"\1", _join_words(words))
                bold = all(w.bold for w in words)
                level = outline.get((page.number, " ".join(text.lower().split())))
                items.append((line.top, HLine(text, line.size, uris, bold, level)))
            items.sort(key=lambda item: item[0])
            records.extend(record for _, record in items)
        blocks = blocks_from_lines(records, getattr(self, "base_profile", None))
        return build_dossier(blocks, "pdf", title=self._metadata("Title"),
                             base=getattr(self, "base_profile", None))

    def _metadata(self, key: str) -> str:
        try:
            return (self.document.get_metadata_value(key) or "").strip()
        except Exception:  # noqa: BLE001 - damaged metadata is no reason to fail
            return ""

    # -- running headers and footers ----------------------------------------------------

    @staticmethod
    def _margin_key(line: Line) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.split())).lower()

    def _repeated_lines(self, pages: list[PageContent], lines_by_page: dict[int, list[Line]] | None = None) -> set[str]:
        counts: Counter[str] = Counter()
        for page in pages:
            keys = set()
            for line in (lines_by_page or {}).get(page.number) or group_lines(page.words):
                if line.top < page.height * MARGIN_ZONE or line.bottom > page.height * (1 - MARGIN_ZONE):
                    keys.add(self._margin_key(line))
            counts.update(keys)
        threshold = max(2, int(0.3 * len(pages)))
        return {key for key, n in counts.items() if n >= threshold}

    def _is_margin_line(self, line: Line, page: PageContent, repeated: set[str]) -> bool:
        in_margin = line.top < page.height * MARGIN_ZONE or line.bottom > page.height * (1 - MARGIN_ZONE)
        if not in_margin:
            return False
        return self._margin_key(line) in repeated or bool(_PAGE_NUMBER.match(line.text.strip()))

    # -- one page -----------------------------------------------------------------------

    def _page(self, page: PageContent, body_size: float, repeated: set[str], previous_tail: dict | None,
              marker_fiche: dict) -> dict | None:
        # Link annotations: mark the words they cover.
        for uri, box in page.links:
            for word in page.words:
                if _inside(word, box):
                    word.uri = uri
        removable = self._url_words(page)
        words = [w for w in page.words if id(w) not in removable]

        # A table nested in a cell of another (the policy table inside the fiche table) is read
        # first, as a table of its own; the outer cell keeps only what lies outside it.
        tables = sorted(_split_nested(find_tables(page.edges)), key=_table_area)
        items: list[_Item] = []
        used: set[int] = set()
        for t_index, cells in enumerate(tables):
            for row in table_rows(cells):
                item = _Item(top=min(c[1] for c in row if c), kind="row", table=t_index)
                item.bottom = max(c[3] for c in row if c)
                for box in row:
                    if box is None:
                        item.cells.append([])
                        item.cell_boxes.append((0.0, 0.0))
                        continue
                    inside = [w for w in words if id(w) not in used and _inside(w, box)]
                    used.update(id(w) for w in inside)
                    item.cells.append(group_lines(inside))
                    item.cell_boxes.append((box[0], box[2]))
                if any(item.cells):
                    items.append(item)
        # A nested table's rows come after the row of the cell that holds them.
        for inner in items:
            for outer in items:
                if outer.table != inner.table and outer.top - 1 <= inner.top <= outer.bottom \
                        and inner.bottom <= outer.bottom + 1 and inner.top <= outer.top + 0.01:
                    inner.top = outer.top + 0.01
        outside = [w for w in words if id(w) not in used]
        lines = [l for l in group_lines(outside) if not self._is_margin_line(l, page, repeated)
                 and not all(w.uri or _is_bullet_word(w.text) for w in l.words)]  # link-only lines
        lines, footnotes = self._split_footnotes(lines, body_size, page)
        if not tables and lines:
            table_items, lines = self._columns_from_positions(lines, page)
            items.extend(table_items)
        items.extend(self._paragraph_items(lines))
        items.sort(key=lambda i: (i.top, 0 if i.kind == "row" else 1))

        # Links, in order of appearance, go with the item that holds them.
        link_boxes = [(uri, box) for uri, box in page.links]
        emitted_links: set[int] = set()

        first = True
        tail: dict | None = None
        for item in items:
            if item.kind == "row":
                continued = bool(first and previous_tail is not None)
                cells = []
                for column, (lines_, (x0, x1)) in enumerate(zip(item.cells, item.cell_boxes)):
                    paras = lines_to_paras(lines_, right_edge=x1 - 2 if x1 else None)
                    if continued and paras and not paras[0].bullet:
                        before = previous_tail["cells"].get(column, "")
                        paras[0].joins_previous = bool(before) and not _SENTENCE_END.search(before)
                    cells.append(Cell(paras))
                    for line in lines_:
                        for w in line.words:
                            if w.superscript and _is_marker(w.text) and self.assembler.current:
                                marker_fiche[(page.number, w.text)] = self.assembler.current.code
                self.assembler.row(cells, page.number, continued=continued)
                tail = {"cells": {i: c.paras[-1].text for i, c in enumerate(cells) if c.paras},
                        "bottom": item.bottom}
                first = False
            else:
                paras = lines_to_paras(item.lines)
                for para in paras:
                    self.assembler.paragraph(para, page.number)
                for line in item.lines:
                    for w in line.words:
                        if w.superscript and _is_marker(w.text) and self.assembler.current:
                            marker_fiche[(page.number, w.text)] = self.assembler.current.code
                if paras:
                    first = False
                    tail = None
            top, bottom = item.top, max(item.bottom, item.top + 1)
            for index, (uri, box) in enumerate(link_boxes):
                if index in emitted_links:
                    continue
                middle = (box[1] + box[3]) / 2
                if top - 1 <= middle <= bottom + 1:
                    emitted_links.add(index)
                    self.assembler.link(uri, page.number)
        for index, (uri, _box) in enumerate(link_boxes):
            if index not in emitted_links:
                self.assembler.link(uri, page.number)
        for number, text in footnotes:
            self.assembler.footnote(text, page.number, code=marker_fiche.get((page.number, number)))
        return tail

    def _url_words(self, page: PageContent) -> set[int]:
        """Words that show a link's own URL: the annotation's target replaces them."""
        by_uri: dict[str, list[Word]] = {}
        for word in page.words:
            if word.uri:
                by_uri.setdefault(word.uri, []).append(word)
        out: set[int] = set()
        for uri, words in by_uri.items():
            visible = "".join(w.text for w in sorted(words, key=lambda w: (round(w.top), w.x0)))
            if is_url_like(visible) or (len(visible) > 8 and visible.rstrip("/") in uri):
                out.update(id(w) for w in words)
        return out

    def _split_footnotes(self, lines: list[Line], body_size: float, page: PageContent):
        """Footnote lines at the foot of the page (smaller type, starting with their number)."""
        notes: list[tuple[str, str]] = []
        cut = len(lines)
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            words = line.words[1:] if re.fullmatch(r"\d{1,3}", line.words[0].text) and len(line.words) > 1 \
                else line.words
            numbered = line.words[0].superscript and re.fullmatch(r"\d{1,3}", line.words[0].text)
            if max(w.size for w in words) >= body_size * 0.95 or (line.top < page.height * 0.5 and not numbered):
                break
            cut = index
        block = lines[cut:]
        if not block or not re.match(r"^\d{1,3}$", block[0].words[0].text):
            return lines, []
        for line in block:
            first = line.words[0].text
            if re.fullmatch(r"\d{1,3}", first):
                notes.append((first, " ".join(w.text for w in line.words[1:])))
            elif notes:
                number, text = notes[-1]
                notes[-1] = (number, join_two(text, line.text))
        return lines[:cut], notes

    def _paragraph_items(self, lines: list[Line]) -> list[_Item]:
        """Loose lines outside tables, grouped into blocks of one type size and small gaps."""
        items: list[_Item] = []
        for line in lines:
            last = items[-1] if items else None
            if (last is not None and abs(last.lines[-1].size - line.size) < 0.6
                    and 0 <= line.top - last.lines[-1].bottom < line.size * 0.9):
                last.lines.append(line)
                last.bottom = line.bottom
            else:
                items.append(_Item(top=line.top, kind="para", lines=[line], bottom=line.bottom))
        return items

    # -- columns without ruling lines -----------------------------------------------------

    def _columns_from_positions(self, lines: list[Line], page: PageContent) -> tuple[list[_Item], list[Line]]:
        """Label and value columns from the gutter between them, for a page without rules."""
        gutter = _find_gutter(lines, page.width)
        carried, self.policy_carry = self.policy_carry, None
        if gutter is None and not carried and not any(_policy_header_positions(l) for l in lines):
            return [], lines
        split = gutter if gutter is not None else page.width + 1  # only a policy table on this page
        items: list[_Item] = []
        rest: list[Line] = []
        current: _Item | None = None
        policy_columns: list[float] | None = carried  # a policy table running on from the last page
        previous: Line | None = None
        for line in lines:
            left = [w for w in line.words if w.x1 <= split]
            right = [w for w in line.words if w.x0 >= split]
            spanning = [w for w in line.words if w.x0 < split < w.x1]
            headers = _policy_header_positions(line)
            if headers:
                policy_columns = headers
                current = None
                row = _Item(top=line.top, kind="row", bottom=line.bottom)
                for cell_words in _split_by_columns(line.words, headers):
                    row.cells.append([Line(cell_words)] if cell_words else [])
                    row.cell_boxes.append((0.0, 0.0))
                items.append(row)
                continue
            if gutter is None and not policy_columns:
                rest.append(line)
                previous = line
                continue
            follows_rest = bool(rest) and rest[-1] is previous and not right \
                and line.top - previous.bottom < line.size * 0.5
            if spanning or follows_rest or not right and not left:
                rest.append(line)
                current = None
                policy_columns = None
                previous = line
                continue
            if policy_columns and _ends_table(line):
                policy_columns, current = None, None
                rest.append(line)
                previous = line
                continue
            if policy_columns:
                parts = _split_by_columns(line.words, policy_columns)
                previous_first = bool(current and current.cells and current.cells[0]
                                      and current.cells[0][-1].bottom >= current.bottom - 0.5)
                starts_row = bool(parts[0]) and (current is None or not previous_first
                                                 or line.top - current.bottom > line.size * 0.45)
                if current is None or starts_row or current.cells and len(current.cells) != len(parts):
                    current = _Item(top=line.top, kind="row", bottom=line.bottom,
                                    cells=[[] for _ in parts], cell_boxes=[(0.0, 0.0)] * len(parts))
                    items.append(current)
                for cell, words_ in zip(current.cells, parts):
                    if words_:
                        cell.append(Line(words_))
                current.bottom = line.bottom
                previous = line
                continue
            label_so_far = " ".join(l.text for l in current.cells[0]) if current else ""
            new_row = current is None or (left and (not current.cells[0] or (
                match_label(label_so_far) and line.top - current.cells[0][-1].bottom > line.size * 0.6)))
            if new_row:
                current = _Item(top=line.top, kind="row", bottom=line.bottom, cells=[[], []],
                                cell_boxes=[(0.0, split), (split, page.width)])
                items.append(current)
            if left:
                current.cells[0].append(Line(left))
            if right:
                current.cells[1].append(Line(right))
            current.bottom = line.bottom
            previous = line
        if policy_columns and previous is not None and (not rest or rest[-1] is not previous):
            self.policy_carry = policy_columns
        return items, rest


def _find_gutter(lines: list[Line], width: float) -> float | None:
    """The x where the value column starts: the most common left edge after a wide gap
    (or of a line that starts right of the margin), if enough lines share it."""
    if len(lines) < 4:
        return None
    margin = min(l.x0 for l in lines)
    starts: Counter[int] = Counter()
    for line in lines:
        if line.x0 > margin + 20:
            starts[round(line.x0 / 2)] += 1
        for a, b in zip(line.words, line.words[1:]):
            if b.x0 - a.x1 > 0.8 * max(a.size, b.size):
                starts[round(b.x0 / 2)] += 1
    candidates = [(n, key) for key, n in starts.items() if margin + 30 < key * 2 < width * 0.6]
    if not candidates:
        return None
    count, key = max(candidates)
    if count < max(3, 0.25 * len(lines)):
        return None
    return key * 2 - 2.5


def _ends_table(line: Line) -> bool:
    """A line that cannot be a policy-table row: a heading, a label, a links block, a bullet."""
    text = line.text.strip()
    return bool(parse_heading(text) or match_label(text) or normalise_label(text) in ("links", "link", "bronnen")
                or _is_bullet_word(line.words[0].text))


def _policy_header_positions(line: Line) -> list[float] | None:
    """Start x of each column when ``line`` is the header row of the policy table."""
    columns: list[tuple[str, float]] = []
    for word in line.words:
        column = match_table_header(word.text)
        if column and column not in [c for c, _ in columns]:
            columns.append((column, word.x0))
    if len(columns) == 3:
        return [x for _, x in columns]
    return None


def _split_by_columns(words: list[Word], starts: list[float]) -> list[list[Word]]:
    parts: list[list[Word]] = [[] for _ in starts]
    for word in words:
        index = max([i for i, x in enumerate(starts) if word.x0 >= x - 2] or [0])
        parts[index].append(word)
    return parts
