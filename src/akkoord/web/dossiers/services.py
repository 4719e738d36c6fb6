"""Storing dossiers: ingest a file as a new version, change a version's status.

Views and commands call these; they never parse themselves. Every change leaves an
``AuditEvent``.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from akkoord.dossier.checks import Finding, check_dossier
from akkoord.dossier.errors import DossierError
from akkoord.dossier.exports.publish import Change, publication_copy
from akkoord.dossier.model import CODE_PATTERN, Dossier as CoreDossier, ReaderWarning, ReadResult
from akkoord.dossier.profile import Profile
from akkoord.dossier.readers import read_path
from akkoord.web.dossiers.diff import dossier_diff
from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion, Fiche, VersionDiff

log = logging.getLogger(__name__)
Status = DossierVersion.Status

def structural_warnings(dossier: CoreDossier) -> list[ReaderWarning]:
    """Warnings the workbench adds: duplicate or malformed codes make fiche pages ambiguous."""
    warnings: list[ReaderWarning] = []
    seen: set[str] = set()
    for fiche in dossier.fiches:
        if fiche.code in seen:
            warnings.append(ReaderWarning(f"de code {fiche.code} komt meer dan één keer voor; "
                                          "alleen de eerste fiche is via haar code te openen.",
                                          fiche=fiche.code, kind="duplicate-code"))
        seen.add(fiche.code)
        if not CODE_PATTERN.match(fiche.code):
            warnings.append(ReaderWarning(f"de code '{fiche.code}' heeft niet de vorm cijfer plus letter.",
                                          fiche=fiche.code, kind="odd-code"))
    if not dossier.fiches:
        warnings.append(ReaderWarning("er zijn geen fiches gevonden.", kind="no-fiches"))
    return warnings


def dossier_slug(name: str) -> str:
    slug = slugify(name)[:80].strip("-")
    return slug or "dossier"


def _audit(user, action: str, description: str, version: DossierVersion | None = None, actor: str = "",
           **details) -> AuditEvent:
    """Record who did what. ``actor`` names a non-web actor (``opdrachtregel:alice``)."""
    return AuditEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=(getattr(user, "username", "") or actor or "")[:150],
        action=action,
        dossier=version.dossier if version else None,
        version=version,
        description=description,
        details=details,
    )


def notify_search(version: DossierVersion) -> None:
    """Let the search app (re)index a version; absent or failing search never blocks storage."""
    try:
        from akkoord.web.search.indexing import index_version
    except ImportError:
        return
    try:
        with transaction.atomic():  # a savepoint: a failing index never spoils the caller's transaction
            index_version(version)
    except Exception as exc:  # the search index can be rebuilt; the ingest itself must stand
        log.warning("zoekindex van %s niet bijgewerkt: %s", version, exc)


def store_derived(version: DossierVersion, dossier: CoreDossier | None = None) -> None:
    """Compute the version's derived page data now (derived.py); a failure only postpones it
    to the first page that needs it."""
    from akkoord.web.dossiers import derived

    try:
        with transaction.atomic():
            derived.store(version, dossier)
    except Exception as exc:  # the pages compute it again when they need it
        log.warning("afgeleide gegevens van %s niet opgeslagen: %s", version, exc)


def store_result(result: ReadResult, user=None, *, source_name: str = "", slug: str | None = None,
                 municipality: str | None = None, title: str | None = None, actor: str = "") -> DossierVersion:
    """Store a read dossier as a new concept version (of an existing dossier when the slug matches)."""
    core = result.dossier
    if municipality:
        core.municipality = municipality
    if title:
        core.title = title
    slug = dossier_slug(slug or core.municipality or core.title or Path(source_name).stem)
    warnings = [w.to_dict() for w in list(result.warnings) + structural_warnings(core)]
    with transaction.atomic():
        dossier, created = Dossier.objects.select_for_update().get_or_create(
            slug=slug, defaults={"municipality": core.municipality, "title": core.title})
        if not created:
            changed_fields = []
            if core.municipality and core.municipality != dossier.municipality:
                dossier.municipality = core.municipality
                changed_fields.append("municipality")
            if core.title and core.title != dossier.title:
                dossier.title = core.title
                changed_fields.append("title")
            if changed_fields:
                dossier.save(update_fields=changed_fields)
        profile = core.profile.to_dict() if core.profile is not None else {}
        if profile and (created or not dossier.profile):
            dossier.profile = profile
            dossier.save(update_fields=["profile"])
        version = _new_version(dossier, core, status=Status.CONCEPT, reader=result.reader, warnings=warnings,
                               user=user, source_name=source_name)
        number = version.number
        _audit(user, AuditEvent.Action.INGEST,
               f"{source_name or 'bestand'} ingelezen als versie {number} van {dossier.display_name} "
               f"({len(core.fiches)} fiches, {len(warnings)} waarschuwingen)",
               version, actor=actor, reader=result.reader, fiches=len(core.fiches), warnings=len(warnings),
               source_name=source_name)
    store_derived(version)  # from the stored fiches, exactly as the pages would
    notify_search(version)
    return version


def set_profile(version: DossierVersion, profile: Profile, user=None) -> None:
    """Keep a corrected profile with the version and its dossier (the next version reuses it)."""
    data = profile.to_dict()
    with transaction.atomic():
        version.profile = data
        version.save(update_fields=["profile"])
        dossier = version.dossier
        dossier.profile = data
        fields = ["profile"]
        if profile.municipality and profile.municipality != dossier.municipality:
            dossier.municipality = profile.municipality
            fields.append("municipality")
        dossier.save(update_fields=fields)
    store_derived(version)


def _new_version(dossier: Dossier, core: CoreDossier, *, status: str, reader: str, warnings: list, user,
                 source_name: str, published_from: DossierVersion | None = None,
                 profile: dict | None = None) -> DossierVersion:
    """Store ``core`` as the next version of ``dossier`` with its fiches and its difference from
    the version before it (inside the caller's transaction, which holds the dossier row)."""
    previous = dossier.versions.order_by("-number").first()
    version = DossierVersion.objects.create(
        dossier=dossier, number=previous.number + 1 if previous else 1, status=status, reader=reader,
        warnings=warnings, uploaded_by=user if user is not None and user.is_authenticated else None,
        source_name=source_name[:255], published_from=published_from,
        status_changed_at=timezone.now() if status != Status.CONCEPT else None,
        profile=profile if profile is not None else (core.profile.to_dict() if core.profile is not None else {}),
    )
    Fiche.objects.bulk_create([
        Fiche(version=version, code=f.code[:12], chapter=f.chapter[:8], title=f.title[:500],
              ambitions=list(f.ambitions), data=f.to_dict(), position=index)
        for index, f in enumerate(core.fiches)
    ])
    if previous is not None:
        VersionDiff.objects.create(version=version, base=previous,
                                   data=dossier_diff(previous.to_dossier(), core, previous.number))
    return version


def version_diff(version: DossierVersion, base: DossierVersion | None) -> dict:
    """What changed from ``base`` to ``version`` (empty without a base), computed once and kept.
    Callers choose ``base`` with ``access.diff_base`` so that a reader only ever sees the
    difference between versions that reader may read."""
    if base is None:
        return {}
    stored = VersionDiff.objects.filter(version=version, base=base).values_list("data", flat=True).first()
    if stored is not None:
        return stored
    data = dossier_diff(base.to_dossier(), version.to_dossier(), base.number)
    VersionDiff.objects.get_or_create(version=version, base=base, defaults={"data": data})
    return data


def ingest_file(path: str | Path, user=None, municipality: str | None = None, *, slug: str | None = None,
                title: str | None = None, source_name: str | None = None, actor: str = "") -> DossierVersion:
    """Read a dossier file and store it as a new concept version; DossierError on bad input."""
    path = Path(path)
    result = read_path(path)
    # The next version of a dossier is read with the profile kept (and corrected) with it.
    target = dossier_slug(slug or result.dossier.municipality or result.dossier.title or path.stem)
    kept = Dossier.objects.filter(slug=target).values_list("profile", flat=True).first()
    if kept:
        result = read_path(path, profile=Profile.from_dict(kept))
    return store_result(result, user, source_name=source_name or path.name, slug=slug,
                        municipality=municipality, title=title, actor=actor)


STATUS_MESSAGES = {
    Status.CONCEPT: "teruggezet naar concept",
    Status.RELEASED: "vrijgegeven aan de onderhandelaars",
    Status.PUBLIC: "openbaar gemaakt",
}


def set_status(version: DossierVersion, status: str, user=None, actor: str = "") -> DossierVersion:
    """Change a version's status and record who did it. A version becomes public only through
    ``publish`` (which stores the publication copy), unless it is such a copy itself."""
    if status not in Status.values:
        raise ValueError(f"onbekende status: {status}")
    if status == Status.PUBLIC and version.published_from_id is None:
        raise ValueError("openbaar maken gaat via de publicatiekopie (services.publish)")
    if version.status == status:
        return version
    old = version.status
    version.status = status
    version.status_changed_at = timezone.now()
    with transaction.atomic():
        version.save(update_fields=["status", "status_changed_at"])
        _audit(user, AuditEvent.Action.STATUS,
               f"versie {version.number} van {version.dossier.display_name} {STATUS_MESSAGES[status]}",
               version, actor=actor, old=old, new=status)
    notify_search(version)
    return version


# ------------------------------------------------------------------------------ publication


def finding_key(finding: Finding) -> str:
    """A stable short key for one finding, to name it in an override (form field, CLI option)."""
    raw = "\x1f".join((finding.fiche or "", finding.field, finding.rule, finding.value or ""))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


@dataclass
class PublicationPlan:
    """What ``publish`` would store: the cleaned copy, what the cleaning changed, and the
    blocking findings the cleaning could not repair (each needs an override with a reason)."""

    version: DossierVersion
    copy: CoreDossier
    changes: list[Change]
    blocking: list[Finding]

    def keyed_blocking(self) -> list[tuple[str, Finding]]:
        return [(finding_key(f), f) for f in self.blocking]


class PublicationBlocked(DossierError):
    def __init__(self, plan: PublicationPlan, missing: list[Finding]):
        self.plan = plan
        self.missing = missing
        super().__init__(f"{len(missing)} blokkerende bevinding{'en' if len(missing) != 1 else ''} zonder "
                         "reden om ze te overschrijven; niets is openbaar gemaakt.")


def plan_publication(version: DossierVersion) -> PublicationPlan:
    copy_, changes = publication_copy(version.to_dossier())
    blocking = [f for f in check_dossier(copy_) if f.blocking]
    return PublicationPlan(version, copy_, changes, blocking)


def publish(version: DossierVersion, user=None, overrides: dict[str, str] | None = None, *,
            actor: str = "") -> DossierVersion:
    """Make ``version`` public the only safe way: store its publication copy (links unwrapped,
    personal data withheld; ``akkoord export --publish``) as a new version with status
    ``openbaar``. The version itself keeps its status and its findings stay internal.

    Blocking findings left after cleaning stop publication unless ``overrides`` gives a reason
    for each (by ``finding_key``); every override is kept in the audit trail."""
    plan = plan_publication(version)
    reasons = {key: " ".join(str(text).split()) for key, text in (overrides or {}).items() if str(text).strip()}
    missing = [f for key, f in plan.keyed_blocking() if key not in reasons]
    if missing:
        raise PublicationBlocked(plan, missing)
    dossier = version.dossier
    with transaction.atomic():
        Dossier.objects.select_for_update().filter(pk=dossier.pk).first()
        copy_version = _new_version(dossier, plan.copy, status=Status.PUBLIC, reader=version.reader, warnings=[],
                                    user=user, source_name=f"publicatiekopie van versie {version.number}",
                                    published_from=version, profile=version.profile)
        for key, finding in plan.keyed_blocking():
            _audit(user, AuditEvent.Action.OVERRIDE,
                   f"blokkerende bevinding overschreven bij publicatie van versie {version.number}: "
                   f"{finding.rule_title} ({'fiche ' + finding.fiche if finding.fiche else 'dossier'}); "
                   f"reden: {reasons[key]}", copy_version, actor=actor, key=key, rule=finding.rule,
                   fiche=finding.fiche, field=finding.field, reason=reasons[key])
        _audit(user, AuditEvent.Action.PUBLISH,
               f"versie {version.number} van {dossier.display_name} openbaar gemaakt als publicatiekopie "
               f"(versie {copy_version.number}; {len(plan.changes)} wijziging"
               f"{'en' if len(plan.changes) != 1 else ''} door het opschonen)", copy_version, actor=actor,
               source=version.number, changes=[c.to_dict() for c in plan.changes], overrides=len(plan.blocking))
    store_derived(copy_version)
    notify_search(copy_version)
    return copy_version
