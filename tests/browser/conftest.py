"""Browser tests: Debian's Chromium through Playwright against pytest-django's live server."""
from __future__ import annotations

import os
from pathlib import Path

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from webdata import base_fiches, fiche_dict, make_user, write_dossier  # noqa: E402,F401

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
PASSWORD = "geheim-wachtwoord-123"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium ontbreekt (/usr/bin/chromium); scripts/system-packages.sh installeert het")
        pytest.skip("Chromium ontbreekt (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def check_a11y(axe):
    """Run axe-core on the current page; fail on any violation, whatever its impact."""

    def run(page, name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        results = axe.run(page, options=AXE_OPTIONS)
        bad = list(results.response["violations"])
        summary = "; ".join(f"{v['id']} ({v['impact']}): {len(v['nodes'])}× e.g. {v['nodes'][0]['target']}"
                            for v in bad)
        assert not bad, f"{name}: {summary}"
        return results

    return run


@pytest.fixture
def site(transactional_db, live_server, tmp_path):
    """A released dossier, a compiler and a negotiator, on the live server."""
    from akkoord.web.dossiers.services import ingest_file, set_status

    compiler = make_user("ambtenaar1", "ambtenaar", PASSWORD)
    make_user("onderhandelaar1", "onderhandelaar", PASSWORD)
    version = ingest_file(write_dossier(tmp_path / "lindeveen.json", base_fiches()), compiler)
    set_status(version, "vrijgegeven", compiler)
    return {"url": live_server.url, "slug": version.dossier.slug, "version": version}
