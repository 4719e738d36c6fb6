"""The permission matrix: every URL pattern × every kind of visitor × every version status.

A marker word stands only in concept text (a sentence, a fiche title, a chapter and a year
that occur nowhere else). For every page the test asserts the status code each visitor gets
and that the marker reaches nobody who may not read concepts: not in pages, search results,
filter choices, diffs, review pages or error pages.

A new URL pattern fails this test until it is added to ``EXPECTED`` (or, for a namespace with
a matrix of its own, to ``COVERED_ELSEWHERE``): every page joins the matrix the day it is written.
"""
from __future__ import annotations

import copy
import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from akkoord.web.dossiers.services import ingest_file, publish, set_status
from webdata import base_fiches, fiche_dict, make_user, write_dossier

pytestmark = pytest.mark.django_db

MARKER = "zwavelkwartelconcept"
CONCEPT_YEAR = "2043"

VISITORS = ("anoniem", "zonder-rol", "onderhandelaar", "formateur", "ambtenaar")
READERS = {  # which version statuses each visitor may read
    "anoniem": {"openbaar"},
    "zonder-rol": {"openbaar"},
    "onderhandelaar": {"vrijgegeven", "openbaar"},
    "formateur": {"vrijgegeven", "openbaar"},
    "ambtenaar": {"concept", "vrijgegeven", "openbaar"},
}

# Namespaces whose pages have a matrix of their own (module named for the reader).
COVERED_ELSEWHERE: dict[str, str] = {
    "admin": "Django's own admin: staff only, not part of the workbench",
    "formation": "tests/web/formation/test_formation_permissions.py: every formation URL × every formation role",
    "agreement": "tests/web/agreement/test_agreement_permissions.py: every agreement URL × every visitor, before and after publication",
    "programmes": "tests/web/programmes/test_programme_permissions.py: every programme URL × every formation role",
}

# Per pattern: kind of page and, where it is not about one version, the code per visitor.
#   "version": a page of one dossier version (200 when the visitor may read that status, else 404)
#   "publisher": an action page for compilers who may publish (200), 404 for everyone else
#   "public": a download of a public version (200 for everyone), 404 for any other status
#   dict: fixed codes per visitor
EXPECTED: dict[str, object] = {
    "login": {v: 200 for v in VISITORS} | {v: 302 for v in VISITORS[1:]},
    "logout": None,  # POST only; tested in test_access
    "dossiers:profile": None,  # POST only (compilers); every visitor in test_profile_review
    "search:search": {v: 200 for v in VISITORS},
    "dossiers:home": {v: 200 for v in VISITORS},
    "dossiers:upload": {"anoniem": 302, "zonder-rol": 403, "onderhandelaar": 403, "formateur": 403, "ambtenaar": 200},
    "dossiers:overview": "version",
    "dossiers:ambitions": "version",
    "dossiers:fiche": "version",
    "dossiers:timeline": "version",
    "dossiers:partners": "version",
    "dossiers:glossary": "version",
    "dossiers:versions": "version",
    "dossiers:review": "version",
    "dossiers:status": "publisher",
    "dossiers:publish": "publisher",
    # An upload being read: its uploader only (here another compiler's job, so 404 for all).
    "dossiers:job": {"anoniem": 302} | {v: 404 for v in VISITORS[1:]},
    # Two-step sign-in: any signed-in user may set up a device; without one, verify sends there.
    "accounts:setup": {"anoniem": 302} | {v: 200 for v in VISITORS[1:]},
    "accounts:verify": {v: 302 for v in VISITORS},
    # The term (monitoring): "programme" pages are public once published, else for editors only;
    # "editor" pages (forms, actions) are for editors only.
    "monitoring:index": {v: 200 for v in VISITORS},
    "monitoring:dashboard": "programme",
    "monitoring:commitment": "programme",
    "monitoring:progress": "programme",
    "monitoring:timeline": "programme",
    "monitoring:feed": "programme",
    "monitoring:open_data": "programme",
    "monitoring:open_data_zip": "programme",
    "monitoring:csv": "programme",
    "monitoring:report": "programme",
    "monitoring:update": "editor",
    "monitoring:course": "editor",
    "monitoring:bulk": "editor",
    "monitoring:publish": "editor",
    "dossiers:publication_pdf": "public",
    "dossiers:publication_json": "public",
    "dossiers:delete_version": None,  # POST only, compilers, concepts only; tested in test_daily_use
}
EDITORS = {"ambtenaar"}


