"""The statuses of a monitored commitment, their definitions (shown to readers) and the rule
that marks a commitment overdue without anyone doing it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Status:
    key: str
    label: str
    definition: str  # Dutch, shown to every reader
    default_progress: int | None  # counts in the roll-up when no percentage is given; None: left out
    needs_evidence: bool = False  # an update to this status must name a document
    needs_decision: bool = False  # a change to this status must name the council decision


STATUSES: tuple[Status, ...] = (
    Status("niet-gestart", "niet gestart",
           "De uitvoering is nog niet begonnen.", 0),
    Status("gestart", "gestart",
           "De uitvoering is begonnen; of de afspraak op tijd wordt gehaald, is nog niet te zeggen.", 25),
    Status("op-schema", "op schema",
           "De uitvoering loopt volgens plan; de afspraak wordt naar verwachting op tijd gerealiseerd.", 50),
    Status("vertraagd", "vertraagd",
           "De uitvoering loopt achter: de afspraak wordt niet op de geplande datum gerealiseerd. "
           "De toelichting zegt waarom en wat de nieuwe verwachting is.", 25),
    Status("deels-gerealiseerd", "deels gerealiseerd",
           "Een deel van het doel is bereikt; de toelichting zegt wat nog ontbreekt en waarom.", 60,
           needs_evidence=True),
    Status("gerealiseerd", "gerealiseerd",
           "De afspraak is uitgevoerd en het doel is bereikt; een raadsstuk of ander document toont het aan.", 100,
           needs_evidence=True),
    Status("gewijzigd", "gewijzigd",
           "De afspraak is bijgesteld; het raadsbesluit dat de koers veranderde staat in de geschiedenis.", None,
           needs_decision=True),
    Status("losgelaten", "losgelaten",
           "De afspraak wordt niet meer uitgevoerd; het raadsbesluit en de reden staan in de geschiedenis. "
           "Ze telt niet mee in de voortgang.", None, needs_decision=True),
)
BY_KEY: dict[str, Status] = {s.key: s for s in STATUSES}
DONE = "gerealiseerd"
DROPPED = "losgelaten"
CHOICES: list[tuple[str, str]] = [(s.key, s.label) for s in STATUSES]


def parse_status(text: str) -> Status | None:
    """A status from its key or its label, case and spacing ignored (``Op schema``, ``op-schema``)."""
    wanted = " ".join(str(text or "").strip().lower().replace("_", " ").replace("-", " ").split())
    for status in STATUSES:
        if wanted in (status.label, status.key.replace("-", " ")):
            return status
    return None


def is_overdue(status: str, deadline: date | None, today: date) -> bool:
    """Past its deadline and neither realised nor abandoned: overdue, whoever looks."""
    return bool(deadline and deadline < today and status not in (DONE, DROPPED))


OVERDUE_DEFINITION = ("Te laat: de deadline is verstreken en de afspraak is niet gerealiseerd "
                      "(losgelaten afspraken tellen niet als te laat). Akkoord markeert dit zelf, elke dag opnieuw.")
