"""The roles as groups with their permissions; kept in step after every migrate.

What a person may do inside one formation depends on their role there (``formation.Membership``, decided in
``access.py``); these groups give the global rights: reading released dossiers, creating a
formation.
"""
from __future__ import annotations

# Permission names are ``codename`` (of the dossiers app) or ``app_label.codename``.
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "ambtenaar": ("ingest_dossier", "publish_dossier", "view_released", "monitoring.update_commitments"),
    "onderhandelaar": ("view_released",),
    "formateur": ("view_released", "formation.add_formation"),
    "informateur": ("view_released", "formation.add_formation"),
    "ambtelijke ondersteuning": ("view_released",),
    "lezer": ("view_released",),
}


def ensure_roles(**_kwargs) -> None:
    """Create the role groups and give them their permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = Q(pk__in=[])
        for name in names:
            app_label, _, codename = name.rpartition(".")
            wanted |= Q(content_type__app_label=app_label or "dossiers", codename=codename)
        permissions = Permission.objects.filter(wanted)
        if set(group.permissions.all()) != set(permissions):
            group.permissions.set(permissions)


def user_roles(user) -> list[str]:
    """The user's roles, read once per request (kept on the user object, which lives as long)."""
    if not user.is_authenticated:
        return []
    if "_akkoord_roles" not in user.__dict__:
        user.__dict__["_akkoord_roles"] = sorted(g.name for g in user.groups.all() if g.name in ROLE_PERMISSIONS)
    return list(user.__dict__["_akkoord_roles"])
