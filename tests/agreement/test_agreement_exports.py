"""Every export, opened with the library a reader would use: python-docx, pdfplumber, icalendar,
csv; structure and content, not snapshots."""
from __future__ import annotations

import io
import json
import re
import zipfile

import pdfplumber
import pytest
from docx import Document
from docx.shared import Pt
from icalendar import Calendar

from akkoord.agreement.build import PointRecord
from akkoord.agreement.exports import FORMATS, export
from akkoord.agreement.exports.csv_zip import agreement_from_csv_zip, to_csv_zip
from akkoord.agreement.exports.docx import HouseStyleError, to_docx, validate_house_style
from akkoord.agreement.exports.html import render_document
from akkoord.agreement.exports.ics import to_ics
from akkoord.agreement.exports.markdown import to_markdown
from akkoord.agreement.model import AgreementFormatError

from agreement_data import fiches


def _docx(data: bytes):
    return Document(io.BytesIO(data))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_docx_structure(agreement):
    document = _docx(to_docx(agreement))
    h1 = _headings(document, 1)
    assert "Aantrekkelijk" in h1 and "Inclusief" in h1
    assert "Geparkeerde punten" in h1 and "Openstaande punten" in h1
    assert h1.index("Inleiding") < h1.index("Aantrekkelijk") < h1.index("Portefeuilleverdeling")
    h2 = _headings(document, 2)
    assert h2 == ["Autoluwe kern", "Fietsroutes", "Armoedebeleid"]  # each decided point exactly once
    xml = document.element.xml
    assert 'TOC \\o "1-2"' in xml
    assert "PAGE" in document.sections[0].footer._element.xml
    assert "CONCEPT – VERTROUWELIJK" in document.sections[0].header._element.xml


def test_docx_parked_and_open_points_stand_apart(agreement):
    document = _docx(to_docx(agreement))
    texts = [p.text for p in document.paragraphs]
    parked = texts.index("Geparkeerde punten")
    opened = texts.index("Openstaande punten")
    finance = texts.index("Financieel overzicht")
    assert any("Eerste wijk van het gas af" in t for t in texts[parked:opened])
    assert not any("Eerste wijk van het gas af" in t for t in texts[opened:])
    assert any("Schuldhulp uitbreiden?" in t for t in texts[opened:finance])
    assert not any("Schuldhulp" in t for t in texts[:parked])


def test_every_annex_row_resolves_to_a_real_fiche_and_source(agreement):
    document = _docx(to_docx(agreement))
    annex = document.tables[-1]
    header = [c.text for c in annex.rows[0].cells]
    assert header == ["Afspraak", "Beslispunt", "Fiche", "Adviespunt", "Bronnen (einddatum)"]
    known = fiches()
    seen = []
    for row in annex.rows[1:]:
        afspraak, point, fiche, advice, sources = [c.text for c in row.cells]
        code = fiche.split()[0]
        assert code in known
        index = int(advice.split(".")[0]) - 1
        assert known[code].advice[index] in advice
        expected = [f"{s.title} (einddatum {s.end_date})" if s.end_date else s.title for s in known[code].sources]
        assert [line for line in sources.split("\n") if line] == expected
        seen.append(afspraak.split()[0])
    assert seen == ["1.1", "1.2", "2.1"]  # every afspraak exactly once
    # the header row repeats on every page
    assert annex.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_pdf_annex_rows_resolve_too(agreement):
    with pdfplumber.open(io.BytesIO(export(agreement, "pdf"))) as pdf:
        tables = [t for p in pdf.pages for t in p.extract_tables() if t and t[0] and t[0][0] == "Afspraak"]
    rows = [r for t in tables for r in t[1:]]
    known = fiches()
    assert [r[0].split()[0] for r in rows] == ["1.1", "1.2", "2.1"]
    for r in rows:
        code = r[2].split()[0]
        assert code in known
        for source in known[code].sources:
            assert source.title.split()[0] in r[4] and source.end_date in r[4]


