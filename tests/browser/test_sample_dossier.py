"""The bundled sample dossier, uploaded as extracted text, read in Chromium on laptop and tablet.

Unlike the other browser tests (three small invented fiches), this one goes through the real
text reader and shows full-size fiches, so axe-core sees every kind of content a dossier has.
"""
from __future__ import annotations

import re

import pytest
from browserhelp import release, sign_in
from webdata import make_user

from akkoord.dossier.sample import SAMPLE_TEXT_PATH, load_sample_gold

pytestmark = pytest.mark.browser


@pytest.fixture
def sample_site(transactional_db, live_server):
    make_user("ambtenaar1", "ambtenaar")
    make_user("onderhandelaar1", "onderhandelaar")
    return live_server.url


def test_upload_sample_text_then_read_every_fiche(page, sample_site, check_a11y):
    base = sample_site
    sign_in(page, base, "ambtenaar1")
    page.goto(f"{base}/inlezen/")
    page.get_by_label("Dossierbestand").set_input_files(str(SAMPLE_TEXT_PATH))
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_url(re.compile(r"/versies/1/$"))
    assert page.get_by_text("tekstlezer", exact=False).first.is_visible()
    check_a11y(page, "voorbeeld-beoordelen")
    release(page)
    slug = re.search(r"/dossiers/([^/]+)/", page.url).group(1)

    page.get_by_role("button", name="Uitloggen").click()
    sign_in(page, base, "onderhandelaar1")
    gold = load_sample_gold()
    for fiche in gold.fiches:
        page.goto(f"{base}/dossiers/{slug}/fiches/{fiche.code}/")
        assert page.get_by_role("heading", level=1).inner_text() == fiche.title
        check_a11y(page, f"voorbeeld-fiche-{fiche.code}")
    for name in ("tijdlijn", "partners", "afkortingen", "ambities"):
        page.goto(f"{base}/dossiers/{slug}/{name}/")
        check_a11y(page, f"voorbeeld-{name}")


def test_tablet_reader_searches_in_own_words(page, sample_site, check_a11y):
    from akkoord.web.dossiers.services import ingest_file, set_status
    from django.contrib.auth import get_user_model

    compiler = get_user_model().objects.get(username="ambtenaar1")
    set_status(ingest_file(SAMPLE_TEXT_PATH, compiler), "vrijgegeven", compiler)
    page.set_viewport_size({"width": 800, "height": 1100})
    sign_in(page, sample_site, "onderhandelaar1")
    page.get_by_label("Zoeken in de dossiers").fill("tekort op de jeugdzorg")
    page.get_by_label("Zoeken in de dossiers").press("Enter")
    first = page.locator(".search-results > li").first
    # the sample's fiche on youth care is 1B (its title says "Jeugdhulp")
    assert first.get_by_role("link").first.inner_text().startswith("1B")
    assert first.locator("mark").count() >= 1
    check_a11y(page, "voorbeeld-zoeken-tablet")
