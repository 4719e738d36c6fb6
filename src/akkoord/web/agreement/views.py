"""The agreement pages. Every view resolves what the visitor may see through
``akkoord.web.access`` (agreement section): drafters work on the draft, everybody else reads
only an adopted and published version; positions come only from ``access.agreement_positions``."""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from akkoord.agreement.checks import RULES, SEVERITY_LABELS, check_agreement
from akkoord.agreement.exports import CONTENT_TYPES, EXTENSIONS, FORMATS
from akkoord.agreement.exports.html import render_body
from akkoord.agreement.finance import euro, financial_overview
from akkoord.agreement.redline import redline as make_redline
from akkoord.web import access
from akkoord.web.agreement import forms, services
from akkoord.web.agreement.models import Afspraak, AgreementVersion, HouseStyle, Section
from akkoord.web.formation.models import Formation, Point

FORMAT_LABELS = {"docx": "Word (.docx)", "pdf": "PDF", "md": "Markdown", "html": "HTML-pagina",
                 "json": "Open data (JSON)", "csv": "Open data (CSV, zip)", "ics": "Agenda (iCalendar)"}


def agreement_page(*, draft: bool = False, edit: bool = False, adopt: bool = False):
    """Resolve formation and agreement; ``draft``: drafters only; ``edit``: writers;
    ``adopt``: the formateur. Others get a sign-in (anonymous) or 404; drafters without the
    right to change get 403."""
    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args, **kwargs):
            formation = Formation.objects.select_related("dossier", "version").filter(slug=slug).first()
            if formation is None:
                return access.deny(request, formation, "akkoord")
            drafter = access.can_draft_agreement(request.user, formation)
            if (draft or edit or adopt) and not drafter:
                return access.deny(request, formation, "akkoord (concept)")
            if edit and not access.can_edit_agreement(request.user, formation):
                raise PermissionDenied("U mag het akkoord niet wijzigen.")
            if adopt and not access.can_adopt_agreement(request.user, formation):
                raise PermissionDenied("Alleen de formateur stelt het akkoord vast.")
            if drafter:
                agreement = services.get_or_create_agreement(formation)
            else:
                agreement = getattr(formation, "agreement", None) if hasattr(formation, "agreement") else None
                if agreement is None or access.public_agreement_version(agreement) is None:
                    return access.deny(request, formation, "akkoord")
            return view(request, formation, agreement, *args, **kwargs)
        return wrapper
    return decorator


def _context(request, formation, agreement, section: str, **extra) -> dict:
    user = request.user
    out = {"formation": formation, "agreement": agreement, "section": section,
           "drafter": access.can_draft_agreement(user, formation),
           "can_edit": access.can_edit_agreement(user, formation),
           "can_adopt": access.can_adopt_agreement(user, formation),
           "formation_member": access.can_view_formation(user, formation)}
    out.update(extra)
    return out


def _chosen(request, formation, agreement):
    """(core agreement, version or None) the visitor asked for with ``?versie=N`` or gets by default."""
    number = request.GET.get("versie", "")
    versions = access.visible_agreement_versions(request.user, agreement)
    if number:
        if not number.isdigit():
            raise Http404("Deze versie bestaat niet.")
        version = versions.filter(number=int(number)).first()
        if version is None:
            if agreement.versions.filter(number=int(number)).exists():
                access.record_denied(request, formation, f"akkoord versie {number}")
            raise Http404("Deze versie bestaat niet of u hebt er geen toegang toe.")
        return services.version_agreement(version, request.user), version
    if access.can_draft_agreement(request.user, formation):
        return services.draft(agreement, request.user), None
    version = access.public_agreement_version(agreement)
    return services.version_agreement(version, request.user), version


@agreement_page()
def show(request, formation, agreement):
    core, version = _chosen(request, formation, agreement)
    body = render_body(core, fiche_url=services.fiche_url_for(formation, request.user), cover=False, main="div")
    positions = [(a, a.positions) for a in core.afspraken if a.positions]
    return render(request, "agreement/show.html", _context(
        request, formation, agreement, "show", core=core, version=version, body=mark_safe(body),  # escaped by the core
        positions=positions, formats=[(f, FORMAT_LABELS[f]) for f in FORMATS],
        title_form=forms.TitleForm(initial={"title": agreement.title})))


