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


def can_download_publication(user, version: DossierVersion) -> bool:
    """The publication copy (PDF, JSON) is offered for public versions only."""
    return version.status == Status.PUBLIC and can_view_version(user, version)


def can_delete_version(user, version: DossierVersion) -> bool:
    """A compiler may delete a concept (a wrong upload); released and public versions stay."""
    return version.status == Status.CONCEPT and can_ingest(user)


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
    return _default_of(user, dossier.versions.all())


def default_version_by_slug(user, slug: str) -> DossierVersion | None:
    """``default_version`` of the dossier ``slug`` (with its dossier, in one query): None when
    the dossier does not exist or holds no version this user may read."""
    return _default_of(user, DossierVersion.objects.filter(dossier__slug=slug).select_related("dossier"))


def _default_of(user, versions: QuerySet[DossierVersion]) -> DossierVersion | None:
    versions = versions.filter(status__in=readable_statuses(user))
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


def reading_scope(user) -> str:
    """The class of readers who see the same dossier pages and search answers: ``ambtenaar``
    (concepts, findings and warnings too), ``vrijgegeven`` (released and public versions) or
    ``openbaar``. Everything those pages show besides the reader's own name, token, messages
    and menu follows from the functions above, which depend on nothing but this scope; the
    scoped page cache (``pagecache.serve``) keys its pages by it, so a page rendered for one
    scope is never served to another."""
    if can_ingest(user):
        return "ambtenaar"
    if can_read_released(user):
        return "vrijgegeven"
    return "openbaar"


def is_confidential_response(request) -> bool:
    """Responses to signed-in users may carry what only they may read: never stored by caches."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


# ------------------------------------------------------------------------------ monitoring
# A programme of monitored commitments is confidential until it is published; then it is
# public (read-only) for everyone. Compilers with the permission update and publish it.


def can_update_commitments(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("monitoring.update_commitments"))


def visible_programmes(user):
    from akkoord.web.monitoring.models import Programme

    programmes = Programme.objects.all()
    return programmes if can_update_commitments(user) else programmes.filter(published=True)


def can_view_programme(user, programme) -> bool:
    return bool(programme.published or can_update_commitments(user))


# ------------------------------------------------------------------------------ formations
#
# A formation is visible only to its members (``formation.Membership``: one role each). What
# a member sees of the positions depends on the position's visibility and the member's role:
#
# * ``partij``: the party's own delegation only;
# * ``vertrouwelijk``: also the informateur and the formateur;
# * ``tafel``: everyone in the formation (negotiators of other parties, ambtelijke
#   ondersteuning, lezers).
#
# Before a delegation shares a position, nobody else learns its text, stance or existence:
# every page, count, export and search of a formation takes its positions from
# ``visible_positions`` (a queryset filtered in the database), and every history from
# ``visible_position_ids``. Staff status gives no formation rights: only membership does.

FORMATION_ROLES = ("onderhandelaar", "informateur", "formateur", "ondersteuning", "lezer")
CONFIDANTS = ("informateur", "formateur")  # see positions shared as ``vertrouwelijk``


def formation_membership(user, formation):
    """The user's membership of ``formation`` (or None), cached on the user for the request."""
    if not (user and user.is_authenticated and formation is not None and formation.pk):
        return None
    cache = user.__dict__.setdefault("_akkoord_memberships", {})
    if formation.pk not in cache:
        from akkoord.web.formation.models import Membership

        cache[formation.pk] = (Membership.objects.select_related("party")
                               .filter(formation_id=formation.pk, user_id=user.pk).first())
    return cache[formation.pk]


def formation_role(user, formation) -> str | None:
    """``onderhandelaar``, ``informateur``, ``formateur``, ``ondersteuning``, ``lezer`` or None."""
    membership = formation_membership(user, formation)
    return membership.role if membership else None


def formation_party(user, formation):
    """The party whose delegation the user belongs to (negotiators only)."""
    membership = formation_membership(user, formation)
    return membership.party if membership and membership.role == "onderhandelaar" else None


def can_view_formation(user, formation) -> bool:
    return formation_role(user, formation) is not None


def record_denied(request, formation, what: str) -> None:
    """Log that a signed-in person was refused a page of ``formation`` (or of a formation that
    does not exist); anonymous visitors are only sent to sign in, so they leave no entry."""
    if request.user.is_authenticated:
        from akkoord.web.dossiers.models import AuditEvent
        from akkoord.web.formation.services import audit

        audit(request.user, AuditEvent.Action.FORMATION_DENIED,
              f"geweigerd: {what} ({request.method} {request.path})", formation, path=request.path)


def deny(request, formation, what: str):
    """The answer to a page of a formation (formation, programmes, agreement) someone may not
    see. Anonymous: sign in. Signed in without access: 404, the same as for a page that does not
    exist, and the attempt is logged (``formation-denied``)."""
    from django.contrib.auth.views import redirect_to_login
    from django.http import Http404

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    record_denied(request, formation, what)
    raise Http404("Deze pagina bestaat niet of u hebt er geen toegang toe.")


