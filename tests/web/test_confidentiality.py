"""Confidentiality beyond the page rules: diffs, publication, search statistics, findings,
caching and HTTPS (issue 9, items 1–6). Each test fails on the code before that issue."""
from __future__ import annotations

import copy
import os
import re
import stat
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.models import AuditEvent, DossierVersion
from akkoord.web.dossiers.services import PublicationBlocked, ingest_file, plan_publication, publish, set_status
from webdata import base_fiches, fiche_dict, write_dossier

pytestmark = pytest.mark.django_db

MARKER = "xylofoonconcept"  # occurs only in concepts


def _fiches_with_concept_text() -> list[dict]:
    fiches = copy.deepcopy(base_fiches())
    fiches[0]["current_line"] += f" Een {MARKER} zin die alleen in het concept staat."
    fiches.append(fiche_dict("9Z", f"Geheim {MARKER}onderwerp", current_line="armoede in 2041",
                             sources=[{"title": "Nota", "end_date": "31-12-2041"}]))
    return fiches


def _page(client: Client, name: str, version, **kwargs) -> str:
    url = reverse(f"dossiers:{name}", kwargs={"slug": version.dossier.slug, **kwargs})
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# ----------------------------------------------------------------------------- 1. diffs


def test_release_diff_skips_a_concept_the_reader_never_saw(tmp_path, compiler, negotiator):
    v1 = ingest_file(write_dossier(tmp_path / "v1.json", base_fiches()), compiler)
    set_status(v1, "vrijgegeven", compiler)
    ingest_file(write_dossier(tmp_path / "v2.json", _fiches_with_concept_text()), compiler)
    third = copy.deepcopy(base_fiches())
    third[1]["title"] = "Jeugdhulp en opgroeien"
    v3 = ingest_file(write_dossier(tmp_path / "v3.json", third), compiler)
    set_status(v3, "vrijgegeven", compiler)

    client = Client()
    client.force_login(negotiator)
    pages = [_page(client, "review", v3, number=3), _page(client, "versions", v3),
             _page(client, "fiche", v3, code="1A"), _page(client, "fiche", v3, code="1B")]
    for html in pages:
        assert MARKER not in html
        # a word match: the sign-out form's random token may contain "9Z" by chance
        assert not re.search(r"\b9Z\b", html) and "Vervallen" not in html
        assert "versie 2" not in html
    assert "Wijzigingen ten opzichte van versie 1" in pages[0]
    assert "opgroeien" in pages[0]
    # The compiler, who read version 2, sees the difference with it.
    client.force_login(compiler)
    review = _page(client, "review", v3, number=3)
    assert "Wijzigingen ten opzichte van versie 2" in review and "9Z" in review


# ------------------------------------------------------------------------- 2. publication


def _dirty_fiches() -> list[dict]:
    fiches = copy.deepcopy(base_fiches())
    fiches[0]["current_line"] += " Vragen aan j.jansen@lindeveen.nl of 06-12345678."
    fiches[0]["links"] = [
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fnota&data=05%7C01%7Cp.devries%40lindeveen.nl%7C",
        "file:///C:/Users/pdevries/Documents/nota.docx",
        "https://www.google.com/search?q=minimabeleid+lindeveen+wethouder",
    ]
    fiches[2]["sources"][0]["end_date"] = "31-12-2207"  # impossible: cleaning cannot repair it
    return fiches


def test_publishing_stores_the_cleaned_copy_and_needs_a_reason_per_blocking_finding(tmp_path, compiler):
    version = ingest_file(write_dossier(tmp_path / "d.json", _dirty_fiches()), compiler)
    set_status(version, "vrijgegeven", compiler)
    client = Client()
    client.force_login(compiler)
    url = reverse("dossiers:publish", kwargs={"slug": "lindeveen", "number": 1})
    page = client.get(url).content.decode()
    assert "Iedereen, ook zonder in te loggen" in page  # says who will see it
    plan = plan_publication(version)
    keys = [key for key, _ in plan.keyed_blocking()]
    assert keys and {f.rule for f in plan.blocking} == {"implausible-end-date"}

    # Confirmed but without a reason: refused, nothing stored.
    response = client.post(url, {"bevestigd": "ja"})
    assert response.status_code == 400 and "Geef een reden" in response.content.decode()
    assert not DossierVersion.objects.filter(status="openbaar").exists()
    # With a reason but not confirmed: refused too.
    assert client.post(url, {f"reden-{keys[0]}": "Einddatum volgt"}).status_code == 400
    assert not DossierVersion.objects.filter(status="openbaar").exists()

    response = client.post(url, {"bevestigd": "ja", f"reden-{keys[0]}": "Einddatum volgt uit de nota"})
    assert response.status_code == 302
    public = DossierVersion.objects.get(status="openbaar")
    assert public.published_from == version and version.status == "vrijgegeven"
    override = AuditEvent.objects.get(action="override")
    assert override.details["reason"] == "Einddatum volgt uit de nota"

    anonymous = Client()
    seen = "".join(_page(anonymous, name, public) for name in ("overview", "partners", "timeline", "glossary"))
    seen += _page(anonymous, "fiche", public, code="1A") + _page(anonymous, "review", public, number=public.number)
    for secret in ("j.jansen@lindeveen.nl", "06-12345678", "p.devries", "pdevries", "file://", "safelinks",
                   "search?q=", "wethouder", "Kwaliteitscontrole", "Waarschuwingen"):
        assert secret not in seen, secret
    assert "https://example.org/nota" in seen  # the safe link, unwrapped


