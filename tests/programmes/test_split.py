"""The programme splitter on a small programme of the fictional municipality Dijkmeer."""
from __future__ import annotations

import zipfile

import pytest

from akkoord.programmes import ProgrammeError, split_path, split_text
from tests.programmes.dijkmeer import PROGRAMME


@pytest.fixture(scope="module")
def programme():
    return split_text(PROGRAMME)


def _find(programme, start):
    found = [p for p in programme.passages if p.text.startswith(start)]
    assert found, start
    return found[0]


def test_running_headers_and_page_numbers_are_dropped(programme):
    texts = " ".join(p.text for p in programme.passages)
    assert "programma 2026" not in texts.replace("Verkiezingsprogramma 2026", "")
    assert "- 3 -" not in texts
    assert all(p.text.strip("- 0123456789") for p in programme.passages)


def test_pages_headings_and_kinds(programme):
    bullet = _find(programme, "De minimaregelingen openstellen")
    assert (bullet.page, bullet.kind, bullet.heading) == (2, "bullet", "Hoofdstuk 1. Rondkomen in Dijkmeer")
    para = _find(programme, "Er moeten meer betaalbare woningen")
    assert (para.page, para.kind, para.heading) == (3, "para", "Hoofdstuk 2. Wonen")
    assert _find(programme, "Het warmtenet").page == 4
    assert "Hoofdstuk 4. Energie" in programme.headings


def test_hyphenation_undone_but_real_hyphens_kept(programme):
    assert "niet oplopen." in _find(programme, "Betalingsachterstanden").text
    assert "Noord-Brabantse" in _find(programme, "Dijkmeer Vooruit werd").text
    assert split_text("Wij kiezen voor zorg-\nen welzijn dichtbij de mensen in de wijk.").passages[0].text == \
        "Wij kiezen voor zorg- en welzijn dichtbij de mensen in de wijk."
    assert "energieprijzen" in split_text("Wij willen de energie\u00ad\nprijzen omlaag brengen voor iedereen.").passages[0].text


def test_english_passages_are_marked(programme):
    english = _find(programme, "We want affordable housing")
    assert english.language == "en"
    assert _find(programme, "Het warmtenet").language == "nl"


def test_numbered_items_are_bullets_and_numbered_headings_headings():
    text = ("2. Veilig wonen\n\nWij willen in elke wijk een wijkagent die de buurt kent.\n\n"
            "1. Meer handhavers op straat in de avonduren.\n2. Betere verlichting in de parken en op de fietspaden.\n")
    programme = split_text(text)
    assert [p.kind for p in programme.passages] == ["para", "bullet", "bullet"]
    assert programme.passages[1].text.startswith("Meer handhavers")
    assert programme.passages[0].heading == "2. Veilig wonen"


def test_table_of_contents_lines_are_dropped():
    text = "Inhoud\n\nWonen ........................ 3\nZorg ......................... 5\n\f" \
           "Wonen\n\nWij bouwen meer woningen voor starters in elke kern van de gemeente.\n"
    programme = split_text(text)
    assert [p.text for p in programme.passages] == ["Wij bouwen meer woningen voor starters in elke kern van de gemeente."]


