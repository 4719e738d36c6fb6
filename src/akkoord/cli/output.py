"""Small helpers the commands share for writing their results."""
from __future__ import annotations

import sys
from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.readers import READER_LABELS


def write_output(text: str, destination: str | None) -> None:
    """Write ``text`` to a file, or to standard output when no destination is given."""
    if not destination or destination == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        Path(destination).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise DossierError(f"{destination}: kan niet geschreven worden ({exc.strerror}).") from None


def report_warnings(result) -> None:
    """Tell on standard error which reader was used and every warning it gave."""
    fiches = len(result.dossier.fiches)
    print(f"Gelezen met de {READER_LABELS.get(result.reader, result.reader)}: {fiches} fiches, "
          f"{len(result.warnings)} waarschuwingen.", file=sys.stderr)
    for warning in result.warnings:
        print(f"  waarschuwing: {warning}", file=sys.stderr)


def add_input_arguments(parser, output: bool = True, formats: bool = True) -> None:
    """The arguments every command that reads one dossier file shares."""
    parser.add_argument("path", metavar="PAD", help="het dossierbestand (tekst, PDF, Word of JSON-export)")
    if output:
        parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    if formats:
        parser.add_argument("--format", choices=("json", "markdown"), default="json", help="uitvoerformaat")
    parser.add_argument("--quiet", action="store_true", help="geen meldingen van de lezer tonen")


def read_input(args):
    """Read the dossier named on the command line; tell which reader was used unless --quiet."""
    from akkoord.dossier.readers import read_path

    result = read_path(args.path)
    if not args.quiet:
        report_warnings(result)
    return result
