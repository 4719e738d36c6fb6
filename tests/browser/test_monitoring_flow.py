"""The term in the browser: an adopted agreement updated by form and by CSV, and the public
dashboard following it; axe-core on every page (any impact), no sideways scrolling at 390 px."""
from __future__ import annotations

import re

import pytest
from browserhelp import sign_in

from webdata import make_user

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def term(transactional_db, live_server):
    from akkoord.monitoring import sample
    from akkoord.web.monitoring import services

    make_user("ambtenaar1", "ambtenaar", PASSWORD)
    programme = services.adopt_agreement(sample.agreement(), slug="termijn", term=(2022, 2026))
    return {"url": live_server.url, "slug": programme.slug}


def _no_violations(axe, page, name: str) -> None:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                                               "best-practice"]}})
    bad = results.response["violations"]
    assert not bad, f"{name}: " + "; ".join(f"{v['id']} ({v['impact']}) {v['nodes'][0]['target']}" for v in bad)


def _fits(page, name: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{name} scrolls sideways at 390 px ({width} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_update_by_form_and_csv_then_the_public_dashboard(page, browser, term, axe, tmp_path):
    base, slug = term["url"], term["slug"]
    sign_in(page, base, "ambtenaar1")
    page.goto(f"{base}/uitvoering/{slug}/")
    page.get_by_role("button", name="Openbaar maken").click()
    assert page.get_by_text("Het dashboard is openbaar.").is_visible()
    _no_violations(axe, page, "dashboard (ambtenaar)")

    # By form: commitment 2.1 becomes "op schema" at 60%.
    page.get_by_role("link", name=re.compile("Geen wachtlijst bij schuldhulp")).first.click()
    page.get_by_label("Status").select_option(label="op schema")
    page.get_by_label("Voortgang (%)").fill("60")
    page.get_by_label("Toelichting").fill("Wachttijd gehalveerd in het eerste half jaar.")
    page.get_by_role("button", name="Update opslaan").click()
    assert page.get_by_text("De voortgang is bijgewerkt.").is_visible()
    _no_violations(axe, page, "afspraak (ambtenaar)")
    _fits(page, "afspraak")

    # By CSV: download, change one status, preview, apply.
    with page.expect_download() as download:
        page.goto(f"{base}/uitvoering/{slug}/")
        page.get_by_role("link", name="Afspraken (CSV)").click()
    path = tmp_path / "afspraken.csv"
    download.value.save_as(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line.replace(",niet gestart,", ",gestart,", 1) if line.startswith("A13,") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.get_by_role("link", name="Bijwerken met CSV").click()
    page.get_by_label("CSV-bestand").set_input_files(str(path))
    page.get_by_role("button", name="Voorvertoning").click()
    assert page.get_by_role("heading", name=re.compile("Voorvertoning: 1 wijziging")).is_visible()
    _no_violations(axe, page, "csv-voorvertoning")
    _fits(page, "csv-voorvertoning")
    page.get_by_role("button", name="Wijzigingen toepassen").click()
    assert page.get_by_text("1 afspraak bijgewerkt.").is_visible()

    # The public sees both changes, without signing in.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    visitor.goto(f"{base}/")
    visitor.get_by_role("link", name=re.compile("Coalitieakkoord Lindeveen 2022")).first.click()
    assert visitor.get_by_role("heading", name="Hoe staat het met de afspraken?").is_visible()
    row = visitor.locator(".commitment-list li", has_text="Geen wachtlijst bij schuldhulp")
    assert "op schema" in row.inner_text() and "60%" in row.inner_text()
    row = visitor.locator(".commitment-list li", has_text="Zonnepanelen op alle gemeentelijke daken")
    assert "gestart" in row.inner_text()
    for name, path_ in (("dashboard", ""), ("voortgang", "voortgang/"), ("tijdlijn", "tijdlijn/"),
                        ("afspraak", "afspraken/A07/")):
        visitor.goto(f"{base}/uitvoering/{slug}/{path_}")
        _no_violations(axe, visitor, f"publiek {name}")
        _fits(visitor, f"publiek {name}")
    visitor.context.close()
