"""Fit the weights of the linker's "about a fiche at all" decision (``akkoord.programmes.link``:
DECISION_WEIGHTS, DECISION_BIAS) on the development set, and estimate how well they transfer.

    .venv/bin/python benchmarks/programmes_fit.py [--set DIR] [--l2 0.05]

Reads the development set (``tests/fixtures/programmes/lindeveen/``, never the held-out set):
links every passage with the threshold at zero (so every passage gets its candidate fiche and
its signals), then fits a logistic regression (plain gradient descent, L2 penalty) of "the
reference lists a fiche for this unit" on the signals. Prints the weights to paste into
link.py, and the figures of leave-one-party-out: weights fitted on four parties, applied to the
fifth, at several decision thresholds. Those cross-validated figures are the honest estimate of
what the weights do on programmes they were not fitted on (same dossier, same author).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]


def units(folder: Path) -> list[dict]:
    """Per reference unit: party, reference fiches, our would-be fiches and the signals."""
    import akkoord.programmes.link as link
    from akkoord.dossier.readers import read_path
    from akkoord.dossier.sample import SAMPLE_TEXT_PATH
    from akkoord.programmes.split import split_path
    from programmes_eval import _find

    reference = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    linker = link.Linker(read_path(SAMPLE_TEXT_PATH).dossier)
    programmes = {p["abbreviation"]: split_path(folder / p["file"]) for p in reference["parties"]}
    owners = [(abbr, p) for abbr, prog in programmes.items() for p in prog.passages]
    saved = link.DECISION_THRESHOLD
    link.DECISION_THRESHOLD = 0.0
    try:
        results = linker.link([p for _, p in owners], explain=True)
    finally:
        link.DECISION_THRESHOLD = saved
    by_passage = {(abbr, id(p)): r for (abbr, p), r in zip(owners, results)}
    out, used = [], {}
    for unit in reference["passages"]:
        passage, _ = _find(unit["start"], programmes[unit["party"]].passages, used.setdefault(unit["party"], set()))
        if passage is None:
            continue
        used[unit["party"]].add(passage.index)
        result = by_passage[(unit["party"], id(passage))]
        out.append({"party": unit["party"], "wanted": unit["fiches"], "ours": [e.code for e in result.fiches],
                    "signals": result.signals})
    return out


def fit(rows: list[dict], names: list[str], l2: float, steps: int = 4000, rate: float = 0.5):
    w = [0.0] * len(names)
    b = 0.0
    data = [([r["signals"].get(k, 0.0) for k in names], 1.0 if r["wanted"] else 0.0) for r in rows if r["signals"]]
    n = len(data)
    for _ in range(steps):
        gw = [l2 * x for x in w]
        gb = 0.0
        for x, y in data:
            z = b + sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i, xi in enumerate(x):
                gw[i] += (p - y) * xi / n
            gb += (p - y) / n
        w = [wi - rate * g for wi, g in zip(w, gw)]
        b -= rate * gb
    return dict(zip(names, w)), b


def probability(row: dict, weights: dict, bias: float) -> float:
    if not row["signals"]:
        return 0.0
    z = bias + sum(weights[k] * row["signals"].get(k, 0.0) for k in weights)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def figures(rows: list[dict], probabilities: list[float], threshold: float) -> tuple[float, float, float]:
    linked = none = top1 = top3 = unlinked = 0
    for row, p in zip(rows, probabilities):
        ours = row["ours"] if p >= threshold else []
        if row["wanted"]:
            linked += 1
            top1 += bool(ours) and ours[0] in row["wanted"]
            top3 += any(c in row["wanted"] for c in ours[:3])
        else:
            none += 1
            unlinked += not ours
    return 100.0 * top1 / linked, 100.0 * top3 / linked, 100.0 * unlinked / none


def main(argv: list[str] | None = None) -> int:
    from akkoord.programmes.link import DECISION_WEIGHTS
    from programmes_eval import FIXTURES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="folder", type=Path, default=FIXTURES)
    parser.add_argument("--l2", type=float, default=0.05)
    parser.add_argument("--signals", default=",".join(DECISION_WEIGHTS), help="comma-separated signal names")
    args = parser.parse_args(argv)
    names = [n for n in args.signals.split(",") if n]
    rows = units(args.folder)
    thresholds = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75]
    parties = sorted({r["party"] for r in rows})
    held = [0.0] * len(rows)
    for party in parties:
        weights, bias = fit([r for r in rows if r["party"] != party], names, args.l2)
        for i, r in enumerate(rows):
            if r["party"] == party:
                held[i] = probability(r, weights, bias)
    print("leave-one-party-out (fitted on four parties, measured on the fifth):")
    for t in thresholds:
        print("  threshold %.2f: top-1 %.1f%%, top-3 %.1f%%, unlinked %.1f%%" % ((t,) + figures(rows, held, t)))
    weights, bias = fit(rows, names, args.l2)
    fitted = [probability(r, weights, bias) for r in rows]
    print("fitted on all five parties (optimistic):")
    for t in thresholds:
        print("  threshold %.2f: top-1 %.1f%%, top-3 %.1f%%, unlinked %.1f%%" % ((t,) + figures(rows, fitted, t)))
    print("DECISION_WEIGHTS = {" + ", ".join(f'"{k}": {v:.2f}' for k, v in weights.items()) + "}")
    print(f"DECISION_BIAS = {bias:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
