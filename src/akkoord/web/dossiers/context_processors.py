from akkoord.web import access
from akkoord.web.roles import user_roles


def workbench(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_can_ingest": access.can_ingest(user), "nav_roles": user_roles(user),
            "nav_reads_released": access.can_read_released(user),
            "search_url": _search_url(), "search_query": request.GET.get("q", "")[:200]}


def _search_url() -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("search:search")
    except NoReverseMatch:
        return "/zoeken/"
