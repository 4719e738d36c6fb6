"""The permission matrix of the programme pages: every programme URL × every kind of viewer.

Programmes are public within the formation: every member reads every page; outsiders and
anonymous visitors get nothing (404 / login). Uploading and correcting links: ondersteuning,
informateur, formateur. Confirming a suggestion: only the party's own delegation. A position
kept at ``partij`` never shows on a programme page of another party's negotiator.
"""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from akkoord.web.programmes.models import Link, Passage, Suggestion
from akkoord.web.programmes.services import confirm_suggestion

pytestmark = pytest.mark.django_db

MEMBERS = ("neg_a", "neg_b", "informateur", "formateur", "support", "reader")
EDITORS = {"informateur", "formateur", "support"}
SECRET = "Geheimwoordprogramma"


def _client(world, who):
    client = Client()
    if who != "anonymous":
        client.force_login(world.users[who])
    return client


def _get_urls(world):
    slug = world.formation.slug
    r = lambda name, **kw: reverse(f"programmes:{name}", kwargs={"slug": slug, **kw})  # noqa: E731
    point = Suggestion.objects.filter(programme__formation=world.formation).first().point.number
    return [r("index"), r("fiche", code="1A"), r("fiche", code="2A"), r("point", number=point),
            r("party", party="DV"), r("party", party="GD"), r("party", party="GAM"), r("combinations")]


def test_every_programme_url_is_in_this_matrix():
    resolver = get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "programmes":
            names |= {p.name for p in pattern.url_patterns}
    assert names == {"index", "fiche", "point", "party", "combinations", "correct", "confirm"}


@pytest.mark.parametrize("who", MEMBERS + ("outsider", "anonymous"))
def test_reading_pages(with_programmes, who):
    world = with_programmes
    client = _client(world, who)
    for url in _get_urls(world):
        response = client.get(url)
        if who in MEMBERS:
            assert response.status_code == 200, (who, url)
        elif who == "outsider":
            assert response.status_code == 404, (who, url)
        else:
            assert response.status_code == 302 and "/inloggen/" in response["Location"], url


@pytest.mark.parametrize("who", MEMBERS + ("outsider",))
def test_correcting_links(with_programmes, who):
    world = with_programmes
    passage = Passage.objects.filter(programme__formation=world.formation).first()
    url = reverse("programmes:correct", kwargs={"slug": world.formation.slug, "pk": passage.pk})
    response = _client(world, who).post(url, {"fiche": "2B", "actie": "toevoegen"})
    added = passage.links.filter(fiche_code="2B", origin="toegevoegd").exists()
    if who in EDITORS:
        assert response.status_code == 302 and added
    else:
        assert response.status_code == 404 and not added


@pytest.mark.parametrize("who", MEMBERS + ("outsider",))
def test_uploading(with_programmes, who):
    from django.core.files.uploadedfile import SimpleUploadedFile

    world = with_programmes
    url = reverse("programmes:index", kwargs={"slug": world.formation.slug})
    text = "Gamma\n\nWij willen een warmtenet in publieke handen en het warmtebedrijf steunen.\n"
    response = _client(world, who).post(url, {"party": "GAM", "file": SimpleUploadedFile("g.txt", text.encode())})
    stored = world.formation.programmes.filter(party__abbreviation="GAM").exists()
    if who in EDITORS:
        assert response.status_code == 302 and stored
    else:
        assert response.status_code == 404 and not stored


@pytest.mark.parametrize("who", MEMBERS + ("outsider",))
def test_confirming_only_by_own_delegation(with_programmes, who):
    world = with_programmes
    suggestion = Suggestion.objects.filter(programme__party=world.party_a).first()
    url = reverse("programmes:confirm", kwargs={"slug": world.formation.slug, "pk": suggestion.pk})
    response = _client(world, who).post(url)
    suggestion.refresh_from_db()
    if who == "neg_a":
        assert response.status_code == 302 and suggestion.confirmed_at is not None
    else:
        assert response.status_code == 404 and suggestion.confirmed_at is None


@pytest.mark.parametrize("who", MEMBERS)
def test_a_party_position_shows_only_to_its_delegation(with_programmes, who):
    world = with_programmes
    suggestion = Suggestion.objects.filter(programme__party=world.party_a).first()
    confirm_suggestion(suggestion, world.users["neg_a"], explanation=SECRET)
    url = reverse("programmes:point", kwargs={"slug": world.formation.slug, "number": suggestion.point.number})
    page = _client(world, who).get(url).content.decode()
    assert ("Standpunt:" in page) == (who == "neg_a")
    for other in _get_urls(world):
        assert SECRET not in _client(world, who).get(other).content.decode()


@pytest.mark.parametrize("who", MEMBERS + ("outsider",))
def test_relinking_and_deleting(with_programmes, who):
    world = with_programmes
    slug = world.formation.slug
    client = _client(world, who)
    before = Link.objects.count()
    relink = client.post(reverse("programmes:index", kwargs={"slug": slug}), {"actie": "opnieuw-koppelen"})
    delete = client.post(reverse("programmes:party", kwargs={"slug": slug, "party": "DV"}), {"actie": "verwijderen"})
    exists = world.formation.programmes.filter(party__abbreviation="DV").exists()
    if who in EDITORS:
        assert relink.status_code == 302 and delete.status_code == 302 and not exists
    else:
        assert relink.status_code == 404 and delete.status_code == 404 and exists
        assert Link.objects.count() == before
