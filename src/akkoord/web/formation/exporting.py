"""The formation as one JSON document, and back (archive and backup).

``export_formation(formation)`` is the complete archive (the command line); with ``viewer``
it holds only what that person may see (the web export), through the same access functions
as the pages. ``import_formation`` restores an archive into a database without that formation,
history included.
"""
from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime

from akkoord.web import access
from akkoord.web.dossiers.models import Dossier, DossierVersion
from akkoord.web.formation.models import (AgendaItem, Decision, Formation, Meeting, Membership, Party, Point,
                                          Position)
from akkoord.web.formation.services import FormationError

FORMAT = "akkoord-formatie"
FORMAT_VERSION = 1

POINT_FIELDS = ("fiche_code", "fiche_title", "ambitions", "advice_index", "advice_text", "current_advice_text",
                "advice_version", "advice_removed", "logical_moment", "text", "original_text", "revision")
POSITION_FIELDS = ("stance", "explanation", "priority", "visibility", "revision")
DECISION_FIELDS = ("text", "status", "amounts", "money_kind", "deadline", "use_logical_moment", "revision")
MEETING_FIELDS = ("starts_at", "place", "summary", "revision")
PARTY_FIELDS = ("name", "abbreviation", "seats")
FORMATION_FIELDS = ("name", "municipality", "election_year", "phase", "council_seats", "max_breakpoints")


def _value(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _fields(obj, names) -> dict:
    return {name: _value(getattr(obj, name)) for name in names}


def export_formation(formation: Formation, viewer=None) -> dict:
    parties = list(formation.parties.order_by("-seats", "name"))
    abbr = {p.pk: p.abbreviation for p in parties}
    points = list(formation.points.order_by("number"))
    number = {p.pk: p.number for p in points}
    by_pk = {p.pk: p for p in points}
    positions = Position.objects.filter(point__formation=formation)
    if viewer is not None:
        positions = access.visible_positions(viewer, formation)
    positions = list(positions.order_by("point__number", "party__abbreviation"))
    decisions = list(Decision.objects.filter(point__formation=formation).order_by("point__number"))
    meetings = list(formation.meetings.order_by("starts_at").prefetch_related("items__point"))
    out = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "formation": {"slug": formation.slug, **_fields(formation, FORMATION_FIELDS),
                      "dossier": formation.dossier_slug, "dossier_version": formation.version_number},
        "parties": [_fields(p, PARTY_FIELDS) for p in parties],
        "points": [{"id": p.number, "fiche": p.fiche_code,
                    "advice_item": p.advice_index + 1 if p.advice_index is not None else None,
                    "merged_into": number.get(p.merged_into_id), "split_from": number.get(p.split_from_id),
                    "advice_changed": p.advice_changed, **_fields(p, POINT_FIELDS)} for p in points],
        "positions": [{"party": abbr[p.party_id], "point": number[p.point_id], **_fields(p, POSITION_FIELDS)}
                      for p in positions],
        "decisions": [{"point": number[d.point_id], "text": d.text, "status": d.status,
                       "money": {"amounts": d.amounts, "kind": d.money_kind} if d.amounts or d.money_kind else None,
                       "deadline": _value(d.deadline),
                       "logical_moment": by_pk[d.point_id].logical_moment if d.use_logical_moment else "",
                       **_fields(d, ("use_logical_moment", "revision"))} for d in decisions],
        "sessions": [{**_fields(m, MEETING_FIELDS),
                      "points": [{"point": i.point.number, "discussed": i.discussed} for i in m.items.all()]}
                     for m in meetings],
    }
    if viewer is None:
        out["members"] = [{"username": m.user.get_username(), "role": m.role,
                           "party": abbr.get(m.party_id)} for m in formation.members.select_related("user")]
    out["history"] = export_history(formation, abbr, number, positions if viewer is not None else None)
    return out


def export_history(formation: Formation, abbr: dict, number: dict, visible_positions=None) -> list[dict]:
    """Every historical row of the formation's points, positions, decisions and sessions,
    oldest first, with references in natural form (point number, party abbreviation)."""
    records = []
    meeting_ids = list(formation.meetings.values_list("pk", flat=True))
    position_history = Position.history.filter(point_id__in=list(number))
    if visible_positions is not None:
        position_history = position_history.filter(id__in=[p.pk for p in visible_positions])
    sources = (
        ("point", Point.history.filter(formation=formation), POINT_FIELDS,
         lambda r: {"point": number.get(r.id)}),
        ("position", position_history, POSITION_FIELDS,
         lambda r: {"point": number.get(r.point_id), "party": abbr.get(r.party_id)}),
        ("decision", Decision.history.filter(point_id__in=list(number)), DECISION_FIELDS,
         lambda r: {"point": number.get(r.point_id)}),
        ("session", Meeting.history.filter(id__in=meeting_ids), MEETING_FIELDS,
         lambda r: {"session": meeting_ids.index(r.id) if r.id in meeting_ids else None}),
    )
    for model, queryset, fields, key in sources:
        for record in queryset.select_related("history_user").order_by("history_date", "history_id"):
            records.append({"model": model, **key(record), "type": record.history_type,
                            "date": record.history_date.isoformat(),
                            "user": record.history_user.get_username() if record.history_user else None,
                            "reason": record.history_change_reason or "",
                            "fields": _fields(record, fields)})
    records.sort(key=lambda r: r["date"])
    return records


