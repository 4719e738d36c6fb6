"""The permission matrix of the agreement: every agreement URL × every kind of visitor, before
and after an adopted version is published.

Marker words sit in positions of each visibility. A position appears in the agreement only
when shared with the table, and only for the people drafting it: the words of unshared
positions reach nobody, through no page or export; a lezer, someone outside the formation and
an anonymous visitor get only the adopted and published version, without positions.

A new agreement URL fails ``test_every_agreement_url_is_in_the_matrix`` until it is added here.
"""
from __future__ import annotations

import io
import zipfile

import pytest
from agreement_world import CONFIDENTIAL, DRAFTERS, PARTY_SECRET, TABLE_WORD, WRITERS
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from akkoord.agreement.exports import FORMATS
from akkoord.web.agreement import services
from akkoord.web.agreement.models import AgreementVersion, Section

pytestmark = pytest.mark.django_db

VISITORS = ("anoniem", "norole", "neg_a", "neg_b", "informateur", "formateur", "support", "reader")

# Per URL name: who gets what. "public": drafters always, everyone once published;
# "draft": drafters; "write": formateur and ondersteuning (other drafters 403);
# "write-post"/"adopt-post": POST-only actions (GET answers 405 to those allowed).
KINDS = {
    "agreement:show": "public", "agreement:export": "public", "agreement:redline": "public",
    "agreement:register": "draft", "agreement:finance": "draft", "agreement:versions": "draft",
    "agreement:afspraak": "write", "agreement:sections": "write", "agreement:section": "write",
    "agreement:house_style": "write", "agreement:title": "write-post", "agreement:version_action": "adopt-post",
}


def expected(kind: str, visitor: str, published: bool) -> int:
    denied = 302 if visitor == "anoniem" else 404
    if kind == "public":
        return 200 if visitor in DRAFTERS or published else denied
    if visitor not in DRAFTERS:
        return denied
    if kind == "draft":
        return 200
    if kind == "write":
        return 200 if visitor in WRITERS else 403
    if kind == "write-post":
        return 405 if visitor in WRITERS else 403
    return 405 if visitor == "formateur" else 403  # adopt-post


def _names():
    def walk(resolver, namespace=None):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, entry.namespace or namespace)
            elif namespace == "agreement":
                yield f"agreement:{entry.name}"
    return set(walk(get_resolver()))


def test_every_agreement_url_is_in_the_matrix():
    assert _names() == set(KINDS)


@pytest.fixture
def setup(aworld):
    agreement = services.get_or_create_agreement(aworld.formation)
    section = Section.objects.create(agreement=agreement, title="Inleiding", text="Samen verder.")
    formateur = aworld.users["formateur"]
    services.freeze(agreement, formateur, "eerste")
    services.freeze(agreement, formateur, "tweede")
    return aworld, agreement, section


def urls(world, section) -> list[tuple[str, str]]:
    slug = world.formation.slug
    r = lambda name, **kw: reverse(f"agreement:{name}", kwargs={"slug": slug, **kw})  # noqa: E731
    point = world.points[0].number
    out = [("agreement:show", r("show")), ("agreement:show", r("show") + "?versie=2"),
           ("agreement:redline", r("redline", old=2, new=2)),
           ("agreement:register", r("register")), ("agreement:finance", r("finance")),
           ("agreement:versions", r("versions")), ("agreement:afspraak", r("afspraak", number=point)),
           ("agreement:sections", r("sections")), ("agreement:section", r("section", pk=section.pk)),
           ("agreement:house_style", r("house_style")), ("agreement:title", r("title")),
           ("agreement:version_action", r("version_action", number=2))]
    out += [("agreement:export", r("export", fmt=f) + "?versie=2") for f in FORMATS]
    out += [("agreement:export", r("export", fmt="json"))]
    return out


def _text(response) -> str:
    data = response.content
    if data[:2] == b"PK" and b"afspraken.csv" in data:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return "\n".join(archive.read(n).decode() for n in archive.namelist())
    return data.decode("utf-8", "replace")


def _client(world, visitor) -> Client:
    client = Client()
    if visitor != "anoniem":
        client.force_login(world.users[visitor])
    return client


def _publish(agreement, number=2):
    version = AgreementVersion.objects.get(agreement=agreement, number=number)
    services.adopt(version)
    version.published = True
    version.save(update_fields=["published"])


