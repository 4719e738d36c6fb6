"""The programme pages of a formation: upload, per fiche and per point side by side, per
party covered and silent topics, and the informateur's comparison of combinations.

Every view resolves the formation through the formation app's ``formation_page`` (members
only); programmes are public within the formation. Positions are never read here except
through ``access.visible_positions``."""
from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from akkoord.formation.coalitions import coalitions as majority_combinations
from akkoord.programmes.errors import ProgrammeError
from akkoord.web import access
from akkoord.web.formation.models import Formation
from akkoord.web.formation.views import base_context, deny, formation_page
from akkoord.web.programmes import services
from akkoord.web.programmes.models import Link, Passage, PointLink, Suggestion

MAX_COMBINATIONS = 12


class UploadForm(forms.Form):
    party = forms.ChoiceField(label="Partij")
    file = forms.FileField(label="Programma (PDF, Word of tekst)")

    def __init__(self, *args, formation: Formation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.abbreviation, f"{p.name} ({p.abbreviation})")
                                        for p in formation.parties.order_by("name")]


def _context(request, formation, **extra):
    return base_context(request, formation, "programmes",
                        can_edit_programmes=access.can_edit_programmes(request.user, formation), **extra)


@formation_page
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest, formation: Formation) -> HttpResponse:
    editable = access.can_edit_programmes(request.user, formation)
    form = UploadForm(formation=formation) if editable else None
    if request.method == "POST":
        if not editable:
            return deny(request, formation, "programma toevoegen")
        if request.POST.get("actie") == "opnieuw-koppelen":
            count = services.relink(formation)
            messages.success(request, f"Alle passages opnieuw gekoppeld: {count} koppelingen voorgesteld; "
                                      "correcties met de hand zijn bewaard.")
            return redirect("programmes:index", slug=formation.slug)
        form = UploadForm(request.POST, request.FILES, formation=formation)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                party = services.find_party(formation, form.cleaned_data["party"])
                if upload.size > services.MAX_UPLOAD_BYTES:
                    raise ProgrammeError(f"{upload.name}: te groot voor een programma.")
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / "programma"
                    with path.open("wb") as handle:
                        for chunk in upload.chunks():
                            handle.write(chunk)
                    programme = services.add_programme(formation, party, path, upload.name, request.user)
            except ProgrammeError as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(request, f"Programma van {party.abbreviation} toegevoegd: "
                                          f"{programme.passages.count()} passages.")
                return redirect("programmes:party", slug=formation.slug, party=party.abbreviation)
    programmes = list(formation.programmes.select_related("party"))
    counts = defaultdict(int)
    for link in services.effective_links(formation).values("passage__programme_id"):
        counts[link["passage__programme_id"]] += 1
    rows = [(p, p.passages.count(), counts[p.pk]) for p in programmes]
    missing = formation.parties.exclude(programmes__isnull=False).order_by("name")
    return render(request, "programmes/index.html", _context(
        request, formation, rows=rows, form=form, missing=missing, fiches=services.fiche_titles(formation)))


def _passages_by_party(formation, links):
    by_party = defaultdict(list)
    for link in links:
        by_party[link.passage.programme.party].append(link)
    return [(party, sorted(items, key=lambda l: (l.passage.page, l.passage.index)))
            for party, items in sorted(by_party.items(), key=lambda kv: kv[0].name)]


@formation_page
def fiche(request: HttpRequest, formation: Formation, code: str) -> HttpResponse:
    titles = dict(services.fiche_titles(formation))
    if code not in titles:
        raise Http404("Onbekende fiche.")
    links = services.effective_links(formation).filter(fiche_code=code) \
        .select_related("passage__programme__party")
    columns = _passages_by_party(formation, links)
    with_links = {party.pk for party, _ in columns}
    silent = [p.party for p in formation.programmes.select_related("party") if p.party_id not in with_links]
    points = formation.points.filter(fiche_code=code, merged_into__isnull=True).order_by("number")
    return render(request, "programmes/fiche.html", _context(
        request, formation, code=code, title=titles[code], columns=columns, silent=silent, points=points))


