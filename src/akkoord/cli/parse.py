"""`akkoord parse PATH [-o FILE] [--format json|markdown]`: a dossier file to structured data."""
from __future__ import annotations

from akkoord.cli.output import add_input_arguments, read_input, write_output
from akkoord.dossier.exports import render


def register(subparsers) -> None:
    parser = subparsers.add_parser("parse", help="lees een dossier (tekst, PDF of Word) en exporteer het")
    add_input_arguments(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    result = read_input(args)
    write_output(render(result.dossier, args.format), args.output)
    return 0
