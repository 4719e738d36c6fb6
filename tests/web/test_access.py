"""Who sees which version: dossiers are confidential until released or made public."""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web import access
from akkoord.web.dossiers.services import ingest_file, set_status

pytestmark = pytest.mark.django_db


def overview_url(version) -> str:
    return reverse("dossiers:overview", kwargs={"slug": version.dossier.slug})


def fiche_url(version, code="1A") -> str:
    return reverse("dossiers:fiche", kwargs={"slug": version.dossier.slug, "code": code})


def test_anonymous_is_sent_to_login_for_a_concept(client: Client, concept_version):
    for url in (overview_url(concept_version), fiche_url(concept_version),
                reverse("dossiers:timeline", kwargs={"slug": concept_version.dossier.slug}),
                reverse("dossiers:review", kwargs={"slug": concept_version.dossier.slug, "number": 1})):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


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
    assert client.get(fiche_url(released_version)).status_code == 302
    client.force_login(negotiator)
    response = client.get(fiche_url(released_version))
    assert response.status_code == 200
    assert "Bestaanszekerheid" in response.content.decode()


def test_signed_in_user_without_role_sees_only_public(client: Client, released_version, outsider):
    client.force_login(outsider)
    assert client.get(overview_url(released_version)).status_code == 404
    set_status(released_version, "openbaar")
    assert client.get(overview_url(released_version)).status_code == 200


def test_public_version_is_open_to_anonymous(client: Client, released_version):
    set_status(released_version, "openbaar")
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
    assert client.post(status_url, {"status": "openbaar"}).status_code == 403
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
