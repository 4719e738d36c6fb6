"""`akkoord monitor export|import|adopt`: the term's commitments in bulk, by CSV.

``export SLUG -o FILE.csv`` writes one row per commitment (``id``, ``titel``, ``status``,
``voortgang`` …); ``import SLUG FILE.csv [--dry-run]`` shows every change first and applies the
file only when every row is valid; ``adopt AKKOORD.json`` makes a programme of an adopted
agreement's open-data export.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from akkoord.cli.serve import cli_actor, require_migrated, setup_django
from akkoord.dossier.errors import DossierError


def register(subparsers) -> None:
    parser = subparsers.add_parser("monitor", help="volg de afspraken van een vastgesteld akkoord (CSV in en uit)")
    commands = parser.add_subparsers(dest="monitor_command", metavar="OPDRACHT", title="opdrachten")
    export = commands.add_parser("export", help="afspraken met status en voortgang als CSV")
    export.add_argument("slug", metavar="PROGRAMMA", help="korte naam van het uitvoeringsprogramma")
    export.add_argument("-o", "--output", metavar="BESTAND", help="CSV-bestand (standaard: standaarduitvoer)")
    export.set_defaults(handler=run_export)
    bulk = commands.add_parser("import", help="status en voortgang bijwerken uit een CSV (alles of niets)")
    bulk.add_argument("slug", metavar="PROGRAMMA", help="korte naam van het uitvoeringsprogramma")
    bulk.add_argument("file", metavar="BESTAND", help="CSV in het formaat van 'akkoord monitor export'")
    bulk.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou veranderen")
    bulk.set_defaults(handler=run_import)
    adopt = commands.add_parser("adopt", help="maak een uitvoeringsprogramma van een vastgesteld akkoord (JSON)")
    adopt.add_argument("file", metavar="AKKOORD", help="open-data-export van het akkoord (JSON)")
    adopt.add_argument("--slug", help="korte naam van het programma")
    adopt.add_argument("--openbaar", action="store_true", help="het dashboard meteen openbaar maken")
    adopt.set_defaults(handler=run_adopt)
    for sub in (export, bulk, adopt):
        sub.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def _setup(args):
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(args.migrate)


def _programme(slug: str):
    from akkoord.web.monitoring.models import Programme

    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        known = ", ".join(Programme.objects.values_list("slug", flat=True)[:10]) or "geen"
        raise DossierError(f"onbekend uitvoeringsprogramma '{slug}' (bekend: {known}).")
    return programme


def run_export(args) -> int:
    _setup(args)
    from akkoord.web.monitoring import services

    text = services.export_csv(_programme(args.slug))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"{text.count(chr(10)) - 1} afspraken geschreven naar {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_import(args) -> int:
    _setup(args)
    from akkoord.monitoring.status import BY_KEY
    from akkoord.web.monitoring import services

    path = Path(args.file)
    if not path.is_file():
        raise DossierError(f"{args.file}: bestand bestaat niet.")
    programme = _programme(args.slug)
    plan = services.plan_import(programme, path.read_bytes())
    if not plan.ok:
        print(f"Niet ingelezen: {len(plan.errors)} fout{'en' if len(plan.errors) != 1 else ''}; er is niets gewijzigd.",
              file=sys.stderr)
        for error in plan.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    label = lambda key: BY_KEY[key].label if key in BY_KEY else key  # noqa: E731
    for change in plan.changes:
        parts = []
        if change.old_status != change.new_status:
            parts.append(f"status {label(change.old_status)} → {label(change.new_status)}")
        if change.old_progress != change.new_progress:
            parts.append(f"voortgang {change.old_progress if change.old_progress is not None else '—'} → "
                         f"{change.new_progress if change.new_progress is not None else '—'}")
        if change.text:
            parts.append(f"toelichting: {change.text[:80]}")
        print(f"  {change.id} {change.title[:60]}: {'; '.join(parts)}")
    print(f"{len(plan.changes)} wijziging{'en' if len(plan.changes) != 1 else ''}, {plan.unchanged} ongewijzigd.")
    if args.dry_run:
        print("Proefdraai: er is niets gewijzigd.")
        return 0
    count = services.apply_import(programme, plan, actor=cli_actor())
    print(f"{count} afspra{'ak' if count == 1 else 'ken'} bijgewerkt.")
    return 0


def run_adopt(args) -> int:
    _setup(args)
    from akkoord.web.monitoring import services

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DossierError(f"{args.file}: bestand bestaat niet.") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DossierError(f"{args.file}: geen geldige JSON ({str(exc).splitlines()[0][:80]}).") from None
    if not isinstance(data, dict):
        raise DossierError(f"{args.file}: dit is geen akkoord.")
    try:
        programme = services.adopt_agreement(data, slug=args.slug)
    except services.MonitoringError as exc:
        raise DossierError(str(exc)) from None
    if args.openbaar:
        services.set_published(programme, True)
    print(programme.slug)
    return 0
