from akkoord.web import access


def formation_nav(request):
    """``nav_has_formation``: a formation role, or the right to create one (formateur and
    informateur groups). Evaluated only when a template asks (one query, signed-in users)."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_has_formation": lambda: access.can_create_formation(user) or access.has_any_formation(user)}
