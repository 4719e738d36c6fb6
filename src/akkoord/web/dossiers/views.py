"""The pages of the workbench. Thin: storage in services.py, everything else in the pure core."""
from __future__ import annotations

from collections import OrderedDict
from functools import cached_property
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from akkoord.dossier.model import FIELD_LABELS
from akkoord.dossier.partners import display_form, partner_key
from akkoord.dossier.readers import READER_LABELS
from akkoord.web import access, pagecache
from akkoord.web.dossiers import derived, jobs, publication, services
from akkoord.web.dossiers.forms import DeleteVersionForm, ProfileForm, StatusForm, UploadForm
from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion, Fiche, ReadJob
from akkoord.web.dossiers.quality import group
from akkoord.web.dossiers.timeline import KIND_LABELS, timeline_from_items

Status = DossierVersion.Status


def deny(request: HttpRequest):
    """Anyone without access gets the same 404 as for a dossier or version that does not exist,
    so that no one can tell a concept from an absent one (the 404 page offers to sign in)."""
    raise Http404("Geen toegang tot dit dossier.")


class DossierContext:
    """The dossier and version a page shows, resolved once per request."""

    def __init__(self, request: HttpRequest, dossier: Dossier, version: DossierVersion, explicit: bool):
        self.request = request
        self.dossier = dossier
        self.version = version
        self.explicit = explicit

    @cached_property
    def fiches(self) -> list[Fiche]:
        """The fiches without their (large) ``data``: enough for lists and titles."""
        if "full_fiches" in self.__dict__:
            return self.full_fiches
        return list(self.version.fiches.defer("data").order_by("position"))

    @cached_property
    def full_fiches(self) -> list[Fiche]:
        return list(self.version.fiches.order_by("position"))

    @cached_property
    def profile(self):
        """The version's profile: ambitions, term, boilerplate (akkoord.dossier.profile)."""
        return self.version.core_profile()

    @cached_property
    def core(self):
        from akkoord.dossier.model import Dossier as CoreDossier

        return CoreDossier(municipality=self.dossier.municipality, title=self.dossier.title,
                           fiches=[f.to_model() for f in self.full_fiches], profile=self.profile)

    @cached_property
    def derived(self) -> derived.Derived:
        """Glossary, partner index and timeline items, computed once per version (derived.py)."""
        return derived.load(self.version, lambda: self.core)

    @property
    def glossary(self):
        return self.derived.glossary

    @property
    def partners(self):
        return self.derived.partners

    @cached_property
    def findings(self):
        return group(derived.findings(self.version, lambda: self.core))

    @cached_property
    def diff(self) -> dict:
        """What changed since the newest older version this reader may read (never a concept
        they may not read)."""
        return services.version_diff(self.version, access.diff_base(self.request.user, self.version))

    @cached_property
    def default(self) -> DossierVersion | None:
        return access.default_version(self.request.user, self.dossier)

    @property
    def query(self) -> str:
        """``?versie=N`` when this is not the version the pages show by default."""
        if self.default and self.default.pk == self.version.pk:
            return ""
        return f"?versie={self.version.number}"

    def context(self, **extra) -> dict:
        newest = self.dossier.versions.filter(
            status__in=access.readable_statuses(self.request.user)).defer("warnings").order_by("-number").first()
        out = {
            "dossier": self.dossier,
            "version": self.version,
            "vq": self.query,
            "vq_amp": self.query.replace("?", "&") if self.query else "",
            "newer_version": newest if newest and newest.number > self.version.number else None,
            "can_ingest": access.can_ingest(self.request.user),
            "profile": self.profile,
        }
        out.update(extra)
        return out


