"""The redline between two versions of an agreement: what was added, removed or reworded.

``redline(old, new)`` returns plain data: a list of entries ``{"kind": "section"|"afspraak",
"id", "number", "title", "change": "added"|"removed"|"changed", "fields": [FIELD]}``, in the
order of the new version (removed items after the item they followed). A FIELD is
``{"field", "label", "segments"}`` with word-level segments ``[op, words]`` (op ``=``, ``+``
or ``-``), as the dossier diff has them.
"""
from __future__ import annotations

from typing import Any

from akkoord.agreement.model import Afspraak, Agreement
from akkoord.dossier.textdiff import text_segments

AFSPRAAK_FIELDS: dict[str, str] = {
    "number": "Nummer",
    "title": "Titel",
    "text": "Afspraak",
    "ambition_label": "Opgave",
    "smart.what": "Wat",
    "smart.target": "Meetbaar doel",
    "smart.baseline": "Nulmeting",
    "smart.deadline": "Uiterlijk",
    "smart.portfolio_holder": "Portefeuillehouder",
    "smart.budget": "Budget",
    "smart.milestones": "Mijlpalen",
}
SECTION_FIELDS: dict[str, str] = {"title": "Titel", "text": "Tekst"}




def _afspraak_value(afspraak: Afspraak, name: str) -> str:
    smart = afspraak.smart
    if name == "smart.budget":
        return "; ".join(f"{b.year}: {b.amount} ({b.kind})" for b in smart.budget)
    if name == "smart.milestones":
        return "; ".join(f"{m.date}: {m.text}" for m in smart.milestones)
    if name.startswith("smart."):
        return str(getattr(smart, name[6:]))
    return str(getattr(afspraak, name))


def _fields(old, new, names: dict[str, str], value) -> list[dict[str, Any]]:
    out = []
    for name, label in names.items():
        before = value(old, name) if old is not None else ""
        after = value(new, name) if new is not None else ""
        if " ".join(before.split()) != " ".join(after.split()):
            out.append({"field": name, "label": label, "segments": text_segments(before, after)})
    return out


def _entries(kind: str, old_items: list, new_items: list, names: dict[str, str], value, ident, number, title):
    old_by_id = {ident(x): x for x in old_items}
    new_ids = {ident(x) for x in new_items}
    entries: list[dict[str, Any]] = []
    for item in new_items:
        before = old_by_id.get(ident(item))
        fields = _fields(before, item, names, value)
        if before is None:
            change = "added"
        elif fields:
            change = "changed"
        else:
            continue
        entries.append({"kind": kind, "id": ident(item), "number": number(item), "title": title(item),
                        "change": change, "fields": fields})
    for item in old_items:
        if ident(item) not in new_ids:
            entries.append({"kind": kind, "id": ident(item), "number": number(item), "title": title(item),
                            "change": "removed", "fields": _fields(item, None, names, value)})
    return entries


def redline(old: Agreement, new: Agreement) -> dict[str, Any]:
    sections = _entries("section", old.sections, new.sections, SECTION_FIELDS,
                        lambda s, n: str(getattr(s, n)), lambda s: s.key, lambda s: "", lambda s: s.title)
    afspraken = _entries("afspraak", old.afspraken, new.afspraken, AFSPRAAK_FIELDS, _afspraak_value,
                         lambda a: a.id, lambda a: a.number, lambda a: a.title)
    unchanged = len(new.afspraken) - sum(1 for e in afspraken if e["change"] != "removed")
    return {"old": old.version, "new": new.version, "entries": sections + afspraken,
            "added": sum(1 for e in afspraken if e["change"] == "added"),
            "removed": sum(1 for e in afspraken if e["change"] == "removed"),
            "changed": sum(1 for e in afspraken if e["change"] == "changed"),
            "unchanged": unchanged}


