"""Parse time and peak memory of the dossier readers.

Text reader: the shared dossier once, and repeated N times (chapters renumbered so every
fiche code stays unique), to show that time and memory grow linearly. Target: under
100 ms per 100 KB of text. Time is the best of three untraced parses; memory is the peak
traced by ``tracemalloc`` during a separate parse.

Layout readers: the sample dossier's Word and PDF fixtures (built as the test suite builds
them, the PDF rendered by LibreOffice), once and with the sample's fiches repeated under new
codes; prints the reading time per PDF page (target: under 50 ms) and per Word fiche.

    .venv/bin/python benchmarks/parse.py [--repeat 20] [--copies 6] [--no-documents]
"""
from __future__ import annotations

import argparse
import copy
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "tests"))

from akkoord.dossier.model import Dossier  # noqa: E402
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


def long_dossier(copies: int) -> Dossier:
    """The sample's fiches ``copies`` times, each copy in chapters of its own."""
    from akkoord.dossier.sample import load_sample_gold

    sample = load_sample_gold()
    fiches = []
    for n in range(copies):
        for fiche in sample.fiches:
            clone = copy.deepcopy(fiche)
            clone.code = f"{int(fiche.code[:-1]) + 3 * n}{fiche.code[-1]}"
            clone.related = []
            fiches.append(clone)
    return Dossier(municipality=sample.municipality, title=sample.title, fiches=fiches)


def timed(repeat: int, func) -> tuple[float, float]:
    """Best and median seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def document_benchmarks(copies: int, repeat: int = 5) -> None:
    import fixtures_build
    import pypdfium2 as pdfium

    from akkoord.dossier.readers.docx import read_docx
    from akkoord.dossier.readers.pdf import read_pdf
    from akkoord.dossier.sample import load_sample_gold

    if fixtures_build.soffice() is None:
        print("LibreOffice (soffice) ontbreekt: geen PDF-meting", file=sys.stderr)
        return
    print(f"\n{'meting':36} {'fiches':>6} {'pag.':>8} {'PDF ms/pag':>10} {'DOCX ms/fiche':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, dossier in (("voorbeelddossier", load_sample_gold()),
                               (f"voorbeelddossier x{copies}", long_dossier(copies))):
            docx_path, _raw, pdf_path = fixtures_build.build_fixtures(dossier, Path(tmp) / label.replace(" ", "-"))
            pages = len(pdfium.PdfDocument(str(pdf_path)))
            pdf_best, _ = timed(repeat, lambda: read_pdf(pdf_path))
            docx_best, _ = timed(repeat, lambda: read_docx(docx_path))
            print(f"{label:36} {len(dossier.fiches):6d} {pages:8d} {pdf_best / pages * 1000:10.1f} "
                  f"{docx_best / len(dossier.fiches) * 1000:13.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the shared dossier")
    parser.add_argument("--copies", type=int, default=6, help="copies of the sample for the layout readers")
    parser.add_argument("--no-documents", action="store_true", help="skip the PDF and Word readers")
    args = parser.parse_args(argv)
    print(f"{'meting':36} {'KB':>8} {'fiches':>6} {'ms':>9} {'ms/100KB':>9} {'piek MB':>8}")
    for row in text_benchmarks(args.repeat):
        print(f"{row['label']:36} {row['kb']:8.0f} {row['fiches']:6d} {row['seconds'] * 1000:9.1f} "
              f"{row['ms_per_100kb']:9.1f} {row['peak_mb']:8.1f}")
    if not args.no_documents:
        document_benchmarks(args.copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