@agreement_page(edit=True)
@require_POST
def title(request, formation, agreement):
    form = forms.TitleForm(request.POST)
    if form.is_valid():
        agreement.title = form.cleaned_data["title"]
        agreement.save(update_fields=["title"])
        messages.success(request, "De titel is opgeslagen.")
    else:
        messages.error(request, "Vul een titel in.")
    return redirect("agreement:show", slug=formation.slug)


@agreement_page(edit=True)
@require_http_methods(["GET", "POST"])
def afspraak_edit(request, formation, agreement, number: int):
    point = get_object_or_404(Point.objects.select_related("decision"), formation=formation, number=number)
    decision = getattr(point, "decision", None)
    if decision is None or decision.status != "besloten":
        raise Http404("Over dit punt is (nog) geen besluit genomen.")
    instance = Afspraak.objects.filter(point=point).first() or Afspraak(agreement=agreement, point=point)
    form = forms.AfspraakForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"De afspraak bij punt {point.number} is opgeslagen.")
        return redirect("agreement:register", slug=formation.slug)
    core = services.draft(agreement, None, with_positions=False)
    current = next((a for a in core.afspraken if a.point.id == str(point.pk)), None)
    return render(request, "agreement/afspraak_edit.html", _context(
        request, formation, agreement, "register", form=form, point=point, decision=decision, current=current))


@agreement_page(draft=True)
def register(request, formation, agreement):
    core = services.draft(agreement, request.user)
    findings = check_agreement(core)
    by_afspraak: dict[str, list] = {}
    for f in findings:
        by_afspraak.setdefault(f.afspraak, []).append(f)
    rows = [(a, by_afspraak.get(a.id, []), int(a.point.number or 0)) for a in core.afspraken]
    counts = {label: sum(1 for f in findings if f.severity == key) for key, label in SEVERITY_LABELS.items()}
    return render(request, "agreement/register.html", _context(
        request, formation, agreement, "register", core=core, rows=rows, counts=counts,
        rules=[r for r in RULES.values()], vague=sum(1 for a, fs, _ in rows if fs and any(
            f.rule in ("vague-wording", "no-target", "no-deadline") for f in fs))))


@agreement_page(draft=True)
def finance(request, formation, agreement):
    core, version = _chosen(request, formation, agreement)
    overview = financial_overview(core)
    table = [(row, [euro(row.per_year.get(y, 0)) for y in overview.years], euro(row.total),
              euro(sum(row.structural.values())), euro(sum(row.one_off.values())))
             for row in overview.rows + [overview.totals]]
    return render(request, "agreement/finance.html", _context(
        request, formation, agreement, "finance", overview=overview, table=table, version=version,
        afspraken=[(a, [(b.year, euro(b.amount), b.kind) for b in a.smart.budget]) for a in core.afspraken
                   if a.smart.budget]))


@agreement_page(draft=True)
@require_http_methods(["GET", "POST"])
def versions(request, formation, agreement):
    form = forms.VersionForm(request.POST or None)
    if request.method == "POST":
        if not access.can_edit_agreement(request.user, formation):
            raise PermissionDenied("U mag geen versie vastleggen.")
        if form.is_valid():
            version = services.freeze(agreement, request.user, form.cleaned_data["note"])
            messages.success(request, f"Versie {version.number} is vastgelegd.")
            return redirect("agreement:versions", slug=formation.slug)
    items = list(access.visible_agreement_versions(request.user, agreement))
    old, new = request.GET.get("oud", ""), request.GET.get("nieuw", "")
    if old.isdigit() and new.isdigit():
        return redirect("agreement:redline", slug=formation.slug, old=int(old), new=int(new))
    rows = [(v, items[i + 1] if i + 1 < len(items) else None) for i, v in enumerate(items)]  # (version, older)
    return render(request, "agreement/versions.html", _context(
        request, formation, agreement, "versions", items=items, rows=rows, form=form))


