"""Splitting an election programme into passages: headings, paragraphs and bullet promises.

Every format is first turned into pages of lines (``_Line``: text plus what the format
tells about it: a paragraph break before it, a heading level, a list item, a font size).
One segmenter then works on those lines for every format:

* page furniture is dropped: lines at the top or bottom of a page that repeat on many pages
  once digits are ignored (running headers, footers with page numbers), bare page numbers
  (``12``, ``- 12 -``, ``pagina 3 van 9``) and table-of-contents lines with dot leaders;
* lines are joined into blocks at paragraph breaks, list items and headings; a word split
  at a line end (``energie-`` / ``prijzen``, or a soft hyphen) is joined again, a real
  hyphen before a capital or a conjunction (``Noord-`` / ``Brabant``, ``zorg-`` / ``en``) kept;
* a block is a heading when the format says so (Word heading style, larger PDF font) or it
  looks like one (``Hoofdstuk 2``, ``3.1 Wonen``, a short line without closing punctuation
  standing on its own); each passage keeps the innermost heading above it;
* each passage's language is guessed from function words; English passages are marked.

PDF pages in two columns are cut at the gutter (a vertical strip no word crosses) and read
column by column; a line spanning the gutter (a title) is read in its place. A PDF without a
text layer (a scan) is refused, as is a programme with no Dutch passage.
"""
from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from akkoord.dossier.readers.files import read_bytes
from akkoord.programmes.errors import ProgrammeError

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 1500
TIME_LIMIT_SECONDS = 60.0
# A heading is short: at most this many characters.
HEADING_MAX = 90
# Share of pages on which a top or bottom line must repeat to count as running furniture.
REPEAT_SHARE = 0.4
# How many lines at the top and bottom of a page may be furniture.
EDGE_LINES = 2

BULLET_GLYPHS = "•◦▪▫■□●○‣⁃∙·➢➤►▶→✓✔*–—-"
_BULLET = re.compile(r"^\s*(?:[\ue000-\uf8ff" + re.escape(BULLET_GLYPHS) + r"])\s+")
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2}|[a-z])[.)]\s+(?=\S)")
_CHAPTER = re.compile(r"^(?:hoofdstuk|chapter|deel|thema)\s+(\d+|[ivxlc]+|[a-z]+)\b[.:]?\s*", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[A-ZÀ-Ý\"'‘“])")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_PAGE_NUMBER = re.compile(r"^[\s\-–—|]*(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?[\s\-–—|]*$",
                          re.IGNORECASE)
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\s\.){3,}|\s{3,})\s*\d{1,4}\s*$")
_CLOSING = re.compile(r"[.,;:!]\s*[\"'”’)]*$")
_CONJUNCTIONS = {"en", "of", "tot", "noch", "and", "or", "to"}

# Function words, to tell English passages from Dutch ones.
_EN_WORDS = frozenset("""the and of to is are will we our for with that this be by on from as it
at an not which have has they their all more would should can into who must also its than
these those was were been being such""".split())
_NL_WORDS = frozenset("""de het een en van voor wij we onze met dat dit zijn op uit als niet die
is ook aan door bij naar om er te wordt worden moet moeten willen kunnen hun meer dan nog
geen maar""".split())
_WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass
class Passage:
    """One unit of a programme: a paragraph or a bullet promise, with where it stands."""

    index: int
    text: str
    page: int
    heading: str = ""
    chapter: str = ""
    kind: str = "para"  # "para" or "bullet"
    language: str = "nl"  # "nl" or "en"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Programme:
    """A split programme: its passages, how many pages it has and what form it came in."""

    passages: list[Passage]
    pages: int
    form: str  # "text", "pdf" or "docx"
    headings: list[str] = field(default_factory=list)

    @property
    def characters(self) -> int:
        return sum(len(p.text) for p in self.passages)


@dataclass
class _Line:
    text: str
    page: int
    brk: bool = False  # a paragraph break before this line
    heading: int = 0  # heading level the format gives (0: none)
    bullet: bool = False  # a list item the format marks
    size: float = 0.0  # font size (PDF)
    short: bool = False  # the line ends clearly before the column's right edge (PDF)


