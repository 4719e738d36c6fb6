"""`akkoord parse PATH [-o FILE] [--format json|markdown]`: a dossier file to structured data."""
from __future__ import annotations

from akkoord.cli.output import report_warnings, write_output
from akkoord.dossier.exports import render
from akkoord.dossier.readers import read_path


def register(subparsers) -> None:
    parser = subparsers.add_parser("parse", help="lees een dossier (tekst, PDF of Word) en exporteer het")
    parser.add_argument("path", metavar="PAD", help="het dossierbestand")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    parser.add_argument("--format", choices=("json", "markdown"), default="json", help="uitvoerformaat")
    parser.add_argument("--quiet", action="store_true", help="geen waarschuwingen tonen")
    parser.set_defaults(handler=run)


def run(args) -> int:
    result = read_path(args.path)
    if not args.quiet:
        report_warnings(result)
    write_output(render(result.dossier, args.format), args.output)
    return 0
