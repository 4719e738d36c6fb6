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

from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import Dossier as CoreDossier, ReaderWarning, ReadResult
from akkoord.dossier.isolation import Limits, read_isolated
from akkoord.web import pagecache
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


def index_in_transaction(version: DossierVersion) -> None:
    """(Re)index a version inside the caller's transaction: a version is stored and
    searchable, or neither (a failing index undoes the ingest or status change)."""
    try:
        from akkoord.web.search.indexing import index_version
    except ImportError:  # the search app is optional
        return
    try:
        index_version(version)
    except Exception as exc:
        log.exception("zoekindex van %s niet bijgewerkt", version)
        raise DossierError("de zoekindex kon niet worden bijgewerkt; er is niets opgeslagen.") from exc


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
    from akkoord.dossier.readers import check_codes

    check_codes(result, source_name or "dossier")  # whatever made the result: never store a code pages cannot use
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
        diff = dossier_diff(previous.to_dossier(), core, previous.number) if previous else {}
        version = DossierVersion.objects.create(
            dossier=dossier, number=number, status=Status.CONCEPT, reader=result.reader,
            warnings=warnings, diff=diff, uploaded_by=user if user is not None and user.is_authenticated else None,
            source_name=source_name[:255],
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
        index_in_transaction(version)
        pagecache.bump_on_commit()
    store_derived(version)  # from the stored fiches, exactly as the pages would
    return version


def ingest_file(path: str | Path, user=None, municipality: str | None = None, *, slug: str | None = None,
                title: str | None = None, source_name: str | None = None, actor: str = "") -> DossierVersion:
    """Read a dossier file (in a child process with memory and time limits, see
    ``akkoord.dossier.isolation``) and store it as a new concept version; DossierError on bad input."""
    path = Path(path)
    result = read_isolated(path, Limits.from_environment(), name=source_name or path.name)
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
    old, old_changed_at = version.status, version.status_changed_at
    try:
        with transaction.atomic():
            version.status = status
            version.status_changed_at = timezone.now()
            version.save(update_fields=["status", "status_changed_at"])
            _audit(user, AuditEvent.Action.STATUS,
                   f"versie {version.number} van {version.dossier.display_name} {STATUS_MESSAGES[status]}",
                   version, actor=actor, old=old, new=status)
            index_in_transaction(version)
            pagecache.bump_on_commit()
    except BaseException:
        version.status, version.status_changed_at = old, old_changed_at
        raise
    return version
