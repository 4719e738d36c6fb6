"""Storing the term: adopt an agreement as a programme, record updates and changes of course,
apply a checked bulk import, publish. Views and commands call these; every change is an
``Update`` row (the history) and a line in the audit trail where it concerns the programme.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from akkoord.monitoring import bulk, rollup
from akkoord.monitoring.status import BY_KEY, is_overdue
from akkoord.web.monitoring.models import Commitment, Milestone, Programme, ProgrammeSource, Update


class MonitoringError(ValueError):
    """A refused change, with a Dutch message."""


def _iso(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _unique_slug(base: str) -> str:
    base = slugify(base)[:70].strip("-") or "akkoord"
    slug, n = base, 2
    while Programme.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def adopt_agreement(data: dict, *, user=None, slug: str | None = None, title: str | None = None,
                    adopted_on: date | None = None, term: tuple[int, int] | None = None) -> Programme:
    """Make a programme of monitored commitments from an adopted agreement's open-data JSON
    (schema ``akkoord-agreement/1``): one commitment per afspraak, with its trace."""
    afspraken = data.get("afspraken")
    if not isinstance(afspraken, list):
        raise MonitoringError("dit is geen akkoord: de lijst 'afspraken' ontbreekt.")
    adopted = adopted_on or _iso(data.get("adopted_on")) or timezone.localdate()
    first, last = term or (adopted.year, adopted.year + 4)
    name = title or data.get("title") or f"Coalitieakkoord {data.get('municipality', '')}".strip()
    with transaction.atomic():
        programme = Programme.objects.create(
            slug=_unique_slug(slug or f"{name} {first}"), title=name[:300],
            municipality=str(data.get("municipality") or "")[:200], term_start=first, term_end=last,
            adopted_on=adopted)
        ProgrammeSource.objects.create(programme=programme, data=data)
        seen: set[str] = set()
        for position, item in enumerate(afspraken):
            key = str(item.get("id") or position + 1)[:40]
            if key in seen:
                raise MonitoringError(f"afspraak-id {key} komt twee keer voor.")
            seen.add(key)
            smart = item.get("smart") or {}
            fiche = item.get("fiche") or {}
            commitment = Commitment.objects.create(
                programme=programme, key=key, number=str(item.get("number") or "")[:20],
                title=str(item.get("title") or item.get("text") or key)[:500], text=str(item.get("text") or ""),
                ambition=str(item.get("ambition") or "")[:60],
                ambition_label=str(item.get("ambition_label") or item.get("ambition") or "")[:200],
                fiche_code=str(fiche.get("code") or "")[:12], fiche_title=str(fiche.get("title") or "")[:500],
                portfolio_holder=str(smart.get("portfolio_holder") or "")[:200],
                deadline=_iso(smart.get("deadline")), target=str(smart.get("target") or ""),
                baseline=str(smart.get("baseline") or ""), budget=list(smart.get("budget") or []),
                sources=list(item.get("sources") or []), adjustment_moment=str(item.get("adjustment_moment") or ""),
                trace={k: item.get(k) for k in ("point", "decision") if item.get(k)}, position=position,
                last_update_on=adopted)
            Milestone.objects.bulk_create([
                Milestone(commitment=commitment, day=_iso(m.get("date")), text=str(m.get("text") or "")[:500])
                for m in smart.get("milestones") or [] if m.get("text")])
            Update.objects.create(commitment=commitment, kind=Update.Kind.ADOPTED, day=adopted,
                                  status=commitment.status, text="Afspraak vastgesteld in het coalitieakkoord.",
                                  author=_user(user), author_name=_name(user), via="akkoord")
    return programme


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _name(user, actor: str = "") -> str:
    return (getattr(user, "username", "") or actor or "")[:150]


def _lock(commitment: Commitment, revision: int | None) -> Commitment:
    """The commitment row, locked; refused when someone saved it since ``revision`` was read."""
    current = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if revision is not None and current.revision != revision:
        raise StaleCommitment(current)
    return current


class StaleCommitment(MonitoringError):
    def __init__(self, current: Commitment):
        self.current = current
        super().__init__("iemand anders heeft deze afspraak intussen bijgewerkt; bekijk de nieuwe stand en "
                         "sla uw wijziging opnieuw op.")


def record_update(commitment: Commitment, *, status: str, progress: int | None, text: str,
                  evidence: list[dict] | None = None, day: date | None = None, user=None, actor: str = "",
                  via: str = "formulier", revision: int | None = None) -> Update:
    """A dated progress update: new status and percentage, explanation, evidence links."""
    target = BY_KEY.get(status)
    if target is None:
        raise MonitoringError(f"onbekende status '{status}'.")
    evidence = [e for e in (evidence or []) if e.get("url")]
    with transaction.atomic():
        current = _lock(commitment, revision)
        if target.needs_decision and status != current.status:
            raise MonitoringError(f"'{target.label}' vraagt om een raadsbesluit: leg een koerswijziging vast.")
        if target.needs_evidence and status != current.status and not evidence:
            raise MonitoringError(f"bij '{target.label}' hoort bewijs: een link naar een raadsstuk of document.")
        if progress is not None and not 0 <= progress <= 100:
            raise MonitoringError("de voortgang is een percentage van 0 tot en met 100.")
        day = day or timezone.localdate()
        update = Update.objects.create(
            commitment=current, kind=Update.Kind.PROGRESS, day=day, text=text.strip(), old_status=current.status,
            status=status, old_progress=current.progress, progress=progress, evidence=evidence,
            author=_user(user), author_name=_name(user, actor), via=via)
        Commitment.objects.filter(pk=current.pk).update(
            status=status, progress=progress, revision=F("revision") + 1,
            last_update_on=max(day, current.last_update_on or day))
        _touch(current.programme_id)
    commitment.refresh_from_db()
    return update


def change_course(commitment: Commitment, *, status: str, decision_title: str, decision_url: str = "",
                  reason: str, new_text: str = "", new_deadline: date | None = None, day: date | None = None,
                  user=None, actor: str = "", revision: int | None = None) -> Update:
    """A change of course (gewijzigd, losgelaten) with the council decision that caused it; the
    afspraak's old and new wording stay in the history."""
    if status not in ("gewijzigd", "losgelaten"):
        raise MonitoringError("een koerswijziging maakt een afspraak 'gewijzigd' of 'losgelaten'.")
    if not decision_title.strip():
        raise MonitoringError("noem het raadsbesluit dat de koers veranderde.")
    if not reason.strip():
        raise MonitoringError("geef de reden van de koerswijziging.")
    with transaction.atomic():
        current = _lock(commitment, revision)
        day = day or timezone.localdate()
        update = Update.objects.create(
            commitment=current, kind=Update.Kind.COURSE, day=day, text=reason.strip(), old_status=current.status,
            status=status, old_progress=current.progress, progress=current.progress if status == "gewijzigd" else None,
            decision_title=decision_title.strip()[:500], decision_url=decision_url.strip()[:1000],
            old_text=current.text, new_text=new_text.strip() if status == "gewijzigd" else "",
            author=_user(user), author_name=_name(user, actor), via="formulier")
        fields = {"status": status, "revision": F("revision") + 1,
                  "last_update_on": max(day, current.last_update_on or day)}
        if status == "gewijzigd" and new_text.strip():
            fields["text"] = new_text.strip()
        if status == "gewijzigd" and new_deadline:
            fields["deadline"] = new_deadline
            update.text = f"{update.text}\n\nNieuwe deadline: {new_deadline:%d-%m-%Y}."
            update.save(update_fields=["text"])
        if status == "losgelaten":
            fields["progress"] = None
        Commitment.objects.filter(pk=current.pk).update(**fields)
        _touch(current.programme_id)
    commitment.refresh_from_db()
    return update


