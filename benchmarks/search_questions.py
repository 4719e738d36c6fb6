"""Search quality on the sample dossier, measured on a question set its ranking never saw.

    .venv/bin/python benchmarks/search_questions.py [--questions FILE] [--details]

Reads the bundled sample dossier (``src/akkoord/dossier/sample/lindeveen-2026.txt``) with the
text reader into a fresh SQLite database, asks every question of the question file (by default
``tests/fixtures/search/lindeveen-questions-2026-12.json``, written by an author who had not seen
the search code) and prints:

* top-1: the first result is the question's best answer (its first fiche);
* top-3: the best answer is among the first three results;
* all-in-top-3: every listed answer is among the first three (only for questions with one or
  more answers that fit in three);
* the same per question style (kort, zin, spreektaal, afkorting, typfout).

A measurement only: nothing here tunes anything. ``--details`` lists the misses; run it only
after the figures are reported, never while changing the ranking.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = REPO / "tests" / "fixtures" / "search" / "lindeveen-questions-2026-12.json"


def measure(questions: list[dict], version_ids: list[int]) -> dict:
    """Figures over ``questions`` (keys ``question``, ``fiches``, ``style``)."""
    from akkoord.web.search.engine import search

    styles: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    top1 = top3 = every = 0
    misses = []
    for q in questions:
        codes = [h.code for h in search(q["question"], version_ids=version_ids, limit=3, load_fiches=False).hits]
        first = bool(codes) and codes[0] == q["fiches"][0]
        three = q["fiches"][0] in codes
        top1 += first
        top3 += three
        every += set(q["fiches"][:3]) <= set(codes)
        row = styles[q.get("style", "")]
        row[0] += 1
        row[1] += first
        row[2] += three
        if not first:
            misses.append(f"{q['question']!r}: verwacht {q['fiches']}, kreeg {codes}")
    n = len(questions) or 1
    return {"questions": len(questions), "top1": top1 / n, "top3": top3 / n, "all_in_top3": every / n,
            "styles": {k: {"n": v[0], "top1": v[1] / v[0], "top3": v[2] / v[0]} for k, v in sorted(styles.items())},
            "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--details", action="store_true", help="list the misses")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    tmp = tempfile.TemporaryDirectory()
    os.environ["DJANGO_SETTINGS_MODULE"] = "akkoord.web.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/questions.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    from akkoord.dossier.sample import SAMPLE_TEXT_PATH
    from akkoord.web.dossiers.services import ingest_file

    call_command("migrate", verbosity=0)
    version = ingest_file(Path(SAMPLE_TEXT_PATH), slug="lindeveen")
    questions = json.loads(args.questions.read_text(encoding="utf-8"))["questions"]
    figures = measure(questions, [version.pk])
    print(f"{args.questions.name}: {figures['questions']} vragen op {version.fiches.count()} fiches")
    print(f"top-1 {figures['top1']:.1%}  top-3 {figures['top3']:.1%}  alle antwoorden in top-3 {figures['all_in_top3']:.1%}")
    for style, row in figures["styles"].items():
        print(f"  {style or '-':<11} {row['n']:>3} vragen  top-1 {row['top1']:.1%}  top-3 {row['top3']:.1%}")
    if args.details:
        print("\n".join(figures["misses"]))


if __name__ == "__main__":
    main()
