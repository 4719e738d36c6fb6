"""The search page: GET ``q`` plus the filters ``ambitie``, ``hoofdstuk``, ``partner``, ``jaar``."""
from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from akkoord.web.search.engine import search, snapshot
from akkoord.web.search.forms import SearchForm

PAGE_SIZE = 20
FILTERS = ("ambitie", "hoofdstuk", "partner", "jaar")


def _visible_version_ids(user) -> list[int]:
    from akkoord.web.access import visible_versions

    return list(visible_versions(user).values_list("pk", flat=True))


def search_view(request):
    snap = snapshot()
    from akkoord.web.dossiers.profiles import ambition_choices

    ambitions = ambition_choices(_visible_version_ids(request.user))
    form = SearchForm(request.GET or None, chapters=snap.chapters, years=snap.years, ambitions=ambitions)
    if form.is_bound:
        form.is_valid()  # invalid filters are ignored below, and shown as errors
    query = form.value("q")
    filters = {name: form.value(name) for name in FILTERS}
    page = form.value("pagina") or 1
    searched = bool(query or any(filters.values()))
    results = None
    if searched:
        results = search(query, version_ids=_visible_version_ids(request.user), ambition=filters["ambitie"],
                         chapter=filters["hoofdstuk"], partner=filters["partner"], year=filters["jaar"],
                         limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    if results:
        for hit in results.hits:
            labels = dict(ambitions)
            hit.ambition_labels = [labels.get(k, k) for k in (hit.fiche.ambitions if hit.fiche else [])]
    context = {
        "form": form,
        "query": query,
        "results": results,
        "searched": searched,
        "active_filters": [(form.fields[n].label, _filter_display(form, n, v)) for n, v in filters.items() if v],
        "first_number": (page - 1) * PAGE_SIZE + 1,
        "last_number": (page - 1) * PAGE_SIZE + (len(results.hits) if results else 0),
        "previous_url": _page_url(request, page - 1) if results and page > 1 else "",
        "next_url": _page_url(request, page + 1) if results and results.total > page * PAGE_SIZE else "",
        "page": page,
    }
    return render(request, "search/search.html", context)


def _filter_display(form: SearchForm, name: str, value: str) -> str:
    field = form.fields[name]
    choices = dict(getattr(field, "choices", []) or [])
    return str(choices.get(value, value))


def _page_url(request, page: int) -> str:
    params = {k: v for k, v in request.GET.items() if k != "pagina" and v}
    if page > 1:
        params["pagina"] = page
    return reverse("search:search") + ("?" + urlencode(params) if params else "")