@agreement_page(adopt=True)
@require_POST
def version_action(request, formation, agreement, number: int):
    version = get_object_or_404(AgreementVersion, agreement=agreement, number=number)
    action = request.POST.get("action", "")
    if action == "vaststellen":
        if version.status == AgreementVersion.Status.ADOPTED:
            messages.error(request, f"Versie {number} is al vastgesteld.")
        else:
            programme = services.adopt(version, user=request.user)
            follow = " De afspraken worden nu gevolgd onder Uitvoering." if programme is not None else ""
            messages.success(request, f"Versie {number} is vastgesteld.{follow}")
    elif action == "openbaar":
        if version.status != AgreementVersion.Status.ADOPTED:
            messages.error(request, "Alleen een vastgestelde versie kan openbaar worden gemaakt.")
        else:
            version.published = True
            version.save(update_fields=["published"])
            messages.success(request, f"Versie {number} is openbaar: iedereen kan haar lezen.")
    elif action == "intrekken":
        version.published = False
        version.save(update_fields=["published"])
        messages.success(request, f"Versie {number} is niet langer openbaar.")
    else:
        messages.error(request, "Onbekende handeling.")
    return redirect("agreement:versions", slug=formation.slug)


@agreement_page()
def redline(request, formation, agreement, old: int, new: int):
    versions = access.visible_agreement_versions(request.user, agreement)
    before = versions.filter(number=old).first()
    after = versions.filter(number=new).first()
    if before is None or after is None:
        if agreement.versions.filter(number__in=(old, new)).count() > versions.filter(number__in=(old, new)).count():
            access.record_denied(request, formation, f"akkoord versies {old} en {new}")
        raise Http404("Deze versies bestaan niet of u hebt er geen toegang toe.")
    diff = make_redline(services.version_agreement(before), services.version_agreement(after))
    return render(request, "agreement/redline.html", _context(
        request, formation, agreement, "versions", diff=diff, before=before, after=after))


@agreement_page(edit=True)
@require_http_methods(["GET", "POST"])
def sections(request, formation, agreement):
    form = forms.SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = form.save(commit=False)
        section.agreement = agreement
        section.save()
        messages.success(request, f"De sectie ‘{section.title}’ is toegevoegd.")
        return redirect("agreement:sections", slug=formation.slug)
    return render(request, "agreement/sections.html", _context(
        request, formation, agreement, "sections", form=form, items=agreement.sections.all()))


@agreement_page(edit=True)
@require_http_methods(["GET", "POST"])
def section_edit(request, formation, agreement, pk: int):
    section = get_object_or_404(Section, agreement=agreement, pk=pk)
    if request.method == "POST" and request.POST.get("delete"):
        section.delete()
        messages.success(request, f"De sectie ‘{section.title}’ is verwijderd.")
        return redirect("agreement:sections", slug=formation.slug)
    form = forms.SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "De sectie is opgeslagen.")
        return redirect("agreement:sections", slug=formation.slug)
    return render(request, "agreement/section_edit.html", _context(
        request, formation, agreement, "sections", form=form, item=section))


@agreement_page(edit=True)
@require_http_methods(["GET", "POST"])
def house_style(request, formation, agreement):
    current = HouseStyle.objects.filter(agreement=agreement).first()
    if request.method == "POST" and request.POST.get("delete"):
        if current:
            current.delete()
        messages.success(request, "De huisstijl is verwijderd; Word-exports gebruiken weer de standaardopmaak.")
        return redirect("agreement:house_style", slug=formation.slug)
    form = forms.HouseStyleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"]
        HouseStyle.objects.update_or_create(agreement=agreement, defaults={
            "name": name[:200], "data": data, "uploaded_by": request.user})
        messages.success(request, f"De huisstijl ‘{name}’ wordt voortaan gebruikt voor Word-exports.")
        return redirect("agreement:house_style", slug=formation.slug)
    return render(request, "agreement/house_style.html", _context(
        request, formation, agreement, "house_style", form=form, current=current))


@agreement_page()
def export(request, formation, agreement, fmt: str):
    if fmt not in FORMATS:
        raise Http404("Onbekend formaat.")
    core, version = _chosen(request, formation, agreement)
    data = services.render_export(agreement, core, fmt, base_url=request.build_absolute_uri("/")[:-1],
                                  user=request.user)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"akkoord-{formation.slug}-v{core.version}{'-concept' if core.is_draft else ''}.{EXTENSIONS.get(fmt, fmt)}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
