"""Opening input files with one set of Dutch messages for every reader."""
from __future__ import annotations

from pathlib import Path

from akkoord.dossier.errors import DossierError

# Refuse text inputs (extracted text, JSON exports) larger than this: no real dossier comes near it.
MAX_TEXT_BYTES = 40 * 1024 * 1024


def read_bytes(path: Path, limit: int | None = None, head: int | None = None) -> bytes:
    """The file's bytes (only the first ``head`` when given); DossierError when it cannot be read
    or is larger than ``limit``."""
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise DossierError(f"{path.name}: te groot voor een dossier ({size // (1024 * 1024)} MB).")
        with path.open("rb") as handle:
            return handle.read(head) if head is not None else handle.read()
    except FileNotFoundError:
        raise DossierError(f"{path}: bestand bestaat niet.") from None
    except IsADirectoryError:
        raise DossierError(f"{path}: is een map, geen bestand.") from None
    except OSError as exc:
        raise DossierError(f"{path}: kan niet gelezen worden ({exc.strerror}).") from None
