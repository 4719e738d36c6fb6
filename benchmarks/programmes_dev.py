"""The linker on the author's own development set (benchmarks/programmes_dev_set.py) against
the Enschede dossier in shared/dossiers. Not independent: for tuning only.

    .venv/bin/python benchmarks/programmes_dev.py [--details]
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]
SHARED = REPO.parent / "shared"
for candidate in (REPO.parent / "shared", Path("/work/shared")):
    if candidate.is_dir():
        SHARED = candidate
        break
DOSSIER = SHARED / "dossiers" / "enschede-2026-hoofdstuk-1-3.txt"


def evaluate(details: bool = False) -> dict:
    from akkoord.dossier.readers import read_path
    from akkoord.programmes.link import Linker
    from akkoord.programmes.split import Passage
    from programmes_dev_set import PASSAGES

    linker = Linker(read_path(DOSSIER).dossier)
    passages = [Passage(i, text, 1, heading, heading) for i, (heading, text, _) in enumerate(PASSAGES)]
    linker.learn_background(passages)
    results = [linker.link_passage(p, explain=True) for p in passages]
    linked = none = top1 = top3 = unlinked = 0
    lines = []
    for (heading, text, wanted), result in zip(PASSAGES, results):
        ours = [e.code for e in result.fiches]
        if wanted:
            linked += 1
            top1 += bool(ours) and ours[0] in wanted
            ok = any(c in wanted for c in ours[:3])
            top3 += ok
        else:
            none += 1
            ok = not ours
            unlinked += ok
        if details and not ok:
            lines.append(f"  MIS {wanted} -> {ours} {[(e.code, round(e.score, 1), e.reasons[:4]) for e in result.candidates]}: {text[:70]}")
    out = {"top1": round(100 * top1 / linked, 1), "top3": round(100 * top3 / linked, 1),
           "unlinked": round(100 * unlinked / none, 1), "linked_units": linked, "none_units": none}
    if details:
        out["misses"] = lines
    return out


if __name__ == "__main__":
    result = evaluate("--details" in sys.argv)
    for line in result.pop("misses", []):
        print(line)
    print(result)
