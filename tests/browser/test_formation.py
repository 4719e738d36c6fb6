"""The formation in Chromium: the formateur sets up parties, people and an agenda; negotiators
of two parties record positions, one shares with the table; the formateur records a decision;
the history shows each step. Every formation page is checked with axe-core and at 390 px."""
from __future__ import annotations

import re

import pytest
from browserhelp import sign_in
from conftest import PASSWORD, base_fiches, make_user, write_dossier

NARROW = {"width": 390, "height": 844}


@pytest.fixture
def formation_site(transactional_db, live_server, tmp_path):
    from akkoord.web.dossiers.services import ingest_file, set_status

    compiler = make_user("ambtenaar1", "ambtenaar", PASSWORD)
    version = ingest_file(write_dossier(tmp_path / "lindeveen.json", base_fiches()), compiler)
    set_status(version, "vrijgegeven", compiler)
    for name, role in (("formateur1", "formateur"), ("alfa1", None), ("beta1", None)):
        make_user(name, role, PASSWORD)
    return {"url": live_server.url, "dossier": version.dossier}


def check(page, check_a11y, name: str) -> None:
    """axe-core clean at desktop width, and no sideways scrolling at 390 px."""
    check_a11y(page, name)
    size = page.viewport_size
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(size)
    assert width <= NARROW["width"], f"{name}: {width} px breed bij 390 px"


def submit(page, form_heading: str | None = None, button: str | None = None) -> None:
    scope = page.locator("main")
    if form_heading:
        scope = page.locator("form", has=page.get_by_role("heading", name=form_heading))
    scope.get_by_role("button", name=button or re.compile(".")).last.click()
    page.wait_for_load_state()


