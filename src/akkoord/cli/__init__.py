"""`akkoord …`: thin commands over the core and the Django apps.

Each command lives in its own module of this package with a ``register(subparsers)``
function; ``COMMANDS`` lists them in the order ``akkoord --help`` shows them.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from akkoord.dossier.errors import DossierError

COMMANDS = ("parse", "dates", "check", "export", "ingest", "demo", "serve", "search", "reindex", "formation",
            "programme", "agreement", "monitor")

# argparse's own words (usage, help, errors) in Dutch: it looks every message up through ``_``.
ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
}
argparse._ = lambda message: ARGPARSE_DUTCH.get(message, message)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="akkoord",
        description="Akkoord: formatiedossiers lezen, controleren, doorzoeken en onderhandelen.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    for name in COMMANDS:
        importlib.import_module(f"akkoord.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except DossierError as exc:
        print(f"akkoord: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("akkoord: afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
