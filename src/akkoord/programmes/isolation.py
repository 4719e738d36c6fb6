"""Splitting a programme file in a child process, under the same limits as dossier files.

Uploaded programmes come from outside like dossiers do: ``split_isolated`` runs
``python -m akkoord.programmes.isolation`` for one file through ``akkoord.dossier.isolation``'s
runner, with its ``Limits`` (``AKKOORD_READ_MEMORY_MB``, ``AKKOORD_READ_SECONDS``): the child
limits its own memory and CPU time before it splits, the parent kills it at the wall-clock
limit. Whatever goes wrong, the parent gets one Dutch line (ProgrammeError).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from akkoord.dossier.isolation import Limits, run_isolated, serve_child
from akkoord.programmes.errors import ProgrammeError
from akkoord.programmes.split import Passage, Programme


def programme_to_dict(programme: Programme) -> dict:
    return {"passages": [p.to_dict() for p in programme.passages], "pages": programme.pages,
            "form": programme.form, "headings": programme.headings}


def programme_from_dict(data: dict) -> Programme:
    return Programme([Passage(**p) for p in data["passages"]], data["pages"], data["form"], data["headings"])


def split_isolated(path: str | Path, limits: Limits | None = None, name: str | None = None) -> Programme:
    """Split ``path`` in a child process under ``limits``; ProgrammeError on any failure."""
    return programme_from_dict(run_isolated("akkoord.programmes.isolation", path, limits, name,
                                            error=ProgrammeError, timeout_error=ProgrammeError))


def _split(path: Path, _send) -> dict:
    from akkoord.programmes.split import split_path

    return programme_to_dict(split_path(path))


if __name__ == "__main__":
    # The answers go to the pipe that was standard output when the child started.
    sys.stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    raise SystemExit(serve_child(sys.argv[1:], _split, catch_all=True))
