"""`akkoord formation create|export|import`: a formation from the command line.

* ``create NAAM --dossier DOSSIER --partij "Naam:AFK:zetels" …`` makes a formation on the
  newest released version of a dossier and prints its slug;
* ``export SLUG`` prints the whole formation as JSON (parties, points, positions, decisions,
  sessions, history): the archive copy;
* ``import FILE`` restores such an export into a database without that formation.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from akkoord.cli.output import write_output
from akkoord.cli.serve import cli_actor, require_migrated, setup_django
from akkoord.dossier.errors import DossierError


def register(subparsers) -> None:
    parser = subparsers.add_parser("formation", help="formaties: aanmaken, exporteren (JSON), importeren")
    commands = parser.add_subparsers(dest="formation_command", metavar="HANDELING", title="handelingen")
    parser.set_defaults(handler=lambda args: (parser.print_help(), 2)[1])

    create = commands.add_parser("create", help="maak een formatie op de vrijgegeven versie van een dossier")
    create.add_argument("name", metavar="NAAM", help="naam van de formatie")
    create.add_argument("--dossier", required=True, metavar="DOSSIER", help="korte naam van het dossier")
    create.add_argument("--partij", action="append", default=[], metavar="NAAM:AFK:ZETELS",
                        help='een partij, bijvoorbeeld "Groen Links:GL:5" (herhaal voor elke partij)')
    create.add_argument("--zetels", type=int, metavar="N",
                        help="zetels in de gemeenteraad (standaard: de zetels van de partijen samen)")
    create.add_argument("--verkiezing", type=int, metavar="JAAR", help="jaar van de verkiezingen")
    create.add_argument("--gemeente", help="naam van de gemeente (standaard die van het dossier)")
    create.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    create.set_defaults(handler=run_create)

    export = commands.add_parser("export", help="de hele formatie als JSON (archief)")
    export.add_argument("slug", metavar="SLUG", help="korte naam van de formatie")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    export.set_defaults(handler=run_export)

    restore = commands.add_parser("import", help="zet een formatie-export terug in de database")
    restore.add_argument("file", metavar="BESTAND", help="JSON-bestand van 'akkoord formation export'")
    restore.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    restore.set_defaults(handler=run_import)


def _setup(allow_migrate: bool = False) -> None:
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(allow_migrate)


def run_create(args) -> int:
    _setup(args.migrate)
    from akkoord.web.dossiers.models import Dossier
    from akkoord.web.formation import services

    dossier = Dossier.objects.filter(slug=args.dossier).first()
    if dossier is None:
        raise DossierError(f"het dossier '{args.dossier}' bestaat niet.")
    if args.zetels is not None and args.zetels < 1:
        raise DossierError("het aantal zetels in de raad moet positief zijn.")
    try:
        parties = [services.parse_party(spec) for spec in args.partij]
        formation = services.create_formation(args.name, dossier, parties, council_seats=args.zetels,
                                              election_year=args.verkiezing, municipality=args.gemeente or "",
                                              actor=cli_actor())
    except services.FormationError as exc:
        raise DossierError(str(exc)) from None
    print(f"Formatie '{formation.name}' aangemaakt op versie {formation.version_number} van "
          f"'{dossier.slug}': {formation.points.count()} punten, {formation.parties.count()} partijen.",
          file=sys.stderr)
    print(formation.slug)
    return 0


def run_export(args) -> int:
    _setup()
    from akkoord.web.formation.exporting import export_formation
    from akkoord.web.formation.models import Formation

    formation = Formation.objects.filter(slug=args.slug).first()
    if formation is None:
        raise DossierError(f"de formatie '{args.slug}' bestaat niet.")
    write_output(json.dumps(export_formation(formation), ensure_ascii=False, indent=1), args.output)
    return 0


def run_import(args) -> int:
    _setup(args.migrate)
    from akkoord.web.formation.exporting import import_formation
    from akkoord.web.formation.services import FormationError

    path = Path(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DossierError(f"{args.file}: bestand bestaat niet.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DossierError(f"{args.file}: geen leesbare JSON ({exc}).".splitlines()[0]) from None
    try:
        formation = import_formation(data)
    except FormationError as exc:
        raise DossierError(str(exc)) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise DossierError(f"{args.file}: onvolledige of beschadigde formatie-export ({exc}).") from None
    print(f"Formatie '{formation.name}' teruggezet: {formation.points.count()} punten, "
          f"{formation.parties.count()} partijen.", file=sys.stderr)
    print(formation.slug)
    return 0
