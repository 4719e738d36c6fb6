"""`akkoord programme add FORMATION PARTY FILE` and `akkoord programme links FORMATION [--json]`.

``add`` splits a party's election programme (PDF, Word or text), stores it with its passages
and links every passage of the formation again; bad input (a scan, an empty or duplicate file,
a party not in the formation, English only) ends in one Dutch line and nothing stored.
``links`` prints every passage with its fiches and points; ``--json`` as
``[{"party", "passage", "page", "fiches": [{"code", "title", "score"}], "points": [...]}, …]``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from akkoord.cli.serve import require_migrated, setup_django
from akkoord.dossier.errors import DossierError


def register(subparsers) -> None:
    parser = subparsers.add_parser("programme", help="verkiezingsprogramma's naast het dossier")
    sub = parser.add_subparsers(dest="programme_command", metavar="OPDRACHT", required=True)
    add = sub.add_parser("add", help="voeg het programma van een partij toe")
    add.add_argument("formation", metavar="FORMATIE", help="korte naam van de formatie")
    add.add_argument("party", metavar="PARTIJ", help="afkorting of naam van de partij")
    add.add_argument("file", metavar="BESTAND", help="het programma als PDF, Word of tekst")
    add.set_defaults(handler=run_add)
    links = sub.add_parser("links", help="toon de koppelingen van alle passages")
    links.add_argument("formation", metavar="FORMATIE", help="korte naam van de formatie")
    links.add_argument("--json", action="store_true", help="uitvoer als JSON")
    links.set_defaults(handler=run_links)


def _formation(slug: str):
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(False)
    from akkoord.web.formation.models import Formation

    formation = Formation.objects.filter(slug=slug).first()
    if formation is None:
        raise DossierError(f"geen formatie met de korte naam '{slug}'.")
    return formation


def run_add(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise DossierError(f"{path}: bestand bestaat niet.")
    formation = _formation(args.formation)
    from akkoord.web.programmes import services

    party = services.find_party(formation, args.party)
    programme = services.add_programme(formation, party, path, path.name)
    linked = programme.passages.filter(links__isnull=False).distinct().count()
    print(f"Programma van {party.abbreviation} toegevoegd: {programme.passages.count()} passages op "
          f"{programme.pages} pagina's, {linked} gekoppeld aan een fiche.")
    return 0


def run_links(args) -> int:
    formation = _formation(args.formation)
    from akkoord.web.programmes import services

    rows = services.links_json(formation)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Nog geen programma's in deze formatie.")
    for row in rows:
        fiches = ", ".join(f"{f['code']} ({f['score']})" for f in row["fiches"]) or "niet gekoppeld"
        print(f"{row['party']} p. {row['page']}: {row['passage'][:70]} → {fiches}")
    return 0
