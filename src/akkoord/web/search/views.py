"""The search page: GET ``q`` plus the filters ``dossier``, ``veld``, ``ambitie``, ``hoofdstuk``,
``partner`` and ``jaar``.

Everything on the page (results, counts, filter choices, the statistics behind the ranking)
comes from the versions ``akkoord.web.access.visible_versions`` gives this searcher.
"""
from __future__ import annotations

from urllib.parse import urlencode as urlencode_pairs

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from akkoord.web.access import visible_versions
from akkoord.web.search.engine import filter_values, search
from akkoord.web.search.forms import SearchForm

PAGE_SIZE = 20
FILTERS = ("ambitie", "hoofdstuk", "partner", "jaar", "dossier", "veld")


def search_view(request):
    # Anonymous visitors all search the public versions: their answers are shared (pagecache);
    # signed-in searchers share theirs with their scope (``visible_versions`` depends on nothing else).
    from akkoord.web import pagecache

    return pagecache.serve(request, lambda: _search_view(request), "search", scoped=True)


def _search_view(request):
    versions = list(visible_versions(request.user).select_related("dossier").order_by("dossier__municipality",
                                                                                     "dossier__slug", "-number"))
    version_ids = [v.pk for v in versions]
    dossiers = {}
    for version in versions:
        dossiers.setdefault(version.dossier.slug, version.dossier)
    chapters, years = filter_values(version_ids)
    from akkoord.web.dossiers.profiles import ambition_choices

    ambitions = ambition_choices(version_ids)
    form = SearchForm(request.GET or None, chapters=chapters, years=years,
                      dossiers=[(slug, d.display_name) for slug, d in dossiers.items()], ambitions=ambitions)
    if form.is_bound:
        form.is_valid()  # invalid filters are ignored below, and shown as errors
    query = form.value("q")
    filters = {name: form.value(name) for name in FILTERS}
    page = form.value("pagina") or 1
    scope = dossiers.get(filters["dossier"])
    searched = bool(query or any(v for k, v in filters.items() if k not in ("dossier", "veld")))
    results = None
    if searched:
        results = search(query, version_ids=version_ids, ambition=filters["ambitie"],
                         chapter=filters["hoofdstuk"], partner=filters["partner"], year=filters["jaar"],
                         dossier_id=scope.pk if scope else None, field=filters["veld"],
                         limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    if results:
        marks = urlencode_pairs({"markeer": query}) if query else ""
        for hit in results.hits:
            hit.ambition_labels = []
            if hit.fiche is not None:
                # the names of the hit's own dossier version (two dossiers may share a key)
                profile = hit.fiche.version.core_profile()
                hit.ambition_labels = [profile.ambition_label(k) for k in hit.fiche.ambitions]
                url = hit.fiche.get_absolute_url()
                hit.url = f"{url}{'&' if '?' in url else '?'}{marks}" if marks else url
    context = {
        "form": form,
        "query": query,
        "scope": scope,
        "all_dossiers_url": _url_without(request, "dossier") if scope else "",
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


def _url_without(request, name: str) -> str:
    params = {k: v for k, v in request.GET.items() if k not in (name, "pagina") and v}
    return reverse("search:search") + ("?" + urlencode(params) if params else "")


def _page_url(request, page: int) -> str:
    params = {k: v for k, v in request.GET.items() if k != "pagina" and v}
    if page > 1:
        params["pagina"] = page
    return reverse("search:search") + ("?" + urlencode(params) if params else "")
