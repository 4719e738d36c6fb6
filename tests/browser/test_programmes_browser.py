"""Election programmes in Chromium: the civil servant uploads a programme, sees it beside a
fiche, the party's negotiator confirms a suggestion as the party's position. Every programme
page is checked with axe-core and for sideways scrolling at 390 px."""
from __future__ import annotations

import re

import pytest
from browserhelp import sign_in
from conftest import PASSWORD, fiche_dict, make_user, write_dossier

NARROW = {"width": 390, "height": 844}

PROGRAMME = """Groen Dijkmeer\n\nVerkiezingsprogramma 2026\n\f
Armoede

Niemand hoeft zich te schamen voor geldzorgen. Wie schulden heeft, krijgt snel hulp van het
Schuldenloket, zonder wachtlijst en met een vaste contactpersoon die langs kan komen.

• Geen verhoging van de inkomensgrens van de minimaregelingen: 120% van het sociaal minimum is genoeg.

Wonen

Er moeten meer betaalbare woningen komen voor starters. In elk bouwproject blijft twee derde
betaalbaar, ook als dat vertraging geeft.
"""


@pytest.fixture
def programme_site(transactional_db, live_server, tmp_path):
    from akkoord.web.dossiers.services import ingest_file, set_status
    from akkoord.web.formation import services

    compiler = make_user("ambtenaar1", "ambtenaar", PASSWORD)
    fiches = [
        fiche_dict("1A", "Schuldhulpverlening en armoedebestrijding",
                   current_line="Huishoudens met schulden krijgen hulp van het Schuldenloket. De minimaregelingen "
                                "gelden tot 120% van het sociaal minimum.",
                   advice=["Verhoog de inkomensgrens van de minimaregelingen naar 130% van het sociaal minimum.",
                           "Zet de vroegsignalering van schulden voort."]),
        fiche_dict("2A", "Woningbouw en betaalbaarheid",
                   current_line="Dijkmeer bouwt woningen voor starters en senioren; een derde is sociale huur.",
                   advice=["Houd vast aan twee derde betaalbare woningen in elk bouwproject."]),
    ]
    version = ingest_file(write_dossier(tmp_path / "d.json", fiches, municipality="Dijkmeer"), compiler)
    set_status(version, "vrijgegeven", compiler)
    formation = services.create_formation("Formatie Dijkmeer", version.dossier,
                                          [("Groen Dijkmeer", "GD", 9), ("Dijkmeer Vooruit", "DV", 8)],
                                          council_seats=29, election_year=2026)
    services.add_member(formation, make_user("steun1", None, PASSWORD), "ondersteuning")
    services.add_member(formation, make_user("gd1", None, PASSWORD), "onderhandelaar",
                        formation.parties.get(abbreviation="GD"))
    services.add_member(formation, make_user("info1", None, PASSWORD), "informateur")
    path = tmp_path / "groen-dijkmeer.txt"
    path.write_text(PROGRAMME, encoding="utf-8")
    return {"url": live_server.url, "slug": formation.slug, "file": path}


def check(page, check_a11y, name: str) -> None:
    check_a11y(page, name)
    size = page.viewport_size
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(size)
    assert width <= NARROW["width"], f"{name}: {width} px breed bij 390 px"


def test_upload_see_beside_fiche_and_confirm_suggestion(page, programme_site, check_a11y):
    base, slug = programme_site["url"], programme_site["slug"]
    sign_in(page, base, "steun1")
    page.goto(f"{base}/formaties/{slug}/programmas/")
    check(page, check_a11y, "programmas-index")
    page.get_by_label("Partij").select_option("GD")
    page.get_by_label("Programma (PDF, Word of tekst)").set_input_files(str(programme_site["file"]))
    page.get_by_role("button", name="Programma toevoegen").click()
    page.wait_for_load_state()
    assert f"/programmas/partij/GD/" in page.url
    assert "Programma van GD toegevoegd" in page.locator("main").inner_text() or "toegevoegd" in page.content()
    check(page, check_a11y, "programmas-partij")
    page.goto(f"{base}/formaties/{slug}/programmas/fiche/1A/")
    column = page.locator("section", has=page.get_by_role("heading", name=re.compile("Groen Dijkmeer")))
    assert "Schuldenloket" in column.inner_text() and "p. 2" in column.inner_text()
    check(page, check_a11y, "programmas-fiche")
    page.goto(f"{base}/formaties/{slug}/programmas/combinaties/")
    check(page, check_a11y, "programmas-combinaties")

    # The party's negotiator confirms the suggestion on point 1 (1A.1) as GD's position.
    page.context.clear_cookies()
    sign_in(page, base, "gd1")
    page.goto(f"{base}/formaties/{slug}/programmas/punt/1/")
    assert "Suggestie: oneens" in page.locator("main").inner_text()
    check(page, check_a11y, "programmas-punt")
    page.get_by_role("button", name="Bevestigen als standpunt").click()
    page.wait_for_load_state()
    assert "Standpunt vastgelegd: oneens" in page.locator("main").inner_text()
    page.goto(f"{base}/formaties/{slug}/punten/1/")
    assert "oneens" in page.locator("main").inner_text()

    # The informateur does not see the party-only position.
    page.context.clear_cookies()
    sign_in(page, base, "info1")
    page.goto(f"{base}/formaties/{slug}/programmas/punt/1/")
    assert "Standpunt:" not in page.locator("main").inner_text()
