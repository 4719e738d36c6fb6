"""Readers: each turns a file into the same dossier model.

``read_path`` picks the reader by the file's content (magic bytes), not by its name.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import ReadResult

# Refuse inputs larger than this outright: no real dossier comes near it.
MAX_INPUT_BYTES = 40 * 1024 * 1024


def sniff(head: bytes, path: Path) -> str:
    """Return "pdf", "docx" or "text" from the first bytes of a file."""
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError) as exc:
            raise DossierError(f"{path.name}: beschadigd zip-bestand ({exc}).") from None
        if "word/document.xml" in names:
            return "docx"
        raise DossierError(f"{path.name}: zip-bestand zonder Word-document; geen dossier.")
    if head.lstrip(b"\xef\xbb\xbf\t\r\n ")[:1] in (b"{", b"["):
        return "json"  # an exported dossier (see readers/json_reader.py)
    return "text"


def read_path(path: str | Path) -> ReadResult:
    """Read a dossier from a text, PDF or DOCX file. Raises DossierError for bad input."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise DossierError(f"{path}: bestand bestaat niet.") from None
    except IsADirectoryError:
        raise DossierError(f"{path}: is een map, geen bestand.") from None
    except OSError as exc:
        raise DossierError(f"{path}: kan niet gelezen worden ({exc.strerror}).") from None
    if size == 0:
        raise DossierError(f"{path.name}: het bestand is leeg.")
    kind = sniff(head, path)
    if kind == "text":
        if size > MAX_INPUT_BYTES:
            raise DossierError(f"{path.name}: te groot voor een dossier ({size // (1024 * 1024)} MB).")
        from akkoord.dossier.readers.text import read_text_file

        return _annotated(read_text_file(path))
    if kind == "json":
        from akkoord.dossier.readers.json_reader import read_json

        return read_json(path)
    if kind == "pdf":
        from akkoord.dossier.readers.pdf import read_pdf

        return _annotated(read_pdf(path))
    from akkoord.dossier.readers.docx import read_docx

    return _annotated(read_docx(path))


def _annotated(result: ReadResult) -> ReadResult:
    """Add the normalised time intervals (end dates, logical moments) to a reader's result."""
    from akkoord.dossier.dates import annotate_dossier

    annotate_dossier(result.dossier)
    return result
