"""Builds the Word and PDF fixtures of the layout readers from the sample dossier's gold.

The Word file is the product's own export (``exports.docx``) of the sample dossier, with the
layout complications a civil servant's file has added on top, all without changing what a
careful reader records (so the gold annotation stays the reference):

* fiche 1: a manual page break between the fiche table and its policy table;
* fiche 2: the adjustment label wrapped with a manual line break;
* fiche 3: labels worded a little differently (``Onze partners bij dit onderwerp zijn:``);
* fiche 4: no heading paragraph: the heading is a title row merged over the table's width;
* fiche 5: the external changes written as bullets;
* fiche 6: a source title that is itself a hyperlink (visible text differs from the target);
* every fiche: its first link shown as ``Raadsvoorstel en bijlagen`` instead of the URL;
* and from the export itself: merged cells (Opgave label merged down, values spanning the
  ambitions grid, the policy label spanning the table), bullets as list paragraphs, real
  footnotes, a running footer, table rows that break across pages.

The PDF is that Word file rendered by LibreOffice (``soffice --headless``). LibreOffice writes
link annotations, but rewrites some targets on the way (``%40`` becomes ``@``, a ``file:`` URL
becomes a relative path), which Word's own "Opslaan als PDF" keeps as they are. So its link
annotations are removed (that copy stands for a PDF from a print-to-PDF driver, without links)
and ``add_link_annotations`` puts the exact targets back over the visible link text, so the PDF
is what a Word user would publish.

Used by ``tests/dossier/readers/conftest.py`` and by ``benchmarks/parse_documents.py``.
"""
from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from akkoord.dossier.exports.docx import build_document
from akkoord.dossier.model import Dossier

LINK_TEXT = "Raadsvoorstel en bijlagen"
VARIED_PARTNERS_LABEL = "Onze partners bij dit onderwerp zijn:"
VARIED_ADVICE_LABEL = "Wij adviseren de onderhandelaars om uitspraken te doen over:"

# Which fiche (index in the dossier) carries which complication.
PAGE_BREAK_FICHE = 0
WRAPPED_LABEL_FICHE = 1
VARIED_LABELS_FICHE = 2
TITLE_ROW_FICHE = 3
BULLETS_FICHE = 4
INLINE_LINK_FICHE = 5


class FixtureError(RuntimeError):
    pass


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _fiche_tables(document, count: int):
    tables = document.tables
    if len(tables) != 2 * count:
        raise FixtureError(f"expected two tables per fiche, found {len(tables)} for {count} fiches")
    return [(tables[2 * i], tables[2 * i + 1]) for i in range(count)]


def _cell_starting(table, prefix: str):
    for row in table.rows:
        for cell in row.cells:
            if cell.text.startswith(prefix):
                return cell
    raise FixtureError(f"no cell starting with {prefix!r}")


