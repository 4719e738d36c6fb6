"""Reader for dossiers as Word files (.docx), on python-docx.

The body is walked in document order: paragraphs outside tables, and the fiche tables cell
by cell. A merged cell counts once (a horizontal span is one cell; the continuation of a
vertical merge is an empty cell, so its row continues the field above). Bullets are list
paragraphs (numbering on the paragraph or its style), hyperlinks their relationship targets
(or ``HYPERLINK`` fields), footnotes the text of ``footnotes.xml`` for each reference. A
table nested in a cell (a policy table inside the fiche table) is read as rows of its own.
What this reader sees goes to ``FicheAssembler``, shared with the PDF reader.
"""
from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

from lxml import etree

from akkoord.dossier.errors import DossierError, ReaderTimeout
from akkoord.dossier.fiche_assembly import Cell, FicheAssembler, Para
from akkoord.dossier.model import ReadResult
from akkoord.dossier.textclean import is_url_like

# Refuse a document whose XML unpacks to more than this (a zip bomb, not a dossier).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
TIME_LIMIT_SECONDS = 60.0

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]+)"', re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read_docx(path: str | Path, time_limit: float = TIME_LIMIT_SECONDS, profile=None) -> ReadResult:
    """Read a dossier from a Word file. Raises DossierError (Dutch message) for bad input.
    ``profile``: the profile kept from an earlier version of the same dossier."""
    path = Path(path)
    document = _open(path)
    reader = _DocxReader(document, path.name, time_limit)
    reader.base_profile = profile
    return reader.read()


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise DossierError(f"{path.name}: zip-bestand zonder Word-document; geen dossier.")
            unpacked = sum(i.file_size for i in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise DossierError(f"{path.name}: het Word-bestand pakt uit tot meer dan "
                                   f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB; geen dossier.")
            bad = archive.testzip()
            if bad is not None:
                raise DossierError(f"{path.name}: beschadigd Word-bestand (onderdeel {bad} is onleesbaar).")
    except zipfile.BadZipFile:
        raise DossierError(f"{path.name}: beschadigd of onvolledig Word-bestand (geen geldig zip-archief).") from None
    except FileNotFoundError:
        raise DossierError(f"{path}: bestand bestaat niet.") from None
    except OSError as exc:
        raise DossierError(f"{path.name}: kan niet gelezen worden ({exc.strerror or exc}).") from None
    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise DossierError(f"{path.name}: geen Word-document (.docx).") from None
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise DossierError(f"{path.name}: beschadigd Word-bestand ({type(exc).__name__}).") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises assorted errors on broken packages
        raise DossierError(f"{path.name}: Word-bestand kan niet worden geopend ({type(exc).__name__}).") from None


class _DocxReader:
    def __init__(self, document, name: str, time_limit: float) -> None:
        self.document = document
        self.name = name
        self.time_limit = time_limit
        self.started = time.monotonic()
        self.assembler = FicheAssembler("docx")
        self.part = document.part
        self.footnotes = self._load_footnotes()
        self.bullet_styles = self._bullet_styles()
        self.block = 0  # index of the current top-level block, for warnings

    # -- set-up -----------------------------------------------------------------------

    def _load_footnotes(self) -> dict[str, str]:
        notes: dict[str, str] = {}
        for rel in self.part.rels.values():
            if rel.reltype != _FOOTNOTES_RT or rel.is_external:
                continue
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                self.assembler.warn("voetnoten van het Word-bestand zijn onleesbaar; overgeslagen",
                                    kind="damaged-footnotes")
                continue
            for note in root.iter(_w("footnote")):
                if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join("".join(t.text or "" for t in p.iter(_w("t"))) for p in note.iter(_w("p")))
                notes[note.get(_w("id"))] = " ".join(text.split())
        return notes

    def _bullet_styles(self) -> set[str]:
        """Paragraph style ids whose definition (or a base style's) carries numbering."""
        styles = {}
        try:
            root = self.document.styles.element
        except Exception:  # noqa: BLE001 - a broken styles part only costs bullet detection
            return set()
        for style in root.iter(_w("style")):
            if style.get(_w("type")) != "paragraph":
                continue
            style_id = style.get(_w("styleId"))
            based = style.find(_w("basedOn"))
            has_num = style.find(f"{_w('pPr')}/{_w('numPr')}") is not None
            styles[style_id] = (based.get(_w("val")) if based is not None else None, has_num)
        out = set()
        for style_id in styles:
            seen, current = set(), style_id
            while current in styles and current not in seen:
                seen.add(current)
                base, has_num = styles[current]
                if has_num:
                    out.add(style_id)
                    break
                current = base
        return out

    # -- walking the body -------------------------------------------------------------

    def read(self) -> ReadResult:
        body = self.document.element.body
        for index, child in enumerate(self._blocks(body)):
            self.block = index + 1
            if index % 50 == 0:
                self._check_time()
            if child.tag == _w("p"):
                para, links, notes = self._paragraph(child)
                if para.text.strip() and not (links and self._link_only(child)):
                    self.assembler.paragraph(para, self.block)
                self._emit(links, notes)
            elif child.tag == _w("tbl"):
                self._table(child)
        core = self.document.core_properties
        dossier = self.assembler.finish(municipality="", title=(core.title or "").strip(),
                                        profile=getattr(self, "base_profile", None))
        if not dossier.municipality and core.subject:
            dossier.municipality = core.subject.strip()
        if not dossier.fiches:
            structured = self._read_headings((core.title or "").strip())
            if structured is not None:
                return structured
            raise DossierError(f"{self.name}: geen fiches gevonden (geen kop ‘Onderwerp <code> <titel>’).")
        for warning in self.assembler.warnings:
            warning.page = None  # a Word file has no stable page numbers to point at
        return ReadResult(dossier=dossier, reader="docx", warnings=self.assembler.warnings)

    def _read_headings(self, title: str) -> ReadResult | None:
        """A dossier organised by heading styles (programmes, numbered topics, sections)."""
        from akkoord.dossier.readers.headings import Block, build_dossier

        names = {}
        for style in self.document.styles.element.findall(_w("style")):
            name = style.find(_w("name"))
            names[style.get(_w("styleId"))] = (name.get(_w("val")) if name is not None else "") or ""
        blocks: list[Block] = []
        for child in self._blocks(self.document.element.body):
            if child.tag == _w("p"):
                para, links, _ = self._paragraph(child)
                ppr = child.find(_w("pPr"))
                style = ppr.find(_w("pStyle")) if ppr is not None else None
                level = _heading_level(names.get(style.get(_w("val")), "") if style is not None else "")
                if level is not None and para.text.strip():
                    blocks.append(Block("heading", para.text, level))
                elif para.text.strip() or links:
                    blocks.append(Block("para", para.text, bullet=para.bullet, links=links))
            elif child.tag == _w("tbl"):
                rows, links = [], []
                for tr in child.findall(_w("tr")):
                    row = []
                    for tc in tr.findall(_w("tc")):
                        texts = []
                        for block in self._blocks(tc):
                            if block.tag == _w("p"):
                                para, found, _ = self._paragraph(block)
                                links.extend(found)
                                if para.text.strip():
                                    texts.append(para.text.strip())
                        row.append("\n".join(texts))
                    rows.append(row)
                blocks.append(Block("table", rows=rows, links=links))
        return build_dossier(blocks, "docx", title=title, base=getattr(self, "base_profile", None))

    def _check_time(self) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.time_limit:
            raise ReaderTimeout(f"{self.name}: tijdslimiet van {self.time_limit:.0f} s overschreden bij "
                                f"blok {self.block} van het Word-document; het lezen is afgebroken.")

    def _blocks(self, parent):
        """Paragraphs and tables in document order (content controls opened up)."""
        for child in parent:
            if child.tag in (_w("p"), _w("tbl")):
                yield child
            elif child.tag in (_w("sdt"),):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    yield from self._blocks(content)
            elif child.tag in (_w("customXml"),):
                yield from self._blocks(child)

    def _emit(self, links: list[str], notes: list[str]) -> None:
        for url in links:
            self.assembler.link(url, self.block)
        for note in notes:
            self.assembler.footnote(note, self.block)

    def _table(self, tbl) -> None:
        for tr in tbl.findall(_w("tr")):
            cells, links, notes, nested = [], [], [], []
            for tc in tr.findall(_w("tc")):
                v_merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                continuation = v_merge is not None and v_merge.get(_w("val"), "continue") == "continue"
                cell = Cell()
                for block in self._blocks(tc):
                    if block.tag == _w("tbl"):
                        nested.append(block)
                        continue
                    para, found_links, found_notes = self._paragraph(block)
                    links.extend(found_links)
                    notes.extend(found_notes)
                    if not continuation and para.text.strip():
                        cell.paras.append(para)
                cells.append(cell)
            if cells:
                self.assembler.row(cells, self.block)
            self._emit(links, notes)
            for inner in nested:
                self._table(inner)

    def _paragraph(self, p) -> tuple[Para, list[str], list[str]]:
        """The text of a paragraph, the hyperlink targets in it and its footnote texts."""
        pieces: list[str] = []
        links: list[str] = []
        notes: list[str] = []
        field_instr: list[str] = []
        self._collect(p, pieces, links, notes, field_instr)
        for instr in field_instr:
            match = _HYPERLINK_FIELD.search(instr)
            if match:
                links.append(match.group(1))
        text = " ".join("".join(pieces).split())
        return Para(text, bullet=self._is_bullet(p)), links, notes

    def _collect(self, element, pieces, links, notes, field_instr) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{{{MC}}}Fallback" or tag == _w("del") or tag == _w("pPr") or tag == _w("rPr"):
                continue
            if tag == _w("t"):
                pieces.append(child.text or "")
            elif tag in (_w("tab"), _w("br"), _w("cr")):
                pieces.append(" ")
            elif tag == _w("noBreakHyphen"):
                pieces.append("-")
            elif tag == _w("instrText"):
                field_instr.append(child.text or "")
            elif tag == _w("footnoteReference"):
                text = self.footnotes.get(child.get(_w("id")))
                if text:
                    notes.append(text)
            elif tag == _w("fldSimple"):
                field_instr.append(child.get(_w("instr"), ""))
                self._collect(child, pieces, links, notes, field_instr)
            elif tag == _w("hyperlink"):
                target = self._hyperlink_target(child)
                inner: list[str] = []
                self._collect(child, inner, links, notes, field_instr)
                visible = "".join(inner)
                if target:
                    links.append(target)
                    if is_url_like(visible.strip()):
                        visible = " "  # the target stands for its visible URL
                pieces.append(visible)
            elif tag == _w("txbxContent"):
                continue  # text boxes are decoration in this template
            else:
                self._collect(child, pieces, links, notes, field_instr)

    def _link_only(self, p) -> bool:
        """True when every visible character of the paragraph belongs to a hyperlink."""
        outside = []
        for t in p.iter(_w("t")):
            ancestor = t.getparent()
            while ancestor is not None and ancestor is not p and ancestor.tag != _w("hyperlink"):
                ancestor = ancestor.getparent()
            if ancestor is p or ancestor is None:
                outside.append(t.text or "")
        return not re.sub(r"[\W_]+", "", "".join(outside))

    def _hyperlink_target(self, element) -> str | None:
        r_id = element.get(f"{{{R}}}id")
        if r_id and r_id in self.part.rels:
            rel = self.part.rels[r_id]
            if rel.reltype == _HYPERLINK_RT and rel.is_external:
                target = rel.target_ref
                anchor = element.get(_w("anchor"))
                return f"{target}#{anchor}" if anchor and "#" not in target else target
        return None

    def _is_bullet(self, p) -> bool:
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return False
        num = ppr.find(_w("numPr"))
        if num is not None:
            num_id = num.find(_w("numId"))
            return num_id is None or num_id.get(_w("val")) != "0"
        style = ppr.find(_w("pStyle"))
        return style is not None and style.get(_w("val")) in self.bullet_styles


def _heading_level(style_name: str) -> int | None:
    """0 for a title style, N for ``Heading N`` / ``Kop N``, else None."""
    name = style_name.strip().lower()
    if name in ("title", "titel"):
        return 0
    m = re.match(r"^(?:heading|kop)\s*(\d)$", name)
    return int(m.group(1)) if m else None
