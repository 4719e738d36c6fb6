"""Export a dossier as a Word document in the fiche template (python-docx).

Per fiche: a heading ``Onderwerp <code> <title>``, the fiche table (label column left,
value column right; the ``Opgave`` row holds the ambitions with an ``X`` before each chosen
one, in a grid of mark and name cells with the label cell merged over its rows), the
label row of the policy areas merged over the full width, the three-column policy table
(its header row repeats on a new page), and the fiche's links as real hyperlinks.
Sources, partners and advice are real Word list paragraphs (style ``List Bullet``).

python-docx has no footnote API, so footnotes are written as a real ``footnotes.xml`` part
with ``w:footnoteReference`` runs: the template's recurring footnote on ``Vanuit andere
overheden`` and the fiche's own footnotes at the end of its last text value.

``build_document`` returns the python-docx ``Document`` (the test fixture builder adds layout
complications to it); ``write_docx`` saves it.
"""
from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from akkoord.dossier.model import Dossier, Fiche
from akkoord.dossier.profile import Profile, profile_of

# The fiche template's labels, as a civil servant sees them in the fiche (full Dutch texts);
# a dossier's profile may word them otherwise (``Profile.labels``).
LABELS: dict[str, str] = {
    "ambitions": "Opgave",
    "current_line": "De lijn die we hebben ingezet is……",
    "sources": "Dat is terug te lezen in:",
    "adjustment_moment": "Als het nieuwe college op deze lijn wil bijsturen is … een logisch moment.",
    # The footnote reference goes right after "overheden".
    "external_changes": ("Vanuit andere overheden", " verwachten we de volgende (koers)wijzigingen in beleid"),
    "partners": "Onze natuurlijke partners op dit onderwerp zijn:",
    "advice": "Wij adviseren de onderhandelaars uitspraken te doen over:",
    "policy_areas": ("Deze beleidsterreinen zijn relevant (vanuit het perspectief van [subsidie]kansen "
                     "of vanuit het perspectief van risico’s/tegengestelde belangen)"),
}
POLICY_HEADERS = ("Beleidsterrein", "(Subsidie)kans", "Risico")
LINKS_HEADING = "Links"
RELATED_LABEL = "Koppelingen met dossiers:"
MARK = "X"


# Column widths: label, then mark/name pairs of the ambitions grid (the value spans them).
_LABEL_WIDTH = Cm(5.0)
_MARK_WIDTH = Cm(0.8)
_NAME_WIDTH = Cm(5.2)
_POLICY_WIDTHS = (Cm(5.0), Cm(6.0), Cm(6.0))

_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def ambition_name(key: str, municipality: str, profile: Profile | None = None) -> str:
    """The ambition as the template writes it (``Open Almere``), from the dossier's profile."""
    from akkoord.dossier.profile import default_profile

    found = (profile or default_profile()).ambition(key)
    return found.full_name(municipality).strip() if found else key


def write_docx(dossier: Dossier, path: str | Path, link_texts: Mapping[str, str] | None = None) -> Path:
    """Write ``dossier`` as a Word file at ``path``."""
    path = Path(path)
    build_document(dossier, link_texts).save(str(path))
    return path


def to_docx_bytes(dossier: Dossier, link_texts: Mapping[str, str] | None = None) -> bytes:
    buffer = BytesIO()
    build_document(dossier, link_texts).save(buffer)
    return buffer.getvalue()


def build_document(dossier: Dossier, link_texts: Mapping[str, str] | None = None):
    """The python-docx Document of ``dossier``. ``link_texts`` maps a URL to its visible text."""
    document = Document()
    _setup_page(document, dossier)
    footnotes = _Footnotes(document)
    title = dossier.title or f"Formatiedossier {dossier.municipality}".strip()
    document.add_paragraph(title, style="Title")
    document.core_properties.title = title
    document.core_properties.subject = dossier.municipality
    profile = profile_of(dossier)
    # The ambitions written with the municipality, then the others (a general condition) when used.
    ambitions = [a.key for a in profile.ambitions if a.with_municipality]
    ambitions += [a.key for a in profile.ambitions if not a.with_municipality
                  and any(a.key in f.ambitions for f in dossier.fiches)]
    related_titles = {f.code: f.title for f in dossier.fiches}
    for index, fiche in enumerate(dossier.fiches):
        _write_fiche(document, fiche, dossier.municipality, ambitions, footnotes, link_texts or {},
                     related_titles, new_page=index > 0, profile=profile)
    footnotes.finish()
    return document


def _setup_page(document, dossier: Dossier) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    footer = section.footer.paragraphs[0]
    footer.text = f"Formatiedossier {dossier.municipality} – pagina ".replace("  ", " ")
    footer.runs[0].font.size = Pt(8)
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    footer._p.append(field)


