"""Reader for heading-structured dossiers: chapters, numbered topics, sections under headings.

Not every municipality writes fiches with a fixed label column. Many follow their budget:
a heading per programme, a numbered heading per topic (``3.1 Wonen``) and under it sections
with headings of their own (``Waar staan we?``, ``Opgaven voor de komende jaren``), indicator
tables and, at the end, an agenda table of council dates. This reader turns such a dossier
into the same model:

* each numbered topic becomes a fiche (``3.1`` → code ``3A``: chapter and the n-th letter);
* a section fills the field its heading corresponds to (the profile's ``section_fields``: the
  situation → ``current_line``, attention points and choices → ``advice``, the policy
  framework table → ``sources``, …); a section that maps to no field is kept as a named
  section, never dropped;
* a table that fills no field stays a table (``Fiche.tables``); a table of dates whose rows
  name topics (an agenda) gives each topic its ``agenda`` items;
* bare URLs and hyperlink targets go to ``links``; ``zie paragraaf 2.1`` to ``related``.

The input is a list of ``Block`` s: the Word reader makes them from heading styles, the
text and PDF readers from the lines (numbered topic lines, recurring section headings).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from akkoord.dossier.fields import parse_partners
from akkoord.dossier.model import AgendaItem, Dossier, Fiche, ReaderWarning, ReadResult, Section, Source, Table
from akkoord.dossier.profile import Profile, builtin_profiles, normalise, term_from_title
from akkoord.dossier.textclean import (
    find_urls,
    normalise_whitespace,
    remove_urls,
    split_bullet,
    strip_footnote_markers,
    unique,
)

PROGRAMME_PROFILE = "programma"

# A numbered topic heading: ``3.1 Wonen``, ``3.1. Wonen``.
_TOPIC = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\S.*?)\s*$")
# ``zie paragraaf 2.1``, ``(paragraaf 3.1)``, ``zie ook thema 2.1``.
_REFERENCE = re.compile(r"\b(?:paragraaf|par\.|thema|onderwerp|hoofdstuk)\s+(\d{1,2})\.(\d{1,2})\b", re.IGNORECASE)
_TOPIC_NUMBER = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s*$")
_NOTE = re.compile(r"^\s*(?:bron|bronnen|toelichting|noot)\s*:", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\s*(\d{1,2})\s+([A-Z]\S*(?:\s+\S+){2,}.*)$")
_INTRO_END = re.compile(r":\s*$")


@dataclass
class Block:
    """One element of the document in reading order."""

    kind: str  # "heading", "para" or "table"
    text: str = ""
    level: int = 0  # heading level: 0 title, 1 chapter, 2 topic, 3 section
    bullet: bool = False
    rows: list[list[str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # hyperlink targets (Word, PDF annotations)
    # a paragraph that starts a new paragraph (False: it continues the previous line)
    new_paragraph: bool = True


def topic_code(chapter: str, number: str) -> str | None:
    n = int(number)
    if not 1 <= n <= 26:
        return None
    return f"{int(chapter)}{chr(64 + n)}"


def programme_profile() -> Profile:
    return builtin_profiles()[PROGRAMME_PROFILE]


def section_field(title: str, profile: Profile) -> str | None:
    """The field a section heading corresponds to, or None (a section of its own)."""
    norm = f" {normalise(title)} "
    best, length = None, 0
    for phrase, fname in _section_phrases(tuple(profile.section_fields.items())):
        if f" {phrase} " in norm and len(phrase) > length:
            best, length = fname, len(phrase)
    return best


@lru_cache(maxsize=16)
def _section_phrases(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((normalise(p), f) for p, f in items if normalise(p))


@dataclass
class _Topic:
    code: str
    number: str  # "3.1"
    title: str
    sections: list[tuple[str, list[Block]]] = field(default_factory=list)  # (heading, blocks)
    lead: list[Block] = field(default_factory=list)  # blocks before the first section heading


def _agenda_rows(table: Block, numbers: set[str]) -> list[tuple[str, AgendaItem]]:
    """(topic number, item) for each row of an agenda table: one column of dates, one column
    naming topics by number, a subject. Empty when the table is no agenda."""
    from akkoord.dossier.dates import find_dates

    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        return []
    body = rows[1:]
    width = max(len(r) for r in rows)
    date_col = ref_col = None
    for col in range(width):
        cells = [r[col].strip() if col < len(r) else "" for r in body]
        if sum(bool(_TOPIC_NUMBER.match(c)) and c.strip().rstrip(".") in numbers for c in cells) >= 0.6 * len(cells):
            ref_col = col
            break
    if ref_col is None:
        return []  # names no topic: no agenda
    for col in range(width):
        cells = [r[col].strip() if col < len(r) else "" for r in body]
        if col != ref_col and sum(bool(find_dates(c)) for c in cells) >= 0.6 * len(cells):
            date_col = col
            break
    if date_col is None or ref_col is None:
        return []
    text_cols = [c for c in range(width) if c not in (date_col, ref_col)]
    out = []
    for r in body:
        cells = r + [""] * (width - len(r))
        dates = find_dates(cells[date_col])
        if not dates:
            continue
        first = dates[0]
        when = first.start if first.start == first.end else first.start[:4] if (
            first.start[:4] == first.end[:4] and first.start[5:] == "01-01" and first.end[5:] == "12-31") else first.start
        subject = normalise_whitespace(" ".join(cells[c] for c in text_cols))
        out.append((cells[ref_col].strip().rstrip("."), AgendaItem(when, subject)))
    return out


def _paragraph_texts(blocks: list[Block]) -> list[str]:
    """Paragraph texts, lines that continue a paragraph joined to it."""
    out: list[str] = []
    for b in blocks:
        if b.kind != "para" or not b.text.strip():
            continue
        if out and not b.new_paragraph and not b.bullet:
            out[-1] = out[-1] + " " + b.text.strip()
        else:
            out.append(b.text.strip())
    return out


def _items(blocks: list[Block]) -> list[str]:
    """Points of a section: its bullets (an introduction before them is a label), or its
    paragraphs when it has no bullets."""
    paras = [b for b in blocks if b.kind == "para" and b.text.strip()]
    if any(b.bullet for b in paras):
        items: list[str] = []
        for b in paras:
            if b.bullet:
                items.append(b.text.strip())
            elif items and not b.new_paragraph:
                items[-1] += " " + b.text.strip()
        return [normalise_whitespace(i) for i in items]
    texts = _paragraph_texts(paras)
    return [normalise_whitespace(t) for t in texts if not _INTRO_END.search(t) or t is texts[-1]]


def _clean(text: str) -> str:
    return normalise_whitespace(remove_urls(text)).strip()


def _text(blocks: list[Block]) -> str:
    texts = [_clean(t) for t in _paragraph_texts(blocks)]
    return "\n\n".join(t for t in texts if t)


def _sources(table: Block) -> list[Source]:
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if not rows:
        return []
    out = []
    for r in rows[1:]:
        title = _clean(r[0]) if r else ""
        end = normalise_whitespace(r[-1]) if len(r) > 1 else ""
        if title:
            out.append(Source(title, end))
    return out


def _table(title: str, table: Block, note: str = "") -> Table:
    rows = [[normalise_whitespace(c) for c in r] for r in table.rows if any(c.strip() for c in r)]
    if not rows:
        return Table(title)
    return Table(title, rows[0], rows[1:], note)


_DATE_WORDS = re.compile(r"^(?:doorlopend|onbepaald|geen(?:\s+einddatum)?|n\.?\s?v\.?\s?t\.?|n\.?\s?t\.?\s?b\.?)\b",
                         re.IGNORECASE)


def _date_like(text: str) -> bool:
    """A date as a value (``31-12-2026``, ``evaluatie 2027``, ``doorlopend``), not a figure
    with its year (``63 (2024)``, ``44% (2023)``): no other number beside the date."""
    from akkoord.dossier.dates import find_dates

    if _DATE_WORDS.match(text.strip()):
        return True
    found = find_dates(text)
    rest = text
    for interval in found:
        rest = rest.replace(interval.text, " ")
    return bool(found) and not re.search(r"\d", rest)


def _columns_from_dump(sections: list[tuple[str, list[Block]]], profile: Profile) -> list[tuple[str, list[Block]]]:
    """Text extracted column by column writes a table as its header cells, each followed by
    that column's values (``Beleidskader`` / titles …, later ``Loopt af`` / dates …), so the
    headers read as section headings. Under a section that fills ``sources`` and holds no
    table, rebuild the table from the first column (titles) and the first later column of
    dates, pairing them by count (a title's wrapped line joins its title). Other columns of
    the dump are kept together under the heading they stood under, as text."""
    out: list[tuple[str, list[Block]]] = []
    i = 0
    while i < len(sections):
        heading, blocks = sections[i]
        if section_field(heading, profile) != "sources" or any(b.kind == "table" for b in blocks) or \
                any(b.kind == "para" and b.text.strip() for b in blocks):
            out.append(sections[i])
            i += 1
            continue
        j = i + 1
        groups: list[tuple[str, list[str]]] = []
        while j < len(sections) and section_field(sections[j][0], profile) in (None, "tables"):
            title, body = sections[j]
            groups.append((title, [b.text.strip() for b in body if b.kind == "para" and b.text.strip()]))
            j += 1
        titles = groups[0][1] if groups and section_field(groups[0][0], profile) is None else []
        dates = next(((k, g) for k, g in enumerate(groups[1:], 1) if g[1]
                      and sum(_date_like(v) for v in g[1]) >= 0.6 * len(g[1])), None)
        if not titles or dates is None or len(dates[1][1]) > len(titles):
            out.append(sections[i])
            i += 1
            continue
        titles = list(titles)
        values = dates[1][1]
        while len(titles) > len(values):
            k = next((k for k in range(1, len(titles))
                      if titles[k][:1].islower() or titles[k][:1].isdigit() or len(titles[k].split()) <= 1),
                     min(range(1, len(titles)), key=lambda k: len(titles[k])))
            titles[k - 1] = f"{titles[k - 1]} {titles[k]}"
            del titles[k]
        rows = [[groups[0][0], dates[1][0]]] + [[t, v] for t, v in zip(titles, values)]
        out.append((heading, [Block("table", rows=rows)]))
        rest = [g for k, g in enumerate(groups) if k not in (0, dates[0])]
        where = next((t for t, _ in rest if section_field(t, profile) == "tables"), None)
        text = "\n\n".join(f"{t}: {'; '.join(v)}" if v else t for t, v in rest
                            if section_field(t, profile) != "tables" or v)
        if where and text:
            out.append((where, [Block("para", text)]))
        i = j
    return out


def _fiche(topic: _Topic, profile: Profile, numbers: dict[str, str]) -> Fiche:
    fiche = Fiche(code=topic.code, title=topic.title)
    topic.sections = _columns_from_dump(topic.sections, profile)
    links: list[str] = []
    texts: dict[str, list[str]] = {}
    all_text: list[str] = []

    def collect(blocks: list[Block]) -> None:
        for b in blocks:
            links.extend(b.links)
            if b.kind == "para":
                links.extend(find_urls(b.text))
                all_text.append(b.text)
            elif b.kind == "table":
                for row in b.rows:
                    for cell in row:
                        links.extend(find_urls(cell))
                        all_text.append(cell)

    footnotes: list[str] = []
    numbers_used: set[int] = set()
    for _, blocks in [("", topic.lead)] + topic.sections:
        for b in blocks:
            m = _FOOTNOTE.match(b.text) if b.kind == "para" and not b.bullet else None
            if m:
                numbers_used.add(int(m.group(1)))
    if numbers_used:  # footnote marks glued to words or years (``20321``) go
        for _, blocks in [("", topic.lead)] + topic.sections:
            for b in blocks:
                if b.kind == "para" and not _FOOTNOTE.match(b.text):
                    b.text = strip_footnote_markers(b.text, numbers_used)
    for heading, blocks in [("", topic.lead)] + topic.sections:
        collect(blocks)
        # Footnote lines at the end of a section (``1 Zie het plan …``).
        while blocks and blocks[-1].kind == "para" and _FOOTNOTE.match(blocks[-1].text) and not blocks[-1].bullet:
            footnotes.insert(0, _FOOTNOTE.match(blocks[-1].text).group(2).strip())
            blocks = blocks[:-1]
        fname = section_field(heading, profile) if heading else "current_line"
        paras = [b for b in blocks if b.kind == "para"]
        tables = [(i, b) for i, b in enumerate(blocks) if b.kind == "table"]
        if fname == "sources" and tables:
            for _, t in tables:
                fiche.sources.extend(_sources(t))
            continue
        if fname == "tables" or (tables and fname not in ("sources",)):
            for i, t in tables:
                after = blocks[i + 1] if i + 1 < len(blocks) else None
                note = after.text.strip() if after is not None and after.kind == "para" and _NOTE.match(after.text) else ""
                fiche.tables.append(_table(heading, t, note))
            paras = [b for b in paras if not _NOTE.match(b.text)]
            if fname == "tables":
                continue
        if fname in ("current_line", "adjustment_moment", "external_changes"):
            text = _text(paras)
            if text:
                texts.setdefault(fname, []).append(text)
        elif fname == "advice":
            fiche.advice.extend(_clean(i) for i in _items(paras) if _clean(i))
        elif fname == "partners":
            fiche.partners.extend(parse_partners([b.text for b in paras]))
        elif fname == "links":
            pass  # collected above
        elif heading:
            fiche.sections.append(Section(heading, _text(paras)))
    fiche.current_line = "\n\n".join(texts.get("current_line", []))
    fiche.adjustment_moment = "\n\n".join(texts.get("adjustment_moment", []))
    fiche.external_changes = "\n\n".join(texts.get("external_changes", []))
    fiche.links = unique(links)
    fiche.footnotes = footnotes
    related = []
    for m in _REFERENCE.finditer("\n".join(all_text)):
        code = numbers.get(f"{int(m.group(1))}.{int(m.group(2))}")
        if code and code != fiche.code and code not in related:
            related.append(code)
    fiche.related = related
    return fiche


def build_dossier(blocks: list[Block], reader: str, title: str = "", base: Profile | None = None,
                  municipality: str = "") -> ReadResult | None:
    """The dossier of a heading-structured document, or None when it has no numbered topics."""
    profile = base.copy() if base is not None and base.section_fields else programme_profile()
    if base is not None:
        profile.municipality = base.municipality or profile.municipality
        profile.term = base.term or profile.term
    warnings: list[ReaderWarning] = []
    topics: list[_Topic] = []
    current: _Topic | None = None
    section: tuple[str, list[Block]] | None = None
    loose: list[Block] = []  # blocks outside any topic (appendix tables, introduction)
    topic_level = min((b.level for b in blocks if b.kind == "heading" and _TOPIC.match(b.text)), default=None)
    if topic_level is None:
        return None
    title_from_blocks = not title
    for b in blocks:
        if b.kind == "heading" and b.level == 0:
            if title_from_blocks and not topics and current is None:
                title = normalise_whitespace(f"{title} {b.text}")
            continue
        if b.kind == "heading" and b.level <= topic_level:
            m = _TOPIC.match(b.text) if b.level == topic_level else None
            code = topic_code(m.group(1), m.group(2)) if m else None
            if m and code:
                current = _Topic(code, f"{int(m.group(1))}.{int(m.group(2))}", normalise_whitespace(m.group(3)))
                topics.append(current)
                section = None
            else:
                current, section = None, None
            continue
        if current is None:
            loose.append(b)
            continue
        if (b.kind == "para" and not b.bullet and len(b.text.split()) <= 5
                and any(normalise(b.text) == normalise(p) for p in profile.section_fields)):
            b = Block("heading", b.text, topic_level + 1)  # a section label set as a plain paragraph
        if b.kind == "heading":
            section = (normalise_whitespace(b.text), [])
            current.sections.append(section)
        elif section is None:
            current.lead.append(b)
        else:
            section[1].append(b)
    if not topics:
        return None
    numbers = {t.number: t.code for t in topics}
    # The section headings as this dossier writes them, each with the field it fills.
    headings = Counter(h for t in topics for h, _ in t.sections)
    if headings and (base is None or not base.labels):
        labels: dict[str, str] = {}
        for heading, _ in headings.most_common():
            fname = section_field(heading, profile)
            if fname and fname not in labels:
                labels[fname] = heading
        profile.set_labels(labels)
    fiches = []
    seen = set()
    for topic in topics:
        if topic.code in seen:
            warnings.append(ReaderWarning(f"onderwerp {topic.number} komt twee keer voor; de tweede is overgeslagen",
                                          topic.code, kind="duplicate-fiche"))
            continue
        seen.add(topic.code)
        fiches.append(_fiche(topic, profile, numbers))
    by_code = {f.code: f for f in fiches}
    # Agenda tables anywhere (mostly an appendix): rows go to the topics they name.
    for b in blocks:
        if b.kind != "table":
            continue
        rows = _agenda_rows(b, set(numbers))
        if not rows:
            continue
        for number, item in rows:
            fiche = by_code.get(numbers.get(number, ""))
            if fiche is not None:
                fiche.agenda.append(item)
        for fiche in fiches:  # an agenda table is no indicator table of the topic it stands in
            fiche.tables = [t for t in fiche.tables if t.rows != [[normalise_whitespace(c) for c in r]
                                                                  for r in b.rows[1:] if any(x.strip() for x in r)]]
    profile.term = profile.term or term_from_title(title)
    if not municipality:
        m = re.search(r"\bgemeente\s+([A-Z][\w\-’']+)", title)
        municipality = m.group(1) if m else ""
    profile.municipality = profile.municipality or municipality
    dossier = Dossier(municipality=municipality or profile.municipality, fiches=fiches, title=title, profile=profile)
    return ReadResult(dossier, reader, warnings)


# --- from plain lines (text extraction, PDF) --------------------------------------------------

_CHAPTER = re.compile(r"^\s*([A-Z][a-z]+)\s+(\d{1,2})\b\s*[.:–-]?\s*\S")
_DOCUMENT_PART = re.compile(r"^\s*(?:bijlagen?|leeswijzer|inleiding|samenvatting|voorwoord|colofon)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;]['’”\")]*$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")


def _short_heading_shape(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 9 and line[:1].isupper() and not line.rstrip().endswith((".", ",", ";"))
            and not find_urls(line))


def blocks_from_lines(lines: list, profile: Profile | None = None) -> list[Block]:
    """Blocks of a heading-structured dossier from extracted text lines: numbered topic lines
    (level 2), chapter lines (a recurring word and a number) and document parts (level 1),
    section headings (short lines that recur, or that the profile names) as level 3; bullets
    and paragraphs (a short line that ends a sentence ends its paragraph).

    A layout reader may pass ``Line`` records instead of strings (text, font size, link
    targets) and table ``Block`` s in their place: larger type then gives the heading level."""
    profile = profile or programme_profile()
    records = [l if isinstance(l, (Line, Block)) else Line(l) for l in lines]
    tables = {i: r for i, r in enumerate(records) if isinstance(r, Block)}
    lines_only = [r for r in records if isinstance(r, Line)]
    sizes = Counter(round(r.size, 1) for r in lines_only if r.size and r.text.strip())
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    heading_sizes = sorted({s for s in sizes if body and s > body * 1.1}, reverse=True)
    first_size = next((round(r.size, 1) for r in lines_only if r.text.strip()), 0.0)

    def size_level(size: float) -> int | None:
        size = round(size, 1)
        if size not in heading_sizes:
            return None
        rank = heading_sizes.index(size)
        if size == first_size and rank == 0 and sizes[size] <= 3:
            return 0  # the title on the cover
        return rank + (0 if heading_sizes[0] == first_size and sizes[first_size] <= 3 else 1)

    stripped = [normalise_whitespace(r.text) if isinstance(r, Line) else "" for r in records]
    counts = Counter(s for s in stripped if s)
    # Page headers and footers: a line of some words that recurs on many pages with blank lines
    # around it.
    footers = set()
    for s, n in counts.items():
        if n < 3 or len(s.split()) < 3:  # a column header or a year alone is no page footer
            continue
        idx = [i for i, x in enumerate(stripped) if x == s]
        alone = sum((i == 0 or not stripped[i - 1]) and (i + 1 >= len(stripped) or not stripped[i + 1]) for i in idx)
        if alone >= 0.6 * n and not section_field(s, profile):
            footers.add(s)
    chapter_words = Counter(m.group(1) for s in stripped if (m := _CHAPTER.match(s)) and len(s.split()) <= 10)
    width = max((len(s) for s in stripped), default=80)
    topics = sum(1 for s in stripped if _TOPIC.match(s))
    blocks: list[Block] = []
    for i, s in enumerate(stripped):
        if i in tables:
            blocks.append(tables[i])
            continue
        record = records[i]
        level = record.level if record.level is not None else (size_level(record.size) if record.size else None)
        markdown = _MARKDOWN_HEADING.match(s)
        if markdown:  # ``# Titel``, ``## Programma 1``, ``### 1.1 Onderwerp``, ``#### Sectie``
            hashes = len(markdown.group(1))
            blocks.append(Block("heading", markdown.group(2), 0 if hashes == 1 and not blocks else hashes))
            continue
        if s and level is not None:
            blocks.append(Block("heading", s, level, links=list(record.links)))
            continue
        if s and record.bold and _short_heading_shape(s) and not _TOPIC.match(s):
            blocks.append(Block("heading", s, 9))  # a section heading set in bold body type
            continue
        if not s or s in footers:
            if blocks and blocks[-1].kind == "para":
                blocks[-1].new_paragraph = blocks[-1].new_paragraph  # a blank line ends nothing by itself
            if not s and blocks:
                blocks.append(Block("para", "", new_paragraph=True))
            continue
        m = _CHAPTER.match(s)
        if _TOPIC.match(s) and _short_heading_shape(_TOPIC.match(s).group(3)) and len(s.split()) <= 10:
            blocks.append(Block("heading", s, 2))
            continue
        if (m and chapter_words[m.group(1)] >= 2 and len(s.split()) <= 10) or (
                _DOCUMENT_PART.match(s) and _short_heading_shape(s)):
            blocks.append(Block("heading", s, 1))
            continue
        # A short line that recurs is a section heading, unless it is one word that may go on with
        # the line above it (a name wrapped in a table column, ``… Werkplein`` / ``Marlingerland``)
        # and recurs in fewer than half of the topics (a heading of the form recurs in most).
        wrapped = (len(s.split()) == 1 and i > 0 and bool(stripped[i - 1]) and not _SENTENCE_END.search(stripped[i - 1])
                   and bool(blocks) and blocks[-1].kind == "para" and bool(blocks[-1].text))
        if (_short_heading_shape(s) and (counts[s] >= (max(2, (topics + 1) // 2) if wrapped else 2)
                                         or section_field(s, profile))
                and not split_bullet(s)[0]):
            blocks.append(Block("heading", s, 3))
            continue
        bullet, text = split_bullet(s)
        prev = next((b for b in reversed(blocks) if b.kind == "para" and b.text), None)
        last = blocks[-1] if blocks else None
        new = bool(bullet) or last is None or last.kind != "para" or not last.text
        if not new and prev is not None:
            new = bool(_SENTENCE_END.search(prev.text)) and len(stripped[i - 1]) < 0.8 * width
        blocks.append(Block("para", text, bullet=bool(bullet), new_paragraph=new, links=list(record.links)))
    return [b for b in blocks if b.kind != "para" or b.text or b.links]


@dataclass
class Line:
    """A line of extracted text, with its font size and link targets when a layout reader knows them."""

    text: str
    size: float = 0.0
    links: list[str] = field(default_factory=list)
    bold: bool = False
    level: int | None = None  # the heading level the document's outline (bookmarks) gives it


def parse_heading_text(text: str, base: Profile | None = None, reader: str = "text") -> ReadResult | None:
    lines = text.split("\n")
    first = next((normalise_whitespace(l) for l in lines if l.strip()), "")
    blocks = blocks_from_lines(lines, base if base is not None and base.section_fields else None)
    title_lines = []
    for l in lines:
        s = normalise_whitespace(l)
        if not s:
            continue
        if _TOPIC.match(s) or _CHAPTER.match(s) or _DOCUMENT_PART.match(s):
            break
        title_lines.append(s)
        if len(title_lines) == 2:
            break
    title = " ".join(title_lines) if title_lines else first
    return build_dossier(blocks, reader, title=title, base=base)