def _patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern), entry.namespace or namespace)
        else:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield namespace, name, prefix + str(entry.pattern)


def test_every_url_pattern_is_in_the_matrix():
    missing = [name for namespace, name, _ in _patterns()
               if namespace not in COVERED_ELSEWHERE and name not in EXPECTED]
    assert not missing, f"add these pages to the permission matrix: {missing}"


def _concept_fiches() -> list[dict]:
    fiches = copy.deepcopy(base_fiches())
    fiches[0]["current_line"] += f" In het concept staat {MARKER} bij het minimabeleid."
    fiches[1]["advice"] = [f"Kiest u voor {MARKER}?"]
    fiches.append(fiche_dict("9Z", f"Onderwerp {MARKER}", current_line=f"Alleen in het concept, tot {CONCEPT_YEAR}.",
                             sources=[{"title": f"Nota {MARKER}", "end_date": f"31-12-{CONCEPT_YEAR}"}],
                             partners=[f"Stichting {MARKER}"]))
    return fiches


@pytest.fixture
def world(tmp_path):
    """One dossier with a public copy of v1, released v1, and a newer concept v3 with the
    marker; a second dossier that exists only as a concept (with the marker in its name)."""
    users = {"anoniem": None, "zonder-rol": make_user("buiten")}
    for role in ("onderhandelaar", "formateur", "ambtenaar"):
        users[role] = make_user(f"{role}-m", role)
    compiler = users["ambtenaar"]
    v1 = ingest_file(write_dossier(tmp_path / "v1.json", base_fiches()), compiler)
    set_status(v1, "vrijgegeven", compiler)
    public = publish(v1, compiler)  # v2, openbaar
    concept = ingest_file(write_dossier(tmp_path / "v3.json", _concept_fiches()), compiler)  # v3
    secret = ingest_file(write_dossier(tmp_path / "s.json", _concept_fiches(), municipality=f"Gemeente {MARKER}",
                                       title=f"Dossier {MARKER}"), compiler, slug="tweede")
    from akkoord.web.dossiers.models import ReadJob

    job = ReadJob.objects.create(user=make_user("ambtenaar-uploader", "ambtenaar"), source_name=f"{MARKER}.pdf",
                                 state="bezig", stage="pagina's lezen", done=1, total=3)
    return {"users": users, "versions": {"vrijgegeven": v1, "openbaar": public, "concept": concept},
            "secret": secret, "job": job}


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _urls(name: str, version) -> list[str]:
    slug, number = version.dossier.slug, version.number
    base = {
        "dossiers:overview": f"/dossiers/{slug}/", "dossiers:ambitions": f"/dossiers/{slug}/ambities/",
        "dossiers:timeline": f"/dossiers/{slug}/tijdlijn/", "dossiers:partners": f"/dossiers/{slug}/partners/",
        "dossiers:glossary": f"/dossiers/{slug}/afkortingen/", "dossiers:versions": f"/dossiers/{slug}/versies/",
        "dossiers:review": f"/dossiers/{slug}/versies/{number}/",
        "dossiers:status": f"/dossiers/{slug}/versies/{number}/status/?status=concept",
        "dossiers:publish": f"/dossiers/{slug}/versies/{number}/openbaar-maken/",
        "dossiers:publication_pdf": f"/dossiers/{slug}/openbaar.pdf",
        "dossiers:publication_json": f"/dossiers/{slug}/openbaar.json",
    }
    if name == "dossiers:fiche":
        return [f"/dossiers/{slug}/fiches/1A/?versie={number}", f"/dossiers/{slug}/fiches/9Z/?versie={number}"]
    url = base[name]
    if name in ("dossiers:review", "dossiers:status", "dossiers:publish"):
        return [url]
    return [f"{url}?versie={number}"]


def _assert_clean(response, visitor: str, url: str, echoed: tuple[str, ...] = ()) -> None:
    """No concept-only text in the response; ``echoed``: what the visitor typed themselves
    (a search question is repeated on its page) is taken out first."""
    if "concept" in READERS[visitor]:
        return
    body = response.content.decode(errors="replace")
    for text in sorted(echoed, key=len, reverse=True):
        body = body.replace(text, "")
    # The sign-out form's random token could hold the concept year by chance.
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    assert MARKER not in body, f"{visitor} read the concept marker at {url}"
    assert CONCEPT_YEAR not in body, f"{visitor} saw the concept-only year at {url}"
    assert "Hoofdstuk 9" not in body, f"{visitor} saw the concept-only chapter at {url}"


