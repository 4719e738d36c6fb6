"""From a document's layout to fiches: the step the PDF and Word readers share.

Both layout readers walk their document in reading order and report what they see to a
``FicheAssembler``: a heading (``Onderwerp 1A …``), a table row as a list of cells (each a
list of paragraphs, bullets marked), a loose paragraph outside any table, a hyperlink target,
a footnote. The assembler knows the template: a row whose first cell is a label (matched
tolerantly by ``readers.template.match_label``) opens that field, a row with an empty label
continues it (a merged cell, a row split over a page break), the header row
``Beleidsterrein / (Subsidie)kans / Risico`` opens the policy table. ``finish`` turns the
collected cells into the dossier model, following the reading conventions of
``dossier-format.md``: text without labels, paragraphs separated by a blank line, bullets
removed, URLs moved to ``links``, one entry per source / partner / advice point.

Pure: no I/O, no Django.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from akkoord.dossier.model import (
    AMBITION_KEYS,
    Dossier,
    Fiche,
    PolicyArea,
    ReaderWarning,
    Source,
)
from akkoord.dossier.readers.template import (
    AMBITION_PHRASES,
    is_boilerplate_footnote,
    match_label,
    match_table_header,
    normalise_label,
)

# A URL in running text (the visible form of a link).
URL_PATTERN = re.compile(r"(?:https?://|file:/{2,3}|www\.)[^\s<>\"]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\""
# Bullet glyphs at the start of an item (Symbol / Wingdings private-use glyphs included).
BULLET_GLYPHS = "•·▪◦‣●○■□➢➤►→-–—*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"
_BULLET_START = re.compile(rf"^\s*[{re.escape(BULLET_GLYPHS)}](?:\s+|(?=[A-Z(]))")
_HEADING = re.compile(r"^\s*Onderwerp\s*:?\s+(\d{1,2})\s?([A-Za-z])(?![A-Za-z])[\s.:–-]*(.*)$", re.DOTALL)
_ENDDATE = re.compile(r"[\s,;–-]*\(?\s*Einddatum\s*:?\s*", re.IGNORECASE)
_LOGICAL_MOMENT = re.compile(r"[\s,]*(?:is\s+)?een\s+logisch\s+moment\.?\s*$", re.IGNORECASE)
# Marks of a chosen ambition in the Opgave grid.
_MARKS = {"x", "✓", "✔", "☒", "☑", "■", "v"}
_UNMARKED = {"☐", "□", "o"}
# Words that start a clause, not a name: a comma before them does not separate partners.
_CLAUSE_WORDS = {"met", "die", "dat", "waaronder", "zoals", "onder", "voor", "van", "als", "in", "op",
                 "bij", "om", "wat", "waar", "welke", "maar", "ook", "en", "of", "te", "tot", "door"}
# Loose paragraphs that introduce a block of links rather than content.
_LINK_HEADINGS = ("links", "link", "meer informatie", "bronnen", "hyperlinks", "zie ook")


@dataclass
class Para:
    """One paragraph of a cell or of the running text."""

    text: str
    bullet: bool = False
    # True when this paragraph continues the previous one (a cell split over a page break).
    joins_previous: bool = False


@dataclass
class Cell:
    paras: list[Para] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paras if p.text).strip()


def clean_inline(text: str) -> str:
    """Fold white space (non-breaking spaces included) into single spaces."""
    text = unicodedata.normalize("NFC", text.replace("\u00ad", "")).replace("\u00a0", " ")
    return " ".join(text.split())


def strip_bullet(text: str) -> tuple[str, bool]:
    match = _BULLET_START.match(text)
    if match and not re.match(r"^\s*[-–—]\d", text):
        return text[match.end():].strip(), True
    return text.strip(), False


def split_urls(text: str) -> tuple[str, list[str]]:
    """``text`` without its URLs, and the URLs in order."""
    urls: list[str] = []

    def take(match: re.Match) -> str:
        url = match.group(0)
        while url and url[-1] in _URL_TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        urls.append(url)
        return " " + match.group(0)[len(url):]

    rest = URL_PATTERN.sub(take, text)
    return clean_inline(rest), urls


def is_url_like(token: str) -> bool:
    return bool(URL_PATTERN.match(token))


def parse_heading(text: str) -> tuple[str, str] | None:
    """``(code, title)`` of an ``Onderwerp 1A Titel`` heading, or None."""
    match = _HEADING.match(clean_inline(text))
    if not match:
        return None
    return f"{match.group(1)}{match.group(2).upper()}", clean_inline(match.group(3))


@dataclass
class _Draft:
    code: str
    title: str
    where: int | None
    buffers: dict[str, list[Para]] = field(default_factory=dict)
    ambition_cells: list[str] = field(default_factory=list)
    policy_areas: list[PolicyArea] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    related_names: list[str] = field(default_factory=list)


class FicheAssembler:
    """Collects what a layout reader sees and builds the dossier from it."""

    def __init__(self, reader: str) -> None:
        self.reader = reader
        self.warnings: list[ReaderWarning] = []
        self.drafts: list[_Draft] = []
        self.preamble: list[str] = []
        self.field: str | None = None  # the field the next value belongs to
        self.label_text = ""  # the label text of the current field (for wrapped labels)
        self.loose_field = False  # the current field was opened by a loose label paragraph
        self.policy_columns: list[str] | None = None
        self.header_cells: list[str] | None = None
        # A row whose label matched nothing: it may be cut by a page break and continue.
        self.pending: tuple[str, list[Cell], int | None] | None = None

    # -- events -----------------------------------------------------------------------

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    def warn(self, message: str, where: int | None = None, kind: str = "unplaced-text", text: str = "") -> None:
        code = self.current.code if self.current else None
        self.warnings.append(ReaderWarning(message, fiche=code, page=where, kind=kind, text=text[:200]))

    def heading(self, text: str, where: int | None = None) -> bool:
        """A heading or title line; returns True when it opened a new fiche."""
        parsed = parse_heading(text)
        if parsed is None:
            return False
        self._flush_pending()
        code, title = parsed
        if any(d.code == code for d in self.drafts[:-1]) or (self.current and self.current.code == code and title
                                                              and self.current.title and title != self.current.title):
            self.warnings.append(ReaderWarning(f"fiche {code} komt meer dan eens voor; de fiches zijn apart gehouden",
                                               fiche=code, page=where, kind="duplicate-fiche"))
        elif self.current and self.current.code == code:
            # The same heading again (a repeated title row): complete the title if needed.
            if not self.current.title:
                self.current.title = title
            return True
        self.drafts.append(_Draft(code, title, where))
        self.field, self.label_text, self.loose_field = None, "", False
        self.policy_columns = self.header_cells = None
        return True

    def link(self, url: str, where: int | None = None) -> None:
        url = url.strip()
        if not url:
            return
        if self.current is None:
            return
        if url not in self.current.links:
            self.current.links.append(url)

    def footnote(self, text: str, where: int | None = None, code: str | None = None) -> None:
        text = clean_inline(re.sub(r"^\s*\d{1,3}\s*[.)]?\s+", "", text))
        if not text or is_boilerplate_footnote(text):
            return
        draft = next((d for d in self.drafts if d.code == code), None) if code else self.current
        if draft is None:
            self.warn("voetnoot buiten een fiche; genegeerd", where, kind="unplaced-footnote", text=text)
            return
        if text not in draft.footnotes:
            draft.footnotes.append(text)

    def paragraph(self, para: Para, where: int | None = None) -> None:
        """A loose paragraph outside any table."""
        text = clean_inline(para.text)
        if not text:
            return
        if self.heading(text, where):
            return
        if self.current is None:
            self.preamble.append(text)
            return
        related = _RELATED_LINE.match(text)
        if related:
            self.current.related_names.extend(_split_names(related.group(1)))
            return
        norm = normalise_label(text)
        field = match_label(text) if len(norm.split()) <= 40 else None
        if field and field != "title" and (self.loose_field or self.field is None or field != self.field):
            self._open_field(field, text)
            self.loose_field = True
            return
        if norm in _LINK_HEADINGS:
            self.field, self.loose_field = "links", True
            return
        rest, urls = split_urls(text)
        for url in urls:
            self.link(url, where)
        if not rest or (urls and len(rest.split()) <= 2):
            return
        if self.loose_field and self.field and self.field != "links":
            self._append(self.field, [Para(rest, para.bullet, para.joins_previous)])
            return
        self.warn("tekst buiten de fichetabel kon niet bij een veld worden geplaatst", where, text=rest)

    def row(self, cells: list[Cell], where: int | None = None, continued: bool = False) -> None:
        """A table row: its cells left to right (merged cells once)."""
        texts = [c.text for c in cells]
        if not any(texts):
            return
        if self.current is None:
            if self.heading(" ".join(texts), where):
                return
            self.warn("tabelrij vóór de eerste fiche; genegeerd", where, text=" | ".join(texts))
            return
        # A heading inside the table (a title row spanning the columns).
        if len([t for t in texts if t]) == 1 and self.heading(next(t for t in texts if t), where):
            return
        headers = [match_table_header(t) for t in texts]
        if len(cells) >= 2 and all(headers) and len(set(headers)) == len(headers):
            if self.header_cells == texts and self.policy_columns:
                return  # the header row repeated on a new page
            self.policy_columns, self.header_cells = headers, texts
            self.field, self.loose_field = "policy_areas", False
            return
        if self.policy_columns and not (texts[0] and match_label(texts[0]) not in (None, "title")):
            self._policy_row(cells, continued, where)
            return
        self.policy_columns = None
        if self.pending is not None:
            pending_label, pending_values, pending_where = self.pending
            self.pending = None
            if continued:
                # The rest of a row cut by a page break: join label and values.
                joined = [Cell([Para(pending_label), *cells[0].paras])]
                for i in range(max(len(pending_values), len(cells) - 1)):
                    before = pending_values[i].paras if i < len(pending_values) else []
                    after = cells[i + 1].paras if i + 1 < len(cells) else []
                    joined.append(Cell(before + after))
                cells, texts, continued = joined, [c.text for c in joined], False
            else:
                self._warn_unknown(pending_label, pending_values, pending_where)
        label, values = cells[0], cells[1:]
        label_text = label.text
        field = match_label(label_text) if label_text else None
        if field is None and label_text:
            if continued and self.field:
                field = self.field  # the rest of a wrapped label after a page break
            elif len(cells) == 1:
                self.paragraph(Para(label_text), where)
                return
        if field is None and not label_text:
            field = self.field
            if field is None:
                self.warn("waarde zonder label kon niet worden geplaatst", where,
                          text=" ".join(t for t in texts if t))
                return
            self._append_cells(field, values)
            return
        if field is None:
            self.pending = (label_text, values, where)
            self.field, self.label_text = None, label_text
            return
        if field == "title":
            value = " ".join(t for t in texts[1:] if t)
            if value and not self.current.title:
                self.current.title = clean_inline(value)
            self.field = None
            return
        if field != self.field or not continued:
            self._open_field(field, label_text)
        self.loose_field = False
        self._append_cells(field, values)

    # -- helpers ----------------------------------------------------------------------

    def _warn_unknown(self, label_text: str, values: list[Cell], where: int | None) -> None:
        self.warn(f"onbekend label ‘{label_text[:60]}’; de waarde is niet geplaatst", where,
                  kind="unknown-label", text=" ".join(c.text for c in values if c.text))

    def _flush_pending(self) -> None:
        if self.pending is not None:
            label_text, values, where = self.pending
            self.pending = None
            self._warn_unknown(label_text, values, where)

    def _open_field(self, field: str, label_text: str) -> None:
        self.field, self.label_text = field, label_text
        if field != "policy_areas":
            self.policy_columns = None

    def _append(self, field: str, paras: list[Para]) -> None:
        if field == "policy_areas":
            # Text in the value cell of the policy label (or under it): no table to hold it.
            self.current.buffers.setdefault("policy_text", []).extend(paras)
            return
        self.current.buffers.setdefault(field, []).extend(paras)

    def _append_cells(self, field: str, cells: list[Cell]) -> None:
        if field == "ambitions":
            for cell in cells:
                self.current.ambition_cells.append(cell.text)
            return
        for cell in cells:
            if cell.paras:
                self._append(field, cell.paras)

    def _policy_row(self, cells: list[Cell], continued: bool, where: int | None) -> None:
        columns = self.policy_columns or []
        values = {"area": "", "opportunity": "", "risk": ""}
        texts = [_cell_text(c) for c in cells]
        if len(texts) > len(columns):
            # Extra cells (a split column): put the overflow in the last column.
            texts = texts[:len(columns) - 1] + [" ".join(t for t in texts[len(columns) - 1:] if t)]
        for column, text in zip(columns, texts):
            values[column] = text
        areas = self.current.policy_areas
        if continued and areas and not values["area"]:
            last = areas[-1]
            last.opportunity = _join_text(last.opportunity, values["opportunity"])
            last.risk = _join_text(last.risk, values["risk"])
            return
        if len(texts) < 2 and not values["area"]:
            self.warn("rij van de beleidstabel zonder cellen; genegeerd", where, text=" ".join(texts))
            return
        areas.append(PolicyArea(values["area"], values["opportunity"], values["risk"]))

    # -- building the model -------------------------------------------------------------

    def finish(self, municipality: str = "", title: str = "") -> Dossier:
        self._flush_pending()
        fiches = [self._build(d) for d in self.drafts]
        dossier = Dossier(municipality=municipality or self._municipality(), fiches=fiches,
                          title=title or (self.preamble[0] if self.preamble else ""))
        titles = {f.code: normalise_label(f.title) for f in fiches}
        for draft, fiche in zip(self.drafts, fiches):
            for name in draft.related_names:
                code = _name_code(name, titles, fiche.code)
                if code and code not in fiche.related:
                    fiche.related.append(code)
        resolve_related(dossier)
        return dossier

    def _municipality(self) -> str:
        names: Counter[str] = Counter()
        for draft in self.drafts:
            for cell in draft.ambition_cells:
                words = clean_inline(cell).split()
                if len(words) >= 2 and normalise_label(words[0]) in ("aantrekkelijk", "open", "inclusief"):
                    names[" ".join(words[1:])] += 1
        return names.most_common(1)[0][0] if names else ""

    def _build(self, draft: _Draft) -> Fiche:
        fiche = Fiche(code=draft.code, title=draft.title)
        links: list[str] = []
        fiche.ambitions = parse_ambitions(draft.ambition_cells)
        for name in ("current_line", "adjustment_moment", "external_changes"):
            text, urls = paragraphs_to_text(draft.buffers.get(name, []))
            if name == "adjustment_moment":
                text = _LOGICAL_MOMENT.sub("", text).strip()
                text = re.sub(r"^(?:…|\.\.\.)\s*", "", text)
            setattr(fiche, name, text)
            links.extend(urls)
        items, urls = paragraphs_to_items(draft.buffers.get("sources", []))
        links.extend(urls)
        fiche.sources = parse_sources(items)
        items, urls = paragraphs_to_items(draft.buffers.get("partners", []))
        links.extend(urls)
        fiche.partners = split_partners(items)
        items, urls = paragraphs_to_items(draft.buffers.get("advice", []))
        links.extend(urls)
        fiche.advice = items
        fiche.policy_areas = [p for p in draft.policy_areas if p.area or p.opportunity or p.risk]
        _, urls = paragraphs_to_items(draft.buffers.get("policy_text", []))
        links.extend(urls)
        for url in draft.links + links:
            if url not in fiche.links:
                fiche.links.append(url)
        fiche.footnotes = list(draft.footnotes)
        return fiche


def _cell_text(cell: Cell) -> str:
    text, _ = paragraphs_to_text(cell.paras, separator=" ")
    return text


def _join_text(a: str, b: str) -> str:
    return clean_inline(f"{a} {b}") if a and b else (a or b)


def merge_paragraphs(paras: list[Para]) -> list[Para]:
    """Join continued paragraphs; strip bullet glyphs (marking the paragraph as a bullet)."""
    out: list[Para] = []
    for para in paras:
        text, glyph = strip_bullet(clean_inline(para.text))
        bullet = para.bullet or glyph
        if not text:
            continue
        if para.joins_previous and out and not bullet:
            out[-1] = Para(join_lines(out[-1].text, text), out[-1].bullet)
        else:
            out.append(Para(text, bullet))
    return out


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph: a space, or nothing after a hyphen that splits a word."""
    if not first:
        return second
    if not second:
        return first
    if first[-1] in "-–/" and len(first) > 1 and first[-2].isalnum() and second[:1].isalnum():
        next_word = second.split()[0].lower()
        if next_word not in ("en", "of", "tot", "t/m"):
            return first + second
    return f"{first} {second}"


