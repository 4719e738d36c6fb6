from akkoord.web import access


def formation_nav(request):
    """``nav_has_formation``: evaluated only when a template asks (one query, signed-in users)."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_has_formation": lambda: access.has_any_formation(user)}
