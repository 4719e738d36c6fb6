"""`akkoord ingest PATH`: store a dossier file as a new (concept) version in the workbench."""
from __future__ import annotations

import os
import sys

from akkoord.cli.output import report_warnings
from akkoord.cli.serve import cli_actor, require_migrated, setup_django
from akkoord.dossier.errors import DossierError
from akkoord.dossier.isolation import Limits, read_isolated

STATUS_CHOICES = ("concept", "vrijgegeven", "openbaar")


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="lees een dossier in de werkomgeving in (als nieuwe versie)")
    parser.add_argument("path", metavar="PAD", help="het dossierbestand (tekst, PDF, Word of JSON-export)")
    parser.add_argument("--dossier", metavar="NAAM",
                        help="korte naam van het dossier; een bestaande naam geeft een nieuwe versie")
    parser.add_argument("--gemeente", help="naam van de gemeente (als het dossier die niet zelf noemt)")
    parser.add_argument("--titel", help="titel van het dossier")
    parser.add_argument("--status", choices=STATUS_CHOICES, default="concept",
                        help="status van de nieuwe versie (standaard: concept)")
    parser.add_argument("--reden", action="append", default=[], metavar="SLEUTEL=REDEN",
                        help="met --status openbaar: reden om één blokkerende bevinding van de publicatiekopie "
                             "te overschrijven (de sleutel staat in de melding); herhaalbaar")
    parser.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    parser.add_argument("--quiet", action="store_true", help="geen waarschuwingen tonen")
    parser.set_defaults(handler=run)


def _progress():
    def show(done: int, total: int, unit: str) -> None:
        end = "\n" if done + 1 >= total else ""
        print(f"\r{unit} lezen: {done + 1} van {total}", end=end, file=sys.stderr, flush=True)

    return show


def run(args) -> int:
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(args.migrate)
    from akkoord.web.dossiers import services

    result = read_isolated(args.path, Limits.from_environment(), _progress() if sys.stderr.isatty() else None)
    if not args.quiet:
        report_warnings(result)
    from pathlib import Path

    try:
        version = services.store_result(result, None, source_name=Path(args.path).name, slug=args.dossier,
                                        municipality=args.gemeente, title=args.titel, actor=cli_actor())
    except DossierError:
        raise
    except Exception as exc:  # database trouble
        raise DossierError(f"opslaan mislukt: {exc}".splitlines()[0]) from None
    print(f"Ingelezen als versie {version.number} van '{version.dossier.slug}' "
          f"({version.fiches.count()} fiches, status {version.status}).")
    previous = version.dossier.versions.filter(number__lt=version.number).order_by("-number").first()
    diff = services.version_diff(version, previous)
    if diff.get("previous"):
        print(f"Ten opzichte van versie {diff['previous']}: {len(diff['changed'])} fiches gewijzigd, "
              f"{len(diff['added'])} nieuw, {len(diff['removed'])} vervallen, {diff['unchanged']} ongewijzigd.")
        for change in diff["changed"]:
            fields = ", ".join(f["label"].lower() for f in change["fields"])
            print(f"  {change['code']}: {fields}")
    if args.status == "vrijgegeven":
        services.set_status(version, args.status, None, actor=cli_actor())
        print(f"Versie {version.number} is vrijgegeven aan de onderhandelaars.")
    elif args.status == "openbaar":
        return _publish(services, version, args.reden)
    sys.stdout.flush()
    return 0


def _publish(services, version, given: list[str]) -> int:
    """Publish the way the workbench does: the publication copy, blocking findings only with a reason."""
    reasons: dict[str, str] = {}
    for item in given:
        key, sep, reason = item.partition("=")
        if not sep or not reason.strip():
            raise DossierError(f"--reden verwacht SLEUTEL=REDEN, niet '{item}'")
        reasons[key.strip()] = reason.strip()
    try:
        copy_version = services.publish(version, None, reasons, actor=cli_actor())
    except services.PublicationBlocked as exc:
        print(f"Niet openbaar gemaakt: {exc} Versie {version.number} blijft concept.", file=sys.stderr)
        for finding in exc.missing:
            where = f"fiche {finding.fiche}" if finding.fiche else "dossier"
            print(f"  {services.finding_key(finding)}  {where}, {finding.field_label}: {finding.message}",
                  file=sys.stderr)
        print("Los deze bevindingen op, of geef per bevinding --reden SLEUTEL=REDEN.", file=sys.stderr)
        return 1
    print(f"Openbaar gemaakt als publicatiekopie: versie {copy_version.number} "
          f"(van versie {version.number}, die concept blijft).")
    return 0
