"""Storing dossiers: ingest a file as a new version, change a version's status.

Views and commands call these; they never parse themselves. Every change leaves an
``AuditEvent``.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from akkoord.dossier.checks import Finding, check_dossier
from akkoord.dossier.errors import DossierError
from akkoord.dossier.exports.publish import Change, publication_copy
from akkoord.dossier.isolation import Limits, read_isolated
from akkoord.dossier.model import Dossier as CoreDossier, ReaderWarning, ReadResult
from akkoord.web import pagecache
from akkoord.dossier.profile import Profile
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
    if not dossier.fiches:
        warnings.append(ReaderWarning("er zijn geen fiches gevonden.", kind="no-fiches"))
    return warnings


class OtherMunicipality(DossierError):
    """A new version names another municipality than its dossier (refused unless confirmed)."""


OTHER_MUNICIPALITY = "Andere gemeente"  # how the upload's message begins (the form then offers to confirm)


def plausible_municipality(name: str) -> str:
    """The municipality a reader found, or "" when it cannot be one: a name is a few words
    without repeats. From a run-on such as "Stad Open Stad Groen …" (a whole ambition
    row) the capitalised word that repeats is taken."""
    words = " ".join((name or "").split()).split()
    if not words:
        return ""
    folded = [w.lower() for w in words]
    if len(words) <= 4 and len(set(folded)) == len(folded):
        return " ".join(words)
    repeated = Counter(w for w in words if w[:1].isupper() and folded.count(w.lower()) >= 2)
    return repeated.most_common(1)[0][0] if repeated else ""


def _same_municipality(a: str, b: str) -> bool:
    return slugify(a) == slugify(b)


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
                 municipality: str | None = None, title: str | None = None, actor: str = "",
                 allow_other_municipality: bool = False) -> DossierVersion:
    """Store a read dossier as a new concept version (of an existing dossier when the slug matches).

    A file that names another municipality than the existing dossier is refused
    (``OtherMunicipality``) unless ``allow_other_municipality``."""
    core = result.dossier
    from akkoord.dossier.readers import check_codes

    check_codes(result, source_name or "dossier")  # whatever made the result: never store a code pages cannot use
    core.municipality = plausible_municipality(core.municipality)
    if municipality:
        core.municipality = municipality
    existing = Dossier.objects.filter(slug=dossier_slug(slug)).first() if slug else None
    if (existing and existing.municipality and core.municipality and not allow_other_municipality
            and not _same_municipality(existing.municipality, core.municipality)):
        raise OtherMunicipality(
            f"dit bestand gaat over de gemeente {core.municipality}, het dossier over {existing.municipality}. "
            "Kies het goede dossier, of bevestig dat u het toch als nieuwe versie wilt inlezen.")
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
        index_in_transaction(version)
        pagecache.bump_on_commit()
    store_derived(version)  # from the stored fiches, exactly as the pages would
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


def kept_profile(slug: str | None) -> Profile | None:
    """The profile kept with the dossier of this short name (induced and corrected in the
    review step), for reading its next version; None when there is none."""
    if not slug:
        return None
    data = Dossier.objects.filter(slug=slug).values_list("profile", flat=True).first()
    return Profile.from_dict(data) if data else None


def ingest_file(path: str | Path, user=None, municipality: str | None = None, *, slug: str | None = None,
                title: str | None = None, source_name: str | None = None, actor: str = "",
                allow_other_municipality: bool = False) -> DossierVersion:
    """Read a dossier file (in a child process with memory and time limits, see
    ``akkoord.dossier.isolation``) and store it as a new concept version; DossierError on bad input."""
    path = Path(path)
    profile = kept_profile(slug)
    result = read_isolated(path, Limits.from_environment(), name=source_name or path.name, profile=profile)
    if profile is None:
        # A new version of a dossier that keeps a profile is read with it (and corrected, if so).
        profile = kept_profile(dossier_slug(result.dossier.municipality or result.dossier.title or path.stem))
        if profile is not None:
            result = read_isolated(path, Limits.from_environment(), name=source_name or path.name, profile=profile)
    return store_result(result, user, source_name=source_name or path.name, slug=slug,
                        municipality=municipality, title=title, actor=actor,
                        allow_other_municipality=allow_other_municipality)


def delete_concept(version: DossierVersion, user=None, actor: str = "") -> Dossier | None:
    """Delete a concept version (a wrong upload) with its fiches and derived data; the dossier
    too when nothing is left of it. Returns the dossier when it still exists.

    Released and public versions are never deleted (ValueError)."""
    if version.status != Status.CONCEPT:
        raise ValueError("alleen een concept kan worden verwijderd")
    dossier = version.dossier
    with transaction.atomic():
        event = _audit(user, AuditEvent.Action.STATUS,
                       f"concept versie {version.number} van {dossier.display_name} verwijderd "
                       f"({version.source_name or 'bestand'})", None, actor=actor, deleted=version.number,
                       source_name=version.source_name, slug=dossier.slug)
        event.dossier = dossier
        event.save(update_fields=["dossier"])
        AuditEvent.objects.filter(version=version).update(version=None)
        version.delete()
        pagecache.bump_on_commit()
        if not dossier.versions.exists():
            AuditEvent.objects.filter(dossier=dossier).update(dossier=None)
            dossier.delete()
            return None
    return dossier


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
        index_in_transaction(copy_version)
        pagecache.bump_on_commit()
    store_derived(copy_version)
    from akkoord.web.dossiers.publication import warm_later

    warm_later(copy_version)  # the public PDF, rendered in the background
    return copy_version
