"""Time the layout readers: PDF per page and Word per fiche, on the sample dossier.

Builds the sample dossier's Word and PDF fixtures (as the test suite does: the Word export
with its layout complications, rendered by LibreOffice), plus a long dossier of the sample's
fiches repeated under new codes, and prints the reading time per page (PDF) and per fiche
(Word). Target: under 50 ms per PDF page.

    .venv/bin/python benchmarks/parse_documents.py [--repeat 5] [--copies 6]
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import fixtures_build
import pypdfium2 as pdfium

from akkoord.dossier.model import Dossier
from akkoord.dossier.readers.docx import read_docx
from akkoord.dossier.readers.pdf import read_pdf
from akkoord.dossier.sample import load_sample_gold


def long_dossier(copies: int) -> Dossier:
    """The sample's fiches ``copies`` times, each copy in chapters of its own."""
    sample = load_sample_gold()
    fiches = []
    for n in range(copies):
        for fiche in sample.fiches:
            clone = copy.deepcopy(fiche)
            clone.code = f"{int(fiche.code[:-1]) + 3 * n}{fiche.code[-1]}"
            clone.related = []
            fiches.append(clone)
    return Dossier(municipality=sample.municipality, title=sample.title, fiches=fiches)


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def measure(label: str, dossier: Dossier, out: Path, repeat: int) -> None:
    docx_path, _raw, pdf_path = fixtures_build.build_fixtures(dossier, out)
    pages = len(pdfium.PdfDocument(str(pdf_path)))
    fiches = len(dossier.fiches)
    pdf_best, pdf_median = best_of(repeat, lambda: read_pdf(pdf_path))
    docx_best, docx_median = best_of(repeat, lambda: read_docx(docx_path))
    print(f"{label}: {fiches} fiches, {pages} PDF pages")
    print(f"  PDF : {pdf_best * 1000:8.1f} ms total (median {pdf_median * 1000:.1f}), "
          f"{pdf_best / pages * 1000:6.1f} ms per page")
    print(f"  DOCX: {docx_best * 1000:8.1f} ms total (median {docx_median * 1000:.1f}), "
          f"{docx_best / fiches * 1000:6.1f} ms per fiche")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=6)
    args = parser.parse_args()
    if fixtures_build.soffice() is None:
        print("LibreOffice (soffice) is needed to render the PDF", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        measure("sample dossier", load_sample_gold(), Path(tmp) / "sample", args.repeat)
        measure(f"sample x{args.copies}", long_dossier(args.copies), Path(tmp) / "long", args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