def visible_formations(user):
    from akkoord.web.formation.models import Formation

    if not (user and user.is_authenticated):
        return Formation.objects.none()
    return Formation.objects.filter(members__user_id=user.pk).distinct()


def has_any_formation(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    from akkoord.web.formation.models import Membership

    return Membership.objects.filter(user_id=user.pk).exists()


def can_create_formation(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("formation.add_formation"))


def can_manage_formation(user, formation) -> bool:
    """Parties, people, phase and settings: the informateur and the formateur."""
    return formation_role(user, formation) in CONFIDANTS


def formation_is_open(formation) -> bool:
    """A formation in phase ``afgerond`` is closed: its points, positions, agenda and decisions
    are kept as they are (the archive); the informateur or formateur may reopen it."""
    return formation.phase != "afgerond"


def can_edit_points(user, formation) -> bool:
    """Add, reword, split and merge points; set the agenda; record decisions: the formateur."""
    return formation_is_open(formation) and formation_role(user, formation) == "formateur"


can_edit_decisions = can_edit_points
can_plan_meetings = can_edit_points


def can_write_summary(user, formation) -> bool:
    return formation_role(user, formation) in ("ondersteuning", "formateur")


def visible_position_filter(user, formation) -> Q | None:
    """The condition on ``Position`` rows of ``formation`` the user may see (None: nothing)."""
    membership = formation_membership(user, formation)
    if membership is None:
        return None
    condition = Q(visibility="tafel")
    if membership.role in CONFIDANTS:
        condition |= Q(visibility="vertrouwelijk")
    if membership.role == "onderhandelaar" and membership.party_id:
        condition |= Q(party_id=membership.party_id)
    return condition


def visible_positions(user, formation):
    """The positions of ``formation`` the user may see, as a database-filtered queryset."""
    from akkoord.web.formation.models import Position

    condition = visible_position_filter(user, formation)
    if condition is None:
        return Position.objects.none()
    return Position.objects.filter(condition, point__formation_id=formation.pk)


def can_view_position(user, position) -> bool:
    return visible_positions(user, position.point.formation).filter(pk=position.pk).exists()


def can_edit_position(user, formation, party) -> bool:
    """Only the party's own delegation records and shares its positions."""
    own = formation_party(user, formation)
    return (formation_is_open(formation) and own is not None and party is not None and own.pk == party.pk)


# ------------------------------------------------------------------------------- agreement
#
# The coalition agreement of a formation (``akkoord.web.agreement``):
#
# * drafters (negotiators, informateur, formateur, ambtelijke ondersteuning) read the working
#   draft, every version, the register with its findings and the financial overview;
# * the formateur and the ambtelijke ondersteuning write it (wording, SMART fields, sections,
#   house style, versions); the formateur adopts and publishes a version;
# * a lezer, anyone outside the formation and anonymous visitors read only versions that are
#   adopted (``vastgesteld``) and published;
# * positions appear in the agreement and its exports only when shared with the table, and
#   only for drafters: a published agreement carries none.

AGREEMENT_DRAFTERS = ("onderhandelaar", "informateur", "formateur", "ondersteuning")
AGREEMENT_WRITERS = ("formateur", "ondersteuning")


def can_draft_agreement(user, formation) -> bool:
    """Reads the working draft, every version, the register and the financial overview."""
    return formation_role(user, formation) in AGREEMENT_DRAFTERS


def can_edit_agreement(user, formation) -> bool:
    return formation_role(user, formation) in AGREEMENT_WRITERS


def can_adopt_agreement(user, formation) -> bool:
    return formation_role(user, formation) == "formateur"


def visible_agreement_versions(user, agreement):
    """The versions of ``agreement`` the user may read, newest first."""
    versions = agreement.versions.all()
    if not can_draft_agreement(user, agreement.formation):
        versions = versions.filter(status="vastgesteld", published=True)
    return versions.order_by("-number")


def public_agreement_version(agreement):
    """The newest adopted and published version: what everybody may read."""
    return agreement.versions.filter(status="vastgesteld", published=True).order_by("-number").first()


def agreement_positions(user, formation):
    """Positions the agreement may show: shared with the table, for drafters only."""
    from akkoord.web.formation.models import Position

    if not can_draft_agreement(user, formation):
        return Position.objects.none()
    return Position.objects.filter(point__formation_id=formation.pk, visibility="tafel")


# ---------------------------------------------------------------------- election programmes
#
# Election programmes are public: every member of a formation reads them and their links.
# Adding programmes and correcting links: the civil servants (ondersteuning), the informateur
# and the formateur. A suggestion becomes a position only by the party's own delegation
# (``can_edit_position``), and from then on follows the position rules above.

PROGRAMME_EDITORS = ("ondersteuning", "informateur", "formateur")


def can_view_programmes(user, formation) -> bool:
    return can_view_formation(user, formation)


def can_edit_programmes(user, formation) -> bool:
    return formation_role(user, formation) in PROGRAMME_EDITORS
