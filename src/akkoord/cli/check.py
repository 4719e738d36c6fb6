"""`akkoord check PATH [--json] [--today DATUM]`: quality and publication check of a dossier.

Prints the findings grouped per fiche, one per line, and a summary. Exit status 1 when any
finding is blocking, 0 otherwise; 2 (from the command runner) when the input is unreadable.
"""
from __future__ import annotations

import json
from datetime import date

from akkoord.cli.output import add_input_arguments, read_input, write_output
from akkoord.dossier.checks import (
    BLOCKING, INFO, SEVERITIES, WARNING, Finding, check_dossier, count_by_severity, has_blocking,
)
from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import Dossier

def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="controleer een dossier op fouten en op gegevens die niet openbaar mogen",
        description="Controleer een dossier (tekst, PDF, Word of JSON-export) voordat het naar de "
                    "onderhandelaars gaat of openbaar wordt gemaakt.",
        epilog="Afsluitcode 1 als er iets blokkerends is gevonden, 0 als niet, 2 als het bestand "
               "niet te lezen is.")
    add_input_arguments(parser, formats=False)
    parser.add_argument("--json", action="store_true", help="bevindingen als JSON-lijst")
    parser.add_argument("--today", metavar="JJJJ-MM-DD",
                        help="peildatum voor verstreken einddatums (standaard: vandaag)")
    parser.set_defaults(handler=run)


def parse_today(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DossierError(f"ongeldige peildatum '{value}'; gebruik de vorm JJJJ-MM-DD.") from None


_SEVERITY_WIDTH = max(len(s) for s in SEVERITIES)


def format_findings(dossier: Dossier, findings: list[Finding]) -> str:
    """The findings as text: a heading per fiche, one line per finding, a summary."""
    lines: list[str] = []
    titles = {}
    for fiche in dossier.fiches:
        titles.setdefault(fiche.code, fiche.title)
    current: object = object()
    for finding in findings:
        if finding.fiche != current:
            current = finding.fiche
            if lines:
                lines.append("")
            if finding.fiche is None:
                lines.append("Dossier")
            else:
                title = titles.get(finding.fiche, "")
                lines.append(f"Fiche {finding.fiche}" + (f" {title}" if title else ""))
        line = f"  {finding.severity:<{_SEVERITY_WIDTH}}  {finding.field_label}: {finding.message}"
        if finding.suggestion:
            line += f" Voorstel: {finding.suggestion}"
        lines.append(line)
    if lines:
        lines.append("")
    lines.append(summary_line(findings))
    return "\n".join(lines)


def summary_line(findings: list[Finding]) -> str:
    counts = count_by_severity(findings)
    fiches = len({f.fiche for f in findings if f.fiche})
    if not findings:
        return "Geen bevindingen."
    return (f"{len(findings)} bevindingen in {fiches} fiches: {counts[BLOCKING]} blokkerend, "
            f"{counts[WARNING]} waarschuwing{'en' if counts[WARNING] != 1 else ''}, {counts[INFO]} ter informatie.")


def run(args) -> int:
    today = parse_today(args.today)
    result = read_input(args)
    findings = check_dossier(result.dossier, today=today)
    if args.json:
        text = json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)
    else:
        text = format_findings(result.dossier, findings)
    write_output(text, args.output)
    return 1 if has_blocking(findings) else 0
