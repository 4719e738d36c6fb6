"""Main flows in Chromium, with axe-core on every page (no serious or critical violation)."""
from __future__ import annotations

import re
from importlib.util import find_spec

import pytest
from browserhelp import release, sign_in
from webdata import base_fiches, write_dossier

pytestmark = pytest.mark.browser


def test_sign_in_upload_review_and_publish(page, site, check_a11y, tmp_path):
    base = site["url"]
    page.goto(f"{base}/inloggen/")
    check_a11y(page, "inloggen")
    page.get_by_label("Gebruikersnaam").fill("ambtenaar1")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").is_visible()
    check_a11y(page, "inloggen-fout")

    sign_in(page, base, "ambtenaar1")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inlezen").click()
    check_a11y(page, "inlezen")
    changed = base_fiches()
    changed[0]["title"] = "Bestaanszekerheid en schulden"
    upload = write_dossier(tmp_path / "lindeveen-v2.json", changed)
    page.get_by_label("Dossierbestand").set_input_files(str(upload))
    page.get_by_label("Nieuwe versie van").select_option(label="Formatiedossier Lindeveen")
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_url(re.compile(r"/versies/2/$"))
    assert page.get_by_role("heading", name="Versie 2 beoordelen").is_visible()
    assert page.get_by_role("heading", name="Waarschuwingen van de lezer").is_visible()
    assert page.get_by_text("Wijzigingen ten opzichte van versie 1").first.is_visible()
    check_a11y(page, "beoordelen")

    release(page)
    assert page.get_by_text("is vrijgegeven aan de onderhandelaars").is_visible()

    # The negotiator now reads version 2.
    page.get_by_role("button", name="Uitloggen").click()
    sign_in(page, base, "onderhandelaar1")
    page.goto(f"{base}/dossiers/{site['slug']}/fiches/1A/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bestaanszekerheid en schulden"


def test_browse_overview_to_fiche_and_every_dossier_page(page, site, check_a11y):
    base, slug = site["url"], site["slug"]
    sign_in(page, base, "onderhandelaar1")
    check_a11y(page, "dossiers")
    page.get_by_role("link", name="Formatiedossier Lindeveen").first.click()
    check_a11y(page, "overzicht")
    page.get_by_role("link", name=re.compile("Bestaanszekerheid")).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bestaanszekerheid"
    assert page.get_by_role("cell", name="31-12-2027").is_visible()
    check_a11y(page, "fiche")
    # Related fiche, then back via the reverse relation.
    page.get_by_role("complementary").get_by_role("link", name=re.compile("2A")).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wonen"
    page.goto(f"{base}/dossiers/{slug}/fiches/1B/")
    page.get_by_role("complementary").get_by_role("link", name=re.compile("1A")).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bestaanszekerheid"
    for name, path in (("per-opgave", "ambities/"), ("partners", "partners/"), ("afkortingen", "afkortingen/"),
                       ("versies", "versies/"), ("tijdlijn", "tijdlijn/")):
        page.goto(f"{base}/dossiers/{slug}/{path}")
        check_a11y(page, name)


def test_timeline_filtered_by_ambition(page, site, check_a11y):
    sign_in(page, site["url"], "onderhandelaar1")
    page.goto(f"{site['url']}/dossiers/{site['slug']}/tijdlijn/")
    assert page.get_by_text("Nota minimabeleid").first.is_visible()
    page.get_by_label("Opgave").select_option(label="Aantrekkelijk")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile("ambitie=aantrekkelijk"))
    assert page.get_by_text("Woonvisie").first.is_visible()
    assert page.get_by_text("Nota minimabeleid").count() == 0
    check_a11y(page, "tijdlijn-aantrekkelijk")


def test_keyboard_skip_link_and_focus(page, site):
    sign_in(page, site["url"], "onderhandelaar1")
    page.goto(f"{site['url']}/dossiers/{site['slug']}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Direct naar de inhoud"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0  # visible when focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # Keyboard only: tab to the first fiche and open it.
    page.locator(".fiche-card__link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/fiches/1A/"))


def test_anonymous_visitor_is_offered_to_sign_in(page, site):
    response = page.goto(f"{site['url']}/dossiers/{site['slug']}/fiches/1A/")
    assert response.status == 404  # the same answer as for a dossier that does not exist
    assert page.get_by_text("Bestaanszekerheid").count() == 0
    page.get_by_role("main").get_by_role("link", name="Log in").click()
    assert "/inloggen/" in page.url and "next=" in page.url


@pytest.mark.skipif(find_spec("akkoord.web.search.urls") is None, reason="zoekfunctie nog niet aanwezig")
def test_search_from_the_header(page, site, check_a11y):
    sign_in(page, site["url"], "onderhandelaar1")
    page.get_by_label("Zoeken in de dossiers").fill("woonvisie")
    page.get_by_label("Zoeken in de dossiers").press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=woonvisie"))
    check_a11y(page, "zoeken")
    page.get_by_role("main").get_by_role("link", name=re.compile("Wonen")).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wonen"
