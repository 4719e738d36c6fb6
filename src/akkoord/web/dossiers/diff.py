"""What changed between two versions of a dossier, per fiche (pure: no Django).

The result is plain JSON (stored with the new version):

```
{"previous": 1, "added": ["3C"], "removed": ["2B"], "unchanged": 27,
 "changed": [{"code": "1A", "title": "…", "fields": [FIELD_CHANGE, …]}, …]}
```

A FIELD_CHANGE is ``{"field", "label", "kind", …}``: kind ``"text"`` carries ``segments``, a
list of ``[op, words]`` with op ``"="``, ``"+"`` or ``"-"``; kind ``"list"`` carries ``added``
and ``removed`` items (as display strings).
"""
from __future__ import annotations

from typing import Any

from akkoord.dossier.model import FIELD_LABELS, Dossier, Fiche
from akkoord.dossier.textdiff import text_segments

TEXT_FIELD_NAMES = ("title", "current_line", "adjustment_moment", "external_changes")
LIST_FIELD_NAMES = ("ambitions", "sources", "partners", "advice", "policy_areas", "links", "footnotes", "related")


def _list_items(fiche: Fiche, name: str, labels: dict[str, str] | None = None) -> list[str]:
    """A list field as display strings, so that items compare as a reader sees them."""
    if name == "ambitions":
        return [(labels or {}).get(a, a) for a in fiche.ambitions]
    if name == "sources":
        return [f"{s.title} (einddatum: {s.end_date})" if s.end_date else s.title for s in fiche.sources]
    if name == "policy_areas":
        out = []
        for area in fiche.policy_areas:
            parts = [area.area]
            if area.opportunity:
                parts.append(f"kans: {area.opportunity}")
            if area.risk:
                parts.append(f"risico: {area.risk}")
            out.append("; ".join(parts))
        return out
    return [str(item) for item in getattr(fiche, name)]




def fiche_changes(old: Fiche, new: Fiche, labels: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The fields that differ between two versions of one fiche, in template order."""
    changes: list[dict[str, Any]] = []
    for name in FIELD_LABELS:
        if name == "code":
            continue
        if name in TEXT_FIELD_NAMES:
            before, after = getattr(old, name), getattr(new, name)
            if " ".join(before.split()) != " ".join(after.split()):
                changes.append({"field": name, "label": FIELD_LABELS[name], "kind": "text",
                                "segments": text_segments(before, after)})
        elif name in LIST_FIELD_NAMES:
            before_items, after_items = _list_items(old, name, labels), _list_items(new, name, labels)
            if before_items != after_items:
                removed = [item for item in before_items if item not in after_items]
                added = [item for item in after_items if item not in before_items]
                changes.append({"field": name, "label": FIELD_LABELS[name], "kind": "list",
                                "added": added, "removed": removed,
                                "reordered": not added and not removed})
    return changes


def dossier_diff(old: Dossier, new: Dossier, previous_number: int | None = None) -> dict[str, Any]:
    """Per fiche, what changed from ``old`` to ``new`` (fiches matched by code)."""
    old_by_code: dict[str, Fiche] = {}
    for fiche in old.fiches:
        old_by_code.setdefault(fiche.code, fiche)
    new_by_code: dict[str, Fiche] = {}
    for fiche in new.fiches:
        new_by_code.setdefault(fiche.code, fiche)
    changed = []
    unchanged = 0
    labels = {}
    for dossier in (old, new):
        if dossier.profile is not None:
            labels.update(dict(dossier.profile.ambition_choices()))
    for fiche in new.fiches:
        before = old_by_code.get(fiche.code)
        if before is None or fiche is not new_by_code[fiche.code]:
            continue
        fields = fiche_changes(before, fiche, labels)
        if fields:
            changed.append({"code": fiche.code, "title": fiche.title, "fields": fields})
        else:
            unchanged += 1
    return {
        "previous": previous_number,
        "added": [code for code in new_by_code if code not in old_by_code],
        "removed": [code for code in old_by_code if code not in new_by_code],
        "changed": changed,
        "unchanged": unchanged,
    }
