"""Commitments check: which afspraken are too vague to be followed up.

Modelled on the audit offices' test of a sound target: specific, measurable, time-bound,
with a baseline, milestones and someone who answers for it. ``check_agreement`` returns
``Finding`` rows with the severities of ``akkoord.dossier.checks`` (``blokkerend``,
``waarschuwing``, ``info``); ``RULES`` gives each rule a Dutch title for the legend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from akkoord.agreement.model import Afspraak, Agreement
from akkoord.dossier.checks import BLOCKING, INFO, SEVERITIES, SEVERITY_LABELS, WARNING, Rule

__all__ = ["BLOCKING", "WARNING", "INFO", "SEVERITIES", "SEVERITY_LABELS", "RULES", "Finding",
           "check_agreement", "check_afspraak", "is_vague_wording"]

RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("empty-afspraak", "Afspraak zonder tekst", BLOCKING,
         "De afspraak heeft geen tekst: er valt niets te volgen."),
    Rule("vague-wording", "Vage formulering", WARNING,
         "De afspraak spreekt een inspanning uit ('we zetten in op', 'we streven naar') zonder concreet resultaat."),
    Rule("no-target", "Geen meetbaar doel", WARNING,
         "Er is geen meetbaar doel: niet vast te stellen of de afspraak is nagekomen."),
    Rule("no-deadline", "Geen datum", WARNING,
         "Er is geen einddatum en geen mijlpaal: de afspraak is niet tijdgebonden."),
    Rule("no-baseline", "Geen nulmeting", INFO,
         "Bij het doel staat geen nulmeting, zodat vooruitgang niet te meten is."),
    Rule("no-portfolio-holder", "Geen portefeuillehouder", INFO,
         "Niemand in het college is aangewezen om over deze afspraak verantwoording af te leggen."),
    Rule("no-milestones", "Geen mijlpalen", INFO,
         "Een afspraak met een doel over meer dan een jaar heeft geen tussentijdse mijlpalen."),
    Rule("invalid-date", "Ongeldige datum", BLOCKING,
         "Een einddatum of mijlpaal is geen geldige datum (JJJJ-MM-DD)."),
    Rule("milestone-after-deadline", "Mijlpaal na de einddatum", WARNING,
         "Een mijlpaal ligt na de einddatum van de afspraak."),
    Rule("budget-without-year", "Bedrag zonder jaar", WARNING,
         "Een bedrag is niet aan een begrotingsjaar gekoppeld."),
)}

# Wordings of effort rather than result. Kinds of phrases, not one agreement's sentences.
_VAGUE = re.compile(
    r"\b(we|wij)\s+(zetten|zet)\s+(ons\s+)?in\s+op\b|\binzetten\s+op\b|\b(we|wij)\s+streven\b|\bstreven\s+naar\b"
    r"|\b(we|wij)\s+(gaan\s+)?(kijken|bekijken|verkennen|onderzoeken)\b|\bwaar\s+mogelijk\b|\bindien\s+mogelijk\b"
    r"|\bin\s+(gesprek|overleg)\s+(gaan|blijven)\b|\baandacht\s+(hebben\s+)?voor\b|\bblijven\s+werken\s+aan\b"
    r"|\b(we|wij)\s+(willen|proberen)\b|\bzoveel\s+mogelijk\b|\bmeer\s+aandacht\b",
    re.IGNORECASE)
_MEASURE = re.compile(r"\d")


def is_vague_wording(text: str) -> bool:
    """An effort wording without any figure (number, percentage, year) to hold it to."""
    return bool(_VAGUE.search(text or "")) and not _MEASURE.search(text or "")


@dataclass
class Finding:
    afspraak: str | None  # afspraak id
    number: str  # display number ("2.3")
    field: str  # "text", "target", "deadline", …
    rule: str
    severity: str
    message: str  # Dutch
    value: str = ""

    @property
    def rule_title(self) -> str:
        rule = RULES.get(self.rule)
        return rule.title if rule else self.rule

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def to_dict(self) -> dict[str, Any]:
        return {"afspraak": self.afspraak, "number": self.number, "field": self.field, "rule": self.rule,
                "severity": self.severity, "message": self.message, "value": self.value}


def _parse(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def check_afspraak(afspraak: Afspraak) -> list[Finding]:
    out: list[Finding] = []

    def add(rule: str, field: str, message: str, value: str = "", severity: str | None = None) -> None:
        out.append(Finding(afspraak.id, afspraak.number, field, rule, severity or RULES[rule].severity, message, value))

    smart = afspraak.smart
    text = afspraak.text.strip()
    if not text:
        add("empty-afspraak", "text", "De afspraak heeft geen tekst.")

    if text and is_vague_wording(text) and not smart.target.strip():
        add("vague-wording", "text", "De afspraak beschrijft een inspanning, geen resultaat: maak concreet wat er bereikt moet zijn.", text)
    elif smart.target and is_vague_wording(smart.target):
        add("vague-wording", "target", "Het doel is zelf een inspanning; noem een meetbaar resultaat.", smart.target)
    if not smart.target.strip():
        add("no-target", "target", "Geen meetbaar doel ingevuld.")
    elif not smart.baseline.strip():
        add("no-baseline", "baseline", "Bij het doel ontbreekt de nulmeting.", smart.target)
    deadline = _parse(smart.deadline) if smart.deadline else None
    if smart.deadline and deadline is None:
        add("invalid-date", "deadline", "De einddatum is geen geldige datum.", smart.deadline)
    if not smart.deadline and not smart.milestones:
        add("no-deadline", "deadline", "Geen einddatum en geen mijlpaal.")
    if not smart.portfolio_holder.strip():
        add("no-portfolio-holder", "portfolio_holder", "Geen portefeuillehouder aangewezen.")
    for milestone in smart.milestones:
        when = _parse(milestone.date)
        if when is None:
            add("invalid-date", "milestones", "Een mijlpaal heeft geen geldige datum.", milestone.date)
        elif deadline and when > deadline:
            add("milestone-after-deadline", "milestones",
                f"De mijlpaal van {when:%d-%m-%Y} ligt na de einddatum {deadline:%d-%m-%Y}.", milestone.text)
    if smart.target and deadline and not smart.milestones and (deadline - date.today()).days > 400:
        add("no-milestones", "milestones", "Meer dan een jaar tot de einddatum, zonder mijlpalen ertussen.")
    for budget in smart.budget:
        if not budget.year:
            add("budget-without-year", "budget", "Een bedrag heeft geen jaar.", str(budget.amount))

    return out


def check_agreement(agreement: Agreement) -> list[Finding]:
    """Findings of every afspraak, in agreement order."""
    return [finding for afspraak in agreement.afspraken for finding in check_afspraak(afspraak)]
