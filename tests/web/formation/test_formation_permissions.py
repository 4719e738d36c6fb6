"""The permission matrix of the formation: every formation URL × every kind of viewer.

Marker words sit in positions of each visibility level; each must appear exactly where the
rules allow. A position that is not shared with a viewer must not change anything that viewer
gets: the pages are compared with and without it.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest
from formationdata import set_position
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.models import AuditEvent
from akkoord.web.formation import services
from akkoord.web.formation.models import Decision, Meeting

pytestmark = pytest.mark.django_db

SECRET_A = "Geheimwoordalfa"  # ALFA, point 1, visibility partij
CONFIDENTIAL_B = "Vertrouwwoordbeta"  # BETA, point 1, vertrouwelijk
TABLE_B = "Tafelwoordbeta"  # BETA, point 2, tafel

VIEWERS = ("neg_a", "neg_a2", "neg_b", "informateur", "formateur", "support", "reader")
SEES = {
    "neg_a": {SECRET_A, TABLE_B}, "neg_a2": {SECRET_A, TABLE_B},
    "neg_b": {CONFIDENTIAL_B, TABLE_B},
    "informateur": {CONFIDENTIAL_B, TABLE_B}, "formateur": {CONFIDENTIAL_B, TABLE_B},
    "support": {TABLE_B}, "reader": {TABLE_B},
}


@pytest.fixture
def table(world):
    p1, p2 = world.formation.points.order_by("number")
    set_position(p1, world.party_a, "oneens", SECRET_A, "partij", "breekpunt")
    set_position(p1, world.party_b, "voorwaardelijk", CONFIDENTIAL_B, "vertrouwelijk")
    set_position(p2, world.party_b, "eens", TABLE_B, "tafel")
    Decision.objects.create(point=p2, text="Afgesproken", status="besloten")
    meeting = Meeting.objects.create(formation=world.formation, starts_at=datetime(2026, 4, 1, 10, tzinfo=timezone.utc),
                                     place="Stadhuis")
    meeting.items.create(point=p1, order=0)
    return world, meeting


def urls(world, meeting) -> list[str]:
    slug = world.formation.slug
    r = lambda name, **kw: reverse(f"formation:{name}", kwargs={"slug": slug, **kw})  # noqa: E731
    return [
        r("table"), r("table") + "?sorteer=strijd", r("table") + f"?q={SECRET_A}", r("table") + "?status=verdeeld",
        r("parties"), r("export"), r("meetings"), r("meeting", pk=meeting.pk),
        r("point", number=1), r("point", number=2), r("history", number=1), r("history", number=1) + "?formaat=json",
        r("history", number=2), r("position", number=1, party="ALFA"), r("position", number=1, party="BETA"),
        r("position", number=2, party="BETA"), r("position", number=2, party="ALFA"),
        r("point_edit", number=1), r("point_new"), r("decision", number=1),
        r("meeting_edit", pk=meeting.pk), r("meeting_summary", pk=meeting.pk),
    ]


def test_every_formation_url_is_in_this_matrix(table):
    from django.urls import resolve

    from akkoord.web.formation import urls as formation_urls

    world, meeting = table
    covered = {resolve(u.split("?")[0]).url_name for u in urls(world, meeting)} | {"index", "create"}
    names = {p.name for p in formation_urls.urlpatterns}
    assert names <= covered, f"add to the formation permission matrix: {sorted(names - covered)}"


def test_formation_pages_of_a_non_member_look_like_an_absent_formation(client: Client, table):
    world, meeting = table
    client.force_login(world.users["outsider"])
    for url in urls(world, meeting):
        absent = url.replace(f"/{world.formation.slug}/", "/bestaat-niet/")
        assert client.get(url).status_code == client.get(absent).status_code == 404, url


def test_anonymous_is_sent_to_sign_in_everywhere(client: Client, table):
    world, meeting = table
    for url in urls(world, meeting) + [reverse("formation:index")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_outsider_gets_404_everywhere_and_it_is_logged(client: Client, table):
    world, meeting = table
    client.force_login(world.users["outsider"])
    before = AuditEvent.objects.filter(action="formation-denied").count()
    for url in urls(world, meeting):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("formation:position", kwargs={"slug": world.formation.slug, "number": 1,
                                                             "party": "ALFA"}), {"stance": "eens"}).status_code == 404
    assert AuditEvent.objects.filter(action="formation-denied").count() == before + len(urls(world, meeting)) + 1
    index = client.get(reverse("formation:index")).content.decode()
    assert world.formation.name not in index
    assert "Formatie</a>" not in client.get(reverse("dossiers:home")).content.decode()  # no nav link


@pytest.mark.parametrize("viewer", VIEWERS)
def test_marker_words_appear_only_where_allowed(client: Client, table, viewer):
    world, meeting = table
    client.force_login(world.users[viewer])
    seen = set()
    for url in urls(world, meeting):
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        body = response.content.decode()
        for word in (SECRET_A, CONFIDENTIAL_B, TABLE_B):
            if word in body and not url.endswith(f"?q={SECRET_A}"):
                assert word in SEES[viewer], f"{viewer} sees {word} on {url}"
                seen.add(word)
    assert seen == SEES[viewer]
    assert "Formatie</a>" in client.get(reverse("dossiers:home")).content.decode()


@pytest.mark.parametrize("viewer", ("neg_b", "informateur", "formateur", "support", "reader"))
def test_an_unshared_position_changes_nothing_another_viewer_gets(client: Client, table, viewer):
    world, meeting = table
    client.force_login(world.users[viewer])
    pages = [u for u in urls(world, meeting) if "/partijen/ALFA/" not in u]

    def snapshot():
        out = {}
        for url in pages:
            response = client.get(url)
            body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            out[url] = (response.status_code, body)
        return out

    with_secret = snapshot()
    world.formation.points.get(number=1).positions.filter(party=world.party_a).delete()
    without = snapshot()
    for url in pages:
        assert with_secret[url] == without[url], f"{viewer}: {url} reveals ALFA's unshared position"


def test_negotiator_cannot_open_or_edit_another_partys_position(client: Client, table):
    world, meeting = table
    client.force_login(world.users["neg_b"])
    url = reverse("formation:position", kwargs={"slug": world.formation.slug, "number": 1, "party": "ALFA"})
    assert client.get(url).status_code == 404
    response = client.post(url, {"stance": "eens", "priority": "normaal", "visibility": "tafel", "revision": 1})
    assert response.status_code == 404
    position = world.formation.points.get(number=1).positions.get(party=world.party_a)
    assert position.stance == "oneens" and position.visibility == "partij"
    events = AuditEvent.objects.filter(action="formation-denied", username="beta1")
    assert events.count() == 2 and all("ALFA" in e.description for e in events)
    # A shared position of another party can be read, never edited.
    shared = reverse("formation:position", kwargs={"slug": world.formation.slug, "number": 2, "party": "BETA"})
    client.force_login(world.users["neg_a"])
    assert client.get(shared).status_code == 200
    assert client.post(shared, {"stance": "oneens", "priority": "normaal", "visibility": "tafel",
                                "revision": 1}).status_code == 404


def test_confidential_is_for_informateur_and_formateur_only(client: Client, table):
    world, _ = table
    url = reverse("formation:position", kwargs={"slug": world.formation.slug, "number": 1, "party": "BETA"})
    for viewer, status in (("informateur", 200), ("formateur", 200), ("support", 404), ("reader", 404),
                           ("neg_a", 404)):
        client.force_login(world.users[viewer])
        assert client.get(url).status_code == status, viewer


def test_formateur_only_forms_refuse_others(client: Client, table):
    world, meeting = table
    slug = world.formation.slug
    posts = [
        (reverse("formation:decision", kwargs={"slug": slug, "number": 1}), {"status": "besloten", "text": "x"}),
        (reverse("formation:point_edit", kwargs={"slug": slug, "number": 1}), {"actie": "tekst", "tekst-text": "x"}),
        (reverse("formation:point_new", kwargs={"slug": slug}), {"text": "x"}),
        (reverse("formation:meetings", kwargs={"slug": slug}), {"sessie-place": "x"}),
        (reverse("formation:meeting_edit", kwargs={"slug": slug, "pk": meeting.pk}), {"sessie-place": "x"}),
    ]
    for viewer in ("neg_a", "neg_b", "informateur", "support", "reader"):
        client.force_login(world.users[viewer])
        for url, data in posts:
            assert client.post(url, data).status_code == 403, (viewer, url)
    summary = reverse("formation:meeting_summary", kwargs={"slug": slug, "pk": meeting.pk})
    for viewer, status in (("reader", 403), ("neg_a", 403), ("informateur", 403)):
        client.force_login(world.users[viewer])
        assert client.post(summary, {"summary": "x"}).status_code == status
    parties = reverse("formation:parties", kwargs={"slug": slug})
    for viewer in ("neg_a", "support", "reader"):
        client.force_login(world.users[viewer])
        assert client.post(parties, {"actie": "partij", "partij-name": "X", "partij-abbreviation": "X",
                                     "partij-seats": 1}).status_code == 403
    assert world.formation.parties.count() == 3


def test_web_export_holds_only_what_the_viewer_may_see(client: Client, table):
    world, _ = table
    client.force_login(world.users["neg_b"])
    data = json.loads(client.get(reverse("formation:export", kwargs={"slug": world.formation.slug})).content)
    assert {(p["party"], p["point"]) for p in data["positions"]} == {("BETA", 1), ("BETA", 2)}
    assert all(h.get("party") != "ALFA" for h in data["history"])
    assert "members" not in data


def test_table_counts_only_what_the_viewer_may_see(table):
    from akkoord.web import access

    world, _ = table
    assert access.visible_positions(world.users["neg_b"], world.formation).count() == 2
    assert access.visible_positions(world.users["support"], world.formation).count() == 1
    assert access.visible_positions(world.users["neg_a"], world.formation).count() == 2
    assert access.visible_positions(world.users["outsider"], world.formation).count() == 0
    services.add_member(world.formation, world.users["outsider"], "lezer")
    world.users["outsider"].__dict__.pop("_akkoord_memberships", None)
    assert access.visible_positions(world.users["outsider"], world.formation).count() == 1