def _replace_text(cell, *parts: str) -> None:
    """Replace a label cell's text; a None part becomes a manual line break."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    run = paragraph.add_run()
    run.bold = True
    for i, part in enumerate(parts):
        if i:
            run.add_break()
        run.add_text(part)


def _page_break_paragraph():
    return parse_xml(f'<w:p {nsdecls("w")}><w:r><w:br w:type="page"/></w:r></w:p>')


def _hyperlink_paragraph(paragraph, url: str) -> None:
    """Turn the runs of ``paragraph`` into one hyperlink to ``url``."""
    r_id = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                         "hyperlink", is_external=True)
    hyperlink = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"/>')
    runs = [r for r in paragraph._p if r.tag == qn("w:r")]
    for run in runs:
        hyperlink.append(run)
    paragraph._p.append(hyperlink)


def build_fixture_document(dossier: Dossier):
    """The export of ``dossier`` with the layout complications listed in the module doc."""
    link_texts = {f.links[0]: LINK_TEXT for f in dossier.fiches if f.links}
    document = build_document(dossier, link_texts=link_texts)
    fiches = dossier.fiches
    pairs = _fiche_tables(document, len(fiches))

    if len(fiches) > PAGE_BREAK_FICHE:
        pairs[PAGE_BREAK_FICHE][1]._tbl.addprevious(_page_break_paragraph())

    if len(fiches) > WRAPPED_LABEL_FICHE:
        cell = _cell_starting(pairs[WRAPPED_LABEL_FICHE][0], "Als het nieuwe college")
        _replace_text(cell, "Als het nieuwe college op deze lijn wil", "bijsturen is … een logisch moment.")

    if len(fiches) > VARIED_LABELS_FICHE:
        table = pairs[VARIED_LABELS_FICHE][0]
        _replace_text(_cell_starting(table, "Onze natuurlijke partners"), VARIED_PARTNERS_LABEL)
        _replace_text(_cell_starting(table, "Wij adviseren"), VARIED_ADVICE_LABEL)

    if len(fiches) > TITLE_ROW_FICHE:
        fiche = fiches[TITLE_ROW_FICHE]
        if fiche.related:
            raise FixtureError("the title-row fiche must not have related fiches (their line precedes the table)")
        table = pairs[TITLE_ROW_FICHE][0]
        heading = next(p for p in document.paragraphs if p.text.startswith(f"Onderwerp {fiche.code} "))
        heading_text = heading.text
        heading._p.addprevious(_page_break_paragraph())
        heading._p.getparent().remove(heading._p)
        merged_row = copy.deepcopy(table.rows[-1]._tr)  # the policy label row spans the full width
        table._tbl.tr_lst[0].addprevious(merged_row)
        cell = table.rows[0].cells[0]
        _replace_text(cell, heading_text)

    if len(fiches) > BULLETS_FICHE:
        cell = _cell_starting(pairs[BULLETS_FICHE][0], "Vanuit andere overheden")
        row = next(r for r in pairs[BULLETS_FICHE][0].rows if r.cells[0]._tc is cell._tc)
        for paragraph in row.cells[1].paragraphs:
            if paragraph.text.strip():
                paragraph.style = "List Bullet"

    if len(fiches) > INLINE_LINK_FICHE:
        fiche = fiches[INLINE_LINK_FICHE]
        if fiche.sources and fiche.links:
            cell = _cell_starting(pairs[INLINE_LINK_FICHE][0], "Dat is terug te lezen in")
            row = next(r for r in pairs[INLINE_LINK_FICHE][0].rows if r.cells[0]._tc is cell._tc)
            _hyperlink_paragraph(row.cells[1].paragraphs[0], fiche.links[-1])
    return document


def write_fixture_docx(dossier: Dossier, path: Path) -> Path:
    build_fixture_document(dossier).save(str(path))
    return path


def render_pdf(docx_path: Path, out_dir: Path, profile_dir: Path) -> Path:
    """Render a Word file to PDF with LibreOffice in a private profile (safe in parallel)."""
    binary = soffice()
    if binary is None:
        raise FixtureError("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [binary, f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
    completed = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if completed.returncode != 0 or not pdf.exists():
        raise FixtureError(f"LibreOffice could not convert {docx_path.name}: {completed.stderr.strip()[:300]}")
    return pdf


def docx_hyperlinks(docx_path: Path) -> list[tuple[str, str]]:
    """(url, visible text) of every external hyperlink of the body, in document order."""
    import docx

    document = docx.Document(str(docx_path))
    rels = document.part.rels
    out = []
    for element in document.element.body.iter(qn("w:hyperlink")):
        r_id = element.get(qn("r:id"))
        if not r_id or r_id not in rels or not rels[r_id].is_external:
            continue
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        out.append((rels[r_id].target_ref, text))
    return out


def strip_link_annotations(pdf_path: Path, out_path: Path) -> Path:
    """A copy of ``pdf_path`` without link annotations, as a print-to-PDF driver would make it."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(pdf_path)))
    writer.remove_annotations(subtypes="/Link")
    with out_path.open("wb") as handle:
        writer.write(handle)
    return out_path


def add_link_annotations(pdf_path: Path, links: list[tuple[str, str]], out_path: Path) -> Path:
    """Add a URI link annotation over the visible text of each link (in document order)."""
    import pdfplumber
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link

    placements: list[tuple[int, tuple[float, float, float, float], str]] = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        pages = []
        for page in pdf.pages:
            chars = [c for c in page.chars if c["text"].strip()]
            pages.append((page.height, chars, "".join(c["text"] for c in chars)))
        page_index, offset = 0, 0
        for url, text in links:
            needle = "".join(text.split())
            found = None
            for p in range(page_index, len(pages)):
                start = pages[p][2].find(needle, offset if p == page_index else 0)
                if start >= 0:
                    found = (p, start)
                    break
            if found is None:
                raise FixtureError(f"link text {text[:40]!r} not found in the PDF")
            p, start = found
            height, chars, _ = pages[p]
            span = chars[start:start + len(needle)]
            lines: dict[int, list] = {}
            for char in span:
                lines.setdefault(round(char["bottom"]), []).append(char)
            for group in lines.values():
                x0 = min(c["x0"] for c in group)
                x1 = max(c["x1"] for c in group)
                top = min(c["top"] for c in group)
                bottom = max(c["bottom"] for c in group)
                placements.append((p, (x0, height - bottom, x1, height - top), url))
            page_index, offset = p, start + len(needle)
    writer = PdfWriter(clone_from=PdfReader(str(pdf_path)))
    for p, rect, url in placements:
        writer.add_annotation(p, Link(rect=rect, url=url))
    with out_path.open("wb") as handle:
        writer.write(handle)
    return out_path


def build_fixtures(dossier: Dossier, out_dir: Path) -> tuple[Path, Path, Path]:
    """Write ``dossier.docx``, ``dossier-libreoffice.pdf`` (as rendered) and ``dossier.pdf``
    (with link annotations) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docx_path = write_fixture_docx(dossier, out_dir / "dossier.docx")
    rendered = render_pdf(docx_path, out_dir / "render", out_dir / "lo-profile")
    raw_pdf = strip_link_annotations(rendered, out_dir / "dossier-libreoffice.pdf")
    pdf = add_link_annotations(raw_pdf, docx_hyperlinks(docx_path), out_dir / "dossier.pdf")
    return docx_path, raw_pdf, pdf
