"""`akkoord search VRAAG [--json] [--limit N]`: the workbench's search from the command line.

Searches the newest version of every dossier in the database (as a compiler sees them),
with the same analysis and ranking as the search page. ``--json`` prints the ranked fiches
with their scores, so the quality of the search can be measured outside the browser.
"""
from __future__ import annotations

import json
import os

from akkoord.cli.serve import require_migrated, setup_django
from akkoord.dossier.errors import DossierError


def register(subparsers) -> None:
    parser = subparsers.add_parser("search", help="zoek in de fiches van de ingelezen dossiers")
    parser.add_argument("query", metavar="VRAAG", nargs="+", help="de zoekvraag, in eigen woorden")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON: codes met scores, beste eerst")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="hoogstens N resultaten (standaard 10)")
    parser.add_argument("--dossier", metavar="NAAM", help="alleen in dit dossier (korte naam)")
    parser.add_argument("--ambitie", metavar="SLEUTEL",
                        help="alleen fiches met deze opgave (sleutel uit het profiel van het dossier)")
    parser.add_argument("--hoofdstuk", metavar="NR", help="alleen fiches uit dit hoofdstuk")
    parser.add_argument("--partner", metavar="NAAM", help="alleen fiches met een partner die zo heet (deel van de naam)")
    parser.add_argument("--jaar", metavar="JJJJ", help="alleen fiches met een bijstuurmoment of einddatum in dit jaar")
    parser.set_defaults(handler=run)


def run(args) -> int:
    text = " ".join(args.query).strip()
    if not text:
        raise DossierError("geef een zoekvraag op.")
    if not 1 <= args.limit <= 1000:
        raise DossierError("--limit moet tussen 1 en 1000 liggen.")
    if args.jaar and not (args.jaar.isdigit() and len(args.jaar) == 4):
        raise DossierError(f"ongeldig jaar: {args.jaar} (verwacht bijvoorbeeld 2027).")
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(False)
    from akkoord.web.dossiers.models import Dossier, Fiche
    from akkoord.web.search.engine import newest_version_ids, search

    dossier_id = None
    if args.dossier:
        dossier_id = Dossier.objects.filter(slug=args.dossier).values_list("pk", flat=True).first()
        if dossier_id is None:
            raise DossierError(f"geen dossier met de korte naam '{args.dossier}'.")
    versions = newest_version_ids()
    if args.ambitie:
        from akkoord.web.dossiers.profiles import ambition_choices

        keys = [key for key, _ in ambition_choices(versions)]
        if args.ambitie not in keys:
            raise DossierError(f"onbekende opgave '{args.ambitie}'; kies uit: {', '.join(keys)}.")
    results = search(text, version_ids=versions, ambition=args.ambitie or "",
                     chapter=args.hoofdstuk or "", partner=args.partner or "", year=args.jaar or "",
                     dossier_id=dossier_id, limit=args.limit, load_fiches=False)
    info = {pk: (title, slug) for pk, title, slug in
            Fiche.objects.filter(pk__in=[h.fiche_id for h in results.hits])
            .values_list("pk", "title", "version__dossier__slug")}
    rows = [{"code": h.code, "score": h.score, "title": info.get(h.fiche_id, ("", ""))[0],
             "dossier": info.get(h.fiche_id, ("", ""))[1]} for h in results.hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"Geen fiches gevonden voor '{text}'.")
        return 0
    shown = f"{len(rows)} van {results.total}" if results.total > len(rows) else str(len(rows))
    print(f"{shown} fiche{'s' if results.total != 1 else ''} gevonden voor '{text}':")
    width = max(len(r["code"]) for r in rows)
    for n, row in enumerate(rows, 1):
        print(f"{n:>3}. {row['code']:<{width}}  {row['score']:>7.3f}  {row['title']}  [{row['dossier']}]")
    return 0
