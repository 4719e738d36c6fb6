"""Storing dossiers: ingest a file as a new version, change a version's status.

Views and commands call these; they never parse themselves. Every change leaves an
``AuditEvent``.
"""
from __future__ import annotations

import logging
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from akkoord.dossier.model import CODE_PATTERN, Dossier as CoreDossier, ReaderWarning, ReadResult
from akkoord.dossier.profile import Profile
from akkoord.dossier.readers import read_path
from akkoord.web.dossiers.diff import dossier_diff
from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion, Fiche

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
        previous = dossier.versions.order_by("-number").first()
        number = previous.number + 1 if previous else 1
        profile = core.profile.to_dict() if core.profile is not None else {}
        if profile and (created or not dossier.profile):
            dossier.profile = profile
            dossier.save(update_fields=["profile"])
        diff = dossier_diff(previous.to_dossier(), core, previous.number) if previous else {}
        version = DossierVersion.objects.create(
            dossier=dossier, number=number, status=Status.CONCEPT, reader=result.reader,
            warnings=warnings, diff=diff, uploaded_by=user if user is not None and user.is_authenticated else None,
            source_name=source_name[:255], profile=profile,
        )
        Fiche.objects.bulk_create([
            Fiche(version=version, code=f.code[:12], chapter=f.chapter[:8], title=f.title[:500],
                  ambitions=list(f.ambitions), data=f.to_dict(), position=index)
            for index, f in enumerate(core.fiches)
        ])
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
    """Change a version's status and record who did it."""
    if status not in Status.values:
        raise ValueError(f"onbekende status: {status}")
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