@pytest.mark.parametrize("published", [False, True], ids=["concept", "gepubliceerd"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_matrix(setup, visitor, published):
    world, agreement, section = setup
    if published:
        _publish(agreement)
    client = _client(world, visitor)
    for name, url in urls(world, section):
        response = client.get(url)
        want = expected(KINDS[name], visitor, published)
        assert response.status_code == want, (visitor, url, response.status_code, want)
        if want == 302:
            assert response["Location"].startswith(reverse("login"))
        if response.status_code == 200:
            body = _text(response)
            assert PARTY_SECRET not in body and CONFIDENTIAL not in body, (visitor, url)
            if visitor not in DRAFTERS:
                assert TABLE_WORD not in body, (visitor, url)


@pytest.mark.parametrize("visitor", DRAFTERS)
def test_positions_shared_with_the_table_reach_the_drafters(setup, visitor):
    world, agreement, _ = setup
    client = _client(world, visitor)
    slug = world.formation.slug
    assert TABLE_WORD in client.get(reverse("agreement:show", kwargs={"slug": slug})).content.decode()
    assert TABLE_WORD in client.get(reverse("agreement:export", kwargs={"slug": slug, "fmt": "json"})).content.decode()


def test_older_concept_stays_hidden_after_publication(setup):
    world, agreement, section = setup
    _publish(agreement)
    slug = world.formation.slug
    for visitor in ("anoniem", "norole", "reader"):
        client = _client(world, visitor)
        for url in (reverse("agreement:show", kwargs={"slug": slug}) + "?versie=1",
                    reverse("agreement:redline", kwargs={"slug": slug, "old": 1, "new": 2}),
                    reverse("agreement:export", kwargs={"slug": slug, "fmt": "md"}) + "?versie=1"):
            assert client.get(url).status_code in (302, 404), (visitor, url)
        page = client.get(reverse("agreement:show", kwargs={"slug": slug})).content.decode()
        assert "versie 2" in page


def test_changes_are_refused_to_those_who_may_not_make_them(setup):
    world, agreement, section = setup
    slug = world.formation.slug
    posts = [
        (reverse("agreement:title", kwargs={"slug": slug}), {"title": "Gekaapt"}),
        (reverse("agreement:section", kwargs={"slug": slug, "pk": section.pk}), {"title": "Gekaapt", "text": "x",
                                                                               "placement": "voor", "order": 0}),
        (reverse("agreement:sections", kwargs={"slug": slug}), {"title": "Gekaapt", "text": "x", "placement": "voor",
                                                               "order": 0}),
        (reverse("agreement:versions", kwargs={"slug": slug}), {"note": "Gekaapt"}),
        (reverse("agreement:afspraak", kwargs={"slug": slug, "number": world.points[0].number}), {"title": "Gekaapt"}),
    ]
    for visitor in ("anoniem", "norole", "reader", "neg_a", "neg_b", "informateur"):
        client = _client(world, visitor)
        for url, data in posts:
            want = 302 if visitor == "anoniem" else 404 if visitor in ("norole", "reader") else 403
            assert client.post(url, data).status_code == want, (visitor, url)
    for visitor in ("support", "neg_a", "reader", "anoniem"):
        client = _client(world, visitor)
        client.post(reverse("agreement:version_action", kwargs={"slug": slug, "number": 2}), {"action": "vaststellen"})
    agreement.refresh_from_db()
    assert "Gekaapt" not in agreement.title
    assert not Section.objects.filter(title="Gekaapt").exists()
    assert agreement.versions.count() == 2 and not agreement.versions.filter(status="vastgesteld").exists()


def test_refused_agreement_pages_are_logged_like_the_formations(setup):
    """A signed-in person refused an agreement page gets the 404 of the formation app and the
    same ``formation-denied`` line in the audit trail; an anonymous visitor is sent to sign in."""
    from akkoord.web.dossiers.models import AuditEvent

    world, agreement, section = setup
    slug = world.formation.slug
    denied = AuditEvent.objects.filter(action="formation-denied")
    refused = [url for name, url in urls(world, section) if expected(KINDS[name], "norole", False) == 404]
    assert refused
    before = denied.count()
    client = _client(world, "norole")
    for url in refused:
        assert client.get(url).status_code == 404, url
    events = denied.filter(username=world.users["norole"].username)
    assert denied.count() == before + len(refused) == events.count() + before
    assert all(e.details.get("formation") == slug and "akkoord" in e.description for e in events)
    _client(world, "anoniem").get(refused[0])
    assert denied.count() == before + len(refused)
    # after publication a reader may read version 2 but not the older concept: that refusal is logged too
    _publish(agreement)
    reader = _client(world, "reader")
    assert reader.get(reverse("agreement:show", kwargs={"slug": slug}) + "?versie=1").status_code == 404
    assert denied.filter(username=world.users["reader"].username, description__contains="versie 1").count() == 1
    assert reader.get(reverse("agreement:show", kwargs={"slug": slug}) + "?versie=9").status_code == 404
    assert denied.filter(username=world.users["reader"].username).count() == 1  # a version that does not exist