@pytest.mark.parametrize("visitor", VISITORS)
def test_version_pages(world, visitor):
    client = _client(world["users"][visitor])
    checked = 0
    for name, kind in EXPECTED.items():
        if kind not in ("version", "publisher", "public"):
            continue
        for status, version in world["versions"].items():
            for url in _urls(name, version):
                response = client.get(url)
                if kind == "publisher":
                    expected = {200, 302} if visitor == "ambtenaar" else {404}
                elif kind == "public":
                    expected = {200} if status == "openbaar" else {404}
                elif status in READERS[visitor]:
                    expected = {200, 404} if "/9Z/" in url and status != "concept" else {200}
                else:
                    expected = {404}
                assert response.status_code in expected, (visitor, url, response.status_code)
                _assert_clean(response, visitor, url)
                checked += 1
    assert checked > 30


@pytest.mark.parametrize("visitor", VISITORS)
def test_the_concept_only_dossier_answers_like_an_absent_one(world, visitor):
    client = _client(world["users"][visitor])
    secret = world["secret"]
    for name, kind in EXPECTED.items():
        if kind not in ("version", "publisher", "public"):
            continue
        for url in _urls(name, secret):
            response = client.get(url)
            absent = client.get(url.replace("/tweede/", "/bestaat-niet/"))
            if visitor == "ambtenaar" and kind != "public":
                assert response.status_code in (200, 302), url
                continue
            assert response.status_code == absent.status_code == 404, (visitor, url)
            _assert_clean(response, visitor, url)


@pytest.mark.parametrize("visitor", VISITORS)
def test_site_pages_and_search(world, visitor):
    client = _client(world["users"][visitor])
    for name, expected in EXPECTED.items():
        if not isinstance(expected, dict):
            continue
        url = {"login": "/inloggen/", "search:search": "/zoeken/", "dossiers:home": "/",
               "dossiers:upload": "/inlezen/", "monitoring:index": "/uitvoering/",
               "dossiers:job": f"/inlezen/{world['job'].pk}/", "accounts:setup": "/inloggen/tweestaps/instellen/",
               "accounts:verify": "/inloggen/tweestaps/"}[name]
        response = client.get(url)
        assert response.status_code == expected[visitor], (visitor, url, response.status_code)
        _assert_clean(response, visitor, url)
    queries = [MARKER, f"{MARKER}armoede", "minimabeleid", "wonen", "stichting", "nota", CONCEPT_YEAR]
    for q in queries:
        for extra in ({}, {"jaar": CONCEPT_YEAR}, {"hoofdstuk": "9"}, {"dossier": "tweede"}, {"veld": "advice"}):
            response = client.get("/zoeken/", {"q": q, **extra})
            assert response.status_code == 200
            _assert_clean(response, visitor, f"/zoeken/?q={q}&{extra}", (q, *extra.values()))
            if "concept" not in READERS[visitor] and (MARKER in q or q == CONCEPT_YEAR):
                assert "Geen fiches gevonden" in response.content.decode(), (visitor, q, extra)


def test_pages_cached_for_one_scope_never_reach_another(world):
    """Signed-in readers are served pages kept per reading scope (pagecache.py). Compilers see
    what others may not on pages everyone reads (reader warnings quote raw text; the newer
    concept): with the cache warmed by a compiler first, every other visitor still gets a
    page without the marker, without the compiler's name, and with a menu of their own."""
    from akkoord.web import access

    released, public = world["versions"]["vrijgegeven"], world["versions"]["openbaar"]
    for version in (released, public):  # compiler-only text on pages others may read
        version.warnings = [{"fiche": "1A", "message": "Regel niet herkend", "text": f"{MARKER} los"}]
        version.save(update_fields=["warnings"])
    urls = [url for name, kind in EXPECTED.items() if kind == "version" and name != "dossiers:review"
            for version in (released, public) for url in _urls(name, version)]
    urls += [f"/dossiers/{released.dossier.slug}/", f"/dossiers/{released.dossier.slug}/fiches/1A/"]
    urls += ["/zoeken/?q=" + q for q in ("minimabeleid", MARKER, "stichting")]
    compiler = _client(world["users"]["ambtenaar"])
    warmed = [compiler.get(url) for url in urls for _ in range(2)]
    assert any(MARKER in r.content.decode() for r in warmed), "the compiler's pages should hold the marker"
    scopes = set()
    for visitor in VISITORS[:-1]:
        user = world["users"][visitor]
        client = _client(user)
        scopes.add(access.reading_scope(user))
        for url in urls:
            for attempt in range(2):
                response = client.get(url)
                if response.status_code != 200:
                    continue
                _assert_clean(response, visitor, url, (MARKER,) if url.startswith("/zoeken/") else ())
                body = response.content.decode()
                assert "ambtenaar-m" not in body, (visitor, url)
                assert "<!--akkoord:" not in body, (visitor, url)
                if user is not None:
                    assert user.username in body and "csrfmiddlewaretoken" in body, (visitor, url)
                    if attempt and "/versies/" not in url:
                        assert response["X-Akkoord-Scoped-Cache"] == "hit", (visitor, url)
    assert scopes == {"openbaar", "vrijgegeven"}


