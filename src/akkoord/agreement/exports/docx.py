"""The agreement as a Word document (python-docx), editable in Word.

Real heading styles (``Heading 1`` per ambition and free section, ``Heading 2`` per numbered
afspraak), a table-of-contents field Word fills on opening, a running header (title and,
while a draft, the confidentiality mark) and footer (page X of Y fields), and the annex
table with a repeating header row. A municipality's own Word file (house style) may be
given: its styles, page set-up, headers and footers are used and its body text is replaced.
"""
from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Cm, Pt, RGBColor

from akkoord.agreement.finance import euro, financial_overview
from akkoord.agreement.model import Agreement, PendingPoint
from akkoord.agreement.exports.common import (
    ANNEX_HEADERS, ANNEX_TITLE, CONFIDENTIAL_MARK, OPEN_TITLE, PARKED_TITLE, TOC_TITLE, annex_rows,
    document_title, dutch_date, point_label, status_line,
)

REQUIRED_STYLES = ("Heading 1", "Heading 2")


class HouseStyleError(ValueError):
    """A house-style template that cannot be used (Dutch message)."""


def _style_names(document) -> set[str]:
    return {s.name for s in document.styles}


def validate_house_style(data: bytes) -> None:
    """Refuse a template Word could not use for the agreement, with a Dutch message."""
    if not data:
        raise HouseStyleError("Het sjabloon is leeg.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise HouseStyleError("Het sjabloon is geen Word-bestand (.docx); sla het in Word op als .docx.")
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        if "template" in str(exc):
            raise HouseStyleError("Een Word-sjabloon (.dotx) kan niet direct worden gebruikt; "
                                  "sla het in Word op als document (.docx).") from None
        raise HouseStyleError("Het sjabloon is beschadigd of geen Word-document; sla het opnieuw op als .docx.") from None
    missing = [name for name in REQUIRED_STYLES if name not in _style_names(document)]
    if missing:
        raise HouseStyleError("Het sjabloon mist de opmaakstijlen " + " en ".join(f"‘{m.replace('Heading', 'Kop')}’" for m in missing)
                              + "; voeg ze toe in Word en upload het opnieuw.")


def _clear_body(document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (``PAGE``, ``NUMPAGES``, ``TOC …``) Word updates itself."""
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _update_fields_on_open(document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        settings.append(el)


class _Styles:
    """The document's paragraph styles by name, looked up once (python-docx scans the style
    list on every lookup by name, which made a long agreement take seconds)."""

    def __init__(self, document):
        self.by_name = {s.name: s for s in document.styles}

    def get(self, name: str, fallback: str | None = "Normal"):
        return self.by_name.get(name) or (self.by_name.get(fallback) if fallback else None)


def _style(document, name: str, fallback: str = "Normal"):
    styles = document.__dict__.get("_akkoord_styles")
    if styles is None:
        styles = document.__dict__["_akkoord_styles"] = _Styles(document)
    return styles.get(name, fallback)


def _heading(document, text: str, level: int):
    return document.add_paragraph(text, style=_style(document, f"Heading {level}"))


# Chapters ("1.") and afspraken ("1.1") share one multilevel list, so Word numbers them itself
# and renumbers when an afspraak is moved or added; level 2 restarts after every chapter.
_LIST_LEVELS = (("%1.", 0), ("%1.%2", 1))


def _numbering_part(document) -> NumberingPart:
    """The document's numbering part; a house style without lists has none, so add an empty one."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package)
        part.relate_to(numbering, RT.NUMBERING)
        return numbering


def _agreement_list(document) -> int:
    """Add the chapter/afspraak list definition and return its ``numId``."""
    numbering = _numbering_part(document).element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{680 + 170 * ilvl}" w:hanging="{680 + 170 * ilvl}"/></w:pPr></w:lvl>'
        for text, ilvl in _LIST_LEVELS)
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the first num
    else:
        numbering.append(abstract)
    # A fresh numId, also above those the styles name: a house style whose numbering part went
    # missing may still have "List Bullet" point to numId 1, and must not join this list.
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    used += [int(v) for v in document.styles.element.xpath(".//w:numId/@w:val") if v.isdigit()]
    num_id = max(used, default=0) + 1
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def _numbered(paragraph, num_id: int, level: int):
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _table(document, headers, rows, widths=None, numeric_from: int | None = None):
    table = document.add_table(rows=1, cols=len(headers))
    grid = _style(document, "Table Grid", None)
    if grid is not None:
        table.style = grid
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = str(text)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            for p in cell.paragraphs:
                if numeric_from is not None and i >= numeric_from:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for r in p.runs:
                    r.font.size = Pt(8)
            if widths:
                cell.width = widths[i]
    return table


def _label(document, label: str, value: str) -> None:
    p = document.add_paragraph(style=_style(document, "List Bullet"))
    p.add_run(f"{label}: ").bold = True
    p.add_run(value)


def _pending(document, title: str, items: list[PendingPoint], empty: str) -> None:
    _heading(document, title, level=1)
    if not items:
        document.add_paragraph(empty).runs[0].italic = True
    for item in items:
        p = document.add_paragraph(style=_style(document, "List Bullet"))
        p.add_run(f"Punt {item.point.number}").bold = True
        if item.fiche.code:
            p.add_run(f" (fiche {item.fiche.code})")
        p.add_run(f": {item.point.text}")
        if item.decision.text:
            p.add_run(f" — {item.decision.text}")