def test_formation_from_set_up_to_decision(page, formation_site, check_a11y):
    base = formation_site["url"]
    # The formateur creates the formation and sets up parties, people and an agenda.
    sign_in(page, base, "formateur1")
    page.goto(f"{base}/formaties/nieuw/")
    check(page, check_a11y, "formatie-nieuw")
    page.get_by_label("Naam van de formatie").fill("Lindeveen 2026")
    page.get_by_label("Verkiezingsjaar").fill("2026")
    page.get_by_label("Zetels in de gemeenteraad").fill("33")
    page.get_by_label("Uw rol in deze formatie").select_option("formateur")
    submit(page, button="Aanmaken")
    assert "/partijen/" in page.url
    slug = page.url.rstrip("/").split("/")[-2]
    for name, abbreviation, seats in (("Partij Alfa", "ALFA", "9"), ("Partij Beta", "BETA", "8")):
        form = page.locator("form", has=page.get_by_role("heading", name="Partij toevoegen"))
        form.get_by_label("Naam van de partij").fill(name)
        form.get_by_label("Afkorting").fill(abbreviation)
        form.get_by_label(re.compile(r"^Zetels")).fill(seats)
        submit(page, "Partij toevoegen", "Partij toevoegen")
    assert "ALFA + BETA" in page.locator("ol.coalitions").inner_text()
    for username, party in (("alfa1", "Partij Alfa (ALFA)"), ("beta1", "Partij Beta (BETA)")):
        form = page.locator("form", has=page.get_by_role("heading", name="Deelnemer toevoegen"))
        form.get_by_label("Gebruikersnaam").fill(username)
        form.get_by_label("Rol").select_option("onderhandelaar")
        form.get_by_label("Partij (voor onderhandelaars)").select_option(label=party)
        submit(page, "Deelnemer toevoegen", "Deelnemer toevoegen")
    assert "alfa1: onderhandelaar (ALFA)" in page.locator(".member-list").inner_text()
    check(page, check_a11y, "formatie-partijen")
    page.goto(f"{base}/formaties/{slug}/sessies/")
    page.get_by_label("Datum en tijd").fill("2026-04-14T19:30")
    page.get_by_label("Plaats").fill("Stadhuis")
    page.get_by_label("Punten op de agenda").fill("1, 2")
    submit(page, button="Sessie plannen")
    assert "Kiest u voor een hogere inkomensgrens?" in page.locator("ol.agenda").inner_text()
    check(page, check_a11y, "formatie-sessie")
    page.goto(f"{base}/formaties/{slug}/sessies/")
    check(page, check_a11y, "formatie-sessies")

    # Negotiators of two parties record positions; BETA shares its own with the table.
    for username, party, explanation, share in (("alfa1", "ALFA", "Alfa houdt dit voor zich", False),
                                                ("beta1", "BETA", "Beta deelt dit aan tafel", True)):
        page.context.clear_cookies()
        sign_in(page, base, username)
        page.goto(f"{base}/formaties/{slug}/punten/1/")
        page.get_by_role("link", name="Standpunt vastleggen").click()
        check(page, check_a11y, f"formatie-standpunt-{party}")
        page.get_by_label("eens", exact=True).check()
        page.get_by_label("Toelichting").fill(explanation)
        if share:
            page.get_by_label("aan tafel: iedereen in de formatie").check()
        submit(page, button="Opslaan")
        assert explanation in page.locator("main").inner_text()
    assert "Alfa houdt dit voor zich" not in page.content()  # beta1 does not see ALFA's position
    page.context.clear_cookies()
    sign_in(page, base, "alfa1")
    page.goto(f"{base}/formaties/{slug}/punten/1/")
    assert "Beta deelt dit aan tafel" in page.locator("main").inner_text()
    page.goto(f"{base}/formaties/{slug}/")
    check(page, check_a11y, "formatie-tafel-onderhandelaar")

    # The formateur records the decision.
    page.context.clear_cookies()
    sign_in(page, base, "formateur1")
    page.goto(f"{base}/formaties/{slug}/punten/1/")
    assert "Alfa houdt dit voor zich" not in page.content()
    check(page, check_a11y, "formatie-punt")
    page.get_by_role("link", name="Besluit vastleggen").click()
    check(page, check_a11y, "formatie-besluit")
    page.get_by_label("Uitspraak").fill("De inkomensgrens gaat naar 130%.")
    page.get_by_label("Status").select_option("besloten")
    page.get_by_label("Bedrag per jaar (euro)").fill("2027: 250000")
    page.get_by_label("Soort geld").select_option("structureel")
    submit(page, button="Besluit opslaan")
    assert "De inkomensgrens gaat naar 130%." in page.locator("main").inner_text()
    page.goto(f"{base}/formaties/{slug}/punten/1/bewerken/")
    check(page, check_a11y, "formatie-punt-bewerken")
    page.goto(f"{base}/formaties/{slug}/punten/nieuw/")
    check(page, check_a11y, "formatie-punt-nieuw")
    page.goto(f"{base}/formaties/{slug}/")
    assert "1 besloten" in page.locator(".counts").inner_text()
    check(page, check_a11y, "formatie-tafel")
    page.goto(f"{base}/formaties/")
    check(page, check_a11y, "formaties")
    page.goto(f"{base}/formaties/{slug}/sessies/")
    page.get_by_role("link", name=re.compile("14 april 2026")).click()
    page.get_by_role("link", name="Verslag schrijven").click()
    page.get_by_label("Verslag").fill("Punt 1 is besloten.")
    page.get_by_label(re.compile("Kiest u voor een hogere")).check()
    check(page, check_a11y, "formatie-verslag")
    submit(page, button="Verslag opslaan")
    assert "Punt 1 is besloten." in page.locator("main").inner_text()
    page.get_by_role("link", name="Agenda wijzigen").click()
    check(page, check_a11y, "formatie-agenda-wijzigen")

    # The history shows each step the viewer may see.
    page.goto(f"{base}/formaties/{slug}/punten/1/geschiedenis/")
    history = page.locator("main").inner_text()
    assert "Besluit aangemaakt door formateur1" in history
    assert "Standpunt BETA aangemaakt door beta1" in history
    assert "ALFA" not in history  # not shared with the formateur
    check(page, check_a11y, "formatie-geschiedenis")
    page.context.clear_cookies()
    sign_in(page, base, "alfa1")
    page.goto(f"{base}/formaties/{slug}/punten/1/geschiedenis/")
    history = page.locator("main").inner_text()
    assert "Standpunt ALFA aangemaakt door alfa1" in history and "Standpunt BETA" in history
    assert "Besluit aangemaakt door formateur1" in history