def paragraphs_to_text(paras: list[Para], separator: str = "\n\n") -> tuple[str, list[str]]:
    """The text of a field (paragraphs joined by ``separator``) and the URLs taken out of it."""
    parts, urls = [], []
    for para in merge_paragraphs(paras):
        rest, found = split_urls(para.text)
        urls.extend(found)
        if rest and not (found and re.fullmatch(r"[\W_]*", rest)):
            parts.append(rest)
    return separator.join(parts), urls


def paragraphs_to_items(paras: list[Para]) -> tuple[list[str], list[str]]:
    items, urls = [], []
    for para in merge_paragraphs(paras):
        rest, found = split_urls(para.text)
        urls.extend(found)
        rest = rest.strip(" ;,")
        if rest and not re.fullmatch(r"[\W_]*", rest):
            items.append(rest)
    return items, urls


def parse_sources(items: list[str]) -> list[Source]:
    sources: list[Source] = []
    for item in items:
        parts = _ENDDATE.split(item, maxsplit=1)
        title = parts[0].strip(" ;,:–-")
        end = parts[1].strip(" ;,)") if len(parts) > 1 else ""
        if not title and sources and len(parts) > 1:
            sources[-1].end_date = end  # "Einddatum: …" on a line of its own
            continue
        if title:
            sources.append(Source(title, end))
    return sources


