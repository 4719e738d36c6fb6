"""The formation pages. Every view resolves the formation through ``formation_page`` (members
only; others get 404 and an audit entry) and takes positions only from
``access.visible_positions``."""
from __future__ import annotations

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from akkoord.web.dossiers.profiles import version_ambitions
from akkoord.formation.coalitions import coalitions
from akkoord.formation.table import STATUS_LABELS, contention, point_status
from akkoord.web import access
from akkoord.web.dossiers.models import Dossier
from akkoord.web.formation import exporting, forms, history, services
from akkoord.web.formation.models import AgendaItem, Decision, Formation, Meeting, Membership, Party, Point, Position

STANCE_SHORT = {"eens": "eens", "oneens": "oneens", "voorwaardelijk": "voorw.", "geen": "nog geen"}


deny = access.deny  # programmes import it from here


def formation_page(view):
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs):
        formation = Formation.objects.select_related("dossier", "version").filter(slug=slug).first()
        if formation is None or not access.can_view_formation(request.user, formation):
            return deny(request, formation, "formatie")
        return view(request, formation, *args, **kwargs)

    return wrapper


def base_context(request, formation: Formation, section: str, **extra) -> dict:
    user = request.user
    membership = access.formation_membership(user, formation)
    out = {
        "formation": formation, "section": section, "membership": membership,
        "role": membership.role, "own_party": access.formation_party(user, formation),
        "can_manage": access.can_manage_formation(user, formation),
        "can_edit_points": access.can_edit_points(user, formation),
        "can_write_summary": access.can_write_summary(user, formation),
        "is_open": access.formation_is_open(formation),
        "confidential_mark": f"Vertrouwelijk — formatie {formation.name}",
    }
    out.update(extra)
    return out


def get_point(formation: Formation, number: int) -> Point:
    return get_object_or_404(Point, formation=formation, number=number)


# ------------------------------------------------------------------------------------ index


