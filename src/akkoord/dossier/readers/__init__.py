"""Readers: each turns a file into the same dossier model.

``read_path`` picks the reader by the file's content (magic bytes), not by its name.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import ReadResult, code_problem
from akkoord.dossier.readers.files import read_bytes

# Dutch names of the readers, for messages ("Gelezen met de tekstlezer").
READER_LABELS = {"text": "tekstlezer", "pdf": "PDF-lezer", "docx": "Word-lezer", "json": "JSON-lezer"}


# A Word file whose parts unpack to more than this is refused before it is opened.
MAX_UNPACKED_BYTES = 150 * 1024 * 1024

# An exported dossier starts with an object, or a list of objects (a text never does).
_JSON_START = re.compile(rb"^(\xef\xbb\xbf)?\s*(\{\s*(\"|\}|$)|\[\s*(\{|\]|$))")


def sniff(head: bytes, path: Path) -> str:
    """Return "pdf", "docx" or "text" from the first bytes of a file."""
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError) as exc:
            raise DossierError(f"{path.name}: beschadigd zip-bestand ({exc}).") from None
        if unpacked > MAX_UNPACKED_BYTES:
            raise DossierError(f"{path.name}: uitgepakt {unpacked // (1024 * 1024)} MB groot; "
                               "te groot voor een dossier (een zip-bom?).")
        if "word/document.xml" in names:
            return "docx"
        raise DossierError(f"{path.name}: zip-bestand zonder Word-document; geen dossier.")
    if _JSON_START.match(head):
        return "json"  # an exported dossier (see readers/json_reader.py)
    return "text"


def read_path(path: str | Path, profile=None) -> ReadResult:
    """Read a dossier from a text, PDF, DOCX or JSON-export file, with its dates normalised.

    ``profile`` (``akkoord.dossier.profile.Profile``): the profile kept with an earlier version
    of the same dossier; the reader reuses it where the document agrees. Raises DossierError
    for bad input.
    """
    path = Path(path)
    head = read_bytes(path, head=64)
    if not head:
        raise DossierError(f"{path.name}: het bestand is leeg.")
    kind = sniff(head, path)
    result = _reader(kind)(path) if kind == "json" or profile is None else _reader(kind)(path, profile=profile)
    check_codes(result, path.name)
    from akkoord.dossier.dates import annotate_dossier

    annotate_dossier(result.dossier)
    return result


def check_codes(result: ReadResult, name: str) -> None:
    """Refuse a dossier with a fiche code that is not of the form digits plus a capital
    letter (every reader passes through here; the workbench checks again before storing)."""
    for position, fiche in enumerate(result.dossier.fiches, start=1):
        problem = code_problem(fiche.code)
        if problem:
            raise DossierError(f"{name}: fiche {position} {problem}.")


def _reader(kind: str):
    """The reader function for a kind of file (imported late: PDF and Word libraries are heavy)."""
    if kind == "text":
        from akkoord.dossier.readers.text import read_text_file

        return read_text_file
    if kind == "json":
        from akkoord.dossier.readers.json_reader import read_json

        return read_json
    if kind == "pdf":
        from akkoord.dossier.readers.pdf import read_pdf

        return read_pdf
    from akkoord.dossier.readers.docx import read_docx

    return read_docx
