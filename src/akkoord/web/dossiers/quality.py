"""The quality checker's findings for the pages (``akkoord.dossier.checks``, when present)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from akkoord.dossier.model import Dossier

SEVERITY_ORDER = {"blokkerend": 0, "waarschuwing": 1, "info": 2}
SEVERITY_LABELS = {"blokkerend": "blokkerend", "waarschuwing": "waarschuwing", "info": "ter informatie"}


@dataclass
class Findings:
    available: bool
    dossier: list[Any]  # findings about the dossier as a whole
    by_fiche: dict[str, list[Any]]
    total: int
    blocking: int = 0

    def for_fiche(self, code: str) -> list[Any]:
        return self.by_fiche.get(code, [])


def check(dossier: Dossier) -> Findings:
    """Run the checker; ``available`` is False while akkoord.dossier.checks does not exist."""
    try:
        from akkoord.dossier.checks import check_dossier
    except ImportError:
        return Findings(False, [], {}, 0)
    return group(check_dossier(dossier))


def group(findings: list[Any] | None) -> Findings:
    """The checker's findings (None: no checker) ordered by severity and grouped per fiche."""
    if findings is None:
        return Findings(False, [], {}, 0)
    findings = sorted(findings, key=lambda f: SEVERITY_ORDER.get(str(getattr(f, "severity", "")).lower(), 3))
    by_fiche: dict[str, list[Any]] = defaultdict(list)
    general = []
    for finding in findings:
        code = getattr(finding, "fiche", None)
        (by_fiche[code] if code else general).append(finding)
    blocking = sum(1 for f in findings if str(getattr(f, "severity", "")) == "blokkerend")
    return Findings(True, general, dict(by_fiche), len(findings), blocking)