def _house_style() -> bytes:
    document = Document()
    document.styles["Heading 1"].font.size = Pt(31)
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.add_paragraph("Voorbeeldtekst die vervangen wordt")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_uses_the_municipalitys_house_style(agreement):
    document = _docx(to_docx(agreement, template=_house_style()))
    assert document.styles["Heading 1"].font.size == Pt(31)
    assert document.styles["Normal"].font.name == "DejaVu Serif"
    texts = [p.text for p in document.paragraphs]
    assert "Voorbeeldtekst die vervangen wordt" not in texts
    assert "Autoluwe kern" in texts


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _list_numbers(document) -> list[tuple[str, str]]:
    """(number as Word shows it, heading text) for every numbered paragraph, computed from the
    numbering definitions the way Word does (counters per level, lower levels restart)."""
    numbering = document.part.numbering_part.element
    abstract_of = {n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val") for n in numbering.findall(f"{W}num")}
    abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.findall(f"{W}abstractNum")}
    counters: dict[str, list[int]] = {}
    out = []
    for p in document.paragraphs:
        num_pr = p._p.find(f"{W}pPr/{W}numPr")
        if num_pr is None or p.style.name.startswith("List"):
            continue
        num_id = num_pr.find(f"{W}numId").get(f"{W}val")
        level = int(num_pr.find(f"{W}ilvl").get(f"{W}val"))
        assert num_id in abstract_of, "numPr points to a numbering that does not exist"
        assert abstract_of[num_id] in abstracts, "the numbering points to an abstract numbering that does not exist"
        lvl = abstracts[abstract_of[num_id]].find(f"{W}lvl[@{W}ilvl='{level}']")
        assert lvl.find(f"{W}numFmt").get(f"{W}val") == "decimal"
        count = counters.setdefault(num_id, [0] * 9)
        count[level] += 1
        count[level + 1:] = [0] * (8 - level)
        text = lvl.find(f"{W}lvlText").get(f"{W}val")
        for i in range(9):
            text = text.replace(f"%{i + 1}", str(count[i]))
        out.append((text, p.text))
    return out


def _without_numbering(data: bytes) -> bytes:
    document = Document(io.BytesIO(data))
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/numbering"):
            part.drop_rel(rel_id)
    buffer = io.BytesIO()
    document.save(buffer)
    assert "word/numbering.xml" not in zipfile.ZipFile(buffer).namelist()
    return buffer.getvalue()


@pytest.mark.parametrize("template", [None, "house style", "house style without lists"])
def test_docx_afspraken_carry_real_word_numbering(agreement, template):
    data = {None: None, "house style": _house_style(), "house style without lists": _without_numbering(_house_style())}[template]
    document = _docx(to_docx(agreement, template=data))
    afspraken = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [p.text for p in afspraken] == [a.title for a in agreement.afspraken]
    for p in afspraken:
        assert p._p.find(f"{W}pPr/{W}numPr") is not None, p.text
        assert not re.match(r"\s*\d", p.text), f"hand-typed number: {p.text}"
    numbers = _list_numbers(document)
    assert [n for n, _ in numbers] == ["1.", "1.1", "1.2", "2.", "2.1"]
    # no style's list (bullets) is this list, also when the house style's numbering part is gone
    list_id = afspraken[0]._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    assert list_id not in document.styles.element.xpath(".//w:numId/@w:val")
    # Word's numbers are the afspraak numbers the annex and the other exports use
    assert [(n, t) for n, t in numbers if n.count(".") == 1 and not n.endswith(".")] == \
        [(a.number, a.title) for a in agreement.afspraken]


@pytest.mark.parametrize("data, words", [
    (b"", "leeg"),
    (b"dit is geen word", "geen Word-bestand"),
    (b"PK\x03\x04kapot", "geen Word-bestand"),
])
def test_broken_house_style_is_refused_in_dutch(data, words):
    with pytest.raises(HouseStyleError) as info:
        validate_house_style(data)
    assert words in str(info.value)


