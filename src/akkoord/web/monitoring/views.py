"""Pages of the term: dashboard, commitment, roll-up, timeline, feed, open data, bulk update,
progress report. Public (read-only) once a programme is published; every page asks
``akkoord.web.access`` first and answers 404 when the visitor may not see the programme."""
from __future__ import annotations

import base64
import json
from collections import OrderedDict
from datetime import date

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_http_methods, require_POST

from akkoord.monitoring import rollup
from akkoord.monitoring.status import OVERDUE_DEFINITION, STATUSES, is_overdue
from akkoord.web import access
from akkoord.web.monitoring import report, services
from akkoord.web.monitoring.forms import CourseChangeForm, ImportForm, UpdateForm
from akkoord.web.monitoring.models import Commitment, Programme, Update

PUBLIC_MAX_AGE = 60  # seconds a published page may be kept by browsers and proxies


def _programme(request: HttpRequest, slug: str) -> Programme:
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not access.can_view_programme(request.user, programme):
        raise Http404("Onbekend uitvoeringsprogramma.")
    return programme


def _editor(request: HttpRequest) -> None:
    if not access.can_update_commitments(request.user):
        raise Http404("Geen toegang.")


def _shared(request: HttpRequest, programme: Programme, name: str, render_page) -> HttpResponse:
    """A published page as every reader without editing rights sees it, rendered once per change
    of the programme (and per day: overdue marks move with the date) and kept in Django's cache.
    Editors get forms on the pages, so theirs are rendered each time."""
    if access.can_update_commitments(request.user) or not programme.published:
        return render_page()
    key = (f"akkoord:monitoring:{programme.pk}:{name}:{programme.changed_at.timestamp()}:"
           f"{timezone.localdate().isoformat()}:{request.GET.urlencode()}")
    cached = cache.get(key)
    if cached is None:
        response = render_page()
        if response.status_code != 200:
            return response
        cached = (response.content, response["Content-Type"], response.get("Content-Disposition", ""))
        cache.set(key, cached, 60 * 60)
    content, content_type, disposition = cached
    response = HttpResponse(content, content_type=content_type)
    if disposition:
        response["Content-Disposition"] = disposition
    return _public(response, programme)


def _public(response: HttpResponse, programme: Programme) -> HttpResponse:
    """Published pages are the same for every reader: shared caches may keep them briefly.
    (Signed-in responses are made private by the security middleware.)"""
    if programme.published:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    return response


def _base(programme: Programme, request: HttpRequest, **extra) -> dict:
    out = {"programme": programme, "can_edit": access.can_update_commitments(request.user),
           "statuses": STATUSES, "overdue_definition": OVERDUE_DEFINITION}
    out.update(extra)
    return out


def index(request: HttpRequest) -> HttpResponse:
    programmes = list(access.visible_programmes(request.user).order_by("-term_start", "title"))
    return render(request, "monitoring/index.html", {"programmes": programmes,
                                                     "can_edit": access.can_update_commitments(request.user)})


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "dashboard", lambda: _dashboard(request, programme))


def _dashboard(request: HttpRequest, programme: Programme) -> HttpResponse:
    data = services.dashboard(programme)
    members: dict[str, list] = {}
    for c in data.commitments:
        members.setdefault(c.ambition or "-", []).append(c)
    for group in data.by_ambition:
        group.members = members.get(group.key, [])
    rows = [{"group": g, "cells": [g.counts.get(s.key, 0) for s in STATUSES]} for g in data.by_ambition]
    totals = [data.counts.get(s.key, 0) for s in STATUSES]
    recent = (Update.objects.filter(commitment__programme=programme).exclude(kind=Update.Kind.ADOPTED)
              .select_related("commitment__programme").order_by("-day", "-created_at")[:8])
    response = render(request, "monitoring/dashboard.html", _base(
        programme, request, data=data, rows=rows, totals=totals, recent=recent, section="dashboard"))
    return _public(response, programme)


