"""Bad programme input: a one-line Dutch message."""
from __future__ import annotations

from akkoord.dossier.errors import DossierError


class ProgrammeError(DossierError):
    """A programme file that cannot be used (scanned, empty, English only, unreadable)."""