# ------------------------------------------------------------------------------------ import


def _user(username: str | None, cache: dict):
    if not username:
        return None
    if username not in cache:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_unusable_password()  # restored accounts sign in only after a password reset
            user.save()
        cache[username] = user
    return cache[username]


def _clean(fields: dict, model) -> dict:
    out = {}
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if value is not None and field.get_internal_type() == "DateField":
            value = parse_date(value)
        elif value is not None and field.get_internal_type() == "DateTimeField":
            value = parse_datetime(value)
        out[name] = value
    return out


def _save(obj):
    obj.skip_history_when_saving = True
    obj.save()
    del obj.skip_history_when_saving
    return obj


@transaction.atomic
def import_formation(data: dict) -> Formation:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormationError("dit is geen formatie-export van Akkoord.")
    if data.get("format_version") != FORMAT_VERSION:
        raise FormationError(f"onbekende versie van het exportformaat: {data.get('format_version')}.")
    info = data["formation"]
    if Formation.objects.filter(slug=info["slug"]).exists():
        raise FormationError(f"de formatie '{info['slug']}' bestaat al in deze database.")
    dossier = Dossier.objects.filter(slug=info.get("dossier") or "").first()
    version = None
    if dossier is not None and info.get("dossier_version"):
        version = DossierVersion.objects.filter(dossier=dossier, number=info["dossier_version"]).first()
    users: dict = {}
    formation = _save(Formation(slug=info["slug"], dossier=dossier, version=version,
                                dossier_slug=info.get("dossier") or "", version_number=info.get("dossier_version"),
                                **{k: info[k] for k in FORMATION_FIELDS}))
    parties = {p["abbreviation"]: _save(Party(formation=formation, **{k: p[k] for k in PARTY_FIELDS}))
               for p in data.get("parties", [])}
    for member in data.get("members", []):
        _save(Membership(formation=formation, user=_user(member["username"], users), role=member["role"],
                         party=parties.get(member.get("party"))))
    points = {}
    for p in data.get("points", []):
        points[p["id"]] = _save(Point(formation=formation, number=p["id"], **_clean(
            {k: p[k] for k in POINT_FIELDS if k in p}, Point)))
    for p in data.get("points", []):
        point = points[p["id"]]
        point.merged_into = points.get(p.get("merged_into"))
        point.split_from = points.get(p.get("split_from"))
        if point.merged_into or point.split_from:
            _save(point)
    positions = {}
    for p in data.get("positions", []):
        positions[(p["point"], p["party"])] = _save(Position(
            point=points[p["point"]], party=parties[p["party"]],
            **_clean({k: p[k] for k in POSITION_FIELDS if k in p}, Position)))
    decisions = {}
    for d in data.get("decisions", []):
        money = d.get("money") or {}
        decisions[d["point"]] = _save(Decision(
            point=points[d["point"]], text=d.get("text", ""), status=d.get("status", "open"),
            amounts=money.get("amounts") or {}, money_kind=money.get("kind") or "",
            deadline=parse_date(d["deadline"]) if d.get("deadline") else None,
            use_logical_moment=bool(d.get("use_logical_moment")), revision=d.get("revision", 1)))
    meetings = []
    for s in data.get("sessions", []):
        meeting = _save(Meeting(formation=formation, **_clean({k: s[k] for k in MEETING_FIELDS if k in s}, Meeting)))
        for order, item in enumerate(s.get("points", [])):
            AgendaItem.objects.create(meeting=meeting, point=points[item["point"]], order=order,
                                      discussed=bool(item.get("discussed")))
        meetings.append(meeting)
    _import_history(data.get("history", []), points, parties, positions, decisions, meetings, users)
    return formation


def _import_history(records, points, parties, positions, decisions, meetings, users) -> None:
    models = {"point": (Point, POINT_FIELDS), "position": (Position, POSITION_FIELDS),
              "decision": (Decision, DECISION_FIELDS), "session": (Meeting, MEETING_FIELDS)}
    rows = []
    for record in records:
        model, fields = models.get(record.get("model"), (None, None))
        if model is None:
            continue
        values = _clean({k: v for k, v in record.get("fields", {}).items() if k in fields}, model)
        if record["model"] == "point":
            obj = points.get(record.get("point"))
            extra = {"formation_id": obj.formation_id, "number": obj.number} if obj else {}
        elif record["model"] == "position":
            obj = positions.get((record.get("point"), record.get("party")))
            extra = {"point_id": obj.point_id, "party_id": obj.party_id} if obj else {}
        elif record["model"] == "decision":
            obj = decisions.get(record.get("point"))
            extra = {"point_id": obj.point_id} if obj else {}
        else:
            index = record.get("session")
            obj = meetings[index] if isinstance(index, int) and 0 <= index < len(meetings) else None
            extra = {"formation_id": obj.formation_id} if obj else {}
        if obj is None:
            continue
        stamp = parse_datetime(record["date"])
        for name in ("created_at", "updated_at"):
            if any(f.name == name for f in model._meta.concrete_fields):
                extra[name] = stamp
        rows.append(model.history.model(
            id=obj.pk, history_date=stamp, history_type=record.get("type", "~"),
            history_user=_user(record.get("user"), users), history_change_reason=record.get("reason") or None,
            **extra, **values))
    for row in rows:
        type(row).objects.bulk_create([row])
