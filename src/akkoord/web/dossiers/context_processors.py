from akkoord.web import access
from akkoord.web.roles import user_roles


def workbench(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_can_ingest": access.can_ingest(user), "nav_roles": user_roles(user),
            "nav_reads_released": access.can_read_released(user),
            "search_url": _search_url(), "search_query": request.GET.get("q", "")[:200],
            "search_dossier": _current_dossier(request)}


def _current_dossier(request) -> str:
    """The dossier whose pages the visitor is on (the header search searches it), or the
    dossier a search was scoped to."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.namespace == "dossiers" and "slug" in match.kwargs:
        return str(match.kwargs["slug"])
    if match is not None and match.namespace == "search":
        return request.GET.get("dossier", "")[:80]
    return ""


def _search_url() -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("search:search")
    except NoReverseMatch:
        return "/zoeken/"
