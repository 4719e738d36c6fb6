"""Issue 14 in Chromium: every page type at 390 px without sideways scrolling and without any
axe violation, and the print media of a fiche (rendered to PDF and read back)."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from browserhelp import sign_in
from webdata import base_fiches, fiche_dict, write_dossier

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("document.documentElement.clientWidth")
    if width > viewport:
        culprits = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
        pytest.fail(f"{name}: {width}px breed bij {viewport}px ({culprits})")


@pytest.fixture
def rich_site(site, tmp_path):
    """The small released dossier plus a concept version with long words, links and findings."""
    from django.contrib.auth import get_user_model

    from akkoord.web.dossiers.services import ingest_file

    fiches = base_fiches()
    fiches[0]["current_line"] = ("Een heel lang woord: Rijksbeleidsuitvoeringsorganisatiecoördinatiemechanisme"
                                 "sherijkingstraject.\nTweede regel na een harde regelovergang.")
    fiches[0]["links"] = ["https://raad.example.org/Agenda/Document/e6267551-d461-4141-8dc0-bb5a717c89cc?"
                          "documentId=4aeca783-b184-431b-89bb-251b250819d1&agendaItemId=5eaac75c-2ce0-4b44",
                          "file:///C:/Users/jan/Documenten/nota.docx"]
    fiches.append(fiche_dict("3A", "Economie", ambitions=["open"], partners=["Ondernemers", "Beleid"],
                             adjustment_moment="Bij de volgende evaluatie."))
    compiler = get_user_model().objects.get(username="ambtenaar1")
    ingest_file(write_dossier(tmp_path / "v2.json", fiches), compiler, slug=site["slug"])
    return site


def test_every_page_type_fits_a_phone_and_passes_axe(browser, rich_site, check_a11y):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    base, slug = rich_site["url"], rich_site["slug"]
    try:
        page.goto(f"{base}/")
        _no_sideways_scroll(page, "home-anoniem")
        check_a11y(page, "390-home-anoniem")
        page.goto(f"{base}/inloggen/")
        _no_sideways_scroll(page, "inloggen")
        check_a11y(page, "390-inloggen")
        sign_in(page, base, "ambtenaar1")
        pages = {
            "home": "/", "inlezen": "/inlezen/", "overzicht": f"/dossiers/{slug}/",
            "per-opgave": f"/dossiers/{slug}/ambities/", "fiche": f"/dossiers/{slug}/fiches/1A/?versie=2",
            "tijdlijn": f"/dossiers/{slug}/tijdlijn/?versie=2", "partners": f"/dossiers/{slug}/partners/?versie=2",
            "afkortingen": f"/dossiers/{slug}/afkortingen/", "versies": f"/dossiers/{slug}/versies/",
            "beoordelen": f"/dossiers/{slug}/versies/2/", "zoeken": "/zoeken/?q=woonvisie",
            "niet-gevonden": f"/dossiers/{slug}/fiches/9Z/",
        }
        for name, path in pages.items():
            page.goto(base + path)
            _no_sideways_scroll(page, name)
            check_a11y(page, f"390-{name}")
        # The review page's details open: still no sideways scrolling.
        page.goto(f"{base}/dossiers/{slug}/versies/2/?ernst=blokkerend")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        _no_sideways_scroll(page, "beoordelen-open")
        check_a11y(page, "390-beoordelen-open")
    finally:
        context.close()


def test_a_printed_fiche_names_dossier_version_date_and_confidentiality(page, site):
    from pypdf import PdfReader

    sign_in(page, site["url"], "onderhandelaar1")
    page.goto(f"{site['url']}/dossiers/{site['slug']}/fiches/1A/")
    page.emulate_media(media="print")
    assert not page.locator(".breadcrumbs").is_visible()
    assert not page.locator(".dossier-bar").is_visible()
    assert page.locator(".print-header").is_visible()
    pdf = page.pdf(format="A4")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Formatiedossier Lindeveen" in text and "versie 1" in text
    assert re.search(r"afgedrukt op \d{1,2} [a-z]+ \d{4}", text)
    assert "Vertrouwelijk" in text
    assert "Kruimelpad" not in text and "Overzicht › Hoofdstuk" not in text
    # Headings are kept with what follows them.
    assert page.evaluate("getComputedStyle(document.querySelector('.fiche-section h2')).breakAfter") == "avoid"


def test_public_reader_downloads_and_sees_no_confidentiality_mark(page, site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from akkoord.web.dossiers.services import publish

    settings.AKKOORD_PUBLICATION_DIR = str(tmp_path / "pdf")
    publish(site["version"], get_user_model().objects.get(username="ambtenaar1"))
    page.goto(f"{site['url']}/dossiers/{site['slug']}/")
    assert page.get_by_text("Vertrouwelijk").count() == 0
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF").click()
    assert info.value.suggested_filename.endswith("-openbaar.pdf")


def test_the_real_dossier_fits_a_phone_on_every_fiche(browser, transactional_db, live_server, shared_dossier_path,
                                                        check_a11y):
    """The shared dossier (real extraction output, long words and links included): every fiche,
    the timeline, partners and review at 390 px."""
    from webdata import make_user

    from akkoord.web.dossiers.services import ingest_file

    compiler = make_user("ambtenaar1", "ambtenaar")
    version = ingest_file(shared_dossier_path, compiler)
    slug = version.dossier.slug
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "ambtenaar1")
        paths = [f"/dossiers/{slug}/fiches/{code}/" for code in version.fiches.values_list("code", flat=True)]
        paths += [f"/dossiers/{slug}/{p}" for p in ("", "tijdlijn/", "partners/", "afkortingen/", "versies/1/")]
        for path in paths:
            page.goto(live_server.url + path)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            _no_sideways_scroll(page, path)
        for path in paths:
            page.goto(live_server.url + path)
            check_a11y(page, "echt-" + path.strip("/").replace("/", "-"))
    finally:
        context.close()


def test_no_heading_is_left_alone_at_the_foot_of_a_printed_page(browser, transactional_db, live_server,
                                                                 shared_dossier_path):
    """Every fiche of the shared dossier printed (print media, A4): no page ends in a heading."""
    from pypdf import PdfReader
    from webdata import make_user

    from akkoord.dossier.model import FIELD_LABELS
    from akkoord.web.dossiers.services import ingest_file

    compiler = make_user("ambtenaar1", "ambtenaar")
    version = ingest_file(shared_dossier_path, compiler)
    headings = set(FIELD_LABELS.values())
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    lone = []
    try:
        sign_in(page, live_server.url, "ambtenaar1")
        for code in version.fiches.values_list("code", flat=True):
            page.goto(f"{live_server.url}/dossiers/{version.dossier.slug}/fiches/{code}/")
            for number, printed in enumerate(PdfReader(BytesIO(page.pdf(format="A4"))).pages, 1):
                lines = [line.strip() for line in printed.extract_text().splitlines() if line.strip()]
                if lines and lines[-1] in headings:
                    lone.append((code, number, lines[-1]))
    finally:
        context.close()
    assert not lone, f"koppen alleen onderaan een pagina: {lone}"
