"""Shared page cache: only what every reader who may see it sees alike, never stale."""
from __future__ import annotations

import re

import pytest
from django.test import Client
from webdata import base_fiches, write_dossier

from akkoord.web.dossiers.services import ingest_file, publish, set_status


def test_anonymous_pages_of_a_public_version_are_served_from_the_cache(client, public_version):
    slug = public_version.dossier.slug
    for url in (f"/dossiers/{slug}/", f"/dossiers/{slug}/fiches/1A/", f"/dossiers/{slug}/tijdlijn/",
                "/zoeken/?q=wonen"):
        first, second = client.get(url), client.get(url)
        assert first.status_code == second.status_code == 200, url
        assert first["X-Akkoord-Cache"] == "miss" and second["X-Akkoord-Cache"] == "hit", url
        assert first.content == second.content
        assert "Content-Security-Policy" in second  # middleware still runs on a cached page


def test_status_change_is_seen_at_once(client, public_version, compiler):
    url = f"/dossiers/{public_version.dossier.slug}/"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Akkoord-Cache"] == "hit"
    set_status(public_version, "concept", compiler)
    assert client.get(url).status_code in (302, 404)
    assert "Bestaanszekerheid" not in client.get("/zoeken/?q=bestaanszekerheid").content.decode()


def test_new_version_is_seen_at_once(client, public_version, compiler, tmp_path):
    url = f"/dossiers/{public_version.dossier.slug}/fiches/1A/"
    assert "Bestaanszekerheid" in client.get(url).content.decode()
    fiches = base_fiches()
    fiches[0]["title"] = "Inkomensondersteuning"
    newer = ingest_file(write_dossier(tmp_path / "v2.json", fiches), compiler)
    publish(set_status(newer, "vrijgegeven", compiler), compiler)
    html = client.get(url).content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "Inkomensondersteuning" in heading and "Bestaanszekerheid" not in heading


def test_signed_in_readers_are_never_served_a_shared_page(public_version, compiler, negotiator):
    url = f"/dossiers/{public_version.dossier.slug}/"
    for user in (compiler, negotiator):
        reader = Client()
        reader.force_login(user)
        for _ in range(2):
            response = reader.get(url)
            assert response.status_code == 200 and "X-Akkoord-Cache" not in response
            assert user.username in response.content.decode()


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, public_version):
    url = f"/dossiers/{public_version.dossier.slug}/"
    client.get(url)
    client.cookies["sessionid"] = "iets"
    assert "X-Akkoord-Cache" not in client.get(url)


def test_released_version_is_not_cached_for_anyone(client, released_version, negotiator):
    url = f"/dossiers/{released_version.dossier.slug}/"
    assert client.get(url).status_code in (302, 404)
    reader = Client()
    reader.force_login(negotiator)
    assert "X-Akkoord-Cache" not in reader.get(url)
    assert client.get(url).status_code in (302, 404)


def test_production_cache_is_shared_by_worker_processes():
    from akkoord.web.settings import base

    assert base.CACHES["default"]["BACKEND"].endswith(("FileBasedCache", "DatabaseCache", "RedisCache"))


def test_signed_in_readers_share_the_page_of_their_scope_with_their_own_menu(released_version, negotiator, formateur):
    url = f"/dossiers/{released_version.dossier.slug}/fiches/1A/"
    first, second = Client(), Client()
    first.force_login(negotiator)
    second.force_login(formateur)
    a, b = first.get(url), second.get(url)
    assert a["X-Akkoord-Scoped-Cache"] == "miss" and b["X-Akkoord-Scoped-Cache"] == "hit"
    assert negotiator.username in a.content.decode() and formateur.username not in a.content.decode()
    assert formateur.username in b.content.decode() and negotiator.username not in b.content.decode()
    assert "private" in b["Cache-Control"] and "no-store" in b["Cache-Control"]
    # the sign-out form of a cached page carries a token that works for this reader
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', b.content.decode()).group(1)
    second_csrf = Client(enforce_csrf_checks=True)
    second_csrf.cookies = second.cookies
    assert second_csrf.post("/uitloggen/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_a_message_reaches_only_its_reader_on_a_cached_page(released_version, negotiator, formateur):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.test import RequestFactory

    url = f"/dossiers/{released_version.dossier.slug}/"
    reader, other = Client(), Client()
    reader.force_login(negotiator)
    other.force_login(formateur)
    assert other.get(url).status_code == 200  # the scope's page is kept
    storage, carrier = CookieStorage(RequestFactory().get("/")), HttpResponse()
    storage.add(constants.SUCCESS, "Uw wachtwoord is gewijzigd.")
    storage.update(carrier)
    reader.cookies["messages"] = carrier.cookies["messages"].value
    page = reader.get(url)
    assert page["X-Akkoord-Scoped-Cache"] == "hit"
    assert "Uw wachtwoord is gewijzigd." in page.content.decode()
    assert "Uw wachtwoord is gewijzigd." not in other.get(url).content.decode()


def test_scoped_pages_follow_a_status_change_at_once(released_version, negotiator, compiler):
    reader = Client()
    reader.force_login(negotiator)
    url = f"/dossiers/{released_version.dossier.slug}/"
    assert reader.get(url).status_code == 200
    assert reader.get(url)["X-Akkoord-Scoped-Cache"] == "hit"
    set_status(released_version, "concept", compiler)
    assert reader.get(url).status_code == 404