def test_empty_and_english_only_files_are_refused(tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("\n\n")
    with pytest.raises(ProgrammeError, match="leeg"):
        split_path(empty)
    english = tmp_path / "english.txt"
    english.write_text("Our programme\n\nWe want more affordable homes for the young people of our town, "
                       "and we will invest in the care for the elderly.\n")
    with pytest.raises(ProgrammeError, match="Engels"):
        split_path(english)


def test_scanned_pdf_is_refused(tmp_path):
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    with pytest.raises(ProgrammeError, match="geen tekstlaag"):
        split_path(scan)


def _pdf(pages: list[list[tuple[float, float, float, str]]]) -> bytes:
    """A minimal PDF: per page, text runs (x, y, size, text) in Helvetica."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for runs in pages:
        stream = "".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n" for x, y, size, text in runs)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}endstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_two_column_pdf_is_read_column_by_column(tmp_path):
    left = ["Wij willen meer woningen bouwen", "voor starters en ouderen in", "alle kernen van Dijkmeer.", "",
            "Het warmtenet komt in publieke", "handen en huurders krijgen hulp", "bij het isoleren van hun huis."]
    right = ["De parken blijven groen en de", "bomen in de straten blijven", "staan waar dat kan.", "",
             "Schulden pakken we vroeg aan", "met een loket in elke wijk en", "zonder wachtlijst voor hulp."]
    pages = []
    for page, title in enumerate(("Wonen en energie", "Groen en geld", "Zorg dichtbij")):
        runs = [(60, 800, 9, "Dijkmeer Vooruit - programma 2026"), (500, 40, 9, str(page + 1))]
        runs.append((60, 760, 16, f"Hoofdstuk {page + 1}. {title}"))
        y = 720
        for a, b in zip(left * 2, right * 2):
            if a:
                runs.append((60, y, 10, a))
            if b:
                runs.append((310, y, 10, b))
            y -= 13 if a else 20
        pages.append(runs)
    path = tmp_path / "kolommen.pdf"
    path.write_bytes(_pdf(pages))
    programme = split_path(path)
    texts = [p.text for p in programme.passages]
    assert "Wij willen meer woningen bouwen voor starters en ouderen in alle kernen van Dijkmeer." in texts
    assert "De parken blijven groen en de bomen in de straten blijven staan waar dat kan." in texts
    first = texts.index("Wij willen meer woningen bouwen voor starters en ouderen in alle kernen van Dijkmeer.")
    assert texts[first + 1].startswith("Het warmtenet")  # the left column is read before the right one
    assert all("programma 2026" not in t for t in texts)
    assert programme.passages[-1].page == 3
    assert programme.passages[0].heading == "Hoofdstuk 1. Wonen en energie"


def test_pdf_title_over_two_lines_beside_the_other_column_and_a_page_with_one_column(tmp_path):
    left = ["Wij willen meer woningen bouwen", "voor starters en ouderen in", "alle kernen van Dijkmeer.", "",
            "Het warmtenet komt in publieke", "handen en huurders krijgen hulp", "bij het isoleren van hun huis."]
    right = ["De parken blijven groen en de", "bomen in de straten blijven", "staan waar dat kan.", "",
             "Schulden pakken we vroeg aan", "met een loket in elke wijk en", "zonder wachtlijst voor hulp."]
    header = (330, 800, 9, "Dijkmeer Vooruit - verkiezingsprogramma 2026")
    # Page 1: a chapter title in a large font over two lines, its first line reaching across the
    # gutter at the height of the right column's first line.
    runs = [header, (60, 740, 16, "1. Klimaat en energie voor alle"), (60, 720, 16, "inwoners van de gemeente")]
    for x, y, column in ((310, 740, right), (60, 690, left)):
        for line in column:
            if line:
                runs.append((x, y, 10, line))
            y -= 13 if line else 20
    # Page 2: text in the left column only, well short of the running header's end; its middle
    # line runs full and ends a sentence without ending the paragraph.
    page2 = [header, (60, 740, 10, "Wij willen een fietspad naar elk dorp. Dat"),
             (60, 727, 10, "is veilig voor kinderen en ook voor ouderen."), (60, 714, 10, "Zij fietsen er graag.")]
    path = tmp_path / "titel.pdf"
    path.write_bytes(_pdf([runs, page2]))
    programme = split_path(path)
    assert "1. Klimaat en energie voor alle inwoners van de gemeente" in programme.headings
    texts = [p.text for p in programme.passages]
    assert "De parken blijven groen en de bomen in de straten blijven staan waar dat kan." in texts
    assert "Wij willen meer woningen bouwen voor starters en ouderen in alle kernen van Dijkmeer." in texts
    assert ("Wij willen een fietspad naar elk dorp. Dat is veilig voor kinderen en ook voor ouderen. "
            "Zij fietsen er graag.") in texts


def test_word_programme_keeps_headings_bullets_and_pages(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("Verkiezingsprogramma Dijkmeer Vooruit", level=0)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Wonen", level=1)
    document.add_paragraph("Wij bouwen meer betaalbare woningen voor starters en senioren.")
    document.add_paragraph("Twee derde van elk bouwproject blijft betaalbaar.", style="List Bullet")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Energie", level=1)
    document.add_paragraph("De gemeente neemt deel in het publieke warmtebedrijf.", style="List Bullet")
    path = tmp_path / "programma.docx"
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        assert "word/document.xml" in archive.namelist()
    programme = split_path(path)
    by_text = {p.text: p for p in programme.passages}
    assert by_text["Twee derde van elk bouwproject blijft betaalbaar."].kind == "bullet"
    assert by_text["Twee derde van elk bouwproject blijft betaalbaar."].page == 2
    assert by_text["Wij bouwen meer betaalbare woningen voor starters en senioren."].heading == "Wonen"
    warm = by_text["De gemeente neemt deel in het publieke warmtebedrijf."]
    assert (warm.page, warm.heading, warm.kind) == (3, "Energie", "bullet")


def test_split_in_a_child_process_gives_the_same_passages_and_dutch_errors(tmp_path):
    from akkoord.dossier.isolation import Limits
    from akkoord.programmes.isolation import split_isolated

    path = tmp_path / "programma.txt"
    path.write_text(PROGRAMME, encoding="utf-8")
    assert split_isolated(path, Limits(512, 30)).passages == split_text(PROGRAMME).passages
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    with pytest.raises(ProgrammeError, match="leeg"):
        split_isolated(empty, Limits(512, 30), name="upload.txt")