def _setup_default(document) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.4), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10.5)
    for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 12)):
        style = document.styles[name]
        style.font.name = "Liberation Sans"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts is not None and fonts.get(qn(attribute)) is not None:
                del fonts.attrib[qn(attribute)]  # the theme font would win over the named one


def _header_footer(document, agreement: Agreement) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0] if section.header.paragraphs else section.header.add_paragraph()
    header.text = document_title(agreement)
    if agreement.is_draft:
        header.add_run("\t\t" + CONFIDENTIAL_MARK).bold = True
    for run in header.runs:
        run.font.size = Pt(8)
    footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    footer.text = f"Gemeente {agreement.municipality}\t\tPagina "
    _field(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
    if agreement.is_draft:
        first = section.first_page_header.paragraphs[0]
        first.add_run(CONFIDENTIAL_MARK).bold = True


def build_document(agreement: Agreement, template: bytes | None = None):
    if template:
        validate_house_style(template)
        document = Document(io.BytesIO(template))
        _clear_body(document)
    else:
        document = Document()
        _setup_default(document)
        _header_footer(document, agreement)
    title = document_title(agreement)
    document.core_properties.title = title
    document.core_properties.subject = f"Coalitieakkoord {agreement.municipality}"
    municipality = document.add_paragraph(f"Gemeente {agreement.municipality}".upper())
    municipality.paragraph_format.space_before = Cm(7)
    document.add_paragraph(title, style=_style(document, "Title", "Heading 1"))
    document.add_paragraph(agreement.formation_name)
    document.add_paragraph(status_line(agreement)).runs[0].bold = True
    if agreement.is_draft:
        run = document.add_paragraph().add_run(CONFIDENTIAL_MARK)
        run.bold = True
        run.font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(TOC_TITLE, style=_style(document, "TOC Heading", "Subtitle"))
    _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u',
           "Kies in Word ‘Veld bijwerken’ om de inhoudsopgave te vullen.")
    _update_fields_on_open(document)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for section in agreement.sections_at("voor"):
        _heading(document, section.title, level=1)
        for block in [b for b in section.text.split("\n\n") if b.strip()]:
            document.add_paragraph(block.strip())
    chapters = agreement.chapters()
    if not chapters:
        _heading(document, "Afspraken", level=1)
        document.add_paragraph("Er zijn nog geen besluiten genomen; dit akkoord bevat nog geen afspraken.").runs[0].italic = True
    num_id = _agreement_list(document) if chapters else 0
    for ambition, items in chapters:
        _numbered(_heading(document, ambition.label, level=1), num_id, 0).paragraph_format.page_break_before = True
        for a in items:
            _numbered(_heading(document, a.title, level=2), num_id, 1)
            for block in [b for b in a.text.split("\n\n") if b.strip()]:
                document.add_paragraph(block.strip())
            s = a.smart
            if s.target:
                _label(document, "Meetbaar doel", s.target)
            if s.baseline:
                _label(document, "Nulmeting", s.baseline)
            if s.deadline:
                _label(document, "Uiterlijk", dutch_date(s.deadline))
            if s.portfolio_holder:
                _label(document, "Portefeuillehouder", s.portfolio_holder)
            for b in s.budget:
                _label(document, f"Budget {b.year}", f"{euro(b.amount)} ({b.kind})")
            for m in s.milestones:
                _label(document, f"Mijlpaal {dutch_date(m.date)}", m.text)
            trace = [f"besluit over {point_label(a).lower()}"]
            if a.fiche.code:
                trace.append(f"fiche {a.fiche.code}")
            if a.point.advice_label:
                trace.append(f"adviespunt {a.point.advice_label}")
            if a.adjustment_moment:
                trace.append(f"logisch moment om bij te sturen: {a.adjustment_moment}")
            run = document.add_paragraph().add_run("Herkomst: " + " · ".join(trace))
            run.italic = True
            run.font.size = Pt(8.5)
    for section in agreement.sections_at("na"):
        _heading(document, section.title, level=1)
        for block in [b for b in section.text.split("\n\n") if b.strip()]:
            document.add_paragraph(block.strip())
    _pending(document, PARKED_TITLE, agreement.parked, "Er zijn geen geparkeerde punten.")
    _pending(document, OPEN_TITLE, agreement.open, "Er staan geen punten meer open.")

    _heading(document, "Financieel overzicht", level=1)
    overview = financial_overview(agreement)
    if overview.is_empty:
        document.add_paragraph("Aan de afspraken is (nog) geen geld verbonden.").runs[0].italic = True
    else:
        _table(document, ["Opgave"] + [str(y) for y in overview.years],
               [[r.label] + [euro(r.per_year.get(y, 0)) for y in overview.years] for r in overview.rows + [overview.totals]],
               numeric_from=1)
    _heading(document, ANNEX_TITLE, level=1).paragraph_format.page_break_before = True
    rows = annex_rows(agreement)
    if rows:
        _table(document, ANNEX_HEADERS,
               [[r.afspraak, r.point, f"{r.fiche_code} {r.fiche_title}".strip(), r.advice, "\n".join(r.source_lines)]
                for r in rows],
               widths=[Cm(3.4), Cm(3.2), Cm(2.6), Cm(3.2), Cm(4.0)])
    else:
        document.add_paragraph("Er zijn nog geen afspraken.").runs[0].italic = True
    return document


def to_docx(agreement: Agreement, template: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    build_document(agreement, template).save(buffer)
    return buffer.getvalue()
