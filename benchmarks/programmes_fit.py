"""Fit the weights of the linker's "about a fiche at all" decision (``akkoord.programmes.link``:
DECISION_WEIGHTS, DECISION_BIAS, DECISION_THRESHOLD) on the development sets, and estimate how
well they transfer to programmes by another author.

    .venv/bin/python benchmarks/programmes_fit.py [--set DIR ...] [--l2 0.003] [--centring 0.75]
        [--signals a,b,c] [--one-word UNITS] [--per-party]

Reads the development sets (by default the eight of measurement 14: ``tests/fixtures/programmes/lindeveen/``,
``lindeveen-heldout/`` to ``lindeveen-heldout4/`` for the sample dossier and ``enschede-heldout/`` to
``enschede-heldout3/`` for the shared Enschede dossier beside the checkout; never a set kept apart
for the final measurement): links every passage of a set with the decision and the evidence gate
switched off (so every passage gets its candidate fiche and its signals; the gate is applied
afterwards, ``gate``), then fits a logistic regression (Newton's method, L2 penalty on the
weights, not the bias) of "the reference lists a fiche for this unit" on the signals. Prints:

* leave-one-set-out: weights fitted on the other authors' sets, measured on the one left out
  (the honest estimate of what happens with an author the weights have not seen); the threshold
  is chosen here, as the one with the best "worst set" margin over both bars, also over the
  thresholds within NEIGHBOURS of it (a lone good threshold is luck);
* leave-one-party-out: fitted on all parties but one, measured on that one;
* in-sample: fitted on everything (optimistic), with the weights (and PROGRAMME_MEDIAN) to
  paste into link.py.

Each at several thresholds, with top-3 / unlinked per set (and per party with --per-party),
and each programme's baseline applied as ``link.programme_baselines`` does.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]
THRESHOLDS = [0.6, 0.62, 0.63, 0.64, 0.65, 0.655, 0.66, 0.665, 0.67, 0.675, 0.68, 0.685, 0.69, 0.7, 0.72]
NEIGHBOURS = 0.01  # the threshold is chosen on the worst set's margin over the thresholds this close


def units(folder: Path) -> list[dict]:
    """Per reference unit: set, party, reference fiches, our would-be fiches and the signals."""
    import akkoord.programmes.link as link
    from akkoord.programmes.split import split_path
    from programmes_eval import _find, reference_dossier

    reference = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    linker = link.Linker(reference_dossier(reference))
    programmes = {p["abbreviation"]: split_path(folder / p["file"]) for p in reference["parties"]}
    owners = [(abbr, p) for abbr, prog in programmes.items() for p in prog.passages]
    saved = link.DECISION_THRESHOLD, link.EVIDENCE_NEEDED
    link.DECISION_THRESHOLD = link.EVIDENCE_NEEDED = 0.0  # every candidate linked: gates applied below
    try:
        results = linker.link([p for _, p in owners], explain=True)
    finally:
        link.DECISION_THRESHOLD, link.EVIDENCE_NEEDED = saved
    by_passage = {(abbr, id(p)): r for (abbr, p), r in zip(owners, results)}
    out, used = [], {}
    for unit in reference["passages"]:
        passage, _ = _find(unit["start"], programmes[unit["party"]].passages, used.setdefault(unit["party"], set()))
        if passage is None:
            continue
        used[unit["party"]].add(passage.index)
        result = by_passage[(unit["party"], id(passage))]
        out.append({"set": folder.name, "party": unit["party"], "wanted": unit["fiches"],
                    "ours": [e.code for e in result.fiches], "signals": result.signals,
                    "raw_score": math.expm1(result.signals["score"]) * linker.unit if result.signals else 0.0})
    return out


def relative(rows: list[dict]) -> None:
    """Experimental signals relative to the party's own programme, to try with ``--signals``:
    ``score_rank`` (share of the party's units with a lower score), ``score_rel`` (score minus the
    party's median), the same for body and coverage. Computed over the reference units (nearly
    all passages); measured in measurement 11, not used by the linker."""
    import statistics
    for party in {r["party"] for r in rows}:
        mine = [r for r in rows if r["party"] == party and r["signals"]]
        for key in ("score", "body", "coverage"):
            values = sorted(r["signals"][key] for r in mine)
            median = statistics.median(values)
            for r in mine:
                v = r["signals"][key]
                r["signals"][key + "_rank"] = sum(x < v for x in values) / len(values)
                r["signals"][key + "_rel"] = v - median


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a small, positive definite system)."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(rows: list[dict], names: list[str], l2: float, steps: int = 25):
    """Logistic regression by Newton's method; the penalty ``l2`` (per unit, on the weights
    only) is scaled by the number of units, so it means the same for any number of rows."""
    data = [([r["signals"].get(k, 0.0) for k in names] + [1.0], 1.0 if r["wanted"] else 0.0)
            for r in rows if r["signals"]]
    n, d = len(data), len(names) + 1
    w = [0.0] * d
    for _ in range(steps):
        grad = [l2 * w[i] if i < d - 1 else 0.0 for i in range(d)]
        hess = [[(l2 if i == j and i < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for x, y in data:
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            s = p * (1 - p) / n
            for i in range(d):
                grad[i] += (p - y) * x[i] / n
                for j in range(d):
                    hess[i][j] += s * x[i] * x[j]
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return dict(zip(names, w[:-1])), w[-1]


def value(row: dict, weights: dict, bias: float) -> float:
    return bias + sum(weights[k] * row["signals"].get(k, 0.0) for k in weights)


def probability(row: dict, weights: dict, bias: float, baseline: float = 0.0) -> float:
    if not row["signals"]:
        return 0.0
    z = value(row, weights, bias) - baseline
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _median(values: list[float]) -> float:
    import statistics
    return statistics.median(values) if values else 0.0


def centred(train: list[dict], test: list[dict], weights: dict, bias: float, centring: float) -> list[float]:
    """Probabilities of ``test`` with each party's baseline (as ``link.programme_baselines``):
    ``centring`` times the distance between the party's median decision value and the median
    over the ``train`` rows. Over the reference units, which are nearly all passages."""
    overall = _median([value(r, weights, bias) for r in train if r["signals"]])
    baselines = {party: centring * (_median([value(r, weights, bias) for r in test
                                             if r["party"] == party and r["signals"]]) - overall)
                 for party in {r["party"] for r in test}}
    return [probability(r, weights, bias, baselines[r["party"]]) for r in test]


ONE_WORD_UNITS = 0.0  # from --one-word; 0 is the linker's gate
SECTION_STRONG = 0.75  # measurement 11's gate: one own word was enough in a section this much about the fiche


def gate(row: dict) -> bool:
    """The evidence gate of ``link.Linker.signals`` (the minimum score and one own word); with
    ONE_WORD_UNITS > 0 measurement 11's stricter gate: a single own word must weigh that many
    units (a word only one fiche uses weighs one), unless the section is mostly about the fiche."""
    import akkoord.programmes.link as link
    s = row["signals"]
    if not s or row["raw_score"] < link.FICHE_THRESHOLD or s["own_words"] < 1:
        return False
    return s["own_words"] >= 2 or s["section"] >= SECTION_STRONG or s["strongest"] >= ONE_WORD_UNITS


def figures(rows: list[dict], probabilities: list[float], threshold: float) -> tuple[float, float, float]:
    linked = none = top1 = top3 = unlinked = 0
    for row, p in zip(rows, probabilities):
        ours = row["ours"] if p >= threshold and gate(row) else []
        if row["wanted"]:
            linked += 1
            top1 += bool(ours) and ours[0] in row["wanted"]
            top3 += any(c in row["wanted"] for c in ours[:3])
        else:
            none += 1
            unlinked += not ours
    return (100.0 * top1 / linked if linked else 0.0, 100.0 * top3 / linked if linked else 0.0,
            100.0 * unlinked / none if none else 0.0)


def report(title: str, rows: list[dict], probabilities: list[float], per_party: bool = False) -> None:
    print(title)
    sets = sorted({r["set"] for r in rows})
    lines, worst = [], {}
    for t in THRESHOLDS:
        all_ = figures(rows, probabilities, t)
        parts, margins = [], []
        for s in sets:
            pick = [i for i, r in enumerate(rows) if r["set"] == s]
            f = figures([rows[i] for i in pick], [probabilities[i] for i in pick], t)
            parts.append(f"{s} {f[0]:.1f}/{f[1]:.1f}/{f[2]:.1f}")
            margins.append(min(f[1] - 85, f[2] - 80))
        worst[t] = min(margins)
        lines.append((t, f"  {t:.3f}: all {all_[0]:.1f}/{all_[1]:.1f}/{all_[2]:.1f} | " + " | ".join(parts)
                      + f" | pooled margin {min(all_[1] - 85, all_[2] - 80):+.1f}, worst set {min(margins):+.1f}"))
    for t, line in lines:
        # A threshold whose neighbours fail is luck on these sets: the smoothed worst margin.
        near = min(w for u, w in worst.items() if abs(u - t) <= NEIGHBOURS + 1e-9)
        print(line + f" (within {NEIGHBOURS}: {near:+.1f})")
    if per_party:
        for t in THRESHOLDS:
            cells = []
            for party in sorted({r["party"] for r in rows}):
                pick = [i for i, r in enumerate(rows) if r["party"] == party]
                f = figures([rows[i] for i in pick], [probabilities[i] for i in pick], t)
                cells.append(f"{party} {f[1]:.0f}/{f[2]:.0f}")
            print(f"  {t:.3f} per party: " + ", ".join(cells))


def held_out(rows: list[dict], names: list[str], l2: float, key: str, centring: float) -> list[float]:
    """Probabilities of each row from weights fitted without its group (``key``: set or party)."""
    out = [0.0] * len(rows)
    for group in sorted({r[key] for r in rows}):
        train = [r for r in rows if r[key] != group]
        weights, bias = fit(train, names, l2)
        pick = [i for i, r in enumerate(rows) if r[key] == group]
        for i, p in zip(pick, centred(train, [rows[i] for i in pick], weights, bias, centring)):
            out[i] = p
    return out


def main(argv: list[str] | None = None) -> int:
    from akkoord.programmes.link import DECISION_WEIGHTS, PROGRAMME_CENTRING

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="folders", type=Path, action="append")
    parser.add_argument("--l2", type=float, default=0.003)
    parser.add_argument("--signals", default=",".join(DECISION_WEIGHTS), help="comma-separated signal names")
    parser.add_argument("--centring", type=float, default=PROGRAMME_CENTRING,
                        help="share of a programme's distance to the overall median taken off (0: none)")
    parser.add_argument("--per-party", action="store_true")
    parser.add_argument("--one-word", type=float, default=0.0,
                        help="units a single own word needs to carry a link (0, the linker's gate: none; "
                             "measurement 11 used 2)")
    args = parser.parse_args(argv)
    global ONE_WORD_UNITS
    ONE_WORD_UNITS = args.one_word
    names = [n for n in args.signals.split(",") if n]
    from programmes_eval import DEVELOPMENT

    rows = [row for folder in (args.folders or DEVELOPMENT) for row in units(folder)]
    relative(rows)
    if len({r["set"] for r in rows}) > 1:
        report("leave-one-set-out (fitted on the other authors' sets, measured on the one left out):",
               rows, held_out(rows, names, args.l2, "set", args.centring), args.per_party)
    report("leave-one-party-out (fitted on all parties but one, measured on that one):",
           rows, held_out(rows, names, args.l2, "party", args.centring), args.per_party)
    weights, bias = fit(rows, names, args.l2)
    report("fitted on all parties (in-sample, optimistic):", rows,
           centred(rows, rows, weights, bias, args.centring), args.per_party)
    print("DECISION_WEIGHTS = {" + ", ".join(f'"{k}": {v:.2f}' for k, v in weights.items()) + "}")
    print(f"DECISION_BIAS = {bias:.2f}")
    print(f"PROGRAMME_MEDIAN = {_median([value(r, weights, bias) for r in rows if r['signals']]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
