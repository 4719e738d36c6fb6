"""Who sees which version: dossiers are confidential until released or made public."""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web import access
from akkoord.web.dossiers.services import ingest_file, publish, set_status

pytestmark = pytest.mark.django_db


def overview_url(version) -> str:
    return reverse("dossiers:overview", kwargs={"slug": version.dossier.slug})


def fiche_url(version, code="1A") -> str:
    return reverse("dossiers:fiche", kwargs={"slug": version.dossier.slug, "code": code})


def test_anonymous_cannot_tell_a_concept_from_an_absent_dossier(client: Client, concept_version):
    pairs = [(overview_url(concept_version), "/dossiers/bestaat-niet/"),
             (fiche_url(concept_version), "/dossiers/bestaat-niet/fiches/1A/"),
             (reverse("dossiers:timeline", kwargs={"slug": "lindeveen"}),
              reverse("dossiers:timeline", kwargs={"slug": "bestaat-niet"})),
             (reverse("dossiers:review", kwargs={"slug": "lindeveen", "number": 1}),
              reverse("dossiers:review", kwargs={"slug": "lindeveen", "number": 7}))]
    for existing, absent in pairs:
        first, second = client.get(existing), client.get(absent)
        assert first.status_code == second.status_code == 404, existing
        normalise = lambda r, path: r.content.decode().replace(path, "").replace("bestaat-niet", "lindeveen")  # noqa: E731
        assert normalise(first, existing) == normalise(second, absent)
        assert "Log in" in first.content.decode()


def test_anonymous_home_does_not_list_a_concept(client: Client, concept_version):
    response = client.get(reverse("dossiers:home"))
    assert response.status_code == 200
    assert "Lindeveen" not in response.content.decode()


def test_negotiator_and_formateur_cannot_see_a_concept(client: Client, concept_version, negotiator, formateur):
    for user in (negotiator, formateur):
        client.force_login(user)
        assert client.get(overview_url(concept_version)).status_code == 404
        assert client.get(fiche_url(concept_version)).status_code == 404


def test_negotiator_sees_released_but_anonymous_does_not(client: Client, released_version, negotiator):
    assert client.get(fiche_url(released_version)).status_code == 404
    client.force_login(negotiator)
    response = client.get(fiche_url(released_version))
    assert response.status_code == 200
    assert "Bestaanszekerheid" in response.content.decode()


def test_signed_in_user_without_role_sees_only_public(client: Client, released_version, compiler, outsider):
    client.force_login(outsider)
    assert client.get(overview_url(released_version)).status_code == 404
    publish(released_version, compiler)
    assert client.get(overview_url(released_version)).status_code == 200


def test_public_version_is_open_to_anonymous(client: Client, released_version, compiler):
    publish(released_version, compiler)
    assert client.get(fiche_url(released_version)).status_code == 200
    assert client.get(reverse("dossiers:partners", kwargs={"slug": released_version.dossier.slug})).status_code == 200


def test_visible_versions_per_role(released_version, dossier_file, compiler, negotiator):
    newer = ingest_file(dossier_file, compiler, slug=released_version.dossier.slug)
    assert newer.number == 2 and newer.status == "concept"
    from django.contrib.auth.models import AnonymousUser

    assert list(access.visible_versions(AnonymousUser())) == []
    assert [v.number for v in access.visible_versions(negotiator)] == [1]
    assert sorted(v.number for v in access.visible_versions(compiler)) == [1, 2]
    # The negotiator cannot ask for the concept explicitly either.
    client = Client()
    client.force_login(negotiator)
    url = fiche_url(newer) + "?versie=2"
    assert client.get(url).status_code == 404
    client.force_login(compiler)
    assert client.get(url).status_code == 200


def test_only_compilers_upload_and_publish(client: Client, concept_version, negotiator):
    client.force_login(negotiator)
    assert client.get(reverse("dossiers:upload")).status_code == 403
    status_url = reverse("dossiers:status", kwargs={"slug": concept_version.dossier.slug, "number": 1})
    publish_url = reverse("dossiers:publish", kwargs={"slug": concept_version.dossier.slug, "number": 1})
    assert client.post(status_url, {"status": "vrijgegeven", "bevestigd": "ja"}).status_code == 404
    assert client.post(publish_url, {"bevestigd": "ja"}).status_code == 404
    concept_version.refresh_from_db()
    assert concept_version.status == "concept"


def test_anonymous_upload_redirects_to_login(client: Client, db):
    response = client.get(reverse("dossiers:upload"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_failed_sign_in_is_audited_without_the_password(client: Client, compiler):
    from akkoord.web.dossiers.models import AuditEvent

    response = client.post(reverse("login"), {"username": "ambtenaar1", "password": "verkeerd-wachtwoord"})
    assert response.status_code == 200 and "niet bekend" in response.content.decode()
    event = AuditEvent.objects.get(action="login-failed")
    assert event.username == "ambtenaar1"
    assert "verkeerd-wachtwoord" not in event.description + str(event.details)


def test_unknown_or_malformed_version_is_404(client: Client, released_version, negotiator):
    client.force_login(negotiator)
    assert client.get(overview_url(released_version) + "?versie=abc").status_code == 404
    assert client.get(overview_url(released_version) + "?versie=9").status_code == 404