def test_house_style_without_heading_styles_is_refused():
    document = Document()
    styles = document.styles.element
    for style in list(styles):
        if style.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId") in ("Heading1", "Heading2"):
            styles.remove(style)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(HouseStyleError) as info:
        validate_house_style(buffer.getvalue())
    assert "Kop 1" in str(info.value)


def _pdf_pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert all(round(p.width) == 595 and round(p.height) == 842 for p in pdf.pages)  # A4
        return [p.extract_text() or "" for p in pdf.pages]


def test_pdf_structure(agreement):
    data = export(agreement, "pdf")
    pages = _pdf_pages(data)
    text = "\n".join(pages)
    annex_page = next(i for i, p in enumerate(pages) if p.lstrip().splitlines()[1:2] and "Bijlage: herkomst" in p
                      and "Afspraak Beslispunt" in p)
    body = "\n".join(pages[2:annex_page])  # after cover and contents, before the annex
    for heading in ("1. Aantrekkelijk", "2. Inclusief", "Geparkeerde punten", "Openstaande punten"):
        assert heading in body
    for number, title in (("1.1", "Autoluwe kern"), ("1.2", "Fietsroutes"), ("2.1", "Armoedebeleid")):
        assert len(re.findall(rf"^{re.escape(number)} {title}$", body, re.M)) == 1
    assert "Inhoud" in pages[1] and re.search(r"1\. Aantrekkelijk\.*\s*\d+", pages[1])
    assert re.search(r"Pagina 2 van \d+", pages[1])
    assert all("CONCEPT – VERTROUWELIJK" in p for p in pages)
    assert body.index("Eerste wijk van het gas af") > body.index("Geparkeerde punten")
    assert "Schuldhulp uitbreiden?" not in body[:body.index("Geparkeerde punten")]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        links = [a for p in pdf.pages for a in p.annots]
    assert len(links) >= 8  # contents entries and annex rows link into the document
    assert "Mobiliteitsvisie" in text


def test_adopted_pdf_has_no_confidentiality_mark(build):
    adopted = build(status="vastgesteld", adopted_on="2026-06-15")
    pages = _pdf_pages(export(adopted, "pdf"))
    assert not any("VERTROUWELIJK" in p for p in pages)
    assert "Vastgesteld op 15 juni 2026" in pages[0]


def test_ics_parses_back_with_one_event_per_date(agreement):
    cal = Calendar.from_ical(to_ics(agreement, link=lambda a: f"https://akkoord.example/a/{a.id}"))
    events = cal.walk("VEVENT")
    summaries = [str(e["summary"]) for e in events]
    assert any(s.startswith("Uiterlijk: 1.2") for s in summaries)
    assert any(s.startswith("Mijlpaal 1.2") for s in summaries)
    assert any(s.startswith("Logisch moment") for s in summaries)
    assert any("Einddatum Parkeernota" in s for s in summaries)
    milestone = next(e for e in events if str(e["summary"]).startswith("Mijlpaal 1.2"))
    assert milestone.decoded("dtstart").isoformat() == "2028-06-30"
    assert all(str(e["url"]).startswith("https://akkoord.example/a/afspraak-") for e in events)
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_csv_round_trips(agreement):
    data = to_csv_zip(agreement)
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert {"README.md", "afspraken.csv", "punten.csv", "fiches.csv", "bronnen.csv", "partners.csv",
            "beleidsterreinen.csv"} <= names
    assert agreement_from_csv_zip(data).to_dict() == agreement.to_dict()
    readme = zipfile.ZipFile(io.BytesIO(data)).read("README.md").decode()
    assert "`end_date`" in readme and "`portfolio_holder`" in readme


def test_csv_reader_refuses_other_files_in_dutch():
    with pytest.raises(AgreementFormatError) as info:
        agreement_from_csv_zip(b"geen zip")
    assert "zip" in str(info.value)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("akkoord.csv", "schema\nakkoord-agreement/1\n")
    with pytest.raises(AgreementFormatError) as info:
        agreement_from_csv_zip(buffer.getvalue())
    assert "ontbreekt" in str(info.value)


