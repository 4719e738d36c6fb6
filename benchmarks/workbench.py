"""What the workbench derives from a dossier, and the public PDF, timed on the shared dossier.

Prints, best of three: the glossary (definitions, long forms found elsewhere, undefined
abbreviations), the partner index, the timeline items and the term chart; and the
publication copy rendered to PDF by WeasyPrint (pages, size, seconds). The derived data is
computed once per version at ingest; the PDF once per public version (then served from disk).

    .venv/bin/python benchmarks/workbench.py [DOSSIER]
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else next((SHARED / "dossiers").glob("*.txt"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.test")
    import django

    django.setup()
    from akkoord.dossier.glossary import extract_glossary
    from akkoord.dossier.partners import partner_index
    from akkoord.dossier.readers import read_path
    from akkoord.web.dossiers import timeline as tl

    dossier = read_path(path).dossier
    print(f"{path.name}: {len(dossier.fiches)} fiches")
    glossary = extract_glossary(dossier, include_undefined=True)
    print(f"afkortingen: {best_of(lambda: extract_glossary(dossier, include_undefined=True)) * 1000:.0f} ms "
          f"({sum(1 for e in glossary if e.source == 'defined')} gedefinieerd, "
          f"{sum(1 for e in glossary if e.source == 'found')} gevonden, "
          f"{sum(1 for e in glossary if not e.expansion)} niet uitgeschreven)")
    partners = partner_index(dossier)
    print(f"partners: {best_of(lambda: partner_index(dossier)) * 1000:.0f} ms ({len(partners)} partners)")
    items, available = tl.collect_items(dossier)
    print(f"tijdlijn (momenten verzamelen): {best_of(lambda: tl.collect_items(dossier)) * 1000:.0f} ms")
    timeline = tl.timeline_from_items(items, available, term=tl.term_years(path.name))
    rows = [("a", "alle")]
    print(f"tijdlijn (per jaar + figuur): "
          f"{best_of(lambda: tl.term_chart(tl.timeline_from_items(items, available), rows, lambda i: ['a'])) * 1000:.1f} ms"
          f" ({timeline.count} momenten, {len(timeline.undated)} zonder datum)")

    from io import BytesIO

    from django.template.loader import render_to_string  # noqa: F401 - templates must load
    from pypdf import PdfReader
    from weasyprint import HTML

    from akkoord.dossier.exports.publish import publication_copy
    from akkoord.dossier.model import AMBITION_LABELS, FIELD_LABELS

    copy_, _ = publication_copy(dossier)

    class _Shown:  # what the template needs of the stored dossier and version
        display_name = dossier.title or f"Formatiedossier {dossier.municipality}"
        number = 1
        status_changed_at = None

    def render() -> bytes:
        html = render_to_string("dossiers/publication_pdf.html", {
            "dossier": _Shown, "version": _Shown, "core": copy_, "labels": FIELD_LABELS,
            "ambition_labels": AMBITION_LABELS, "generated_on": "vandaag"})
        return HTML(string=html).write_pdf()

    start = time.perf_counter()
    pdf = render()
    seconds = time.perf_counter() - start
    pages = len(PdfReader(BytesIO(pdf)).pages)
    print(f"openbare PDF: {seconds:.1f} s, {pages} pagina's, {len(pdf) // 1024} KB (daarna van schijf)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
