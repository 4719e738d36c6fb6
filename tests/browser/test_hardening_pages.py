"""The pages of item 10 and 11 in Chromium: upload progress, two-step sign-in, lockout;
accessible (axe) and without sideways scrolling at 390 px."""
from __future__ import annotations

import pytest
from browserhelp import PASSWORD, sign_in
from webdata import make_user

pytestmark = pytest.mark.browser


def _no_sideways_scrolling(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_upload_progress_page(phone, transactional_db, live_server, check_a11y):
    from akkoord.web.dossiers.models import ReadJob

    compiler = make_user("ambtenaar1", "ambtenaar", PASSWORD)
    job = ReadJob.objects.create(user=compiler, source_name="formatiedossier-2026.pdf", state="bezig",
                                 stage="pagina's lezen", done=47, total=113)
    sign_in(phone, live_server.url, "ambtenaar1")
    phone.goto(f"{live_server.url}{job.get_absolute_url()}")
    assert phone.get_by_role("status").inner_text().startswith("Bezig met pagina's lezen: 47 van 113")
    _no_sideways_scrolling(phone)
    check_a11y(phone, "inlezen-voortgang-390")
    ReadJob.objects.filter(pk=job.pk).update(state="mislukt", message="Dit bestand kan niet gelezen worden: kapot.")
    phone.get_by_text("kan niet gelezen worden").first.wait_for()  # job.js follows the job
    check_a11y(phone, "inlezen-mislukt-390")


def test_two_step_sign_in_pages(phone, transactional_db, live_server, settings, check_a11y):
    settings.AKKOORD_2FA_ROLES = ["ambtenaar"]
    make_user("ambtenaar1", "ambtenaar", PASSWORD)
    sign_in(phone, live_server.url, "ambtenaar1")
    phone.wait_for_url("**/inloggen/tweestaps/instellen/**")
    assert phone.get_by_role("img", name="QR-code").is_visible()
    _no_sideways_scrolling(phone)
    check_a11y(phone, "tweestaps-instellen-390")
    phone.get_by_label("Code uit uw app").fill("000000")
    phone.get_by_role("button", name="Code bevestigen").click()
    phone.get_by_text("Deze code klopt niet").first.wait_for()
    check_a11y(phone, "tweestaps-instellen-fout-390")


def test_lockout_page(phone, transactional_db, live_server, check_a11y):
    make_user("ambtenaar1", "ambtenaar", PASSWORD)
    for _ in range(6):
        phone.goto(f"{live_server.url}/inloggen/")
        phone.get_by_label("Gebruikersnaam").fill("ambtenaar1")
        phone.get_by_label("Wachtwoord").fill("fout")
        phone.get_by_role("button", name="Inloggen").click()
    phone.get_by_role("heading", name="Aanmelden tijdelijk geblokkeerd").wait_for()
    _no_sideways_scrolling(phone)
    check_a11y(phone, "aanmelden-geblokkeerd-390")
