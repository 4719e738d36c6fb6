"""Error pages speak Dutch and keep the site's layout (DEBUG is off in the test settings)."""
from django.test import Client


def test_unknown_page_gives_a_dutch_404(db):
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    text = response.content.decode()
    assert '<html lang="nl">' in text and "Pagina niet gevonden" in text and "Direct naar de inhoud" in text


def test_csrf_failure_is_explained_in_dutch(db, compiler):
    client = Client(enforce_csrf_checks=True)
    client.force_login(compiler)
    response = client.post("/uitloggen/")
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()
