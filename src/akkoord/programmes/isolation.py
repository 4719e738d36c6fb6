"""Splitting a programme file in a child process, under the same limits as dossier files.

Uploaded programmes come from outside like dossiers do: ``split_isolated`` runs
``python -m akkoord.programmes.isolation`` for one file, and the child limits its own memory and
CPU time with ``akkoord.dossier.isolation``'s ``Limits`` (``AKKOORD_READ_MEMORY_MB``,
``AKKOORD_READ_SECONDS``) before it splits. The parent kills it at the wall-clock limit.
Whatever goes wrong, the parent gets one Dutch line (ProgrammeError). The child answers with one
JSON line on its standard output: ``{"result": …}`` or ``{"error": "…"}``.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from akkoord.dossier.isolation import Limits, _limit
from akkoord.programmes.errors import ProgrammeError
from akkoord.programmes.split import Passage, Programme


def programme_to_dict(programme: Programme) -> dict:
    return {"passages": [p.to_dict() for p in programme.passages], "pages": programme.pages,
            "form": programme.form, "headings": programme.headings}


def programme_from_dict(data: dict) -> Programme:
    return Programme([Passage(**p) for p in data["passages"]], data["pages"], data["form"], data["headings"])


def split_isolated(path: str | Path, limits: Limits | None = None, name: str | None = None) -> Programme:
    """Split ``path`` in a child process under ``limits``; ProgrammeError on any failure."""
    path = Path(path).resolve()
    name = name or path.name
    limits = limits or Limits.from_environment()
    command = [sys.executable, "-m", "akkoord.programmes.isolation", str(limits.memory_mb),
               str(limits.seconds), str(path)]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, env=env, close_fds=True,
                              start_new_session=True, timeout=limits.seconds + min(5.0, limits.seconds))
    except subprocess.TimeoutExpired:
        raise ProgrammeError(f"{name}: het lezen duurde langer dan {limits.seconds:.0f} s en is afgebroken.") from None
    except OSError as exc:
        raise ProgrammeError(f"{name}: het leesproces kon niet worden gestart ({exc.strerror}).") from None
    answer = None
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict) and ("result" in message or "error" in message):
            answer = message
    if answer and "error" in answer:
        raise ProgrammeError(answer["error"].replace(str(path), name))
    if answer and "result" in answer and done.returncode == 0:
        return programme_from_dict(answer["result"])
    if done.returncode == -signal.SIGXCPU:
        raise ProgrammeError(f"{name}: het lezen duurde langer dan {limits.seconds:.0f} s en is afgebroken.")
    tail = done.stderr[-2000:].decode("utf-8", "replace")
    if "MemoryError" in tail or done.returncode in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
        raise ProgrammeError(f"{name}: het lezen vroeg meer dan {limits.memory_mb} MB geheugen en is afgebroken; "
                             "is het bestand beschadigd of opgeblazen?")
    raise ProgrammeError(f"{name}: het lezen is mislukt (leesproces stopte met code {done.returncode}).")


def _child(argv: list[str]) -> int:
    memory_mb, seconds, path = int(argv[0]), float(argv[1]), Path(argv[2])
    out = sys.stdout
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # libraries that print cannot spoil the answer
    sys.stdout = sys.stderr

    def send(message: dict) -> None:
        out.write(json.dumps(message, ensure_ascii=False) + "\n")
        out.flush()

    _limit(memory_mb, seconds)
    from akkoord.dossier.errors import DossierError
    from akkoord.programmes.split import split_path

    try:
        send({"result": programme_to_dict(split_path(path))})
    except DossierError as exc:  # ProgrammeError included
        send({"error": str(exc).splitlines()[0] if str(exc) else "onleesbaar bestand."})
    except MemoryError:
        send({"error": f"{path.name}: het lezen vroeg meer dan {memory_mb} MB geheugen en is afgebroken; "
                       "is het bestand beschadigd of opgeblazen?"})
    except RecursionError:
        send({"error": f"{path.name}: het bestand is te diep genest om te lezen."})
    except Exception as exc:  # noqa: BLE001 - a broken file: one Dutch line, never a traceback
        send({"error": f"{path.name}: kan niet gelezen worden ({type(exc).__name__})."})
    return 0


if __name__ == "__main__":
    sys.stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    raise SystemExit(_child(sys.argv[1:]))
