"""`akkoord agreement export SLUG --format docx|pdf|md|html|json|csv|ics -o FILE`.

Exports the coalition agreement of a formation: the working draft (drafted from the
decisions) or, with ``--versie N``, a recorded version. Positions are never included: the
command line has no person to decide which shared positions may be shown.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from akkoord.agreement.exports import FORMATS
from akkoord.cli.serve import require_migrated, setup_django
from akkoord.dossier.errors import DossierError

BINARY = ("docx", "pdf", "csv")


def register(subparsers) -> None:
    parser = subparsers.add_parser("agreement", help="het coalitieakkoord van een formatie exporteren")
    commands = parser.add_subparsers(dest="agreement_command", metavar="HANDELING", title="handelingen")
    parser.set_defaults(handler=lambda args: (parser.print_help(), 2)[1])
    export = commands.add_parser("export", help="het akkoord als Word, PDF, Markdown, HTML, open data of agenda")
    export.add_argument("slug", metavar="SLUG", help="korte naam van de formatie")
    export.add_argument("--format", choices=FORMATS, default="docx", help="uitvoerformaat (standaard: docx)")
    export.add_argument("-o", "--output", metavar="BESTAND",
                        help="schrijf naar dit bestand (standaard: scherm, alleen voor md, html, json en ics)")
    export.add_argument("--versie", type=int, metavar="N", help="een vastgelegde versie in plaats van de werkversie")
    export.set_defaults(handler=run_export)


def run_export(args) -> int:
    if args.format in BINARY and (not args.output or args.output == "-"):
        raise DossierError(f"geef met -o een bestand op: {args.format} is geen tekst voor het scherm.")
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(False)
    from akkoord.web.agreement import services
    from akkoord.web.agreement.models import AgreementVersion
    from akkoord.web.formation.models import Formation

    formation = Formation.objects.filter(slug=args.slug).first()
    if formation is None:
        raise DossierError(f"de formatie '{args.slug}' bestaat niet.")
    agreement = services.get_or_create_agreement(formation)
    if args.versie is not None:
        version = AgreementVersion.objects.filter(agreement=agreement, number=args.versie).first()
        if version is None:
            raise DossierError(f"het akkoord van '{args.slug}' heeft geen versie {args.versie}.")
        core = services.version_agreement(version)
    else:
        core = services.draft(agreement, None, with_positions=False)
    data = services.render_export(agreement, core, args.format)
    if not args.output or args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise DossierError(f"{args.output}: kan niet geschreven worden ({exc.strerror}).") from None
    label = "werkversie (concept)" if core.is_draft and args.versie is None else f"versie {core.version}, {core.status}"
    print(f"Akkoord '{core.title}' ({label}) geschreven naar {args.output}: {len(core.afspraken)} afspraken, "
          f"{len(core.parked)} geparkeerd, {len(core.open)} open.", file=sys.stderr)
    return 0
