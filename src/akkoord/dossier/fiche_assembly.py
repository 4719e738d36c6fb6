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
removed, URLs moved to ``links``, one entry per source / partner / advice point. The
field-level logic is the one the text reader uses too: ``textclean`` (bullets, URLs, joined
lines), ``fields`` (ambition marks, sources, partners), ``readers.template`` (headings,
labels) and ``related`` (cross-references).

Pure: no I/O, no Django.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from akkoord.dossier.fields import (
    ambition_cells_text,
    municipality_after_ambitions,
    parse_ambition_cells,
    sources_from_items,
    split_partners,
)
from akkoord.dossier.model import (
    Dossier,
    Fiche,
    PolicyArea,
    ReaderWarning,
)
from akkoord.dossier.profile import Profile, apply_ambitions, default_profile, find_boilerplate, term_from_title
from akkoord.dossier.readers.template import (
    ADJUSTMENT_TAIL_PATTERN,
    REFERENCE_LINE_PATTERN,
    match_label,
    match_table_header,
    normalise_label,
    parse_heading,
)
from akkoord.dossier.related import (
    fiche_text,
    find_references,
    resolve_related,
    see_also_references,
    split_reference_list,
)
from akkoord.dossier.textclean import clean_inline, join_two, split_bullet, split_urls

_LOGICAL_MOMENT = re.compile(r"[\s,]*(?:is\s+)?" + ADJUSTMENT_TAIL_PATTERN + r"\s*$", re.IGNORECASE)
# Loose paragraphs that introduce a block of links rather than content.
_FOOTNOTE_PARAGRAPH = re.compile(r"^\d{1,2}\s+[A-Z][^\n]{10,}$")
LINK_HEADINGS = ("links", "link", "meer informatie", "bronnen", "hyperlinks", "zie ook")
# A loose paragraph that lists related fiches: "Koppelingen met dossiers: Woningbouw, Klimaatadaptatie".
_RELATED_LINE = re.compile(REFERENCE_LINE_PATTERN, re.IGNORECASE | re.DOTALL)


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
        self.profile: Profile = default_profile()
        self.label_counts: dict[str, Counter] = {}  # field → label wordings seen

    # -- events -----------------------------------------------------------------------

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    def warn(self, message: str, where: int | None = None, kind: str = "unplaced-text", text: str = "") -> None:
        code = self.current.code if self.current else None
        self.warnings.append(ReaderWarning(message, fiche=code, page=where, kind=kind, text=text[:200]))

    def heading(self, text: str, where: int | None = None) -> bool:
        """A heading or title line; returns True when it opened a new fiche."""
        parsed = parse_heading(text, numbered=True)
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
        if not text:
            return  # boilerplate (found by repetition) is left out in finish()
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
        if related and related.group(1).strip():
            self.current.related_names.extend(split_reference_list(related.group(1)))
            return
        norm = normalise_label(text)
        field = match_label(text) if len(norm.split()) <= 40 else None
        if field and field != "title" and (self.loose_field or self.field is None or field != self.field):
            self._open_field(field, text)
            self.loose_field = True
            return
        if norm in LINK_HEADINGS:
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
        if _FOOTNOTE_PARAGRAPH.match(rest):  # ``1 Hieronder verstaan wij …`` under the fiche
            self.footnote(rest, where)
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
        if label_text and field not in ("title",):
            self.label_counts.setdefault(field, Counter())[clean_inline(label_text)] += 1
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

    def induce_profile(self, title: str, base: Profile | None = None) -> Profile:
        """The dossier's profile: ambitions from the Opgave grids, boilerplate footnotes by
        repetition, the term from the title; ``base`` (an earlier version's) where they agree."""
        profile = base.copy() if base is not None else default_profile()
        apply_ambitions(profile, [ambition_cells_text(d.ambition_cells) for d in self.drafts], base)
        found = find_boilerplate([d.footnotes for d in self.drafts])
        if found:
            profile.boilerplate = list(dict.fromkeys(([] if base is None else base.boilerplate) + found))
        profile.term = profile.term or term_from_title(title)
        if self.label_counts and base is None:  # the labels as this dossier writes them
            profile.set_labels({field: counts.most_common(1)[0][0] for field, counts in self.label_counts.items()})
        return profile

    def finish(self, municipality: str = "", title: str = "", profile: Profile | None = None) -> Dossier:
        self._flush_pending()
        title = title or (self.preamble[0] if self.preamble else "")
        self.profile = self.induce_profile(title, profile)
        for draft in self.drafts:
            draft.footnotes = [f for f in draft.footnotes if not self.profile.is_boilerplate(f)]
        fiches = [self._build(d) for d in self.drafts]
        dossier = Dossier(municipality=municipality or self._municipality(), fiches=fiches,
                          title=title, profile=self.profile)
        self.profile.municipality = self.profile.municipality or dossier.municipality
        references: dict[str, list[str]] = {}
        for draft, fiche in zip(self.drafts, fiches):
            references.setdefault(fiche.code, []).extend(
                draft.related_names + find_references(fiche_text(fiche), fiche.title))
        resolve_related(dossier, references)
        return dossier

    def _municipality(self) -> str:
        if self.profile.municipality:
            return self.profile.municipality
        names: Counter[str] = Counter()
        for draft in self.drafts:
            names.update(municipality_after_ambitions(ambition_cells_text(draft.ambition_cells), self.profile))
        return names.most_common(1)[0][0] if names else ""

    def _build(self, draft: _Draft) -> Fiche:
        fiche = Fiche(code=draft.code, title=draft.title)
        links: list[str] = []
        fiche.ambitions = parse_ambition_cells(draft.ambition_cells, self.profile).ambitions
        for name in ("current_line", "adjustment_moment", "external_changes"):
            text, urls = paragraphs_to_text(draft.buffers.get(name, []))
            if name == "adjustment_moment":
                text = _LOGICAL_MOMENT.sub("", text).strip()
                text = re.sub(r"^(?:…|\.\.\.)\s*", "", text)
            setattr(fiche, name, text)
            links.extend(urls)
        items, urls = paragraphs_to_items(draft.buffers.get("sources", []))
        links.extend(urls)
        fiche.sources, _ = sources_from_items(items)
        items, urls = paragraphs_to_items(draft.buffers.get("partners", []))
        links.extend(urls)
        fiche.partners = split_partners(items)
        items, urls = paragraphs_to_items(draft.buffers.get("advice", []))
        links.extend(urls)
        fiche.advice = items
        items, urls = paragraphs_to_items(draft.buffers.get("related", []))
        links.extend(urls)
        for item in items:  # a ``Zie ook`` row: the topics it names, by number or by title
            draft.related_names.extend(see_also_references(item))
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
        glyph, text = split_bullet(clean_inline(para.text))
        bullet = para.bullet or glyph
        if not text:
            continue
        if para.joins_previous and out and not bullet:
            out[-1] = Para(join_two(out[-1].text, text), out[-1].bullet)
        else:
            out.append(Para(text, bullet))
    return out


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
