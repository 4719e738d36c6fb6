"""Who may see and do what: the one place that decides it, for every app (dossiers, search,
formation, agreement, monitoring), for pages, search, exports, feeds and caches alike.

Roles are groups (created after every migrate, see ``roles.py``):

* ``ambtenaar`` (compiler): reads everything, ingests, reviews and publishes;
* ``onderhandelaar`` and ``formateur``: read dossiers released to the negotiators;
* anyone, signed in or not: reads dossiers made public.

Staff and superusers hold every permission.
"""
from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery

from akkoord.web.dossiers.models import Dossier, DossierVersion

Status = DossierVersion.Status


def can_ingest(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("dossiers.ingest_dossier"))


def can_publish(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("dossiers.publish_dossier"))


def can_read_released(user) -> bool:
    return bool(user and user.is_authenticated
                and (user.has_perm("dossiers.view_released") or can_ingest(user)))


def readable_statuses(user) -> list[str]:
    """The statuses of versions this user may read (ignoring whether they are the newest)."""
    if can_ingest(user):
        return [Status.CONCEPT, Status.RELEASED, Status.PUBLIC]
    if can_read_released(user):
        return [Status.RELEASED, Status.PUBLIC]
    return [Status.PUBLIC]


def released_statuses(user) -> list[str]:
    """The non-concept statuses this user may read."""
    return [s for s in readable_statuses(user) if s != Status.CONCEPT]


def can_view_version(user, version: DossierVersion) -> bool:
    return version.status in readable_statuses(user)


def visible_versions(user) -> QuerySet[DossierVersion]:
    """The versions a user works with: one or two per dossier.

    For each dossier the newest version with a status the user may read apart from
    concept (public for everyone; released too for negotiators and compilers), and for
    compilers also the newest version when it is a concept newer than that one.
    """
    statuses = released_statuses(user)
    newest_released = (DossierVersion.objects.filter(dossier=OuterRef("dossier"), status__in=statuses)
                       .order_by("-number").values("number")[:1])
    condition = Q(status__in=statuses, number=Subquery(newest_released))
    if can_ingest(user):
        newest = DossierVersion.objects.filter(dossier=OuterRef("dossier")).order_by("-number").values("number")[:1]
        condition |= Q(status=Status.CONCEPT, number=Subquery(newest))
    return DossierVersion.objects.filter(condition).select_related("dossier")


def default_version(user, dossier: Dossier) -> DossierVersion | None:
    """The version a dossier page shows without ``?versie``: the newest released one the
    user may read, else (compilers) the newest concept."""
    versions = dossier.versions.filter(status__in=readable_statuses(user))
    released = versions.exclude(status=Status.CONCEPT).order_by("-number").first()
    return released or versions.order_by("-number").first()


def diff_base(user, version: DossierVersion) -> DossierVersion | None:
    """The version a reader sees ``version`` compared with: the newest older version that this
    reader may read. A concept in between is skipped for readers who may not read concepts, so
    a difference never reveals text they were not allowed to see."""
    return (version.dossier.versions.filter(number__lt=version.number, status__in=readable_statuses(user))
            .order_by("-number").first())


def can_see_findings(user) -> bool:
    """Quality findings and reader warnings quote the raw text (names, e-mail addresses, internal
    paths): compilers only."""
    return can_ingest(user)


def is_confidential_response(request) -> bool:
    """Responses to signed-in users may carry what only they may read: never stored by caches."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