@dataclass
class _Block:
    lines: list[str]
    page: int
    heading: int = 0
    bullet: bool = False
    size: float = 0.0

    @property
    def text(self) -> str:
        return join_lines(self.lines)


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def split_path(path: str | Path) -> Programme:
    """Split a programme file (PDF, Word or text, told apart by content). ProgrammeError
    (a one-line Dutch message) for bad input."""
    path = Path(path)
    head = read_bytes(path, limit=MAX_BYTES, head=1024)
    if not head.strip(b"\x00\t\r\n\f "):
        raise ProgrammeError(f"{path.name}: het bestand is leeg.")
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-":
        return _finish(_pdf_pages(path), "pdf", path.name)
    if head[:4] == b"PK\x03\x04":
        return _finish(_docx_pages(path), "docx", path.name)
    if b"\x00" in head:
        raise ProgrammeError(f"{path.name}: geen tekst-, PDF- of Word-bestand.")
    data = read_bytes(path, limit=MAX_BYTES)
    return split_text(_decode(data), name=path.name)


def split_text(text: str, name: str = "programma") -> Programme:
    """Split a programme given as plain text (pages separated by form feeds)."""
    return _finish(_text_pages(text), "text", name)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------------------
# Formats into pages of lines
# ---------------------------------------------------------------------------------------