def test_error_pages_do_not_leak(world):
    client = Client(raise_request_exception=False)
    for url in ("/dossiers/tweede/", "/dossiers/tweede/fiches/9Z/", "/dossiers/lindeveen/fiches/9Z/",
                "/dossiers/lindeveen/versies/3/", "/dossiers/lindeveen/?versie=3"):
        response = client.get(url)
        assert response.status_code == 404
        _assert_clean(response, "anoniem", url)


# ------------------------------------------------------------------------------ monitoring


@pytest.fixture
def programmes(db):
    from akkoord.monitoring import sample
    from akkoord.web.monitoring import services

    public = services.adopt_agreement(sample.agreement(), slug="openbaar-programma")
    services.set_published(public, True)
    secret_data = sample.agreement()
    secret_data["title"] = f"Akkoord {MARKER}"
    secret_data["afspraken"][0]["text"] += f" {MARKER}"
    hidden = services.adopt_agreement(secret_data, slug="verborgen-programma")
    users = {"anoniem": None, "zonder-rol": make_user("buiten-p")}
    for role in ("onderhandelaar", "formateur", "ambtenaar"):
        users[role] = make_user(f"{role}-p", role)
    return {"public": public, "hidden": hidden, "users": users}


def _programme_urls(name: str, slug: str) -> list[str]:
    base = f"/uitvoering/{slug}/"
    return {
        "monitoring:dashboard": [base], "monitoring:commitment": [base + "afspraken/A01/"],
        "monitoring:progress": [base + "voortgang/"], "monitoring:timeline": [base + "tijdlijn/"],
        "monitoring:feed": [base + "updates.atom"], "monitoring:open_data": [base + "open-data.json"],
        "monitoring:open_data_zip": [base + "open-data.zip"],
        "monitoring:csv": [base + "afspraken.csv"],
        "monitoring:report": [base + "voortgangsrapportage.docx", base + "voortgangsrapportage.pdf"],
        "monitoring:update": [base + "afspraken/A01/bijwerken/"], "monitoring:course": [base + "afspraken/A01/koerswijziging/"],
        "monitoring:bulk": [base + "bijwerken/"], "monitoring:publish": [base + "openbaarheid/"],
    }[name]


@pytest.mark.parametrize("visitor", VISITORS)
def test_monitoring_pages(programmes, visitor):
    client = _client(programmes["users"][visitor])
    for name, kind in EXPECTED.items():
        if kind not in ("programme", "editor"):
            continue
        for which in ("public", "hidden"):
            programme = programmes[which]
            for url in _programme_urls(name, programme.slug):
                response = client.get(url)
                if visitor in EDITORS:
                    expected = {200, 405}
                elif kind == "editor" or which == "hidden":
                    expected = {404, 405} if kind == "editor" else {404}
                else:
                    expected = {200}
                assert response.status_code in expected, (visitor, url, response.status_code)
                absent = client.get(url.replace(programme.slug, "bestaat-niet"))
                if visitor not in EDITORS and which == "hidden" and response.status_code == 404:
                    assert absent.status_code == 404
                if visitor not in EDITORS:
                    body = response.content.decode(errors="replace")
                    assert MARKER not in body, (visitor, url)
    index = client.get("/uitvoering/").content.decode()
    assert (MARKER in index) == (visitor in EDITORS)
    # Actions by POST are refused (404) for everyone but editors, and change nothing.
    if visitor not in EDITORS:
        public = programmes["public"]
        for name in ("monitoring:update", "monitoring:course", "monitoring:bulk", "monitoring:publish"):
            url = _programme_urls(name, public.slug)[0]
            assert client.post(url, {"openbaar": "nee", "status": "gestart", "text": "x", "revision": 0}).status_code == 404
        public.refresh_from_db()
        assert public.published and public.commitments.get(key="A01").status == "niet-gestart"