def _write_fiche(document, fiche: Fiche, municipality: str, ambitions: list[str], footnotes: _Footnotes,
                 link_texts: Mapping[str, str], related_titles: Mapping[str, str], new_page: bool,
                 profile: Profile | None = None) -> None:
    profile = profile or profile_of(None)
    heading = document.add_heading(f"Onderwerp {fiche.code} {fiche.title}".strip(), level=1)
    heading.paragraph_format.page_break_before = new_page
    heading.paragraph_format.keep_with_next = True
    if fiche.related:
        names = [related_titles.get(code) or code for code in fiche.related]
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(f"{RELATED_LABEL} {', '.join(names)}").italic = True

    rows_for_ambitions = max(1, (len(ambitions) + 1) // 2)
    table = document.add_table(rows=rows_for_ambitions, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = (_LABEL_WIDTH, _MARK_WIDTH, _NAME_WIDTH, _MARK_WIDTH, _NAME_WIDTH)

    # The ambitions grid: "Opgave" merged down the rows, then mark | name | mark | name.
    for i, key in enumerate(ambitions):
        row = table.rows[i // 2]
        mark_cell, name_cell = row.cells[1 + 2 * (i % 2)], row.cells[2 + 2 * (i % 2)]
        _set_text(mark_cell, MARK if key in fiche.ambitions else "", bold=True)
        _set_text(name_cell, ambition_name(key, municipality, profile))
    label = table.rows[0].cells[0]
    if rows_for_ambitions > 1:
        label = label.merge(table.rows[rows_for_ambitions - 1].cells[0])
    _set_text(label, LABELS["ambitions"], bold=True)

    last_text_paragraph = None
    for field in ("current_line", "sources", "adjustment_moment", "external_changes", "partners", "advice"):
        row = table.add_row()
        label_cell = row.cells[0]
        value_cell = row.cells[1].merge(row.cells[4])
        if field == "external_changes":
            first, rest = LABELS[field]
            paragraph = _set_text(label_cell, first, bold=True)
            if profile.boilerplate:
                footnotes.reference(paragraph, profile.boilerplate[0])
            run = paragraph.add_run(rest)
            run.bold = True
        else:
            _set_text(label_cell, LABELS[field], bold=True)
        written = _write_value(value_cell, fiche, field)
        if field in ("current_line", "adjustment_moment", "external_changes") and written is not None:
            last_text_paragraph = written

    # The policy-area label spans the full width; the table with its rows follows.
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[4])
    _set_text(merged, LABELS["policy_areas"], bold=True)
    for row in table.rows:
        for cell, width in zip(_unique_cells(row), _spans(row, widths)):
            cell.width = width
    _set_grid(table, widths)

    for text in fiche.footnotes:
        target = last_text_paragraph or merged.paragraphs[-1]
        footnotes.reference(target, text)

    _write_policy_table(document, fiche)
    _write_sections(document, fiche)
    if fiche.links:
        _write_links(document, fiche.links, link_texts)


def _write_value(cell, fiche: Fiche, field: str):
    """Fill the value cell of ``field``; returns the last paragraph written (or None)."""
    paragraph = None
    if field in ("current_line", "adjustment_moment", "external_changes"):
        paragraphs = [p for p in getattr(fiche, field).split("\n\n") if p.strip()]
        for i, text in enumerate(paragraphs):
            paragraph = _set_text(cell, text) if i == 0 else _add_paragraph(cell, text)
    elif field == "sources":
        for i, source in enumerate(fiche.sources):
            text = source.title
            if source.end_date:
                text = f"{text} Einddatum: {source.end_date}"
            paragraph = _set_text(cell, text, style="List Bullet") if i == 0 else _add_paragraph(cell, text, "List Bullet")
    else:
        for i, text in enumerate(getattr(fiche, field)):
            paragraph = _set_text(cell, text, style="List Bullet") if i == 0 else _add_paragraph(cell, text, "List Bullet")
    return paragraph


def _write_policy_table(document, fiche: Fiche) -> None:
    if not fiche.policy_areas:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, POLICY_HEADERS):
        _set_text(cell, text, bold=True)
    _repeat_header(table.rows[0])
    for area in fiche.policy_areas:
        row = table.add_row()
        _cant_split(row)
        for cell, text in zip(row.cells, (area.area, area.opportunity, area.risk)):
            _set_text(cell, text)
    for row in table.rows:
        for cell, width in zip(row.cells, _POLICY_WIDTHS):
            cell.width = width
    _set_grid(table, _POLICY_WIDTHS)


def _write_sections(document, fiche: Fiche) -> None:
    """Named sections, other tables and agenda items of a heading-structured dossier."""
    for section in fiche.sections:
        document.add_heading(section.title, level=3)
        for text in (p for p in section.text.split("\n\n") if p.strip()):
            document.add_paragraph(text)
    for table_data in fiche.tables:
        if table_data.title:
            document.add_heading(table_data.title, level=3)
        width = max([len(table_data.columns)] + [len(r) for r in table_data.rows]) or 1
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for cells, bold in ([(table_data.columns, True)] if table_data.columns else []) + [(r, False) for r in table_data.rows]:
            row = table.add_row()
            for cell, text in zip(row.cells, cells):
                _set_text(cell, text, bold=bold)
        if table_data.note:
            document.add_paragraph(table_data.note)
    if fiche.agenda:
        document.add_heading("Raadsagenda", level=3)
        for item in fiche.agenda:
            document.add_paragraph(f"{item.date}: {item.text}", style="List Bullet")


def _write_links(document, links: list[str], link_texts: Mapping[str, str]) -> None:
    heading = document.add_paragraph()
    heading.paragraph_format.space_before = Pt(8)
    heading.paragraph_format.keep_with_next = True
    heading.add_run(LINKS_HEADING).bold = True
    for url in links:
        paragraph = document.add_paragraph(style="List Bullet")
        add_hyperlink(paragraph, url, link_texts.get(url, url))


def _hyperlink_style(document) -> str:
    """The style id of the character style ``Hyperlink``, added when the document lacks it.

    Word defines this style as soon as a document gets a link; python-docx's template does not.
    Without it LibreOffice reads the link runs with its default character style and its PDF
    export writes no link annotation, so a converted export would lose its working links."""
    styles = document.styles
    if "Hyperlink" not in [s.name for s in styles]:
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
        style.unhide_when_used = True
        style.priority = 99
    return styles["Hyperlink"].style_id


def add_hyperlink(paragraph, url: str, text: str):
    """Append a real hyperlink (external relationship) with visible ``text`` to ``paragraph``."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    style_id = _hyperlink_style(paragraph.part.document)
    hyperlink = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1">'
        f'<w:r><w:rPr><w:rStyle w:val="{style_id}"/><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
        f'<w:t xml:space="preserve"></w:t></w:r></w:hyperlink>'
    )
    hyperlink.find(f".//{qn('w:t')}").text = text
    paragraph._p.append(hyperlink)
    return hyperlink


def _set_text(cell, text: str, bold: bool = False, style: str | None = None):
    paragraph = cell.paragraphs[0]
    if style:
        paragraph.style = style
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
    return paragraph


def _add_paragraph(cell, text: str, style: str | None = None):
    paragraph = cell.add_paragraph(style=style)
    paragraph.add_run(text)
    return paragraph


def _unique_cells(row) -> list:
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _spans(row, widths) -> list:
    """The width of each unique cell of ``row`` (sum of the grid columns it spans)."""
    out, column = [], 0
    for cell in _unique_cells(row):
        span = cell._tc.grid_span
        out.append(sum(widths[column:column + span], Cm(0)))
        column += span
    return out


def _set_grid(table, widths) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))


class _Footnotes:
    """A real ``word/footnotes.xml`` part, created on first use."""

    def __init__(self, document) -> None:
        self.document = document
        self.root = None
        self.next_id = 1

    def _ensure_part(self) -> None:
        if self.root is not None:
            return
        self.root = etree.fromstring(
            f'<w:footnotes {nsdecls("w")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            '</w:p></w:footnote></w:footnotes>'
        )
        settings = self.document.settings.element
        footnote_pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                                '</w:footnotePr>')
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(footnote_pr)
        else:
            settings.append(footnote_pr)

    def reference(self, paragraph, text: str) -> int:
        """Add a footnote with ``text`` and its reference mark at the end of ``paragraph``."""
        self._ensure_part()
        number = self.next_id
        self.next_id += 1
        note = etree.SubElement(self.root, qn("w:footnote"))
        note.set(qn("w:id"), str(number))
        note.append(parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:after="0"/><w:rPr><w:sz w:val="16"/></w:rPr></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r></w:p>'
        ))
        note.findall(f".//{qn('w:t')}")[-1].text = f" {text}"
        paragraph._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        ))
        return number

    def finish(self) -> None:
        if self.root is None:
            return
        document_part = self.document.part
        part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT,
                    etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True),
                    document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)


__all__ = [
    "LABELS",
    "POLICY_HEADERS",
    "add_hyperlink",
    "ambition_name",
    "build_document",
    "to_docx_bytes",
    "write_docx",
]