def _text_pages(text: str) -> list[list[_Line]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = []
    for number, page in enumerate(text.split("\f"), start=1):
        lines: list[_Line] = []
        brk = True
        for raw in page.split("\n"):
            stripped = raw.strip()
            if not stripped:
                brk = True
                continue
            lines.append(_Line(" ".join(stripped.split()), number, brk=brk))
            brk = False
        pages.append(lines)
    if pages and not pages[-1] and len(pages) > 1:
        pages.pop()  # a form feed after the last page
    return pages


def _pdf_pages(path: Path) -> list[list[_Line]]:
    from akkoord.dossier.readers.pdf import _open, extract_page

    try:
        document = _open(path)
    except ProgrammeError:
        raise
    except Exception as exc:  # DossierError with a Dutch message
        raise ProgrammeError(str(exc)) from None
    try:
        if len(document) > MAX_PAGES:
            raise ProgrammeError(f"{path.name}: meer dan {MAX_PAGES} pagina's; geen programma.")
        started = time.monotonic()
        contents = []
        for i in range(len(document)):
            if time.monotonic() - started > TIME_LIMIT_SECONDS:
                raise ProgrammeError(f"{path.name}: het lezen duurt langer dan {TIME_LIMIT_SECONDS:.0f} seconden; "
                                     "lever het programma als Word of tekst aan.")
            contents.append(extract_page(document, i))
    finally:
        document.close()
    characters = sum(len(w.text) for c in contents for w in c.words)
    if characters < 40 * len(contents) and all(len(c.words) < 30 for c in contents):
        raise ProgrammeError(f"{path.name}: de PDF heeft geen tekstlaag (een scan?); "
                             "lever het programma aan als tekst-PDF, Word of tekst.")
    sizes: Counter[float] = Counter()
    for content in contents:
        for word in content.words:
            sizes[round(word.size, 1)] += len(word.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    return [_pdf_page_lines(content, body) for content in contents]


def _pdf_page_lines(content, body: float) -> list[_Line]:
    from akkoord.dossier.readers.pdf import group_lines

    words = [w for w in content.words if w.text.strip()]
    if not words:
        return []
    gutter = _gutter(words, content.width, content.height)
    if gutter is None:
        columns = [(0.0, content.width, group_lines(words))]
        ordered = [(line, 0) for line in columns[0][2]]
        rights = {0: _right_edge(columns[0][2])}
    else:
        # A line with a word across the gutter (a title) is read whole, in its place; the
        # other lines fall apart into a left and a right column.
        left_words, right_words, wide = [], [], []
        for line in group_lines(words):
            crossing = [w for w in line.words if w.x0 < gutter < w.x1]
            if crossing:
                # Only the words in the crossing word's size belong to the title; body words
                # beside it on the same height are column text.
                size = crossing[0].size
                title = [w for w in line.words if abs(w.size - size) <= 0.5]
                rest = [w for w in line.words if abs(w.size - size) > 0.5]
                wide += group_lines(title)
                left_words += [w for w in rest if w.x1 <= gutter]
                right_words += [w for w in rest if w.x0 >= gutter]
            else:
                left_words += [w for w in line.words if w.x1 <= gutter]
                right_words += [w for w in line.words if w.x0 >= gutter]
        left_lines = group_lines(left_words) if left_words else []
        right_lines = group_lines(right_words) if right_words else []
        rights = {1: _right_edge(left_lines) if left_lines else gutter,
                  2: _right_edge(right_lines) if right_lines else content.width, 0: content.width}
        ordered = []
        wide.sort(key=lambda l: l.top)
        low = -1e9
        for cut in [l.top for l in wide] + [1e9]:
            ordered += [(l, 1) for l in left_lines if low <= l.top < cut]
            ordered += [(l, 2) for l in right_lines if low <= l.top < cut]
            if cut < 1e9:
                ordered.append((wide[[l.top for l in wide].index(cut)], 0))
            low = cut
    out: list[_Line] = []
    previous = None
    pitches = [b.top - a.top for (a, ca), (b, cb) in zip(ordered, ordered[1:]) if ca == cb and 0 < b.top - a.top < 3 * body]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else body * 1.2
    for line, column in ordered:
        text = " ".join(line.text.split())
        if not text:
            continue
        size = line.size
        brk = previous is None or previous[1] != column or line.top - previous[0].bottom > 0.6 * pitch \
            or line.top - previous[0].top > 1.45 * pitch or line.top < previous[0].top \
            or abs(size - previous[0].size) > 0.5
        short = line.x1 < rights.get(column, content.width) - 0.12 * (rights.get(column, content.width) - line.x0 + 1)
        heading = 0
        if size >= body * 1.12 and len(text) <= HEADING_MAX:
            heading = 1 if size >= body * 1.4 else 2
        out.append(_Line(text, content.number, brk=brk, heading=heading, size=size, short=short))
        previous = (line, column)
    # A short last line ending a sentence ends a paragraph in justified text.
    for a, b in zip(out, out[1:]):
        if a.short and re.search(r"[.!?:]\s*[\"'”’)]*$", a.text):
            b.brk = True
    return out


def _right_edge(lines) -> float:
    """Where the lines of a column end when they run full: most lines of justified text do, so
    a high share rather than the maximum (a running header may reach further than the text)."""
    ends = sorted(l.x1 for l in lines)
    return ends[int(0.8 * (len(ends) - 1))]


def _gutter(words, width: float, height: float) -> float | None:
    """The x of the gap between two text columns, or None for a page in one column."""
    sizes = Counter(round(w.size) for w in words)
    common = sizes.most_common(1)[0][0]
    body = [w for w in words if 0.08 * height < w.top < 0.92 * height and round(w.size) == common]
    if len(body) < 40:
        return None
    step = 2.0
    bins = int(width / step) + 1
    cover = [0] * bins
    for w in body:
        for b in range(max(0, int(w.x0 / step)), min(bins, int(w.x1 / step) + 1)):
            cover[b] += 1
    low, high = int(0.3 * width / step), int(0.7 * width / step)
    best = None
    run_start = None
    for b in range(low, high + 1):
        if cover[b] == 0:
            if run_start is None:
                run_start = b
        else:
            if run_start is not None:
                length = b - run_start
                if best is None or length > best[1]:
                    best = (run_start, length)
                run_start = None
    if run_start is not None:
        length = high + 1 - run_start
        if best is None or length > best[1]:
            best = (run_start, length)
    if best is None or best[1] * step < 6:
        return None
    x = (best[0] + best[1] / 2) * step
    left = sum(1 for w in body if w.x1 <= x)
    right = sum(1 for w in body if w.x0 >= x)
    if min(left, right) < max(20, 0.1 * len(body)):
        return None  # (a column may be short: the page where a chapter begins)
    return x


def _docx_pages(path: Path) -> list[list[_Line]]:
    from akkoord.dossier.readers.docx import W, _open

    try:
        document = _open(path)
    except ProgrammeError:
        raise
    except Exception as exc:  # DossierError with a Dutch message
        raise ProgrammeError(str(exc).replace("geen dossier", "geen programma")) from None
    w = f"{{{W}}}"
    styles = {}
    numbered_styles = set()
    try:
        for style in document.styles.element.iter(f"{w}style"):
            style_id = style.get(f"{w}styleId")
            name = style.find(f"{w}name")
            styles[style_id] = (name.get(f"{w}val") if name is not None else style_id or "").lower()
            if style.find(f"{w}pPr/{w}numPr") is not None:
                numbered_styles.add(style_id)
    except Exception:  # noqa: BLE001 - broken styles only cost heading detection
        pass
    body = document.element.body
    hard_breaks = any(br.get(f"{w}type") == "page" for br in body.iter(f"{w}br")) or \
        any(True for _ in body.iter(f"{w}pageBreakBefore"))
    pages: list[list[_Line]] = [[]]

    def new_page() -> None:
        pages.append([])

    for paragraph in body.iter(f"{w}p"):
        ppr = paragraph.find(f"{w}pPr")
        style_id = ""
        numbered = False
        if ppr is not None:
            style = ppr.find(f"{w}pStyle")
            style_id = style.get(f"{w}val") if style is not None else ""
            numbered = ppr.find(f"{w}numPr") is not None
            if ppr.find(f"{w}pageBreakBefore") is not None and pages[-1]:
                new_page()
        pieces: list[str] = []
        break_after = False
        for element in paragraph.iter(f"{w}t", f"{w}br", f"{w}tab", f"{w}lastRenderedPageBreak",
                                      f"{w}softHyphen"):
            tag = element.tag[len(w):]
            if tag == "t":
                pieces.append(element.text or "")
            elif tag == "tab":
                pieces.append(" ")
            elif tag == "softHyphen":
                pieces.append("\u00ad")
            elif tag == "br" and element.get(f"{w}type") == "page":
                if "".join(pieces).strip():
                    break_after = True
                elif pages[-1]:
                    new_page()
            elif tag == "br":
                pieces.append("\n")
            elif tag == "lastRenderedPageBreak" and not hard_breaks and pages[-1] and not "".join(pieces).strip():
                new_page()
        text = "".join(pieces).replace("\u00ad", "")
        name = styles.get(style_id, style_id.lower())
        level = 0
        found = re.match(r"^(?:heading|kop)\s*(\d)$", name)
        if found:
            level = int(found.group(1))
        elif name in ("title", "titel"):
            level = 1
        bullet = numbered or style_id in numbered_styles or "list" in name or "lijst" in name
        first = True
        for part in text.split("\n"):
            part = " ".join(part.split())
            if part:
                pages[-1].append(_Line(part, len(pages), brk=first, heading=level,
                                       bullet=bullet and first and not level))
                first = False
        if break_after:
            new_page()
    return pages


# ---------------------------------------------------------------------------------------
# One segmenter for every format
# ---------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", _fold(text)).strip(" -–—|")


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without running headers, footers, page numbers and table-of-contents lines."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {_furniture_key(l.text) for l in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edge)
    enough = max(3, REPEAT_SHARE * len(pages))
    repeated = {key for key, n in counts.items() if n >= enough and len(key) <= 120}
    out = []
    for lines in pages:
        keep: list[_Line] = []
        edge_ids = {id(l) for l in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        dropped_before = False
        for line in lines:
            at_edge = id(line) in edge_ids
            if (at_edge and _furniture_key(line.text) in repeated) or _PAGE_NUMBER.match(line.text) \
                    or (_TOC_LINE.search(line.text) and len(line.text) < 120 and not line.text.endswith(".")):
                dropped_before = True
                continue
            if dropped_before and not keep:
                line.brk = True  # a page's text starts a block only where the format says so
            keep.append(line)
        out.append(keep)
    return out


def join_two(left: str, right: str) -> str:
    """Join two wrapped lines, undoing hyphenation at the line end."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        first = right.split(" ", 1)[0]
        if first and first[0].islower() and _fold(first).strip(",.;") not in _CONJUNCTIONS:
            return left[:-1] + right
        if first and first[0].isupper():
            return left + right  # Noord-Brabant, Oost-Europa
        return left + " " + right  # zorg- en welzijn
    return left + " " + right


def join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_two(text, line) if text else line
    return text.replace("\u00ad", "")


def _is_bullet_start(text: str) -> bool:
    return bool(_BULLET.match(text) or _NUMBERED_ITEM.match(text))


def _strip_bullet(text: str) -> str:
    text = _BULLET.sub("", text, count=1)
    return _NUMBERED_ITEM.sub("", text, count=1)


def _blocks(pages: list[list[_Line]]) -> list[_Block]:
    blocks: list[_Block] = []
    for lines in pages:
        for line in lines:
            starts = line.brk or line.bullet or _is_bullet_start(line.text) or bool(line.heading) \
                or _MARKDOWN_HEADING.match(line.text) or _CHAPTER.match(line.text)
            current = blocks[-1] if blocks else None
            if current is not None and not starts and current.heading and not line.heading:
                starts = True  # a heading block does not swallow body text
            if current is not None and line.heading and current.heading == line.heading \
                    and current.page == line.page and line.text[:1].islower() \
                    and not _CLOSING.search(current.lines[-1]):
                current.lines.append(line.text)  # a long heading wrapped onto a second line
                continue
            if current is not None and not starts and current.heading == line.heading:
                current.lines.append(line.text)
                continue
            blocks.append(_Block([line.text], line.page, line.heading,
                                 line.bullet or _is_bullet_start(line.text), line.size))
    return blocks


def _heading_level(block: _Block, following: _Block | None, strong_seen: bool) -> int:
    """0 when the block is body text, else the level of the heading it is."""
    text = block.text.strip()
    if block.heading:
        return block.heading
    found = _MARKDOWN_HEADING.match(text)
    if found:
        return len(found.group(1))
    if len(text) > HEADING_MAX or len(block.lines) > 2:
        return 0
    if _CHAPTER.match(text):
        return 1
    found = _NUMBERED_HEADING.match(text)
    if found and not _CLOSING.search(text):
        number = found.group(1)
        if "." in number:
            return 2
        # "3 Wonen" or "3. Wonen" is a chapter unless a list of items goes on with 4.
        if following is not None and following.bullet and not following.heading:
            nxt = _NUMBERED_ITEM.match(following.text)
            if nxt and nxt.group(1).isdigit() and int(nxt.group(1)) == int(number) + 1:
                return 0
        return 1
    if block.bullet:
        return 0
    if _CLOSING.search(text) or text.endswith("?") and len(text) > 60:
        return 0
    words = text.split()
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return 0
    if len(words) > 12:
        return 0
    if following is None:
        return 0
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return 1
    return 2 if strong_seen else 1


def language(text: str) -> str:
    """``"en"`` when the text reads as English, else ``"nl"``."""
    words = _WORD.findall(text.lower())
    en = sum(1 for w in words if w in _EN_WORDS)
    nl = sum(1 for w in words if w in _NL_WORDS)
    if en >= 2 and en > 1.5 * nl:
        return "en"
    return "nl"


def _finish(pages: list[list[_Line]], form: str, name: str) -> Programme:
    pages = _drop_furniture(pages)
    blocks = _blocks(pages)
    passages: list[Passage] = []
    headings: list[str] = []
    chapter = ""
    heading = ""
    strong_seen = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        level = _heading_level(block, following, strong_seen)
        text = block.text.strip()
        if level:
            title = _MARKDOWN_HEADING.sub("", text)
            headings.append(title)
            if level == 1:
                chapter = heading = title
                strong_seen = strong_seen or bool(block.heading or _CHAPTER.match(text)
                                                  or _NUMBERED_HEADING.match(text)
                                                  or _MARKDOWN_HEADING.match(text))
            else:
                heading = title
            continue
        kind = "bullet" if block.bullet else "para"
        if kind == "bullet":
            text = _strip_bullet(text)
        text = " ".join(text.split())
        if not text:
            continue
        passages.append(Passage(len(passages), text, block.page, heading, chapter, kind, language(text)))
    if not passages:
        raise ProgrammeError(f"{name}: het programma bevat geen tekst.")
    dutch = sum(len(p.text) for p in passages if p.language == "nl")
    if dutch < 0.2 * sum(len(p.text) for p in passages):
        raise ProgrammeError(f"{name}: het programma is (vrijwel) alleen in het Engels; "
                             "lever de Nederlandse versie aan.")
    return Programme(passages, max(1, len(pages)), form, headings)
