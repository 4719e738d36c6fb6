"""`akkoord export PATH [--publish] [-o FILE] [--format json|markdown]`.

Without ``--publish``: the dossier as read. With ``--publish``: the publication copy (Woo):
links unwrapped, tracking parameters removed, blocked items withheld; every change is
listed on standard error, and so is whatever is still blocking afterwards (exit status 1).
"""
from __future__ import annotations

import sys

from akkoord.cli.output import add_input_arguments, read_input, write_output
from akkoord.dossier.checks import check_dossier
from akkoord.dossier.exports import render
from akkoord.dossier.exports.publish import publication_copy


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="exporteer een dossier, desgewenst als publicatieversie (Woo)",
        description="Exporteer een dossier (tekst, PDF, Word of JSON-export) als JSON of Markdown.",
        epilog="Met --publish: afsluitcode 1 als er na het opschonen nog iets blokkerends over is "
               "dat met de hand moet worden opgelost (de publicatieversie is dan wel geschreven).")
    add_input_arguments(parser)
    parser.add_argument("--publish", action="store_true",
                        help="publicatieversie: links uitpakken, volgcodes en persoonsgegevens verwijderen")
    parser.set_defaults(handler=run)


def run(args) -> int:
    result = read_input(args)
    dossier = result.dossier
    if not args.publish:
        write_output(render(dossier, args.format), args.output)
        return 0
    published, changes = publication_copy(dossier, check_dossier(dossier))
    write_output(render(published, args.format), args.output)
    print(f"Publicatieversie: {len(changes)} wijziging{'en' if len(changes) != 1 else ''}.", file=sys.stderr)
    for change in changes:
        print(f"  {change}", file=sys.stderr)
    remaining = [f for f in check_dossier(published) if f.blocking]
    if remaining:
        print(f"Nog niet klaar voor publicatie: {len(remaining)} blokkerende bevinding"
              f"{'en' if len(remaining) != 1 else ''} moet{'en' if len(remaining) != 1 else ''} "
              "met de hand worden opgelost:", file=sys.stderr)
        for finding in remaining:
            where = f"fiche {finding.fiche}" if finding.fiche else "dossier"
            print(f"  {where}, {finding.field_label}: {finding.message}", file=sys.stderr)
        return 1
    return 0
