"""Between the database and the pure core: draft the agreement from the formation's decisions,
freeze versions, and export. Positions come only from ``access.agreement_positions``."""
from __future__ import annotations

from datetime import date

from django.apps import apps
from django.db import transaction
from django.urls import reverse

from akkoord.agreement.build import PointRecord, afspraak_id, draft_agreement
from akkoord.agreement.exports import export
from akkoord.agreement.model import Agreement as CoreAgreement
from akkoord.agreement.model import Budget, Milestone, Section as CoreSection, Smart, agreement_from_json
from akkoord.dossier.model import Fiche
from akkoord.web.dossiers.profiles import version_ambitions
from akkoord.web import access
from akkoord.web.agreement.models import Afspraak, Agreement, AgreementVersion
from akkoord.web.formation.models import Decision, Formation, Point


def get_or_create_agreement(formation: Formation) -> Agreement:
    agreement = Agreement.objects.filter(formation=formation).first()
    if agreement is None:
        agreement, _ = Agreement.objects.get_or_create(
            formation=formation, defaults={"title": f"Coalitieakkoord {formation.municipality} {formation.election_year}"})
    return agreement


def _fiches(formation: Formation) -> dict[str, Fiche]:
    if not formation.version_id:
        return {}
    return {f.code: f.to_model() for f in formation.version.fiches.all()}


def _smart(row: Afspraak, decision: Decision | None, default_text: str) -> Smart:
    budget = [Budget.from_dict(b) for b in row.budget or [] if str(b.get("year", "")).strip()]
    if not budget and decision is not None:
        kind = decision.money_kind or "structureel"
        budget = [Budget(int(y), int(a), kind) for y, a in sorted((decision.amounts or {}).items()) if str(y).isdigit()]
    deadline = row.deadline or (decision.deadline if decision else None)
    return Smart(what=row.what or default_text, target=row.target, baseline=row.baseline,
                 deadline=deadline.isoformat() if deadline else "", portfolio_holder=row.portfolio_holder,
                 budget=budget, milestones=[Milestone.from_dict(m) for m in row.milestones or []])


def draft(agreement: Agreement, user=None, *, with_positions: bool = True) -> CoreAgreement:
    """The working draft: decided points as afspraken, parked and open points apart."""
    formation = agreement.formation
    points = list(Point.objects.filter(formation=formation, merged_into__isnull=True)
                  .select_related("decision").order_by("number"))
    rows = {a.point_id: a for a in agreement.afspraken.all()}
    positions: dict[int, list[dict[str, str]]] = {}
    if with_positions and user is not None:
        for p in access.agreement_positions(user, formation).select_related("party").order_by("party__abbreviation"):
            positions.setdefault(p.point_id, []).append(
                {"party": p.party.abbreviation, "stance": p.get_stance_display(), "explanation": p.explanation})
    records, smart, texts = [], {}, {}
    for point in points:
        decision = getattr(point, "decision", None)
        records.append(PointRecord(
            id=str(point.pk), number=point.number, text=point.text, fiche_code=point.fiche_code,
            fiche_title=point.fiche_title, ambitions=list(point.ambitions or []), advice_index=point.advice_index,
            advice_text=point.current_advice_text or point.advice_text, logical_moment=point.logical_moment,
            decision_id=str(decision.pk) if decision else "", decision_status=decision.status if decision else "open",
            decision_text=decision.text if decision else "", amounts=dict(decision.amounts or {}) if decision else {},
            money_kind=decision.money_kind if decision else "",
            deadline=decision.deadline.isoformat() if decision and decision.deadline else "",
            positions=positions.get(point.pk, [])))
        row = rows.get(point.pk)
        if row is not None:
            ident = afspraak_id(str(point.pk))
            text = row.text or (decision.text if decision and decision.text else point.text)
            smart[ident] = _smart(row, decision, text)
            texts[ident] = (row.title, row.text)
    sections = [CoreSection(f"sectie-{s.pk}", s.title, s.text, s.placement) for s in agreement.sections.all()]
    number = (agreement.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return draft_agreement(
        municipality=formation.municipality, formation_slug=formation.slug, formation_name=formation.name,
        title=agreement.title, points=records, fiches=_fiches(formation),
        ambitions=version_ambitions(formation.version if formation.version_id else None), sections=sections,
        smart=smart, texts=texts,
        version=number, status="concept")


def version_agreement(version: AgreementVersion, user=None) -> CoreAgreement:
    """A frozen version; positions are added afresh (table-shared, drafters only), never stored."""
    core = agreement_from_json(version.data)
    core.status = version.status
    core.adopted_on = version.adopted_on.isoformat() if version.adopted_on else ""
    if user is not None:
        shared: dict[str, list[dict[str, str]]] = {}
        for p in access.agreement_positions(user, version.agreement.formation).select_related("party"):
            shared.setdefault(str(p.point_id), []).append(
                {"party": p.party.abbreviation, "stance": p.get_stance_display(), "explanation": p.explanation})
        for a in core.afspraken:
            a.positions = shared.get(a.point.id, [])
    return core


@transaction.atomic
def freeze(agreement: Agreement, user, note: str = "") -> AgreementVersion:
    core = draft(agreement, None, with_positions=False)
    Agreement.objects.select_for_update().filter(pk=agreement.pk).first()
    number = (agreement.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    core.version = number
    return AgreementVersion.objects.create(agreement=agreement, number=number, data=core.to_dict(), note=note[:300],
                                           created_by=user if getattr(user, "is_authenticated", False) else None)


@transaction.atomic
def adopt(version: AgreementVersion, adopted_on: date | None = None, user=None):
    """Adopt a version; the monitoring app then follows its afspraken (one programme per
    adopted version, made from the open-data JSON). Returns the programme, if one was made."""
    version.status = AgreementVersion.Status.ADOPTED
    version.adopted_on = adopted_on or date.today()
    data = dict(version.data)
    data["status"] = "vastgesteld"
    data["adopted_on"] = version.adopted_on.isoformat()
    version.data = data
    version.save(update_fields=["status", "adopted_on", "data"])
    if not apps.is_installed("akkoord.web.monitoring"):
        return None
    from akkoord.web.monitoring.services import adopt_agreement

    formation = version.agreement.formation
    return adopt_agreement(data, user=user, slug=f"{formation.slug}-v{version.number}", adopted_on=version.adopted_on)


def fiche_url_for(formation: Formation, user):
    """Links from the agreement to the dossier's fiche pages, when the reader may read that version."""
    if not (formation.dossier_id and formation.version_id):
        return None
    version = formation.version
    if not access.can_view_version(user, version):
        return None
    slug = formation.dossier.slug

    def url(code: str) -> str:
        return reverse("dossiers:fiche", kwargs={"slug": slug, "code": code}) + f"?versie={version.number}"

    return url


def render_export(agreement: Agreement, core: CoreAgreement, fmt: str, *, base_url: str = "", user=None) -> bytes:
    formation = agreement.formation
    fiche_url = fiche_url_for(formation, user) if user is not None else None
    absolute = (lambda code: base_url + fiche_url(code)) if fiche_url and base_url else fiche_url
    template = None
    if fmt == "docx" and hasattr(agreement, "house_style"):
        template = bytes(agreement.house_style.data)

    def link(a) -> str:
        return base_url + reverse("agreement:show", kwargs={"slug": formation.slug}) + "#a-" + a.number.replace(".", "-")

    return export(core, fmt, template=template, fiche_url=absolute, link=link if base_url else None)