@formation_page
def point(request: HttpRequest, formation: Formation, number: int) -> HttpResponse:
    point_obj = get_object_or_404(formation.points, number=number)
    links = PointLink.objects.filter(point=point_obj).select_related("passage__programme__party")
    columns = _passages_by_party(formation, links)
    suggestions = {s.programme.party_id: s for s in Suggestion.objects.filter(point=point_obj)
                   .select_related("programme__party")}
    own = access.formation_party(request.user, formation)
    positions = {p.party_id: p for p in access.visible_positions(request.user, formation).filter(point=point_obj)}
    rows = [(party, items, suggestions.get(party.pk), positions.get(party.pk),
             own is not None and own.pk == party.pk) for party, items in columns]
    return render(request, "programmes/point.html", _context(request, formation, point=point_obj, rows=rows))


@formation_page
@require_http_methods(["GET", "POST"])
def party(request: HttpRequest, formation: Formation, party: str) -> HttpResponse:
    party_obj = formation.parties.filter(abbreviation=party).first()
    if party_obj is None:
        raise Http404("Onbekende partij.")
    programme = formation.programmes.filter(party=party_obj).first()
    if request.method == "POST":
        if not access.can_edit_programmes(request.user, formation) or programme is None \
                or request.POST.get("actie") != "verwijderen":
            return deny(request, formation, f"programma {party_obj.abbreviation} verwijderen")
        services.delete_programme(programme)
        messages.success(request, f"Programma van {party_obj.abbreviation} verwijderd; bevestigde standpunten "
                                  "blijven staan.")
        return redirect("programmes:index", slug=formation.slug)
    covered, silent, passages = [], [], []
    if programme is not None:
        covered, silent = services.coverage(programme, services.fiche_titles(formation))
        links = defaultdict(list)
        for link in Link.objects.filter(passage__programme=programme):
            links[link.passage_id].append(link)
        passages = [(p, links[p.pk]) for p in programme.passages.all()]
    return render(request, "programmes/party.html", _context(
        request, formation, party=party_obj, programme=programme, covered=covered, silent=silent,
        passages=passages, fiches=services.fiche_titles(formation)))


@formation_page
def combinations(request: HttpRequest, formation: Formation) -> HttpResponse:
    parties = list(formation.parties.all())
    by_abbr = {p.abbreviation: p for p in parties}
    found = majority_combinations([(p.abbreviation, p.seats) for p in parties], formation.council_seats,
                                  max_parties=4)[:MAX_COMBINATIONS]
    rows = []
    for combo in found:
        members = [by_abbr[a] for a in combo.parties]
        rows.append((combo, services.compare(formation, members)))
    return render(request, "programmes/combinations.html", _context(request, formation, rows=rows))


@formation_page
@require_POST
def correct(request: HttpRequest, formation: Formation, pk: int) -> HttpResponse:
    passage = get_object_or_404(Passage, pk=pk, programme__formation=formation)
    if not access.can_edit_programmes(request.user, formation):
        return deny(request, formation, "koppeling corrigeren")
    code = request.POST.get("fiche", "")
    titles = dict(services.fiche_titles(formation))
    if code not in titles:
        messages.error(request, "Onbekende fiche.")
    else:
        keep = request.POST.get("actie") == "toevoegen"
        services.correct_link(passage, code, keep, request.user, titles[code])
        messages.success(request, f"Koppeling met fiche {code} {'toegevoegd' if keep else 'verwijderd'}; "
                                  "deze correctie blijft staan bij een nieuwe koppelronde.")
    target = request.POST.get("terug", "")
    if not target.startswith(f"/formaties/{formation.slug}/programmas/"):
        target = reverse("programmes:party", kwargs={"slug": formation.slug,
                                                     "party": passage.programme.party.abbreviation})
    return redirect(target)


@formation_page
@require_POST
def confirm(request: HttpRequest, formation: Formation, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion.objects.select_related("programme__party", "point"),
                                   pk=pk, programme__formation=formation)
    if not access.can_edit_position(request.user, formation, suggestion.programme.party):
        return deny(request, formation, "suggestie bevestigen")
    stance = request.POST.get("standpunt") or suggestion.stance
    try:
        position = services.confirm_suggestion(suggestion, request.user, stance)
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    except Exception:  # noqa: BLE001 - a concurrent edit of the position (StaleEdit)
        messages.error(request, "Het standpunt is intussen door iemand anders gewijzigd; probeer opnieuw.")
    else:
        messages.success(request, f"Standpunt vastgelegd: {position.get_stance_display()} "
                                  f"({position.get_visibility_display()}).")
    return redirect("programmes:point", slug=formation.slug, number=suggestion.point.number)
