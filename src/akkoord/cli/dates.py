"""`akkoord dates [--term-start YYYY-MM-DD | --year JJJJ]`: time mentions per line of text.

Reads one text per line on standard input and writes one JSON array per line on standard
output: every time mention in that line as ``{"text", "start", "end"}`` (plus
``"relative": true`` for expressions relative to the coalition term), or ``[]``.
Relative expressions resolve against ``--term-start``; ``--year`` means 1 May of that
year; without either, 1 May of the current year.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

from akkoord.dossier.dates import default_term_start, find_dates
from akkoord.dossier.errors import DossierError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dates",
        help="zet tijdsaanduidingen (regel voor regel van standaardinvoer) om in perioden",
        description="Leest één tekst per regel van standaardinvoer en schrijft per regel een "
                    "JSON-lijst met de gevonden tijdsaanduidingen (tekst, begin- en einddatum).",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--term-start", metavar="JJJJ-MM-DD",
                       help="begin van de collegeperiode voor relatieve aanduidingen "
                            "(standaard: 1 mei van dit jaar)")
    group.add_argument("--year", metavar="JJJJ",
                       help="jaar van het dossier; de collegeperiode begint dan op 1 mei")
    parser.set_defaults(handler=run)


def parse_term_start(term_start: str | None, year: str | None) -> dt.date:
    """The term start from the command-line options; DossierError (Dutch) when invalid."""
    if term_start is not None:
        try:
            value = dt.date.fromisoformat(term_start.strip())
        except ValueError:
            raise DossierError(
                f"--term-start: '{term_start}' is geen geldige datum (verwacht JJJJ-MM-DD).") from None
    elif year is not None:
        digits = year.strip()
        if not (digits.isascii() and digits.isdigit() and len(digits) == 4):
            raise DossierError(f"--year: '{year}' is geen jaartal (verwacht JJJJ).")
        if not 1900 <= int(digits) <= 2100:
            raise DossierError(f"--year: {digits} ligt niet tussen 1900 en 2100.")
        value = default_term_start(int(digits))
    else:
        value = default_term_start()
    if not 1900 <= value.year <= 2100:
        raise DossierError(f"--term-start: {value.isoformat()} ligt niet tussen 1900 en 2100.")
    return value


def run(args) -> int:
    term_start = parse_term_start(args.term_start, args.year)
    out = getattr(sys.stdout, "buffer", None)
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        mentions = [m.to_dict() for m in find_dates(line, term_start)]
        text = json.dumps(mentions, ensure_ascii=False) + "\n"
        if out is not None:
            out.write(text.encode("utf-8", errors="replace"))
            out.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    return 0