def commitment(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    programme = _programme(request, slug)
    item = get_object_or_404(Commitment, programme=programme, key=key)
    item.programme = programme
    return _shared(request, programme, f"afspraak:{item.pk}", lambda: _commitment_page(request, programme, item))


def _commitment_page(request, programme, item, update_form=None, course_form=None, status=200, stale=None):
    today = timezone.localdate()
    updates = list(item.updates.select_related("author").order_by("-day", "-created_at", "-id"))
    milestones = list(item.milestones.all())
    for milestone in milestones:
        milestone.late = bool(milestone.day and milestone.day < today and not milestone.done_on)
    initial = {"status": item.status if item.status not in ("gewijzigd", "losgelaten") else "gestart",
               "progress": item.progress, "revision": item.revision}
    response = render(request, "monitoring/commitment.html", _base(
        programme, request, item=item, updates=updates, milestones=milestones,
        overdue=is_overdue(item.status, item.deadline, today),
        update_form=update_form or UpdateForm(initial=initial),
        course_form=course_form or CourseChangeForm(initial={"revision": item.revision}),
        stale=stale, section="commitment"), status=status)
    return _public(response, programme)


def _save(request: HttpRequest, slug: str, key: str, form_class, form_name: str, save, done: str) -> HttpResponse:
    """Validate ``form_class`` and ``save(item, cleaned_data)``; a refused save shows the page
    again with the typed text kept (409 with the new state when someone saved in between)."""
    programme = _programme(request, slug)
    _editor(request)
    item = get_object_or_404(Commitment, programme=programme, key=key)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(item, form.cleaned_data)
        except services.StaleCommitment as exc:
            item.refresh_from_db()
            return _commitment_page(request, programme, item, status=409, stale=str(exc), **{form_name: form})
        except services.MonitoringError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect(item.get_absolute_url())
    return _commitment_page(request, programme, item, status=400, **{form_name: form})


@require_POST
def add_update(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    def save(item, data):
        services.record_update(item, status=data["status"], progress=data["progress"], text=data["text"],
                               evidence=data["evidence"], day=data["day"], user=request.user,
                               revision=data["revision"])

    return _save(request, slug, key, UpdateForm, "update_form", save, "De voortgang is bijgewerkt.")


@require_POST
def change_course(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    def save(item, data):
        services.change_course(item, status=data["status"], decision_title=data["decision_title"],
                               decision_url=data["decision_url"], reason=data["reason"], new_text=data["new_text"],
                               new_deadline=data["new_deadline"], user=request.user, revision=data["revision"])

    return _save(request, slug, key, CourseChangeForm, "course_form", save, "De koerswijziging is vastgelegd.")


def progress(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "voortgang", lambda: _progress(request, programme))


def _progress(request: HttpRequest, programme: Programme) -> HttpResponse:
    commitments = list(programme.commitments.order_by("position").defer("text", "sources", "trace", "budget"))
    groups = services.roll_ups(programme, commitments)
    for c, item in zip(commitments, services.items(commitments)):
        c.programme = programme
        c.counted = rollup.effective_progress(item)
    response = render(request, "monitoring/progress.html", _base(
        programme, request, groups=groups, formula=rollup.formula_lines(), commitments=commitments,
        overall=rollup.overall(groups["ambitie"]), section="progress"))
    return _public(response, programme)


def timeline(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "tijdlijn", lambda: _timeline(request, programme))


def _timeline(request: HttpRequest, programme: Programme) -> HttpResponse:
    years: "OrderedDict[str, list]" = OrderedDict()
    entries = []
    for c in programme.commitments.prefetch_related("milestones").order_by("position").defer("text", "trace"):
        c.programme = programme
        if c.deadline:
            entries.append((c.deadline, "deadline", "Deadline", c))
        for m in c.milestones.all():
            entries.append((m.day, "mijlpaal", m.text, c))
        for source in c.sources or []:
            day = _first_day(source.get("end_intervals"))
            if day:
                entries.append((day, "einddatum", f"Einddatum: {source.get('title', '')}", c))
    without = [e for e in entries if e[0] is None]
    for entry in sorted((e for e in entries if e[0] is not None), key=lambda e: (e[0], e[3].position)):
        years.setdefault(str(entry[0].year), []).append(entry)
    response = render(request, "monitoring/timeline.html", _base(
        programme, request, years=list(years.items()), without=without, today=timezone.localdate(),
        section="timeline"))
    return _public(response, programme)


def _first_day(intervals) -> date | None:
    for interval in intervals or []:
        value = interval.get("end") or interval.get("start") if isinstance(interval, dict) else None
        if value:
            try:
                return date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    return None


class UpdatesFeed(Feed):
    """Atom feed of a published programme's updates, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return _programme(request, slug)

    def title(self, programme):
        return f"Voortgang: {programme.title}"

    def link(self, programme):
        return programme.get_absolute_url()

    def subtitle(self, programme):
        return f"Updates over de afspraken van {programme.title}."

    def items(self, programme):
        return (Update.objects.filter(commitment__programme=programme).select_related("commitment__programme")
                .order_by("-day", "-created_at")[:50])

    def item_title(self, item):
        return f"{item.commitment.number} {item.commitment.title}: {item.status_label}".strip()

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return f"{item.commitment.get_absolute_url()}#update-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at


def feed(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "feed", lambda: _public(UpdatesFeed()(request, slug=slug), programme))


def open_data(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "open-data", lambda: _open_data(programme))


def _open_data(programme: Programme) -> HttpResponse:
    body = json.dumps(report.open_data(programme), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-uitvoering.json"'
    return _public(response, programme)


def open_data_zip(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)

    def build() -> HttpResponse:
        response = HttpResponse(report.open_data_zip(programme), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{programme.slug}-open-data.zip"'
        return _public(response, programme)

    return _shared(request, programme, "open-data-zip", build)


def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    return _shared(request, programme, "csv", lambda: _export_csv(programme))


def _export_csv(programme: Programme) -> HttpResponse:
    response = HttpResponse(services.export_csv(programme), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-afspraken.csv"'
    return _public(response, programme)


@require_http_methods(["GET", "POST"])
def bulk_update(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a CSV, see every change (or every refused row), then apply it whole."""
    programme = _programme(request, slug)
    _editor(request)
    form, plan, token = ImportForm(), None, ""
    if request.method == "POST" and "bevestigen" in request.POST:
        try:
            data = base64.b64decode(signing.loads(request.POST.get("inhoud", ""), salt="monitoring-csv",
                                                  max_age=3600))
        except (signing.BadSignature, ValueError):
            messages.error(request, "De voorvertoning is verlopen; lees het bestand opnieuw in.")
            return redirect("monitoring:bulk", slug=slug)
        plan = services.plan_import(programme, data)  # the state may have changed since the preview
        if plan.ok:
            count = services.apply_import(programme, plan, user=request.user)
            messages.success(request, f"{count} afspra{'ak' if count == 1 else 'ken'} bijgewerkt.")
            return redirect(programme.get_absolute_url())
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > 5 * 1024 * 1024:
                form.add_error("file", "Het bestand is te groot (hoogstens 5 MB).")
            else:
                data = upload.read()
                plan = services.plan_import(programme, data)
                if plan.ok:
                    token = signing.dumps(base64.b64encode(data).decode("ascii"), salt="monitoring-csv",
                                          compress=True)
    return render(request, "monitoring/bulk.html", _base(
        programme, request, form=form, plan=plan, token=token, section="bulk"),
        status=400 if plan is not None and not plan.ok else 200)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    _editor(request)
    wanted = request.POST.get("openbaar") == "ja"
    services.set_published(programme, wanted)
    messages.success(request, "Het dashboard is openbaar." if wanted else "Het dashboard is niet meer openbaar.")
    return redirect(programme.get_absolute_url())


def progress_report(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    programme = _programme(request, slug)
    year = request.GET.get("jaar", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
    if fmt == "docx":
        body, kind = report.progress_docx(programme, year), (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    else:
        body, kind = report.progress_pdf(programme, year), "application/pdf"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-voortgang-{year}.{fmt}"'
    return _public(response, programme)