def _touch(programme_id: int) -> None:
    Programme.objects.filter(pk=programme_id).update(changed_at=timezone.now())


def set_published(programme: Programme, published: bool) -> None:
    programme.published = published
    programme.published_at = timezone.now() if published else None
    programme.save(update_fields=["published", "published_at", "changed_at"])


# ------------------------------------------------------------------------------ bulk (CSV)


def _latest_texts(programme: Programme) -> dict[int, str]:
    latest: dict[int, str] = {}
    for commitment_id, text in (Update.objects.filter(commitment__programme=programme)
                                .order_by("commitment_id", "-day", "-created_at", "-id")
                                .values_list("commitment_id", "text")):
        latest.setdefault(commitment_id, text)
    return latest


def export_rows(programme: Programme, today: date | None = None) -> list[dict]:
    today = today or timezone.localdate()
    latest = _latest_texts(programme)
    rows = []
    for c in programme.commitments.order_by("position"):
        rows.append({
            "id": c.key, "nummer": c.number, "titel": c.title, "ambitie": c.ambition_label, "fiche": c.fiche_code,
            "portefeuillehouder": c.portfolio_holder, "deadline": c.deadline.isoformat() if c.deadline else "",
            "status": c.status_label, "voortgang": "" if c.progress is None else c.progress,
            "te_laat": "ja" if is_overdue(c.status, c.deadline, today) else "nee",
            "laatste_update": c.last_update_on.isoformat() if c.last_update_on else "",
            "toelichting": latest.get(c.pk, ""), "bewijs": "",
        })
    return rows