def _split_outside_parentheses(text: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


# A name followed by its own enumeration ("gemeenten op onderwerpen zoals A, B"): one entry.
_ENUMERATION = re.compile(r"\b(?:zoals|o\.a\.|onder andere|waaronder|bijvoorbeeld|bijv\.)\s", re.IGNORECASE)
_GROUP_HEADING = re.compile(r"^([A-Z][\w’'/ -]{0,30}):\s+(?=\S)")


def split_partners(items: list[str]) -> list[str]:
    """One entry per organisation: split lists on ``;``, ``,`` and ``en``; drop group headings."""
    out: list[str] = []
    for item in items:
        item = item.strip()
        if re.fullmatch(r"[A-Z][\w’'/ -]{0,30}:", item):
            continue  # a group heading on a line of its own
        heading = _GROUP_HEADING.match(item)
        if heading and "," in item[heading.end():] + ";":
            item = item[heading.end():]
        for chunk in _split_outside_parentheses(item, ";"):
            parts = _split_outside_parentheses(chunk, ",")
            if len(parts) > 1 and (any(_starts_clause(p) for p in parts[1:]) or _ENUMERATION.search(chunk)):
                parts = [chunk]
            if len(parts) > 1:
                parts = [q for p in parts for q in _split_en(p)]
            for part in parts:
                part = part.strip(" .;,")
                part = re.sub(r"^(?:en|of)\s+", "", part)
                if part:
                    out.append(part)
    return out


def _starts_clause(part: str) -> bool:
    words = part.split()
    return bool(words) and words[0] in _CLAUSE_WORDS


def _split_en(part: str) -> list[str]:
    pieces = re.split(r"(?<![-–])\s+en\s+", part)
    if len(pieces) > 1 and all(len(p.split()) <= 5 for p in pieces):
        return pieces
    return [part]


def _ambition_of(text: str) -> str | None:
    """The ambition named first in ``text`` (a mark applies to the name right after it)."""
    norm = normalise_label(text)
    if not norm:
        return None
    padded = f" {norm} "
    best: tuple[int, int, str] | None = None
    for key in ("randvoorwaarden", "groen-duurzaam", "aantrekkelijk", "inclusief", "open"):
        for phrase in AMBITION_PHRASES[key]:
            position = padded.find(f" {phrase} ")
            if position >= 0 and (best is None or (position, -len(phrase)) < best[:2]):
                best = (position, -len(phrase), key)
    return best[2] if best else None


def parse_ambitions(cells: list[str]) -> list[str]:
    """The ambition keys marked in the Opgave cells (a mark cell or mark before the name)."""
    chosen: set[str] = set()
    pending_mark = False
    for cell in cells:
        tokens = clean_inline(cell).split()
        if not tokens:
            continue
        i = 0
        while i < len(tokens):
            token = tokens[i].lower().strip(":")
            if token in _MARKS and (token != "v" or len(tokens) == 1):
                pending_mark = True
                i += 1
                continue
            if token in _UNMARKED:
                pending_mark = False
                i += 1
                continue
            # The name runs to the next mark.
            j = i
            while j < len(tokens) and tokens[j].lower() not in _MARKS | _UNMARKED:
                j += 1
            key = _ambition_of(" ".join(tokens[i:j]))
            if key and pending_mark:
                chosen.add(key)
            pending_mark = False
            i = j
    return [k for k in AMBITION_KEYS if k in chosen]


# -- related fiches ---------------------------------------------------------------------

# A line that lists related fiches: "Koppelingen met dossiers: Woningbouw, Klimaatadaptatie".
_RELATED_LINE = re.compile(r"^\s*(?:koppelingen?|samenhang|relaties?|verwante)\s+(?:met\s+)?(?:de\s+)?"
                           r"(?:andere\s+)?(?:dossiers|fiches|onderwerpen)\s*:\s*(.+)$", re.IGNORECASE)
_CODE_ONLY = re.compile(r"^\s*(\d{1,2})\s?([A-Z])\s*$")


def _split_names(text: str) -> list[str]:
    return [n.strip(" .") for n in re.split(r"[,;]", text) if n.strip(" .")]


def _name_code(name: str, titles: dict[str, str], own: str) -> str | None:
    """The code a related-fiche name stands for: a code as such, or a title it starts."""
    match = _CODE_ONLY.match(name)
    if match:
        code = match.group(1) + match.group(2)
        return code if code != own else None
    return _title_code(name, titles, own)

_EXPLICIT_CODE = re.compile(r"\b(?:fiche|dossier|onderwerp)s?\s+(\d{1,2}\s?[A-Z])\b")
_NAMED_REFERENCE = re.compile(
    r"\b(?:zie\s+(?:ook\s+)?(?:het\s+|de\s+)?|koppeling\s+met\s+(?:het\s+|de\s+)?)(?:fiche|dossier)s?\s+"
    r"([^;:().,]{3,60})|(?:koppelingen|samenhang|relatie)\s+met\s+(?:de\s+)?(?:dossiers|fiches)\s*:\s*([^\n]+)",
    re.IGNORECASE)


def resolve_related(dossier: Dossier) -> None:
    """Fill ``related`` with the codes of fiches a fiche explicitly refers to."""
    titles = {f.code: normalise_label(f.title) for f in dossier.fiches}
    for fiche in dossier.fiches:
        texts = [fiche.current_line, fiche.adjustment_moment, fiche.external_changes, *fiche.advice,
                 *fiche.footnotes, *(f"{p.area} {p.opportunity} {p.risk}" for p in fiche.policy_areas)]
        found: list[str] = list(fiche.related)
        for text in texts:
            for match in _EXPLICIT_CODE.finditer(text):
                code = match.group(1).replace(" ", "")
                if code != fiche.code and code not in found:
                    found.append(code)
            for match in _NAMED_REFERENCE.finditer(text):
                names = match.group(1) or match.group(2) or ""
                for name in re.split(r",|\ben\b", names):
                    code = _title_code(name, titles, fiche.code)
                    if code and code not in found:
                        found.append(code)
        fiche.related = found


def _title_code(name: str, titles: dict[str, str], own: str) -> str | None:
    norm = normalise_label(name)
    if len(norm) < 4:
        return None
    for code, title in titles.items():
        if code == own or not title:
            continue
        if title.startswith(norm) or f" {norm} " in f" {title} ":
            return code
    return None
