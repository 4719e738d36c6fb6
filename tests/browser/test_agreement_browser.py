"""The agreement pages in Chromium: axe-core (WCAG 2.1 AA) and no sideways scrolling at 390 px,
for the formateur who writes it and for an anonymous reader of the published version."""
from __future__ import annotations

import pytest
from agreement_world import build_world
from browserhelp import sign_in

PAGES = ("", "register/", "financien/", "versies/", "secties/", "huisstijl/")


@pytest.fixture
def agreement_site(transactional_db, live_server, tmp_path):
    from akkoord.web.agreement import services

    world = build_world(tmp_path)
    agreement = services.get_or_create_agreement(world.formation)
    services.freeze(agreement, world.users["formateur"], "eerste")
    return world, live_server.url


@pytest.mark.parametrize("width", [1280, 390])
def test_formateur_pages_are_accessible_and_fit(page, check_a11y, agreement_site, width):
    world, base = agreement_site
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "akk-form")
    root = f"{base}/formaties/{world.formation.slug}/akkoord/"
    for path in PAGES + (f"register/punt-{world.points[0].number}/", "versies/1/1/"):
        page.goto(root + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        check_a11y(page, f"akkoord-{path.strip('/').replace('/', '-') or 'tekst'}-{width}")


def test_published_agreement_for_an_anonymous_reader(page, check_a11y, agreement_site):
    from akkoord.web.agreement import services
    from akkoord.web.agreement.models import AgreementVersion

    world, base = agreement_site
    version = AgreementVersion.objects.get(number=1)
    services.adopt(version)
    version.published = True
    version.save()
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{base}/formaties/{world.formation.slug}/akkoord/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Coalitieakkoord")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "akkoord-openbaar-390")
