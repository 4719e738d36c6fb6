"""Draft an agreement from the formation's decisions (pure: the caller hands in plain records).

Decided points become afspraken, ordered by the dossier's ambitions, then fiche code, then
advice item, then point number, and numbered per chapter ("2.3"). Parked points and points
still open (or under discussion) are listed apart; lapsed points are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from akkoord.agreement.model import (
    STRUCTURAL, Afspraak, Agreement, Ambition, Budget, DecisionRef, FicheRef, Interval, PendingPoint,
    PointRef, Section, Smart, SourceRef,
)
from akkoord.dossier.model import Fiche
from akkoord.dossier.profile import default_profile

DECIDED = "besloten"
PARKED = "geparkeerd"
LAPSED = "vervallen"


@dataclass
class PointRecord:
    """One point of the formation with its decision, as the caller read it."""

    id: str
    number: int
    text: str
    fiche_code: str = ""
    fiche_title: str = ""
    ambitions: list[str] = field(default_factory=list)
    advice_index: int | None = None
    advice_text: str = ""
    logical_moment: str = ""
    decision_id: str = ""
    decision_status: str = "open"
    decision_text: str = ""
    amounts: Mapping[str, int] = field(default_factory=dict)  # {"2027": 250000}
    money_kind: str = ""
    deadline: str = ""  # ISO date or ""
    positions: list[dict[str, str]] = field(default_factory=list)  # only positions shared at the table


def afspraak_id(point_id: str) -> str:
    return f"afspraak-{point_id}"


def _code_key(code: str) -> tuple[int, str]:
    match = re.match(r"^(\d+)(.*)$", code or "")
    return (int(match.group(1)), match.group(2)) if match else (10**6, code or "")


def _ambition_of(record: PointRecord, fiche: Fiche | None) -> str:
    for key in list(record.ambitions) + (list(fiche.ambitions) if fiche else []):
        if key:
            return key
    return ""


def _title(record: PointRecord, fiche: Fiche | None) -> str:
    """The point's own wording when the formateur gave it a short one, else the fiche's subject."""
    words = record.text.split()
    own = record.text.strip() and record.text.strip() != record.advice_text.strip() and len(words) <= 12
    fiche_title = fiche.title if fiche else record.fiche_title
    if own or not fiche_title:
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return fiche_title


def _sources(fiche: Fiche | None) -> list[SourceRef]:
    if fiche is None:
        return []
    return [SourceRef(s.title, s.end_date, [Interval(i.text, i.start, i.end) for i in s.end_intervals])
            for s in fiche.sources]


def _fiche_ref(record: PointRecord, fiche: Fiche | None) -> FicheRef:
    if fiche is None:
        return FicheRef(record.fiche_code, record.fiche_title)
    return FicheRef(fiche.code, fiche.title, list(fiche.partners),
                    [{"area": p.area, "opportunity": p.opportunity, "risk": p.risk} for p in fiche.policy_areas])


def _smart_from_decision(record: PointRecord, text: str) -> Smart:
    kind = record.money_kind or STRUCTURAL
    budget = [Budget(int(year), int(amount), kind) for year, amount in sorted(record.amounts.items())
              if str(year).isdigit()]
    return Smart(what=text, deadline=record.deadline, budget=budget)


def draft_agreement(*, municipality: str, formation_slug: str, formation_name: str, title: str,
                    points: Iterable[PointRecord], fiches: Mapping[str, Fiche] | None = None,
                    ambitions: Iterable[tuple[str, str]] | None = None, sections: Iterable[Section] = (),
                    smart: Mapping[str, Smart] | None = None, texts: Mapping[str, tuple[str, str]] | None = None,
                    version: int = 1, status: str = "concept", adopted_on: str = "") -> Agreement:
    """Build the agreement. ``smart`` and ``texts`` (title, text) override, per afspraak id, what
    the decision gives; ``ambitions`` is the dossier's order of ambitions (key, label)."""
    fiches = fiches or {}
    smart = smart or {}
    texts = texts or {}
    order = list(ambitions) if ambitions is not None else default_profile().ambition_choices()
    labels = dict(order)
    rank = {key: i for i, (key, _) in enumerate(order)}

    decided, parked, still_open = [], [], []
    for record in points:
        fiche = fiches.get(record.fiche_code) if record.fiche_code else None
        ambition = _ambition_of(record, fiche)
        if ambition and ambition not in labels:
            labels[ambition] = default_profile().ambition_label(ambition)
            rank[ambition] = len(rank)
            order.append((ambition, labels[ambition]))
        key = (rank.get(ambition, 10**6), _code_key(record.fiche_code),
               -1 if record.advice_index is None else record.advice_index, record.number)
        decision_status = record.decision_status or "open"
        if decision_status == DECIDED:
            decided.append((key, record, fiche, ambition))
        elif decision_status == PARKED:
            parked.append((key, record, fiche, ambition))
        elif decision_status != LAPSED:
            still_open.append((key, record, fiche, ambition))

    afspraken: list[Afspraak] = []
    chapter_numbers: dict[str, int] = {}
    counters: dict[str, int] = {}
    used = [key for key, _ in order if any(a == key for *_, a in decided)]
    if any(not a for *_, a in decided):
        used.append("")
    for i, key in enumerate(used, start=1):
        chapter_numbers[key] = i
    for _, record, fiche, ambition in sorted(decided, key=lambda item: item[0]):
        ident = afspraak_id(record.id)
        counters[ambition] = counters.get(ambition, 0) + 1
        text = record.decision_text or record.text
        own_title, own_text = texts.get(ident, ("", ""))
        afspraken.append(Afspraak(
            id=ident,
            number=f"{chapter_numbers[ambition]}.{counters[ambition]}",
            title=own_title or _title(record, fiche),
            text=own_text or text,
            ambition=ambition,
            ambition_label=labels.get(ambition, "Overige afspraken") if ambition else "Overige afspraken",
            fiche=_fiche_ref(record, fiche),
            point=PointRef(record.id, record.text, record.advice_index, record.advice_text, record.number),
            decision=DecisionRef(record.decision_id, record.decision_status, record.decision_text),
            sources=_sources(fiche),
            adjustment_moment=record.logical_moment or (fiche.adjustment_moment if fiche else ""),
            adjustment_intervals=[Interval(i.text, i.start, i.end) for i in fiche.adjustment_intervals] if fiche else [],
            smart=smart.get(ident) or _smart_from_decision(record, own_text or text),
            positions=list(record.positions),
        ))

    def pending(items) -> list[PendingPoint]:
        return [PendingPoint(PointRef(r.id, r.text, r.advice_index, r.advice_text, r.number),
                             _fiche_ref(r, f),
                             DecisionRef(r.decision_id, r.decision_status, r.decision_text), a)
                for _, r, f, a in sorted(items, key=lambda item: item[0])]

    return Agreement(
        municipality=municipality, formation_slug=formation_slug, formation_name=formation_name,
        title=title, version=version, status=status, adopted_on=adopted_on, sections=list(sections),
        ambitions=[Ambition(k, v) for k, v in order], afspraken=afspraken,
        parked=pending(parked), open=pending(still_open))
