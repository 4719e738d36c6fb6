"""Measure the programme splitter and linker on a set of election programmes with reference links.

    .venv/bin/python benchmarks/programmes_eval.py [--set DIR] [--json] [--details]

Reads a folder of programmes with ``reference.json`` (format: tests/fixtures/programmes/README.md):
by default ``tests/fixtures/programmes/lindeveen/``. Development sets (the link decision is fitted
on them): ``lindeveen``, ``lindeveen-heldout`` to ``lindeveen-heldout4`` for the sample dossier and
``enschede-heldout`` to ``enschede-heldout3`` for the shared Enschede dossier beside the checkout
(``../shared``). Measurement 14's held-out sets, each measured once: ``lindeveen-heldout5`` and
``enschede-heldout4``. The dossier is the one the reference names (``"dossier"``, relative to the
repository). The script splits each programme, links the passages to that dossier as the reader
reads it, and prints:

* splitting: the share of reference units that start one of our passages (and on the right
  page, under the right heading, of the right kind), and those found only inside a passage;
* linking, over the units found: top-1 (our best linked fiche is one of the reference
  fiches), top-3 (one of the reference fiches is among our linked fiches, at most three),
  and the share of units that concern no fiche that we left unlinked;
* points: for each reference stance, whether its advice item is among our points.

This is a measurement only: nothing here tunes anything. The quality bar is top-3 >= 85% and
unlinked >= 80%; ``evaluate()`` returns the figures for tests/programmes/test_evaluation.py.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = REPO / "tests" / "fixtures" / "programmes"
FIXTURES = SETS / "lindeveen"  # the first development set, the default
# The link decision is fitted on these (benchmarks/programmes_fit.py); they are no independent measurement.
DEVELOPMENT = tuple(SETS / name for name in (
    "lindeveen", "lindeveen-heldout", "lindeveen-heldout2", "lindeveen-heldout3", "lindeveen-heldout4",
    "enschede-heldout", "enschede-heldout2", "enschede-heldout3"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def _find(start: str, passages, used: set[int]):
    """(passage, how) for a reference start: "start" when a passage begins with it,
    "inside" when a passage holds it, else (None, "missing")."""
    key = _norm(start)
    for p in passages:
        if p.index not in used and _norm(p.text).startswith(key):
            return p, "start"
    for p in passages:
        if _norm(p.text).startswith(key):
            return p, "start"
    for p in passages:
        if key in _norm(p.text):
            return p, "inside"
    return None, "missing"


def _why(found) -> list:
    """The best fiches of a passage with their scores and reasons (for --details)."""
    return [(e.code, round(e.score, 1), e.reasons[:4]) for e in found.candidates]


def reference_dossier(reference: dict):
    """The dossier a set's reference names (``"dossier"``, relative to the repository; the
    sample dossier when it names none), as the reader reads it."""
    from akkoord.dossier.readers import read_path
    from akkoord.dossier.sample import SAMPLE_TEXT_PATH

    named = reference.get("dossier")
    return read_path((REPO / named).resolve() if named else SAMPLE_TEXT_PATH).dossier


def evaluate(details: bool = False, folder: Path | str | None = None) -> dict:
    """The figures on the set in ``folder`` (default: the development set)."""
    from akkoord.programmes.link import Linker
    from akkoord.programmes.split import split_path
    from akkoord.programmes.stance import suggest_stance

    folder = Path(folder) if folder is not None else FIXTURES
    reference = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    dossier = reference_dossier(reference)
    linker = Linker(dossier)
    advice_texts = {(f.code, i): text for f in dossier.fiches for i, text in enumerate(f.advice)}
    programmes = {}
    for party in reference["parties"]:
        programmes[party["abbreviation"]] = split_path(folder / party["file"])
    owners = [(abbr, p) for abbr, prog in programmes.items() for p in prog.passages]
    results = linker.link([p for _, p in owners], explain=details)
    links: dict = defaultdict(dict)
    for (abbr, p), result in zip(owners, results):
        links[abbr][p.index] = result

    counts = defaultdict(int)
    per_party = defaultdict(lambda: defaultdict(int))
    misses = []
    used: dict[str, set[int]] = defaultdict(set)
    for unit in reference["passages"]:
        party = unit["party"]
        passage, how = _find(unit["start"], programmes[party].passages, used[party])
        counts["units"] += 1
        counts[how] += 1
        per_party[party]["units"] += 1
        per_party[party][how] += 1
        if passage is None:
            misses.append(("split", party, unit["start"], []))
            continue
        if how == "start":
            used[party].add(passage.index)
            counts["page_ok"] += passage.page == unit["page"]
            counts["heading_ok"] += _norm(passage.heading) == _norm(unit["heading"])
            counts["kind_ok"] += passage.kind == unit["kind"]
        found = links[party][passage.index]
        ours = [e.code for e in found.fiches]
        wanted = unit["fiches"]
        if wanted:
            counts["linked_units"] += 1
            per_party[party]["linked_units"] += 1
            top1 = bool(ours) and ours[0] in wanted
            top3 = any(code in wanted for code in ours[:3])
            primary3 = wanted[0] in ours[:3]
            counts["top1"] += top1
            counts["top3"] += top3
            counts["primary_top3"] += primary3
            per_party[party]["top3"] += top3
            if not top3:
                misses.append(("link", party, unit["start"], [wanted, ours, _why(found)]))
        else:
            counts["none_units"] += 1
            per_party[party]["none_units"] += 1
            counts["unlinked"] += not ours
            per_party[party]["unlinked"] += not ours
            if ours:
                misses.append(("overlink", party, unit["start"], [ours, _why(found)]))
        for stance in unit.get("stances", []):
            counts["stances"] += 1
            match = [e for e in found.points if e.code == stance["fiche"] and e.index == stance["advice_index"]]
            counts["point_found"] += bool(match)
            if match:
                advice = advice_texts.get((stance["fiche"], stance["advice_index"]), "")
                counts["stance_ok"] += suggest_stance(passage.text, advice)[0] == stance["stance"]

    def share(a: str, b: str) -> float:
        return round(100.0 * counts[a] / counts[b], 1) if counts[b] else 0.0

    result = {
        "units": counts["units"],
        "split_start": share("start", "units"),
        "split_inside": share("inside", "units"),
        "split_missing": share("missing", "units"),
        "page_ok": share("page_ok", "start"),
        "heading_ok": share("heading_ok", "start"),
        "kind_ok": share("kind_ok", "start"),
        "top1": share("top1", "linked_units"),
        "top3": share("top3", "linked_units"),
        "primary_top3": share("primary_top3", "linked_units"),
        "unlinked": share("unlinked", "none_units"),
        "points_found": share("point_found", "stances"),
        "stance_right": share("stance_ok", "point_found"),
        "per_party": {party: {"units": c["units"], "split_start": round(100.0 * c["start"] / c["units"], 1),
                              "top3": round(100.0 * c["top3"] / c["linked_units"], 1) if c["linked_units"] else 0.0,
                              "unlinked": round(100.0 * c["unlinked"] / c["none_units"], 1) if c["none_units"] else 0.0}
                      for party, c in per_party.items()},
    }
    if details:
        result["misses"] = misses
    return result


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO / "src"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="folder", type=Path, default=FIXTURES,
                        help="map met programma's en reference.json (standaard de ontwikkelset)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--details", action="store_true", help="also list every miss (reads the reference)")
    args = parser.parse_args(argv)
    result = evaluate(details=args.details, folder=args.folder)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"set: {args.folder}")
    print(f"eenheden: {result['units']}")
    print(f"splitsing: begin gevonden {result['split_start']}%, alleen binnen een passage "
          f"{result['split_inside']}%, niet gevonden {result['split_missing']}%")
    print(f"  van de gevonden: pagina goed {result['page_ok']}%, kop goed {result['heading_ok']}%, "
          f"soort goed {result['kind_ok']}%")
    print(f"koppeling: top-1 {result['top1']}%, top-3 {result['top3']}% (eerste referentiefiche in top-3 "
          f"{result['primary_top3']}%), ongekoppeld gelaten {result['unlinked']}%")
    print(f"beslispunten van standpunten gevonden: {result['points_found']}%, "
          f"daarvan voorgestelde richting goed: {result['stance_right']}%")
    for party, figures in result["per_party"].items():
        print(f"  {party}: {figures}")
    for miss in result.get("misses", []):
        print("  MIS", miss)
    ok = result["top3"] >= 85.0 and result["unlinked"] >= 80.0
    tuned = " (ontwikkelset: daarop afgesteld, geen onafhankelijke meting)" if args.folder.resolve() in DEVELOPMENT else ""
    print(("lat gehaald" if ok else "lat NIET gehaald (top-3 >= 85%, ongekoppeld >= 80%)") + tuned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