def test_status_change_cannot_make_a_version_public_without_the_copy(released_version, compiler):
    with pytest.raises(ValueError):
        set_status(released_version, "openbaar", compiler)
    client = Client()
    client.force_login(compiler)
    url = reverse("dossiers:status", kwargs={"slug": "lindeveen", "number": 1})
    response = client.post(url, {"status": "openbaar", "bevestigd": "ja"})
    assert response.status_code == 302 and response["Location"].endswith("/openbaar-maken/")
    released_version.refresh_from_db()
    assert released_version.status == "vrijgegeven"


def test_release_asks_for_confirmation_first(concept_version, compiler):
    client = Client()
    client.force_login(compiler)
    url = reverse("dossiers:status", kwargs={"slug": "lindeveen", "number": 1})
    assert "onderhandelaars" in client.post(url, {"status": "vrijgegeven"}).content.decode()
    concept_version.refresh_from_db()
    assert concept_version.status == "concept"


@pytest.mark.django_db(transaction=True)
def test_cli_publication_follows_the_same_rules(tmp_path, capsys):
    from akkoord.cli import main

    path = write_dossier(tmp_path / "d.json", _dirty_fiches())
    assert main(["ingest", str(path), "--status", "openbaar", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Niet openbaar gemaakt" in err and "--reden" in err
    assert not DossierVersion.objects.filter(status="openbaar").exists()
    plan = plan_publication(DossierVersion.objects.get())
    key = plan.keyed_blocking()[0][0]
    assert key in err
    assert main(["ingest", str(path), "--dossier", "lindeveen", "--status", "openbaar", "--quiet",
                 "--reden", f"{key}=bekend en aanvaard"]) == 0
    public = DossierVersion.objects.get(status="openbaar")
    assert "j.jansen@lindeveen.nl" not in str(list(public.fiches.values_list("data", flat=True)))


def test_publication_blocked_without_override(released_version):
    fiches = _dirty_fiches()
    released_version.fiches.filter(code="2A").update(data={**fiches[2]})
    with pytest.raises(PublicationBlocked):
        publish(released_version)


# ------------------------------------------------------------------------------ 3. search


def _search(client: Client, **params) -> str:
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def _hits(query: str, user) -> list[tuple[str, float]]:
    from akkoord.web.access import visible_versions
    from akkoord.web.search.engine import search

    ids = list(visible_versions(user).values_list("pk", flat=True))
    return [(h.code, h.score) for h in search(query, version_ids=ids, load_fiches=False).hits]


def test_search_statistics_and_filters_ignore_concepts(tmp_path, compiler, negotiator):
    v1 = ingest_file(write_dossier(tmp_path / "v1.json", base_fiches()), compiler)
    set_status(v1, "vrijgegeven", compiler)
    before = {q: _hits(q, negotiator) for q in ("bestaanszekerheid", "jeugdhulp", "zqzqwonen", "armoede")}
    ingest_file(write_dossier(tmp_path / "v2.json", _fiches_with_concept_text()), compiler)
    after = {q: _hits(q, negotiator) for q in before}
    assert after == before  # scores do not move when a concept is added
    assert _hits(f"{MARKER}wonen", negotiator) == _hits("zqzqwonen", negotiator)
    assert _hits(MARKER, negotiator) == []
    assert _hits(MARKER, compiler)  # the compiler does find it

    client = Client()
    client.force_login(negotiator)
    page = _search(client)
    assert "Hoofdstuk 9" not in page and not re.search(r"\b2041\b", page)  # not inside the form token
    client.force_login(compiler)
    page = _search(client)
    assert "Hoofdstuk 9" in page and "2041" in page


def test_search_from_a_dossier_searches_that_dossier(tmp_path, compiler, negotiator):
    one = ingest_file(write_dossier(tmp_path / "a.json", base_fiches()), compiler)
    other = ingest_file(write_dossier(tmp_path / "b.json", base_fiches(), municipality="Waterbeek",
                                      title="Formatiedossier Waterbeek"), compiler)
    for version in (one, other):
        set_status(version, "vrijgegeven", compiler)
    client = Client()
    client.force_login(negotiator)
    overview = _page(client, "overview", one)
    assert 'name="dossier" value="lindeveen"' in overview
    scoped = _search(client, q="wonen", dossier="lindeveen")
    assert "Lindeveen, versie" in scoped and "Waterbeek, versie" not in scoped
    assert "Zoek in alle dossiers" in scoped
    everywhere = _search(client, q="wonen")
    assert "Lindeveen, versie" in everywhere and "Waterbeek, versie" in everywhere
    assert "relevantie" not in everywhere


def test_field_filter_and_highlight(tmp_path, compiler, negotiator):
    version = ingest_file(write_dossier(tmp_path / "a.json", base_fiches()), compiler)
    set_status(version, "vrijgegeven", compiler)
    client = Client()
    client.force_login(negotiator)
    # 'doelgroep' occurs only in the advice of 1A; 'starters' only in the policy line of 2A.
    assert "1A Bestaanszekerheid" in _search(client, q="doelgroep", veld="advice")
    assert "Geen fiches gevonden" in _search(client, q="starters", veld="advice")
    assert "2A Wonen" in _search(client, q="starters", veld="current_line")
    html = client.get(reverse("dossiers:fiche", kwargs={"slug": "lindeveen", "code": "2A"}),
                      {"markeer": "starters"}).content.decode()
    assert "<mark>starters</mark>" in html


# ---------------------------------------------------------------------- 5. quality findings


def test_findings_and_warnings_are_for_compilers_only(tmp_path, compiler, negotiator):
    fiches = _dirty_fiches() + [fiche_dict("1A", "Dubbel")]
    version = ingest_file(write_dossier(tmp_path / "d.json", fiches), compiler)
    set_status(version, "vrijgegeven", compiler)
    client = Client()
    client.force_login(negotiator)
    review = _page(client, "review", version, number=1)
    fiche = _page(client, "fiche", version, code="1A")
    for html in (review, fiche):
        assert "komt meer dan één keer voor" not in html
        assert "Kwaliteitscontrole" not in html and "persoonsgegeven" not in html
    client.force_login(compiler)
    review = _page(client, "review", version, number=1)
    assert "komt meer dan één keer voor" in review and "Kwaliteitscontrole" in review


# -------------------------------------------------------------- 6. caching, HTTPS, file modes


def test_signed_in_pages_are_not_stored_by_caches(released_version, negotiator):
    client = Client()
    client.force_login(negotiator)
    for url in (reverse("dossiers:overview", kwargs={"slug": "lindeveen"}), reverse("search:search") + "?q=wonen",
                reverse("dossiers:home")):
        cache_control = client.get(url).headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, url


def test_production_settings_pass_the_deployment_check(tmp_path):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"),
           "DJANGO_SETTINGS_MODULE": "akkoord.web.settings.production",
           "AKKOORD_SECRET_KEY": "k" * 20 + "Zq8!x@Lw3#Vb7$Np2%Hd5^Rt9&Jm4*Fs6(Gy1)Cu0_Ke" + "q" * 10,
           "AKKOORD_DATA_DIR": str(tmp_path), "AKKOORD_ALLOWED_HOSTS": "akkoord.example.nl"}
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    script = ("import django; django.setup(); from django.conf import settings as s; "
              "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)")
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert shown.stdout.split() == ["True", "True"], shown.stderr


def test_database_file_and_folder_are_private(tmp_path, settings):
    from akkoord.cli.serve import ensure_data_dir

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    database = data / "akkoord.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    settings.DATA_DIR = data
    settings.DATABASES = {"default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3",
                                      "NAME": str(database)}}
    ensure_data_dir()
    assert stat.S_IMODE(database.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(data.stat().st_mode) & 0o077 == 0


def test_server_processes_create_private_files():
    script = "import os; from akkoord.web import setup; setup(); print(oct(os.umask(0)))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "akkoord.web.settings.test"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "0o77", result.stderr