def index(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    formations = list(access.visible_formations(request.user).order_by("-election_year", "name"))
    roles = {m.formation_id: m for m in Membership.objects.filter(user=request.user).select_related("party")}
    return render(request, "formation/index.html", {
        "rows": [(f, roles.get(f.pk)) for f in formations],
        "can_create": access.can_create_formation(request.user), "section": "formations"})


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can_create_formation(request.user):
        raise PermissionDenied("U mag geen formatie aanmaken.")
    released = access.visible_versions(request.user).filter(status__in=services.RELEASED).values("dossier_id")
    dossiers = Dossier.objects.filter(pk__in=released)
    form = forms.FormationForm(request.POST or None, dossiers=dossiers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            formation = services.create_formation(
                data["name"], data["dossier"], council_seats=data["council_seats"],
                election_year=data["election_year"], creator=request.user, creator_role=data["role"])
        except services.FormationError as exc:
            form.add_error(None, str(exc).capitalize())
        else:
            messages.success(request, f"Formatie '{formation.name}' aangemaakt met {formation.points.count()} punten.")
            return redirect("formation:parties", slug=formation.slug)
    return render(request, "formation/create.html", {"form": form, "section": "formations"})


# ------------------------------------------------------------------------------------ table


NO_STANCE_CELL = ('<td class="stance stance--onbekend"><span aria-hidden="true">–</span>'
                  '<span class="visually-hidden">geen zichtbaar standpunt</span></td>')
BREAKPOINT_MARK = '<span aria-hidden="true">!</span><span class="visually-hidden">(breekpunt)</span>'



def _cell(stance: str, breakpoint: bool) -> str:
    mark = " " + BREAKPOINT_MARK if breakpoint else ""
    return f'<td class="stance stance--{escape(stance)}">{escape(STANCE_SHORT.get(stance, stance))}{mark}</td>'


# Every cell the table can show, made once: the table has up to 1,200 of them per page.
STANCE_CELLS = {(stance, bp): _cell(stance, bp) for stance in Position.Stance.values for bp in (False, True)}


def stance_cell(seen: tuple[str, str] | None) -> str:
    if not seen:
        return NO_STANCE_CELL
    stance, priority = seen
    key = (stance, priority == "breekpunt")
    return STANCE_CELLS.get(key) or _cell(*key)


def own_cell(seen: tuple[str, str] | None, url: str, number: int) -> str:
    """A cell of the viewer's own party: a link to record or change the position."""
    if not seen:
        return (f'<td class="stance stance--onbekend"><a href="{escape(url)}">vastleggen'
                f'<span class="visually-hidden"> (punt {number})</span></a></td>')
    stance, priority = seen
    mark = " " + BREAKPOINT_MARK if priority == "breekpunt" else ""
    return (f'<td class="stance stance--{escape(stance)}"><a href="{escape(url)}">'
            f'{escape(STANCE_SHORT.get(stance, stance))}<span class="visually-hidden"> (punt {number} wijzigen)</span>'
            f'</a>{mark}</td>')


def shorten(text: str, words: int) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def table_rows(request, formation: Formation, parties: list[Party]):
    """The points with the stances the viewer may see, the status and contention of each."""
    points = list(services.active_points(formation))
    seen: dict[int, dict[int, tuple[str, str]]] = {}
    for point_id, party_id, stance, priority in (
            access.visible_positions(request.user, formation)
            .values_list("point_id", "party_id", "stance", "priority")):
        seen.setdefault(point_id, {})[party_id] = (stance, priority)
    decisions = dict(Decision.objects.filter(point__formation=formation).values_list("point_id", "status"))
    labels = dict(Decision.Status.choices)
    party_count = len(parties)
    own = access.formation_party(request.user, formation) if access.formation_is_open(formation) else None
    point_base = reverse("formation:table", kwargs={"slug": formation.slug}) + "punten/"
    rows = []
    for point in points:
        stances = seen.get(point.pk, {})
        known = [s[0] for s in stances.values()]
        status = point_status(known, party_count)
        cells = []
        for party in parties:
            if own is not None and party.pk == own.pk:  # the negotiator's own column links to the form
                cells.append(own_cell(stances.get(party.pk), f"{point_base}{point.number}/partijen/{party.abbreviation}/",
                                      point.number))
            else:
                cells.append(stance_cell(stances.get(party.pk)))
        rows.append({"point": point, "short_text": shorten(point.text, 24), "short_title": shorten(point.fiche_title, 6),
                     "cells": mark_safe("".join(cells)),
                     "status": status, "status_label": STATUS_LABELS[status],
                     "contention": contention(known, sum(1 for s in stances.values() if s[1] == "breekpunt")),
                     "decision": decisions.get(point.pk), "decision_label": labels.get(decisions.get(point.pk), "")})
    return rows


@formation_page
def table(request: HttpRequest, formation: Formation) -> HttpResponse:
    parties = list(formation.parties.order_by("-seats", "name"))
    meetings = list(formation.meetings.order_by("starts_at"))
    ambitions = version_ambitions(formation.version if formation.version_id else None)  # the dossier's profile
    filters = forms.TableFilterForm(request.GET or None, ambitions=ambitions, meetings=meetings)
    rows = table_rows(request, formation, parties)
    total = len(rows)
    counts = {key: sum(1 for r in rows if r["status"] == key) for key in STATUS_LABELS}
    decided = sum(1 for r in rows if r["decision"] == Decision.Status.DECIDED)
    shown = rows
    if filters.is_valid():
        f = filters.cleaned_data
        if f["ambitie"]:
            shown = [r for r in shown if f["ambitie"] in (r["point"].ambitions or [])]
        if f["fiche"]:
            code = f["fiche"].strip().upper()
            shown = [r for r in shown if r["point"].fiche_code == code]
        if f["sessie"]:
            on_agenda = set(AgendaItem.objects.filter(meeting_id=int(f["sessie"]), meeting__formation=formation)
                            .values_list("point_id", flat=True))
            shown = [r for r in shown if r["point"].pk in on_agenda]
        if f["status"]:
            shown = [r for r in shown if r["status"] == f["status"]]
        if f["q"]:
            words = f["q"].lower().split()
            shown = [r for r in shown if all(w in (r["point"].text + " " + r["point"].fiche_title).lower()
                                             for w in words)]
        if f["sorteer"] == "strijd":
            shown = sorted(shown, key=lambda r: -r["contention"])
    point_base = reverse("formation:table", kwargs={"slug": formation.slug}) + "punten/"
    return render(request, "formation/table.html", base_context(
        request, formation, "table", point_base=point_base, parties=parties, rows=shown, total=total, counts=counts, decided=decided,
        filters=filters, filtered=len(shown) != total))


# ------------------------------------------------------------------------- parties, people


@formation_page
@require_http_methods(["GET", "POST"])
def parties(request: HttpRequest, formation: Formation) -> HttpResponse:
    manage = access.can_manage_formation(request.user, formation)
    party_form = forms.PartyForm(prefix="partij")
    member_form = forms.MemberForm(prefix="lid", formation=formation)
    settings_form = forms.SettingsForm(prefix="instelling", initial={
        "phase": formation.phase, "council_seats": formation.council_seats,
        "max_breakpoints": formation.max_breakpoints})
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("Alleen de informateur en de formateur beheren partijen en deelnemers.")
        action = request.POST.get("actie")
        if action == "partij":
            party_form = forms.PartyForm(request.POST, prefix="partij")
            if party_form.is_valid():
                d = party_form.cleaned_data
                try:
                    services.add_party(formation, d["name"].strip(), d["abbreviation"].strip(), d["seats"])
                except services.FormationError as exc:
                    party_form.add_error(None, str(exc).capitalize())
                else:
                    messages.success(request, f"Partij {d['name']} toegevoegd.")
                    return redirect("formation:parties", slug=formation.slug)
        elif action == "lid":
            member_form = forms.MemberForm(request.POST, prefix="lid", formation=formation)
            if member_form.is_valid():
                d = member_form.cleaned_data
                try:
                    services.add_member(formation, member_form.user, d["role"], d.get("party"))
                except services.FormationError as exc:
                    member_form.add_error(None, str(exc).capitalize())
                else:
                    messages.success(request, f"{d['username']} is nu {dict(Membership.Role.choices)[d['role']]}.")
                    return redirect("formation:parties", slug=formation.slug)
        elif action == "instelling":
            settings_form = forms.SettingsForm(request.POST, prefix="instelling")
            if settings_form.is_valid():
                d = settings_form.cleaned_data
                taken = sum(formation.parties.values_list("seats", flat=True))
                if d["council_seats"] < taken:
                    settings_form.add_error("council_seats", f"De partijen hebben samen al {taken} zetels.")
                else:
                    formation.phase = d["phase"]
                    formation.council_seats = d["council_seats"]
                    formation.max_breakpoints = d["max_breakpoints"]
                    formation.save()
                    messages.success(request, "Instellingen opgeslagen.")
                    return redirect("formation:parties", slug=formation.slug)
        else:
            messages.error(request, "Onbekende handeling.")
    party_list = list(formation.parties.order_by("-seats", "name"))
    members = list(formation.members.select_related("user", "party").order_by("role", "party__name", "user__username"))
    combos = coalitions([(p.abbreviation, p.seats) for p in party_list], formation.council_seats,
                        max_parties=6) if party_list else []
    return render(request, "formation/parties.html", base_context(
        request, formation, "parties", parties=party_list, members=members, coalitions=combos[:60],
        coalition_count=len(combos), party_form=party_form, member_form=member_form, settings_form=settings_form,
        seats_taken=sum(p.seats for p in party_list)))


# ------------------------------------------------------------------------------------ points


@formation_page
def point_detail(request: HttpRequest, formation: Formation, number: int) -> HttpResponse:
    point = get_point(formation, number)
    parties = list(formation.parties.order_by("-seats", "name"))
    visible = {p.party_id: p for p in access.visible_positions(request.user, formation).filter(point=point)}
    own = access.formation_party(request.user, formation)
    rows = [{"party": party, "position": visible.get(party.pk), "own": own is not None and own.pk == party.pk}
            for party in parties]
    decision = Decision.objects.filter(point=point).first()
    dossier_link = ""
    if formation.dossier_id and point.fiche_code and formation.version_id:
        version = formation.version
        if access.can_view_version(request.user, version):
            dossier_link = reverse("dossiers:fiche", kwargs={"slug": formation.dossier.slug, "code": point.fiche_code}) \
                + f"?versie={version.number}"
    return render(request, "formation/point.html", base_context(
        request, formation, "table", point=point, rows=rows, decision=decision, dossier_link=dossier_link,
        meetings=point.meetings.order_by("starts_at"), merged=point.merged.order_by("number"),
        parts=point.parts.order_by("number")))


@formation_page
@require_http_methods(["GET", "POST"])
def position(request: HttpRequest, formation: Formation, number: int, party: str) -> HttpResponse:
    point = get_point(formation, number)
    party_obj = formation.parties.filter(abbreviation=party).first()
    if party_obj is None:
        raise Http404("Onbekende partij.")
    editable = access.can_edit_position(request.user, formation, party_obj)
    own = access.formation_party(request.user, formation)
    if request.method == "POST" and own == party_obj and not access.formation_is_open(formation):
        raise PermissionDenied("Deze formatie is afgerond: standpunten liggen vast.")
    current = Position.objects.filter(point=point, party=party_obj).first()
    if not editable:
        if request.method == "POST" or current is None or not access.can_view_position(request.user, current):
            return deny(request, formation, f"standpunt {party_obj.abbreviation} punt {point.number}")
        return render(request, "formation/position.html", base_context(
            request, formation, "table", point=point, party=party_obj, position=current, form=None))
    used = services.breakpoint_count(party_obj, exclude_point=point)
    left = formation.max_breakpoints - used
    conflict = None
    if request.method == "POST":
        form = forms.PositionForm(request.POST, breakpoints_left=left)
        if form.is_valid():
            d = form.cleaned_data
            target = current or Position(point=point, party=party_obj)
            sharing_before = current.visibility if current else None
            target.stance, target.explanation = d["stance"], d["explanation"].strip()
            target.priority, target.visibility = d["priority"], d["visibility"]
            reason = "standpunt vastgelegd"
            if sharing_before is not None and sharing_before != d["visibility"]:
                reason = f"zichtbaarheid gewijzigd: {sharing_before} → {d['visibility']}"
            try:
                expected = d.get("revision") or 0
                if current is None and expected:
                    raise services.StaleEdit(None)
                if current is not None and not expected:
                    raise services.StaleEdit(current)
                with transaction.atomic():
                    services.save_with_revision(target, expected or None, reason)
            except (IntegrityError, services.StaleEdit):
                # Read the saved row afresh: ``target`` already holds this editor's input.
                conflict = Position.objects.filter(point=point, party=party_obj).first()
            else:
                messages.success(request, f"Standpunt van {party_obj.abbreviation} over punt {point.number} opgeslagen"
                                          f" ({target.get_visibility_display()}).")
                return redirect(point.get_absolute_url())
            if conflict is not None:
                data = request.POST.copy()
                data["revision"] = str(conflict.revision)
                form = forms.PositionForm(data, breakpoints_left=left)
                form.is_valid()
    else:
        initial = {"stance": "geen", "priority": "normaal", "visibility": "partij", "revision": 0}
        if current:
            initial = {"stance": current.stance, "explanation": current.explanation, "priority": current.priority,
                       "visibility": current.visibility, "revision": current.revision}
        form = forms.PositionForm(initial=initial, breakpoints_left=left)
    return render(request, "formation/position.html", base_context(
        request, formation, "table", point=point, party=party_obj, position=current, form=form,
        conflict=conflict, breakpoints_left=max(left, 0)), status=409 if conflict else 200)


def require_formateur(request, formation):
    if not access.formation_is_open(formation):
        raise PermissionDenied("Deze formatie is afgerond: punten en besluiten liggen vast.")
    if not access.can_edit_points(request.user, formation):
        raise PermissionDenied("Alleen de formateur wijzigt de punten en besluiten.")


@formation_page
@require_http_methods(["GET", "POST"])
def point_edit(request: HttpRequest, formation: Formation, number: int) -> HttpResponse:
    require_formateur(request, formation)
    point = get_point(formation, number)
    conflict = None
    text_form = forms.PointTextForm(initial={"text": point.text, "revision": point.revision}, prefix="tekst")
    split_form = forms.SplitForm(prefix="splits")
    merge_form = forms.MergeForm(prefix="samen")
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "tekst":
            text_form = forms.PointTextForm(request.POST, prefix="tekst")
            if text_form.is_valid():
                point.text = text_form.cleaned_data["text"].strip()
                try:
                    services.save_with_revision(point, text_form.cleaned_data.get("revision"), "herformuleerd")
                except services.StaleEdit as exc:
                    conflict = exc.current
                    data = request.POST.copy()
                    data["tekst-revision"] = str(conflict.revision)
                    text_form = forms.PointTextForm(data, prefix="tekst")
                    text_form.is_valid()
                else:
                    messages.success(request, f"Punt {point.number} is opnieuw geformuleerd.")
                    return redirect(point.get_absolute_url())
        elif action == "splitsen":
            split_form = forms.SplitForm(request.POST, prefix="splits")
            if split_form.is_valid():
                parts = services.split_point(point, split_form.cleaned_data["parts"])
                messages.success(request, f"Punt {point.number} gesplitst: nieuwe punten "
                                          f"{', '.join(str(p.number) for p in parts)}.")
                return redirect(point.get_absolute_url())
        elif action == "samenvoegen":
            merge_form = forms.MergeForm(request.POST, prefix="samen")
            if merge_form.is_valid():
                duplicate = formation.points.filter(number=merge_form.cleaned_data["duplicate"]).first()
                if duplicate is None:
                    merge_form.add_error("duplicate", "Dit punt bestaat niet.")
                else:
                    try:
                        services.merge_points(point, duplicate)
                    except services.FormationError as exc:
                        merge_form.add_error("duplicate", str(exc).capitalize())
                    else:
                        messages.success(request, f"Punt {duplicate.number} is samengevoegd met punt {point.number}.")
                        return redirect(point.get_absolute_url())
    return render(request, "formation/point_edit.html", base_context(
        request, formation, "table", point=point, text_form=text_form, split_form=split_form,
        merge_form=merge_form, conflict=conflict), status=409 if conflict else 200)


@formation_page
@require_http_methods(["GET", "POST"])
def point_new(request: HttpRequest, formation: Formation) -> HttpResponse:
    require_formateur(request, formation)
    form = forms.NewPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        title = ""
        if d["fiche_code"]:
            title = formation.points.filter(fiche_code=d["fiche_code"]).values_list("fiche_title", flat=True).first() or ""
        point = services.add_point(formation, d["text"], d["fiche_code"], title)
        messages.success(request, f"Punt {point.number} toegevoegd.")
        return redirect(point.get_absolute_url())
    return render(request, "formation/point_new.html", base_context(request, formation, "table", form=form))


@formation_page
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, formation: Formation, number: int) -> HttpResponse:
    require_formateur(request, formation)
    point = get_point(formation, number)
    current = Decision.objects.filter(point=point).first()
    conflict = None
    if request.method == "POST":
        form = forms.DecisionForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            target = current or Decision(point=point)
            target.text, target.status = d["text"].strip(), d["status"]
            target.amounts, target.money_kind = d["amounts"], d["money_kind"] or ""
            target.deadline, target.use_logical_moment = d["deadline"], d["use_logical_moment"]
            expected = d.get("revision") or 0
            try:
                if (current is None) != (not expected):
                    raise services.StaleEdit(current)
                with transaction.atomic():
                    services.save_with_revision(target, expected or None, "besluit vastgelegd")
            except (services.StaleEdit, IntegrityError):
                conflict = Decision.objects.filter(point=point).first()
                data = request.POST.copy()
                data["revision"] = str(conflict.revision if conflict else 0)
                form = forms.DecisionForm(data)
                form.is_valid()
            else:
                messages.success(request, f"Besluit over punt {point.number} opgeslagen ({target.get_status_display()}).")
                return redirect(point.get_absolute_url())
    else:
        initial = {"status": "open", "revision": 0}
        if current:
            initial = {"text": current.text, "status": current.status, "amounts": forms.amounts_text(current.amounts),
                       "money_kind": current.money_kind, "deadline": current.deadline,
                       "use_logical_moment": current.use_logical_moment, "revision": current.revision}
        form = forms.DecisionForm(initial=initial)
    return render(request, "formation/decision.html", base_context(
        request, formation, "table", point=point, form=form, conflict=conflict,
        conflict_amounts=forms.amounts_text(conflict.amounts) if conflict else ""), status=409 if conflict else 200)


@formation_page
def point_history(request: HttpRequest, formation: Formation, number: int) -> HttpResponse:
    point = get_point(formation, number)
    visible_ids = list(access.visible_positions(request.user, formation).filter(point=point).values_list("pk", flat=True))
    parties = dict(formation.parties.values_list("pk", "abbreviation"))
    entries = history.point_history(point, visible_ids, parties)
    if request.GET.get("formaat") == "json":
        data = [{**e, "date": e["date"].isoformat(),
                 "changes": [{k: str(v) for k, v in c.items()} for c in e["changes"]]} for e in entries]
        response = JsonResponse({"formation": formation.slug, "point": point.number, "history": data},
                                json_dumps_params={"ensure_ascii": False, "indent": 1})
        response["Content-Disposition"] = f'attachment; filename="{formation.slug}-punt-{point.number}-geschiedenis.json"'
        return response
    return render(request, "formation/history.html", base_context(
        request, formation, "table", point=point, entries=entries))


# ---------------------------------------------------------------------------------- sessions


@formation_page
@require_http_methods(["GET", "POST"])
def meetings(request: HttpRequest, formation: Formation) -> HttpResponse:
    form = forms.MeetingForm(prefix="sessie", formation=formation)
    if request.method == "POST":
        require_formateur(request, formation)
        form = forms.MeetingForm(request.POST, prefix="sessie", formation=formation)
        if form.is_valid():
            meeting = save_meeting(Meeting(formation=formation), form.cleaned_data, None)
            messages.success(request, "Sessie gepland.")
            return redirect(meeting.get_absolute_url())
    rows = formation.meetings.order_by("starts_at").prefetch_related("items")
    return render(request, "formation/meetings.html", base_context(
        request, formation, "meetings", meetings=rows, form=form))


@transaction.atomic
def save_meeting(meeting: Meeting, data: dict, expected: int | None) -> Meeting:
    meeting.starts_at, meeting.place = data["starts_at"], data["place"].strip()
    services.save_with_revision(meeting, expected, "agenda vastgesteld")
    numbers = data["points"]
    points = {p.number: p for p in meeting.formation.points.filter(number__in=numbers)}
    AgendaItem.objects.filter(meeting=meeting).exclude(point__number__in=numbers).delete()
    for order, n in enumerate(numbers):
        AgendaItem.objects.update_or_create(meeting=meeting, point=points[n], defaults={"order": order})
    return meeting


def get_meeting(formation: Formation, pk: int) -> Meeting:
    return get_object_or_404(Meeting, formation=formation, pk=pk)


@formation_page
def meeting(request: HttpRequest, formation: Formation, pk: int) -> HttpResponse:
    meeting = get_meeting(formation, pk)
    items = list(meeting.items.select_related("point", "point__decision"))
    return render(request, "formation/meeting.html", base_context(
        request, formation, "meetings", meeting=meeting, items=items,
        can_plan=access.can_plan_meetings(request.user, formation)))


@formation_page
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, formation: Formation, pk: int) -> HttpResponse:
    require_formateur(request, formation)
    meeting = get_meeting(formation, pk)
    numbers = ", ".join(str(i.point.number) for i in meeting.items.select_related("point"))
    form = forms.MeetingForm(initial={"starts_at": meeting.starts_at, "place": meeting.place, "points": numbers,
                                      "revision": meeting.revision}, prefix="sessie", formation=formation)
    conflict = None
    if request.method == "POST":
        form = forms.MeetingForm(request.POST, prefix="sessie", formation=formation)
        if form.is_valid():
            try:
                save_meeting(meeting, form.cleaned_data, form.cleaned_data.get("revision"))
            except services.StaleEdit as exc:
                conflict = exc.current
                data = request.POST.copy()
                data["sessie-revision"] = str(conflict.revision)
                form = forms.MeetingForm(data, prefix="sessie", formation=formation)
                form.is_valid()
            else:
                messages.success(request, "Agenda opgeslagen.")
                return redirect(meeting.get_absolute_url())
    return render(request, "formation/meeting_edit.html", base_context(
        request, formation, "meetings", meeting=meeting, form=form, conflict=conflict),
        status=409 if conflict else 200)