def export_csv(programme: Programme) -> str:
    return bulk.export_rows(export_rows(programme))


def plan_import(programme: Programme, data: bytes) -> bulk.ImportPlan:
    latest = _latest_texts(programme)
    current = {c.key: bulk.Current(c.key, c.title, c.status, c.progress, latest.get(c.pk, ""))
               for c in programme.commitments.all()}
    return bulk.plan_import(data, current, timezone.localdate())


def apply_import(programme: Programme, plan: bulk.ImportPlan, *, user=None, actor: str = "") -> int:
    """Apply a plan without errors, all rows or none (one transaction)."""
    if not plan.ok:
        raise MonitoringError("het bestand bevat fouten; er is niets gewijzigd.")
    by_key = {c.key: c for c in programme.commitments.all()}
    with transaction.atomic():
        for change in plan.changes:
            record_update(by_key[change.id], status=change.new_status, progress=change.new_progress,
                          text=change.text, evidence=[{"url": u, "title": ""} for u in change.evidence],
                          day=change.day, user=user, actor=actor, via="csv")
    return len(plan.changes)


# ------------------------------------------------------------------------------ read models


@dataclass
class Dashboard:
    programme: Programme
    commitments: list[Commitment]
    by_ambition: list[rollup.Group]
    overall: float | None
    overdue: list[Commitment]
    counts: dict[str, int]


def _weight(value) -> float:
    try:
        return float(Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return 1.0


def items(commitments) -> list[rollup.Item]:
    return [rollup.Item(c.key, c.status, c.progress, _weight(c.weight)) for c in commitments]


def dashboard(programme: Programme, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    commitments = list(programme.commitments.order_by("position").only(
        "key", "number", "title", "ambition", "ambition_label", "fiche_code", "fiche_title", "portfolio_holder",
        "deadline", "status", "progress", "weight", "position", "last_update_on", "programme_id"))
    for c in commitments:
        c.programme = programme  # for get_absolute_url, without a query per commitment
        c.overdue = is_overdue(c.status, c.deadline, today)
    pairs = zip(items(commitments), commitments)
    groups = rollup.roll_up((item, c.ambition or "-", c.ambition_label or "Zonder opgave") for item, c in pairs)
    counts: dict[str, int] = {}
    for c in commitments:
        counts[c.status] = counts.get(c.status, 0) + 1
    return Dashboard(programme, commitments, groups, rollup.overall(groups),
                     [c for c in commitments if c.overdue], counts)


def roll_ups(programme: Programme, commitments: list[Commitment] | None = None) -> dict[str, list[rollup.Group]]:
    if commitments is None:
        commitments = list(programme.commitments.order_by("position"))
    its = items(commitments)
    return {
        "ambitie": rollup.roll_up((i, c.ambition or "-", c.ambition_label or "Zonder opgave")
                                  for i, c in zip(its, commitments)),
        "fiche": rollup.roll_up((i, c.fiche_code or "-", f"{c.fiche_code} {c.fiche_title}".strip() or "Zonder fiche")
                                for i, c in zip(its, commitments)),
        "portefeuille": rollup.roll_up((i, c.portfolio_holder or "-", c.portfolio_holder or "Niet toegewezen")
                                       for i, c in zip(its, commitments)),
    }


def demo_programme(actor: str = "demo") -> Programme:
    """The fictional adopted agreement of the previous term with its history (``akkoord demo``),
    made once and published."""
    from akkoord.monitoring import sample

    existing = Programme.objects.filter(slug=sample.SLUG).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        programme = adopt_agreement(sample.agreement(), slug=sample.SLUG, term=(2022, 2026))
        by_key = {c.key: c for c in programme.commitments.all()}
        for key, entries in sample.history().items():
            for entry in entries:
                if entry[0] == "koers":
                    _, day, status, decision, reason, new_text, *rest = entry
                    change_course(by_key[key], status=status, decision_title=decision, reason=reason,
                                  new_text=new_text, new_deadline=date.fromisoformat(rest[0]) if rest else None,
                                  day=date.fromisoformat(day), actor=actor)
                else:
                    day, status, progress, text, evidence = entry
                    record_update(by_key[key], status=status, progress=progress, text=text,
                                  evidence=[{"url": evidence, "title": "Raadsstuk"}] if evidence else [],
                                  day=date.fromisoformat(day), actor=actor, via="demo")
        set_published(programme, True)
    return programme
