"""The coalition agreement as plain data: sections, afspraken and their traceability.

Every afspraak carries where it came from (decision → point → fiche → advice item → the
fiche's sources with their end dates and the logical moment to adjust) and its SMART fields.
``Agreement.to_dict`` is the open-data form (schema ``akkoord-agreement/1``, documented in
``docs/schemas/agreement.schema.json``); ``agreement_from_json`` reads it back. Pure: no
Django, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "akkoord-agreement/1"

STRUCTURAL = "structureel"
ONE_OFF = "incidenteel"
MONEY_KINDS = (STRUCTURAL, ONE_OFF)

STATUS_LABELS = {"concept": "Concept", "vastgesteld": "Vastgesteld"}
DECISION_STATUS_LABELS = {"open": "open", "in-bespreking": "in bespreking", "besloten": "besloten",
                          "geparkeerd": "geparkeerd", "vervallen": "vervallen"}


def _s(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return "" if value is None else str(value)


@dataclass
class Interval:
    text: str
    start: str
    end: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Interval":
        return cls(_s(data, "text"), _s(data, "start"), _s(data, "end"))


@dataclass
class SourceRef:
    title: str
    end_date: str = ""
    end_intervals: list[Interval] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "end_date": self.end_date,
                "end_intervals": [i.to_dict() for i in self.end_intervals]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SourceRef":
        return cls(_s(data, "title"), _s(data, "end_date"),
                   [Interval.from_dict(i) for i in data.get("end_intervals") or []])


@dataclass
class FicheRef:
    code: str = ""
    title: str = ""
    partners: list[str] = field(default_factory=list)
    # [{"area", "opportunity", "risk"}]
    policy_areas: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "partners": list(self.partners),
                "policy_areas": [dict(p) for p in self.policy_areas]}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "FicheRef":
        data = data or {}
        return cls(_s(data, "code"), _s(data, "title"), [str(p) for p in data.get("partners") or []],
                   [{"area": _s(p, "area"), "opportunity": _s(p, "opportunity"), "risk": _s(p, "risk")}
                    for p in data.get("policy_areas") or []])


@dataclass
class PointRef:
    id: str = ""
    text: str = ""
    advice_index: int | None = None  # 0-based, as in the formation
    advice_text: str = ""
    number: int | None = None  # the point's number at the table, for display

    @property
    def advice_label(self) -> str:
        return "" if self.advice_index is None else str(self.advice_index + 1)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "advice_index": self.advice_index,
                "advice_text": self.advice_text, "number": self.number}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "PointRef":
        data = data or {}
        index = data.get("advice_index")
        number = data.get("number")
        return cls(_s(data, "id"), _s(data, "text"), None if index in (None, "") else int(index),
                   _s(data, "advice_text"), None if number in (None, "") else int(number))


@dataclass
class DecisionRef:
    id: str = ""
    status: str = "besloten"
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "DecisionRef":
        data = data or {}
        return cls(_s(data, "id"), _s(data, "status") or "besloten", _s(data, "text"))


@dataclass
class Budget:
    year: int
    amount: int  # euros
    kind: str = STRUCTURAL

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "amount": self.amount, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Budget":
        kind = _s(data, "kind") or STRUCTURAL
        return cls(int(data["year"]), int(round(float(data.get("amount") or 0))),
                   kind if kind in MONEY_KINDS else STRUCTURAL)


@dataclass
class Milestone:
    date: str  # ISO date
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Milestone":
        return cls(_s(data, "date"), _s(data, "text"))


@dataclass
class Smart:
    what: str = ""
    target: str = ""
    baseline: str = ""
    deadline: str = ""  # ISO date or ""
    portfolio_holder: str = ""
    budget: list[Budget] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "target": self.target, "baseline": self.baseline,
                "deadline": self.deadline, "portfolio_holder": self.portfolio_holder,
                "budget": [b.to_dict() for b in self.budget],
                "milestones": [m.to_dict() for m in self.milestones]}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Smart":
        data = data or {}
        return cls(_s(data, "what"), _s(data, "target"), _s(data, "baseline"), _s(data, "deadline"),
                   _s(data, "portfolio_holder"), [Budget.from_dict(b) for b in data.get("budget") or []],
                   [Milestone.from_dict(m) for m in data.get("milestones") or []])


@dataclass
class Afspraak:
    id: str
    number: str
    title: str
    text: str
    ambition: str = ""
    ambition_label: str = ""
    fiche: FicheRef = field(default_factory=FicheRef)
    point: PointRef = field(default_factory=PointRef)
    decision: DecisionRef = field(default_factory=DecisionRef)
    sources: list[SourceRef] = field(default_factory=list)
    adjustment_moment: str = ""
    adjustment_intervals: list[Interval] = field(default_factory=list)
    smart: Smart = field(default_factory=Smart)
    # Positions shared with the table (party abbreviation → stance and explanation); only ever
    # filled from what the access module lets through.
    positions: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "title": self.title, "text": self.text,
                "ambition": self.ambition, "ambition_label": self.ambition_label,
                "fiche": self.fiche.to_dict(), "point": self.point.to_dict(),
                "decision": self.decision.to_dict(), "sources": [s.to_dict() for s in self.sources],
                "adjustment_moment": self.adjustment_moment,
                "adjustment_intervals": [i.to_dict() for i in self.adjustment_intervals],
                "smart": self.smart.to_dict(), "positions": [dict(p) for p in self.positions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Afspraak":
        return cls(
            id=_s(data, "id"), number=_s(data, "number"), title=_s(data, "title"), text=_s(data, "text"),
            ambition=_s(data, "ambition"), ambition_label=_s(data, "ambition_label"),
            fiche=FicheRef.from_dict(data.get("fiche")), point=PointRef.from_dict(data.get("point")),
            decision=DecisionRef.from_dict(data.get("decision")),
            sources=[SourceRef.from_dict(s) for s in data.get("sources") or []],
            adjustment_moment=_s(data, "adjustment_moment"),
            adjustment_intervals=[Interval.from_dict(i) for i in data.get("adjustment_intervals") or []],
            smart=Smart.from_dict(data.get("smart")),
            positions=[{str(k): str(v) for k, v in p.items()} for p in data.get("positions") or []])


@dataclass
class Section:
    """A free section: preamble, financial framework, portfolio division …"""

    key: str
    title: str
    text: str
    placement: str = "voor"  # "voor" (before the afspraken) or "na" (after them)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "text": self.text, "placement": self.placement}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Section":
        placement = _s(data, "placement")
        return cls(_s(data, "key"), _s(data, "title"), _s(data, "text"), placement if placement == "na" else "voor")


@dataclass
class Ambition:
    key: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label}


@dataclass
class PendingPoint:
    """A point that is not (yet) an afspraak: parked, or still open at the table."""

    point: PointRef
    fiche: FicheRef
    decision: DecisionRef
    ambition: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"point": self.point.to_dict(), "fiche": self.fiche.to_dict(),
                "decision": self.decision.to_dict(), "ambition": self.ambition}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PendingPoint":
        return cls(PointRef.from_dict(data.get("point")), FicheRef.from_dict(data.get("fiche")),
                   DecisionRef.from_dict(data.get("decision")), _s(data, "ambition"))


@dataclass
class Agreement:
    municipality: str
    formation_slug: str
    formation_name: str
    title: str
    version: int = 1
    status: str = "concept"  # "concept" or "vastgesteld"
    adopted_on: str = ""
    sections: list[Section] = field(default_factory=list)
    ambitions: list[Ambition] = field(default_factory=list)
    afspraken: list[Afspraak] = field(default_factory=list)
    parked: list[PendingPoint] = field(default_factory=list)
    open: list[PendingPoint] = field(default_factory=list)

    @property
    def is_draft(self) -> bool:
        return self.status != "vastgesteld"

    def sections_at(self, placement: str) -> list[Section]:
        return [s for s in self.sections if s.placement == placement]

    def chapters(self) -> list[tuple[Ambition, list[Afspraak]]]:
        """The afspraken grouped by ambition, in the order of ``ambitions`` (empty ones left out)."""
        out = []
        for ambition in self.ambitions:
            items = [a for a in self.afspraken if a.ambition == ambition.key]
            if items:
                out.append((ambition, items))
        known = {a.key for a in self.ambitions}
        rest = [a for a in self.afspraken if a.ambition not in known]
        if rest:
            out.append((Ambition("", "Overige afspraken"), rest))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "municipality": self.municipality,
            "formation": {"slug": self.formation_slug, "name": self.formation_name},
            "title": self.title,
            "version": self.version,
            "status": self.status,
            "adopted_on": self.adopted_on,
            "sections": [s.to_dict() for s in self.sections],
            "ambitions": [a.to_dict() for a in self.ambitions],
            "afspraken": [a.to_dict() for a in self.afspraken],
            "parked": [p.to_dict() for p in self.parked],
            "open": [p.to_dict() for p in self.open],
        }


class AgreementFormatError(ValueError):
    """The data is not an agreement in the ``akkoord-agreement/1`` form (Dutch message)."""


def agreement_from_json(data: dict[str, Any]) -> Agreement:
    """Read the open-data form back (what the monitoring app follows after adoption)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise AgreementFormatError(f"Dit is geen coalitieakkoord in het formaat {SCHEMA}.")
    formation = data.get("formation") or {}
    try:
        return Agreement(
            municipality=_s(data, "municipality"),
            formation_slug=_s(formation, "slug"), formation_name=_s(formation, "name"),
            title=_s(data, "title"), version=int(data.get("version") or 1),
            status=_s(data, "status") or "concept", adopted_on=_s(data, "adopted_on"),
            sections=[Section.from_dict(s) for s in data.get("sections") or []],
            ambitions=[Ambition(_s(a, "key"), _s(a, "label")) for a in data.get("ambitions") or []],
            afspraken=[Afspraak.from_dict(a) for a in data.get("afspraken") or []],
            parked=[PendingPoint.from_dict(p) for p in data.get("parked") or []],
            open=[PendingPoint.from_dict(p) for p in data.get("open") or []],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise AgreementFormatError(f"Het coalitieakkoord is onvolledig of beschadigd ({exc}).") from exc
