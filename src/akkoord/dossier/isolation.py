"""Reading a file in a child process with hard limits on memory and time.

A dossier file comes from outside: a Word zip bomb or a pathological PDF must not take the
server down with it. ``read_isolated`` starts ``python -m akkoord.dossier.isolation`` for
one file; the child first limits itself (address space and CPU time, ``resource.setrlimit``)
and then reads the file with ``read_path``. The parent kills it when the wall-clock limit
passes. Whatever goes wrong in the child, the parent gets one Dutch line (DossierError).

The child talks to the parent in JSON lines on its standard output: ``{"progress": [done,
total, unit]}`` while it reads, then one ``{"result": …}`` or ``{"error": "…"}``.
"""
from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from akkoord.dossier.errors import DossierError, ReaderTimeout
from akkoord.dossier.model import Dossier, ReaderWarning, ReadResult

DEFAULT_MEMORY_MB = 1024
DEFAULT_SECONDS = 120
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Limits:
    memory_mb: int = DEFAULT_MEMORY_MB  # address space of the child
    seconds: float = DEFAULT_SECONDS  # wall clock (and CPU time) of the child

    @classmethod
    def from_environment(cls) -> "Limits":
        """``AKKOORD_READ_MEMORY_MB`` and ``AKKOORD_READ_SECONDS``, else the defaults."""
        def number(name: str, default: float) -> float:
            try:
                value = float(os.environ.get(name, "") or default)
            except ValueError:
                raise DossierError(f"{name} moet een getal zijn.") from None
            return value if value > 0 else default

        return cls(int(number("AKKOORD_READ_MEMORY_MB", DEFAULT_MEMORY_MB)),
                   number("AKKOORD_READ_SECONDS", DEFAULT_SECONDS))


def result_to_dict(result: ReadResult) -> dict:
    return {"reader": result.reader, "dossier": result.dossier.to_dict(),
            "warnings": [w.to_dict() for w in result.warnings]}


def result_from_dict(data: dict) -> ReadResult:
    return ReadResult(dossier=Dossier.from_dict(data["dossier"]), reader=data["reader"],
                      warnings=[ReaderWarning(**w) for w in data["warnings"]])


# The kept profile travels to the child as JSON in this environment variable.
_PROFILE_ENV = "AKKOORD_READ_PROFILE"


def read_isolated(path: str | Path, limits: Limits | None = None, progress: Progress | None = None,
                  name: str | None = None, profile=None) -> ReadResult:
    """Read ``path`` in a child process under ``limits``; DossierError on any failure.
    ``progress(done, total, unit)`` is called as the child reports progress; ``name`` is the
    file name messages use (default: the path's); ``profile`` the dossier profile kept from an
    earlier version (``akkoord.dossier.profile.Profile``), handed to the reader."""
    env = {_PROFILE_ENV: json.dumps(profile.to_dict(), ensure_ascii=False)} if profile is not None else {}
    return result_from_dict(run_isolated("akkoord.dossier.isolation", path, limits, name, progress=progress, env=env))


def run_isolated(module: str, path: str | Path, limits: Limits | None = None, name: str | None = None, *,
                 progress: Progress | None = None, env: dict[str, str] | None = None,
                 error: type[DossierError] = DossierError,
                 timeout_error: type[DossierError] = ReaderTimeout) -> dict:
    """Run ``python -m module MEMORY SECONDS PATH`` (a child that answers through ``serve_child``)
    under ``limits`` and return its result; ``error`` (``timeout_error`` for time) on any failure,
    one Dutch line naming the file as ``name``."""
    path = Path(path).resolve()
    name = name or path.name
    limits = limits or Limits.from_environment()
    command = [sys.executable, "-m", module, str(limits.memory_mb), str(limits.seconds), str(path)]
    child_env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    child_env.pop(_PROFILE_ENV, None)
    child_env.update(env or {})
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                                     env=child_env, close_fds=True, start_new_session=True)
        except OSError as exc:
            raise error(f"{name}: het leesproces kon niet worden gestart ({exc.strerror}).") from None
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            child.kill()

        timer = threading.Timer(limits.seconds + min(5.0, limits.seconds), kill)  # the readers' own limits come first
        timer.daemon = True
        timer.start()
        answer: dict | None = None
        try:
            for line in child.stdout:
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(message, dict):
                    continue
                if "progress" in message and progress is not None:
                    done, total, unit = message["progress"]
                    progress(int(done), int(total), str(unit))
                elif "result" in message or "error" in message:
                    answer = message
            code = child.wait()
        finally:
            timer.cancel()
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
        if answer and "error" in answer:
            raise error(answer["error"].replace(str(path), name))
        if answer and "result" in answer and code == 0:
            return answer["result"]
        if timed_out.is_set() or code == -signal.SIGXCPU:
            raise timeout_error(f"{name}: het lezen duurde langer dan {limits.seconds:.0f} s en is afgebroken.")
        errors.seek(0)
        tail = errors.read()[-2000:].decode("utf-8", "replace")
        if "MemoryError" in tail or code in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
            raise error(f"{name}: het lezen vroeg meer dan {limits.memory_mb} MB geheugen en is afgebroken; "
                        "is het bestand beschadigd of opgeblazen?")
        raise error(f"{name}: het lezen is mislukt (leesproces stopte met code {code}).")


# ------------------------------------------------------------------------------- the child


def _limit(memory_mb: int, seconds: float) -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: the parent's wall-clock limit still holds
        return
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, math.ceil(seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def serve_child(argv: list[str], work: Callable[[Path, Callable[[dict], None]], dict],
                catch_all: bool = False) -> int:
    """The child's side of ``run_isolated``: limit this process, run ``work(path, send)`` and
    answer with one JSON line, ``{"result": …}`` or ``{"error": "…"}`` (``send`` also carries
    progress messages). ``catch_all``: any other exception is one Dutch line too."""
    memory_mb, seconds, path = int(argv[0]), float(argv[1]), Path(argv[2])
    out = sys.stdout
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # libraries that print cannot spoil the answers
    sys.stdout = sys.stderr

    def send(message: dict) -> None:
        out.write(json.dumps(message, ensure_ascii=False) + "\n")
        out.flush()

    _limit(memory_mb, seconds)
    try:
        send({"result": work(path, send)})
    except DossierError as exc:
        send({"error": str(exc).splitlines()[0] if str(exc) else "onleesbaar bestand."})
    except MemoryError:
        send({"error": f"{path.name}: het lezen vroeg meer dan {memory_mb} MB geheugen en is afgebroken; "
                       "is het bestand beschadigd of opgeblazen?"})
    except RecursionError:
        send({"error": f"{path.name}: het bestand is te diep genest om te lezen."})
    except Exception as exc:  # noqa: BLE001 - only with catch_all: a broken file is one Dutch line
        if not catch_all:
            raise
        send({"error": f"{path.name}: kan niet gelezen worden ({type(exc).__name__})."})
    return 0


def _read(path: Path, send: Callable[[dict], None]) -> dict:
    from akkoord.dossier import progress
    from akkoord.dossier.readers import read_path

    with progress.listening(lambda done, total, unit: send({"progress": [done, total, unit]})):
        profile = None
        if os.environ.get(_PROFILE_ENV):
            from akkoord.dossier.profile import Profile

            profile = Profile.from_dict(json.loads(os.environ[_PROFILE_ENV]))
        return result_to_dict(read_path(path, profile=profile))


if __name__ == "__main__":
    # The answers go to the pipe that was standard output when the child started.
    sys.stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    raise SystemExit(serve_child(sys.argv[1:], _read))
