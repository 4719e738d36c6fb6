"""Small helpers the commands share for writing their results."""
from __future__ import annotations

import sys
from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.readers import READER_LABELS


def write_output(text: str, destination: str | None) -> None:
    """Write ``text`` to a file, or to standard output when no destination is given."""
    if not destination or destination == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        Path(destination).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise DossierError(f"{destination}: kan niet geschreven worden ({exc.strerror}).") from None


def report_warnings(result) -> None:
    """Tell on standard error which reader was used and every warning it gave."""
    fiches = len(result.dossier.fiches)
    print(f"Gelezen met de {READER_LABELS.get(result.reader, result.reader)}: {fiches} fiches, "
          f"{len(result.warnings)} waarschuwingen.", file=sys.stderr)
    for warning in result.warnings:
        print(f"  waarschuwing: {warning}", file=sys.stderr)
