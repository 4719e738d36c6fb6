"""Reader for text extracted from a dossier PDF (work in progress: see issue 2)."""
from __future__ import annotations

from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import ReadResult


def read_text_file(path: Path) -> ReadResult:
    raise DossierError("de tekstlezer is nog niet beschikbaar.")