def resolve(request: HttpRequest, slug: str) -> DossierContext:
    number = request.GET.get("versie", "").strip()
    if not number:  # the default version with its dossier, in one query (absent and denied look alike)
        version = access.default_version_by_slug(request.user, slug)
        if version is None:
            raise _Denied()
        ctx = DossierContext(request, version.dossier, version, False)
        ctx.__dict__["default"] = version  # the cached_property, known already
        return ctx
    dossier = get_object_or_404(Dossier, slug=slug)
    if not number.isdigit():
        raise Http404("Onbekende versie.")
    version = dossier.versions.filter(number=int(number)).first()
    if version is None:
        raise Http404("Onbekende versie.")
    if not access.can_view_version(request.user, version):
        raise _Denied()
    return DossierContext(request, dossier, version, True)


class _Denied(Exception):
    pass


def dossier_page(view=None, *, scoped: bool = True):
    """Resolve ``slug`` (and ``?versie``) to a DossierContext, or deny access. ``scoped``: the
    page depends on nothing of a signed-in reader but their ``access.reading_scope``."""
    if view is None:
        return lambda v: dossier_page(v, scoped=scoped)

    def wrapper(request: HttpRequest, slug: str, *args, **kwargs):
        try:
            ctx = resolve(request, slug)
        except _Denied:
            return deny(request)
        # Anonymous readers of a public version all get the same page (shared cache); signed-in
        # readers the page of their scope (pagecache.py).
        return pagecache.serve(request, lambda: view(request, ctx, *args, **kwargs),
                               "dossier", ctx.version.pk, ctx.version.status, scoped=scoped)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


# ---------------------------------------------------------------------------------------- pages


def home(request: HttpRequest) -> HttpResponse:
    versions = list(access.visible_versions(request.user).defer("warnings")
                    .order_by("dossier__municipality", "dossier__slug", "-number"))
    rows: "OrderedDict[int, dict]" = OrderedDict()
    for version in versions:
        row = rows.setdefault(version.dossier_id, {"dossier": version.dossier, "versions": []})
        row["versions"].append(version)
    counted = [row["versions"][-1].pk for row in rows.values()]
    counts = dict(Fiche.objects.filter(version_id__in=counted).values_list("version_id")
                  .annotate(n=Count("id")).values_list("version_id", "n"))
    for row in rows.values():
        row["fiche_count"] = counts.get(row["versions"][-1].pk, 0)
    return render(request, "dossiers/home.html", {
        "rows": list(rows.values()),
        "can_ingest": access.can_ingest(request.user),
        "programmes": list(access.visible_programmes(request.user).order_by("-term_start", "title")[:6]),
        "reads_released": access.can_read_released(request.user),
    })


def _ambition_summary(fiches: list[Fiche], profile) -> list[dict]:
    groups = []
    for amb in profile.ambitions:
        members = [f for f in fiches if amb.key in (f.ambitions or [])]
        groups.append({"key": amb.key, "label": amb.name, "colour": amb.colour, "fiches": members})
    without = [f for f in fiches if not f.ambitions]
    if without:
        groups.append({"key": "geen", "label": "Zonder opgave", "colour": "geen", "fiches": without})
    return groups


