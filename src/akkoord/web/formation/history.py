"""Reading the history django-simple-history keeps: entries per point (filtered by what the
viewer may see) and in archive form for the export."""
from __future__ import annotations

from akkoord.web.formation.models import Decision, Meeting, Point, Position

TYPE_LABELS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
SKIP_FIELDS = {"revision", "updated_at", "created_at", "id"}


# Fields shown when a row is created (the rest is the dossier's own text, shown on the point page).
CREATED_FIELDS = {"Point": ("number", "fiche_code", "advice_index", "text")}


def _display(record, field_name: str, value):
    field = record.instance_type._meta.get_field(field_name)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if value in (None, "", [], {}):
        return "—"
    if field_name == "advice_index":
        return value + 1  # people count advice items from 1
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def _label(model, field_name: str) -> str:
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except Exception:
        return field_name


def describe(record, subject: str) -> dict:
    """One history record as who/when/what with the changed fields before and after."""
    model = record.instance_type
    changes = []
    previous = record.prev_record if record.history_type == "~" else None
    if previous is not None:
        delta = record.diff_against(previous)
        for change in delta.changes:
            if change.field in SKIP_FIELDS:
                continue
            changes.append({"field": _label(model, change.field),
                            "before": _display(record, change.field, change.old),
                            "after": _display(record, change.field, change.new)})
    elif record.history_type == "+":
        shown = CREATED_FIELDS.get(model.__name__)
        for field in model._meta.concrete_fields:
            name = field.attname if field.is_relation else field.name
            if field.name in SKIP_FIELDS or field.is_relation or (shown and field.name not in shown):
                continue
            value = getattr(record, name)
            if value in (None, "", [], {}, False):
                continue
            changes.append({"field": _label(model, field.name), "before": "—",
                            "after": _display(record, field.name, value)})
    return {"date": record.history_date, "user": record.history_user.get_username() if record.history_user else "",
            "type": TYPE_LABELS.get(record.history_type, record.history_type), "subject": subject,
            "reason": record.history_change_reason or "", "changes": changes}


def point_history(point: Point, visible_position_ids, parties: dict[int, str]) -> list[dict]:
    """Every change to the point, its decision and the positions the viewer may see, newest first."""
    entries = []
    for record in point.history.select_related("history_user"):
        entries.append(describe(record, "punt"))
    for record in Position.history.filter(point_id=point.pk, id__in=visible_position_ids).select_related("history_user"):
        entries.append(describe(record, f"standpunt {parties.get(record.party_id, '?')}"))
    for record in Decision.history.filter(point_id=point.pk).select_related("history_user"):
        entries.append(describe(record, "besluit"))
    entries = [e for e in entries if e["type"] != "gewijzigd" or e["changes"]]
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries


def meeting_history(meeting: Meeting) -> list[dict]:
    return [describe(r, "sessie") for r in meeting.history.select_related("history_user")]