@formation_page
@require_http_methods(["GET", "POST"])
def meeting_summary(request: HttpRequest, formation: Formation, pk: int) -> HttpResponse:
    if not access.can_write_summary(request.user, formation):
        raise PermissionDenied("Alleen de ambtelijke ondersteuning en de formateur schrijven het verslag.")
    meeting = get_meeting(formation, pk)
    discussed = [str(i.point.number) for i in meeting.items.select_related("point") if i.discussed]
    form = forms.SummaryForm(initial={"summary": meeting.summary, "discussed": discussed,
                                      "revision": meeting.revision}, meeting=meeting)
    conflict = None
    if request.method == "POST":
        form = forms.SummaryForm(request.POST, meeting=meeting)
        if form.is_valid():
            meeting.summary = form.cleaned_data["summary"].strip()
            try:
                with transaction.atomic():
                    services.save_with_revision(meeting, form.cleaned_data.get("revision"), "verslag geschreven")
                    chosen = {int(n) for n in form.cleaned_data["discussed"]}
                    for item in meeting.items.select_related("point"):
                        if item.discussed != (item.point.number in chosen):
                            item.discussed = item.point.number in chosen
                            item.save(update_fields=["discussed"])
            except services.StaleEdit as exc:
                conflict = exc.current
                data = request.POST.copy()
                data["revision"] = str(conflict.revision)
                form = forms.SummaryForm(data, meeting=meeting)
                form.is_valid()
            else:
                messages.success(request, "Verslag opgeslagen.")
                return redirect(meeting.get_absolute_url())
    return render(request, "formation/meeting_summary.html", base_context(
        request, formation, "meetings", meeting=meeting, form=form, conflict=conflict),
        status=409 if conflict else 200)


# ------------------------------------------------------------------------------------ export


@formation_page
def export(request: HttpRequest, formation: Formation) -> HttpResponse:
    """The formation as JSON, limited to what the viewer may see (the same form as the CLI export)."""
    data = exporting.export_formation(formation, viewer=request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{formation.slug}.json"'
    return response
