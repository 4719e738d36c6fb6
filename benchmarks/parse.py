"""Parse time and peak memory of the dossier readers.

    .venv/bin/python benchmarks/parse.py [--repeat 20]

Text reader: the shared dossier once, and repeated N times (chapters renumbered so every
fiche code stays unique), to show that time and memory grow linearly. Target: under
100 ms per 100 KB of text. Time is the best of three untraced parses; memory is the peak
traced by ``tracemalloc`` during a separate parse.
Other readers can add their figures by appending a function that returns rows to
``BENCHMARKS``.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from akkoord.dossier.readers.text import parse_text  # noqa: E402

_HEADING = re.compile(r"^(\s*Onderwerp\s*:?\s*)(\d{1,2})(\s?[A-Z](?![\w’']))")
_LONE = re.compile(r"^\s*Onderwerp\s*:?\s*$")
_CODE = re.compile(r"^(\s*)(\d{1,2})(\s?[A-Z](?![\w’']))")


def shared_dossier_text() -> str:
    path = next((SHARED / "dossiers").glob("*.txt"))
    return path.read_text(encoding="utf-8")


def renumbered(text: str, copies: int, chapters: int = 3) -> str:
    """``copies`` copies of ``text``; copy k moves every chapter up by ``k * chapters``."""
    out = []
    for k in range(copies):
        lines = text.split("\n")
        lone = False
        for i, line in enumerate(lines):
            pattern = _CODE if lone else _HEADING
            m = pattern.match(line)
            if m:
                lines[i] = f"{m.group(1)}{int(m.group(2)) + k * chapters}{m.group(3)}{line[m.end():]}"
            lone = bool(_LONE.match(line)) or (lone and not line.strip())
        out.append("\n".join(lines))
    return "\n\n".join(out)


def measure(label: str, text: str, parse: Callable[[str], object]) -> dict:
    """Time of one parse (best of three, without tracing, which slows Python down), then the
    peak memory of a traced parse."""
    elapsed = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = parse(text)
        elapsed = min(elapsed, time.perf_counter() - start)
    tracemalloc.start()
    parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size_kb = len(text.encode("utf-8")) / 1024
    return {"label": label, "kb": size_kb, "fiches": len(result.dossier.fiches), "seconds": elapsed,
            "ms_per_100kb": elapsed * 1000 / (size_kb / 100), "peak_mb": peak / (1024 * 1024)}


def text_benchmarks(repeat: int = 20) -> list[dict]:
    text = shared_dossier_text()
    parse_text(text)  # warm up: compile patterns, import modules
    rows = [measure("tekst: gedeeld dossier", text, parse_text)]
    rows.append(measure(f"tekst: gedeeld dossier x{repeat}", renumbered(text, repeat), parse_text))
    return rows


# Functions that return benchmark rows; other readers append theirs.
BENCHMARKS: list[Callable[..., list[dict]]] = [text_benchmarks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    print(f"{'meting':36} {'KB':>8} {'fiches':>6} {'ms':>9} {'ms/100KB':>9} {'piek MB':>8}")
    for bench in BENCHMARKS:
        rows = bench(args.repeat) if bench is text_benchmarks else bench()
        for row in rows:
            print(f"{row['label']:36} {row['kb']:8.0f} {row['fiches']:6d} {row['seconds'] * 1000:9.1f} "
                  f"{row['ms_per_100kb']:9.1f} {row['peak_mb']:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
