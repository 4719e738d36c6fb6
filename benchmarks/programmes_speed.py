"""Speed: ten programmes of 200,000 characters each, split and linked to the sample dossier.

    .venv/bin/python benchmarks/programmes_speed.py

The programmes are generated from the Dijkmeer test programme (tests/programmes/dijkmeer.py)
with numbered variations, so every page, heading and passage is new text for the splitter and
the linker's word caches. Prints the seconds for splitting and for linking (bar: < 10 s total).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from akkoord.dossier.readers import read_path  # noqa: E402
from akkoord.dossier.sample import SAMPLE_TEXT_PATH  # noqa: E402
from akkoord.programmes.link import Linker  # noqa: E402
from akkoord.programmes.split import split_text  # noqa: E402
from tests.programmes.dijkmeer import PROGRAMME  # noqa: E402

TARGET = 200_000


def programme(seed: int) -> str:
    pages = []
    n = 0
    while sum(len(p) for p in pages) < TARGET:
        n += 1
        body = PROGRAMME.split("\f", 1)[1].replace("Hoofdstuk", f"Deel {seed}-{n} hoofdstuk")
        body = body.replace("Dijkmeer", f"Dijkmeer{n % 37}").replace("woningen", f"woningen{seed}x{n % 91}")
        pages.append(body)
    return "\f".join(pages)


def main() -> int:
    texts = [programme(seed) for seed in range(10)]
    dossier = read_path(SAMPLE_TEXT_PATH).dossier
    started, cpu = time.perf_counter(), time.process_time()
    programmes = [split_text(t) for t in texts]
    split_seconds, split_cpu = time.perf_counter() - started, time.process_time() - cpu
    passages = [p for prog in programmes for p in prog.passages]
    started, cpu = time.perf_counter(), time.process_time()
    linker = Linker(dossier)
    linker.link(passages)
    link_seconds, link_cpu = time.perf_counter() - started, time.process_time() - cpu
    characters = sum(len(t) for t in texts)
    print(f"programma's: {len(texts)}, tekens: {characters}, passages: {len(passages)}")
    print(f"splitsen: {split_seconds:.2f} s, koppelen: {link_seconds:.2f} s, totaal: {split_seconds + link_seconds:.2f} s")
    # On a shared machine the wall clock includes time other processes took: CPU time does not.
    print(f"processortijd: splitsen {split_cpu:.2f} s, koppelen {link_cpu:.2f} s, totaal {split_cpu + link_cpu:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