def test_markdown_and_html_escape_and_carry_the_annex(build):
    evil = [PointRecord("1", 1, "Punt <script>alert(1)</script> | pijp", "1A", "Bereikbaarheid", ["aantrekkelijk"], 0,
                        "Kiest u voor een autoluwe kern?", "", "d1", "besloten", "Tekst met <b>opmaak</b>")]
    agreement = build(points=evil)
    html = render_document(agreement)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    md = to_markdown(agreement)
    assert "Bijlage: herkomst van de afspraken" in md
    annex = md.split("Bijlage: herkomst van de afspraken")[1]
    assert "Mobiliteitsvisie Veldhoven-aan-Zee 2021 (einddatum 2030); Parkeernota (einddatum 31-12-2027)" in annex
    assert "alert(1)&lt;/script&gt; \\| pijp" in annex  # a pipe in a cell does not split the row
    assert "<script>" not in md and "<b>" not in md


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_agreement_without_decisions_exports_a_clear_empty_document(build, fmt):
    empty = build(points=[], smart={}, sections=[])
    data = export(empty, fmt)
    assert data
    if fmt == "docx":
        texts = [p.text for p in _docx(data).paragraphs]
        assert any("nog geen afspraken" in t for t in texts)
    elif fmt == "pdf":
        assert "nog geen afspraken" in "\n".join(_pdf_pages(data))
    elif fmt == "json":
        assert json.loads(data)["afspraken"] == []
    elif fmt == "csv":
        assert agreement_from_csv_zip(data).afspraken == []
    elif fmt == "ics":
        assert Calendar.from_ical(data).walk("VEVENT") == []
    else:
        assert "nog geen afspraken" in data.decode()


def test_no_heading_is_left_alone_at_the_foot_of_a_pdf_page(build):
    """Many afspraken with long texts: wherever a page breaks, a heading stays with its text."""
    from agreement_data import fiches as make_fiches

    known = make_fiches()
    points = []
    for i in range(60):
        code = ("1A", "3B", "4A")[i % 3]
        points.append(PointRecord(str(100 + i), 100 + i, f"Punt nummer {i}", code, known[code].title,
                                  list(known[code].ambitions), 0, known[code].advice[0], "", f"d{i}", "besloten",
                                  "Een afspraak met een tekst die soms over meerdere regels loopt. " * (1 + (i * 7) % 11)))
    data = export(build(points=points, smart={}), "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages[2:], start=3):
            body = [c for c in page.chars if 60 < c["top"] < page.height - 70  # between header and footer
                    and c["upright"] and c["size"] < 30]  # not the watermark
            if not body:
                continue
            last_top = max(c["top"] for c in body)
            last_line = [c for c in body if abs(c["top"] - last_top) < 2]
            is_heading = all("Bold" in c["fontname"] for c in last_line if c["text"].strip()) and \
                max(c["size"] for c in last_line) >= 10.5
            assert not is_heading, f"page {number} ends with a heading: {''.join(c['text'] for c in last_line)}"


def test_pdf_smart_fields_and_sources_keep_their_own_lines(agreement):
    """The print HTML ends lines with newlines (``white-space: pre-line``) instead of <br>:
    in the PDF every group of SMART fields and every source still starts a line of its own."""
    lines = [line.strip() for page in _pdf_pages(export(agreement, "pdf")) for line in page.splitlines()]
    assert "Wat: Snelfietsroutes" in lines
    assert "Meetbaar doel: 3 routes aangelegd · Nulmeting: 0 routes in 2026" in lines
    assert "Uiterlijk: 31 december 2029 · Portefeuillehouder: wethouder Mobiliteit" in lines
    assert "Budget: 2027: € 1.500.000 (incidenteel)" in lines
    assert "Mijlpalen: 30 juni 2028: Eerste route open" in lines
    annex = [line for line in lines if "(einddatum" in line]
    assert any(line.endswith("Parkeernota (einddatum 31-12-2027)") for line in annex), annex