@dossier_page
def overview(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    chapters: "OrderedDict[str, list[Fiche]]" = OrderedDict()
    for fiche in ctx.fiches:
        chapters.setdefault(fiche.chapter or "?", []).append(fiche)
    return render(request, "dossiers/overview.html", ctx.context(
        chapters=list(chapters.items()),
        ambitions=_ambition_summary(ctx.fiches, ctx.profile),
        can_download=access.can_download_publication(request.user, ctx.version),
        fiche_count=len(ctx.fiches), section="overview",
    ))


@dossier_page
def ambitions(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    return render(request, "dossiers/ambitions.html", ctx.context(
        groups=_ambition_summary(ctx.fiches, ctx.profile), section="ambitions"))


@dossier_page
def fiche(request: HttpRequest, ctx: DossierContext, code: str) -> HttpResponse:
    fiches = ctx.fiches  # without their data: only this fiche's is read and decoded
    record = next((f for f in fiches if f.code == code), None)
    if record is None:
        raise Http404("Deze fiche bestaat niet in deze versie.")
    record = ctx.version.fiches.get(pk=record.pk)
    model = record.to_model()
    by_code = {}
    for other in fiches:
        by_code.setdefault(other.code, other)
    outgoing = [by_code[c] for c in model.related if c in by_code and c != code]
    missing_related = [c for c in model.related if c not in by_code]
    related_of = dict(ctx.version.fiches.values_list("pk", "data__related"))
    incoming = [f for f in fiches if f.code != code and code in (related_of.get(f.pk) or [])
                and f.code not in model.related]
    position = fiches.index(record)
    previous_fiche = fiches[position - 1] if position > 0 else None
    next_fiche = fiches[position + 1] if position + 1 < len(fiches) else None

    partner_entries = {}
    for entry in ctx.partners:
        for variant in entry.variants:
            partner_entries[variant] = entry
    partners = [(name, partner_entries.get(name.strip())) for name in model.partners]

    change = next((c for c in ctx.diff.get("changed", []) if c["code"] == code), None)
    added_in_version = code in ctx.diff.get("added", [])
    # Quality findings and reader warnings quote raw text: compilers only.
    findings = ctx.findings if access.can_see_findings(request.user) else None
    warnings = ([w for w in ctx.version.warnings if w.get("fiche") == code]
                if access.can_see_findings(request.user) else [])
    glossary = [e for e in ctx.glossary if code in e.fiches and e.expansion]
    return render(request, "dossiers/fiche.html", ctx.context(
        links=_fiche_links(model), sections=_fiche_sections(model), related_count=len(outgoing) + len(incoming),
        record=record, fiche=model, labels=FIELD_LABELS,
        outgoing=outgoing, incoming=incoming, missing_related=missing_related,
        previous_fiche=previous_fiche, next_fiche=next_fiche,
        partners=partners, change=change, added_in_version=added_in_version,
        findings=findings, fiche_findings=findings.for_fiche(code) if findings else [], warnings=warnings,
        glossary=glossary, section="fiche", diff=ctx.diff,
        marks=_search_marks(request), mark_query=request.GET.get("markeer", "")[:300],
    ))


def _fiche_links(model) -> list[dict]:
    """The fiche's links with a readable text (the document's title where the fiche names it);
    equal texts are numbered so that every link says where it goes."""
    from collections import Counter

    from akkoord.dossier.link_labels import link_label
    from akkoord.web.dossiers.templatetags.akkoord import safe_href

    titles = [source.title for source in model.sources if source.title]
    rows = [{"url": url, "href": safe_href(url), "label": link_label(url, titles)} for url in model.links]
    counts, seen = Counter(r["label"] for r in rows if r["href"]), Counter()
    for row in rows:
        if row["href"] and counts[row["label"]] > 1:
            seen[row["label"]] += 1
            row["label"] = f"{row['label']} ({seen[row['label']]})"
    return rows


def _fiche_sections(model) -> list[tuple[str, str]]:
    """The in-page menu of a fiche: (anchor, label) of every section the page shows."""
    sections = [("lijn", FIELD_LABELS["current_line"]), ("bronnen", FIELD_LABELS["sources"]),
                ("moment", FIELD_LABELS["adjustment_moment"]), ("extern", FIELD_LABELS["external_changes"]),
                ("partners", FIELD_LABELS["partners"]), ("advies", FIELD_LABELS["advice"]),
                ("beleidsterreinen", FIELD_LABELS["policy_areas"])]
    if model.links:
        sections.append(("links", FIELD_LABELS["links"]))
    if model.footnotes:
        sections.append(("voetnoten", FIELD_LABELS["footnotes"]))
    return sections


def _search_marks(request: HttpRequest) -> set[str]:
    """The words to mark on a fiche opened from a search result (``?markeer=vraag``)."""
    query = request.GET.get("markeer", "").strip()
    if not query:
        return set()
    from akkoord.web.search.highlight import query_terms

    return query_terms(query)


@dossier_page
def timeline(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    from akkoord.web.dossiers.timeline import term_chart, term_years

    choices = _ambition_choices(ctx)
    ambition = request.GET.get("ambitie", "")
    if ambition not in dict(choices):
        ambition = ""
    kinds = {k for k in request.GET.getlist("soort") if k in KIND_LABELS}
    term = ctx.profile.term or term_years(ctx.dossier.title, ctx.version.source_name, ctx.dossier.slug)
    data = timeline_from_items(ctx.derived.timeline, ctx.derived.dates_available, ambition or None, kinds or None,
                               term)
    if ambition:  # one ambition: its fiches against the years
        rows = [(f.code, f"{f.code} {f.title}") for f in ctx.fiches if ambition in (f.ambitions or [])]
        chart = term_chart(data, rows, lambda item: [item.fiche_code])
    else:  # every ambition against the years
        rows = list(choices) + [("geen", "Zonder opgave")]
        chart = term_chart(data, rows, lambda item: list(item.ambitions) or ["geen"])
    return render(request, "dossiers/timeline.html", ctx.context(
        timeline=data, ambition=ambition, ambition_label=dict(choices).get(ambition, ""),
        ambition_choices=choices, chart=chart,
        kind_choices=list(KIND_LABELS.items()), kinds=kinds,
        first_year=term[0], last_year=term[1],
        section="timeline",
    ))


def _ambition_choices(ctx: "DossierContext") -> list[tuple[str, str]]:
    """The ambitions of the dossier as (key, label), from its profile; the one place the
    partner and timeline pages read them."""
    return ctx.profile.ambition_choices()


@dossier_page
def partners(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    """Partners by the number of fiches that name them, with a partner × ambition count."""
    titles = {f.code: f.title for f in ctx.fiches}
    fiche_ambitions = {f.code: set(f.ambitions or []) for f in ctx.fiches}
    choices = _ambition_choices(ctx)
    rows = []
    for entry in ctx.partners:
        per_ambition = [sum(1 for code in entry.fiches if key in fiche_ambitions.get(code, ())) for key, _ in choices]
        spellings = list(dict.fromkeys(display_form(v) for v in entry.variants
                                       if display_form(v).casefold() != entry.name.casefold()))
        spellings = [v for i, v in enumerate(spellings)
                     if v.casefold() not in {w.casefold() for w in spellings[:i]}]
        rows.append({"entry": entry, "count": len(entry.fiches), "per_ambition": per_ambition,
                     "spellings": spellings})
    rows.sort(key=lambda r: (-r["count"], r["entry"].name.lower()))
    # one reversed URL per fiche, not one per mention (hundreds on this page)
    codes = set(titles).union(*(entry.fiches for entry in ctx.partners))
    fiche_urls = {code: reverse("dossiers:fiche", kwargs={"slug": ctx.dossier.slug, "code": code}) for code in codes}
    return render(request, "dossiers/partners.html", ctx.context(
        rows=rows, count=len(rows), titles=titles, fiche_urls=fiche_urls, ambition_choices=choices,
        section="partners", partner_key=partner_key,
    ))


@dossier_page
def glossary(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    titles = {f.code: f.title for f in ctx.fiches}
    return render(request, "dossiers/glossary.html", ctx.context(
        entries=ctx.glossary, defined=[e for e in ctx.glossary if e.expansion],
        undefined=[e for e in ctx.glossary if not e.expansion], titles=titles, section="glossary"))


@dossier_page(scoped=False)  # the compilers' event log changes without a new content generation
def versions(request: HttpRequest, ctx: DossierContext) -> HttpResponse:
    statuses = access.readable_statuses(request.user)
    rows = list(ctx.dossier.versions.filter(status__in=statuses).select_related("uploaded_by").order_by("-number"))
    for row in rows:
        row.visible_diff = services.version_diff(row, access.diff_base(request.user, row))
    events = []
    if access.can_ingest(request.user):
        events = AuditEvent.objects.filter(dossier=ctx.dossier).select_related("version")[:100]
    return render(request, "dossiers/versions.html", ctx.context(
        rows=rows, events=events, section="versions"))


def _version_for(request: HttpRequest, slug: str, number: int) -> DossierVersion:
    """The version named in the URL, or the same 404 whether it is absent or not for this reader."""
    version = DossierVersion.objects.select_related("dossier").filter(dossier__slug=slug, number=number).first()
    if version is None or not access.can_view_version(request.user, version):
        raise Http404("Geen toegang tot deze versie.")
    return version


def review(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """A version as stored: reader, changes, and for compilers the warnings, quality findings
    and the status buttons."""
    version = _version_for(request, slug, number)
    ctx = DossierContext(request, version.dossier, version, True)
    internal = access.can_see_findings(request.user)
    from akkoord.web.dossiers.quality import SEVERITY_LABELS

    severity = request.GET.get("ernst", "")
    severity = severity if severity in SEVERITY_LABELS else ""
    all_findings = derived.findings(version, lambda: ctx.core) if internal else None
    findings = group([f for f in all_findings if not severity or str(f.severity) == severity]
                     if all_findings is not None else None) if internal else None
    severity_counts = {}
    for finding in all_findings or []:
        severity_counts[str(finding.severity)] = severity_counts.get(str(finding.severity), 0) + 1
    warnings_by_fiche: "OrderedDict[str, list]" = OrderedDict()
    for warning in (version.warnings if internal else []):
        warnings_by_fiche.setdefault(warning.get("fiche") or "", []).append(warning)
    status_actions = []
    if access.can_publish(request.user):
        if version.status == Status.CONCEPT:
            status_actions.append((Status.RELEASED, "Vrijgeven aan de onderhandelaars…"))
        if version.status != Status.PUBLIC:
            status_actions.append((Status.PUBLIC, "Openbaar maken…"))
        if version.status != Status.CONCEPT:
            status_actions.append((Status.CONCEPT, "Terugzetten naar concept…"))
    fiche_titles = {f.code: f.title for f in ctx.full_fiches}
    return render(request, "dossiers/review.html", ctx.context(
        vq=f"?versie={version.number}", vq_amp=f"&versie={version.number}",
        findings=findings, show_internal=internal, warnings_by_fiche=list(warnings_by_fiche.items()),
        warning_count=len(version.warnings), status_actions=status_actions,
        reader_name=READER_LABELS.get(version.reader, version.reader),
        diff=ctx.diff, fiche_titles=fiche_titles, fiches=ctx.full_fiches,
        profile_form=ProfileForm(profile=ctx.profile) if access.can_ingest(request.user) else None,
        term=ctx.profile.term_years(version.dossier.title),
        profile_labels=[(label, FIELD_LABELS.get(field, "tabel" if field == "tables" else field))
                        for field, label in ctx.profile.labels.items()],
        severity=severity, severity_choices=[(k, v, severity_counts.get(k, 0)) for k, v in SEVERITY_LABELS.items()],
        all_findings_total=len(all_findings or []),
        can_delete=access.can_delete_version(request.user, version),
        section="versions",
    ))


@require_POST
def change_profile(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Corrections to the profile in the review step; kept with the version and the dossier,
    so the next version is read with them. Compilers only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    version = _version_for(request, slug, number)
    if not access.can_ingest(request.user):
        raise Http404("Geen toegang.")
    form = ProfileForm(request.POST, profile=version.core_profile())
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, f"Het profiel is niet gewijzigd: {errors}")
        return redirect(version.get_absolute_url() + "#profiel")
    services.set_profile(version, form.corrected(), request.user)
    messages.success(request, "Het profiel is bijgewerkt; een volgende versie wordt ermee ingelezen.")
    return redirect(version.get_absolute_url() + "#profiel")


# What each status change makes visible, said on the confirmation page.
STATUS_EFFECTS = {
    Status.RELEASED: ("Vrijgeven aan de onderhandelaars",
                      "Na vrijgeven kunnen alle onderhandelaars, de informateur en de formateur deze versie lezen en "
                      "doorzoeken. De kwaliteitsbevindingen en waarschuwingen blijven alleen voor ambtenaren zichtbaar. "
                      "Het publiek ziet deze versie niet."),
    Status.CONCEPT: ("Terugzetten naar concept",
                     "Na terugzetten ziet alleen de ambtelijke organisatie deze versie nog. Onderhandelaars en publiek "
                     "lezen dan de nieuwste eerdere versie die voor hen vrijgegeven of openbaar is."),
}


def _require_publisher(request: HttpRequest) -> None:
    if not access.can_publish(request.user):
        raise Http404("Geen toegang.")


@require_http_methods(["GET", "POST"])
def change_status(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Release a version or set it back to concept, after a confirmation that says who will see it."""
    version = _version_for(request, slug, number)
    _require_publisher(request)
    status = (request.POST.get("status") or request.GET.get("status") or "").strip()
    if status == "openbaar":
        return redirect("dossiers:publish", slug=slug, number=number)
    form = StatusForm({"status": status})
    if not form.is_valid() or status == version.status:
        messages.error(request, "Kies een andere status dan de huidige.")
        return redirect(version.get_absolute_url())
    title, effect = STATUS_EFFECTS[status]
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        services.set_status(version, status, request.user)
        messages.success(request, f"Versie {version.number} is {services.STATUS_MESSAGES[version.status]}.")
        return redirect(version.get_absolute_url())
    return render(request, "dossiers/confirm_status.html", {
        "dossier": version.dossier, "version": version, "status": status, "title": title, "effect": effect,
        "section": "versions",
    })


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Make a version public: show the publication copy's changes and the blocking findings
    left after cleaning; each needs a reason to be overridden. Publishes only on confirmation."""
    version = _version_for(request, slug, number)
    _require_publisher(request)
    plan = services.plan_publication(version)
    keyed = plan.keyed_blocking()
    reasons = {key: request.POST.get(f"reden-{key}", "") for key, _ in keyed}
    errors: dict[str, str] = {}
    if request.method == "POST":
        if request.POST.get("bevestigd") != "ja":
            errors["bevestigd"] = "Vink aan dat u deze versie openbaar wilt maken."
        for key, _ in keyed:
            if not reasons[key].strip():
                errors[key] = "Geef een reden, of los de bevinding op in een nieuwe versie."
        if not errors:
            try:
                copy_version = services.publish(version, request.user, reasons)
            except services.PublicationBlocked as exc:  # the findings changed meanwhile
                errors["bevestigd"] = str(exc)
            else:
                messages.success(request, f"Versie {version.number} is openbaar gemaakt als publicatiekopie "
                                          f"(versie {copy_version.number}).")
                return redirect(copy_version.get_absolute_url())
    return render(request, "dossiers/publish.html", {
        "dossier": version.dossier, "version": version, "plan": plan,
        "blocking": [(key, finding, reasons.get(key, ""), errors.get(key, "")) for key, finding in keyed],
        "errors": errors, "section": "versions",
    }, status=400 if errors else 200)


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Take the file, then read it in the background (jobs.py): the uploader watches ``job``."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.can_ingest(request.user):
        raise PermissionDenied("U mag geen dossiers inlezen.")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        existing = form.cleaned_data["dossier"]
        options = {"municipality": form.cleaned_data["municipality"] or None,
                   "title": form.cleaned_data["title"] or None,
                   "slug": existing.slug if existing else None,
                   "allow_other_municipality": bool(form.cleaned_data.get("other_municipality"))}
        job = jobs.create_job(request.user, upload_file, Path(upload_file.name).name, options)
        jobs.start(job)
        job.refresh_from_db()
        if not job.finished:
            return redirect(job.get_absolute_url())
        return _job_finished(request, job)
    return render(request, "dossiers/upload.html", {"form": form, "section": "upload"})


def _job_finished(request: HttpRequest, job: ReadJob) -> HttpResponse:
    if job.state == ReadJob.State.DONE and job.version is not None:
        messages.success(request, f"{job.message} Controleer het resultaat voordat u het vrijgeeft.")
        return redirect(job.version.get_absolute_url())
    form = UploadForm({}, {})  # bound, so that the error shows on the file field
    form.is_valid()
    form.errors.pop("file", None)
    form.add_error("file", job.message or "Dit bestand kan niet gelezen worden.")
    form.other_municipality_needed = (job.message or "").startswith(services.OTHER_MUNICIPALITY)
    return render(request, "dossiers/upload.html", {"form": form, "section": "upload"})


def _job_text(job: ReadJob) -> str:
    if job.finished:
        return "Klaar." if job.state == ReadJob.State.DONE else "Het inlezen is mislukt."
    if job.state == ReadJob.State.WAITING:
        return "Het bestand wacht op zijn beurt."
    if job.total:
        return f"Bezig met {job.stage}: {job.done} van {job.total} ({job.percent}%)."
    return f"Bezig met {job.stage or 'lezen'}…"


def job(request: HttpRequest, pk) -> HttpResponse:
    """The progress of one upload (job.js asks for it every second), then its result."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    found = ReadJob.objects.filter(pk=pk).select_related("version__dossier").first()
    if found is None or not access.can_ingest(request.user) or (
            found.user_id != request.user.pk and not request.user.is_superuser):
        raise Http404("Onbekende inleestaak.")
    if request.GET.get("formaat") == "json":  # for job.js
        response = JsonResponse({"finished": found.finished, "url": found.get_absolute_url(),
                                 "text": _job_text(found), "done": found.done, "total": found.total})
        response["Cache-Control"] = "private, no-store"
        return response
    if found.finished:
        return _job_finished(request, found)
    response = render(request, "dossiers/job.html", {"job": found, "section": "upload", "status_text": _job_text(found)})
    response["Cache-Control"] = "private, no-store"
    return response


def _publication(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    try:
        ctx = resolve(request, slug)
    except _Denied:
        raise Http404("Dit dossier is niet openbaar.")
    if not access.can_download_publication(request.user, ctx.version):
        raise Http404("Deze versie is niet openbaar.")
    if extension == "pdf":
        from django.utils import timezone
        from django.utils.formats import date_format

        body = publication.cached_pdf(ctx.version, date_format(timezone.localdate(), "j F Y"))
        content_type = "application/pdf"
    else:
        body = publication.publication_json(ctx.version)
        content_type = "application/json; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{publication.filename(ctx.version, extension)}"'
    return response


def publication_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The public version's publication copy as PDF (404 for anything not public)."""
    return _publication(request, slug, "pdf")


def publication_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The public version's publication copy as JSON (404 for anything not public)."""
    return _publication(request, slug, "json")


@require_POST
def delete_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Delete a concept version (a wrong upload); released and public versions stay."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    version = get_object_or_404(DossierVersion, dossier__slug=slug, number=number)
    if not access.can_view_version(request.user, version):
        raise Http404("Onbekende versie.")
    if not access.can_delete_version(request.user, version):
        raise PermissionDenied("Alleen een concept kan worden verwijderd, door een ambtenaar.")
    form = DeleteVersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Bevestig dat u het concept wilt verwijderen.")
        return redirect(version.get_absolute_url())
    number, name = version.number, version.dossier.display_name
    remaining = services.delete_concept(version, request.user)
    messages.success(request, f"Concept versie {number} van {name} is verwijderd.")
    if remaining is None:
        return redirect(reverse("dossiers:home"))
    return redirect(reverse_versions(remaining))


def reverse_versions(dossier: Dossier) -> str:
    return reverse("dossiers:versions", kwargs={"slug": dossier.slug})
