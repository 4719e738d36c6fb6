"""Item 11: login throttling (django-axes), two-step sign-in (django-otp TOTP) and password
rules for users made outside the sign-in pages."""
from __future__ import annotations

import time

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from webdata import make_user

from akkoord.web.dossiers.models import AuditEvent

PASSWORD = "geheim-wachtwoord-123"


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post("/inloggen/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(client: Client, username: str) -> bool:
    return username in client.get("/", REMOTE_ADDR="10.0.0.1").content.decode()


@pytest.mark.django_db
def test_thirty_wrong_passwords_lock_the_user_out_at_that_address(client, compiler):
    for _ in range(30):
        _login(client, "ambtenaar1", "fout-wachtwoord")
    response = _login(client, "ambtenaar1", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "geblokkeerd" in html and "beheerder" in html and 'lang="nl"' in html
    assert not _signed_in(client, "ambtenaar1")
    lockouts = AuditEvent.objects.filter(action="lockout", username="ambtenaar1")
    assert lockouts.exists() and "10.0.0.1" in lockouts.first().description


@pytest.mark.django_db
def test_lockout_is_per_user_and_address(compiler, negotiator):
    attacker = Client()
    for _ in range(6):
        _login(attacker, "ambtenaar1", "fout-wachtwoord")
    assert _login(attacker, "ambtenaar1", PASSWORD).status_code == 429
    elsewhere = Client()
    assert _login(elsewhere, "ambtenaar1", PASSWORD, address="10.0.0.2").status_code == 302
    colleague = Client()
    assert _login(colleague, "onderhandelaar1", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_few_typing_errors_do_not_lock_out(client, compiler):
    for _ in range(4):
        assert _login(client, "ambtenaar1", "bijna-goed").status_code == 200
    assert _login(client, "ambtenaar1", PASSWORD).status_code == 302
    assert _signed_in(client, "ambtenaar1")


def _token(device, ahead: int = 0) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.mark.django_db
def test_two_step_sign_in_for_a_role_that_requires_it(client, settings, compiler, negotiator, concept_version):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.AKKOORD_2FA_ROLES = ["ambtenaar"]
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code below would hold the right one back a second
    assert _login(client, "ambtenaar1", PASSWORD).status_code == 302
    response = client.get("/inlezen/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/tweestaps/instellen/")
    setup = client.get(response["Location"])
    html = setup.content.decode()
    assert setup.status_code == 200 and 'src="data:image/svg+xml' in html and "Sleutel" in html
    assert client.post(response["Location"], {"token": "000000"}).status_code == 200  # wrong code
    device = TOTPDevice.objects.get(user=compiler)
    done = client.post(response["Location"], {"token": _token(device), "next": "/inlezen/"})
    assert done.status_code == 302 and done["Location"] == "/inlezen/"
    assert client.get("/inlezen/").status_code == 200

    client.post("/uitloggen/")
    _login(client, "ambtenaar1", PASSWORD)
    response = client.get("/inlezen/")
    assert response["Location"].startswith("/inloggen/tweestaps/?")
    assert client.get("/inlezen/").status_code == 302
    device.refresh_from_db()
    assert client.post(response["Location"], {"token": _token(device, ahead=1)}).status_code == 302
    assert client.get("/inlezen/").status_code == 200

    reader = Client()  # a role that does not need it
    _login(reader, "onderhandelaar1", PASSWORD)
    assert reader.get("/").status_code == 200


def test_two_step_sign_in_is_off_in_the_demo(monkeypatch):
    import importlib

    monkeypatch.delenv("AKKOORD_2FA_ROLES", raising=False)
    from akkoord.web.settings import dev

    assert importlib.reload(dev).AKKOORD_2FA_ROLES == []


@pytest.mark.django_db
def test_users_made_in_the_shell_meet_the_password_rules(settings):
    from django.contrib.auth import get_user_model

    settings.AKKOORD_VALIDATE_EVERY_PASSWORD = True
    users = get_user_model().objects
    with pytest.raises(ValidationError):
        users.create_user("piet", password="1234")
    assert not users.filter(username="piet").exists()
    user = users.create_user("piet", password="lange-zin-met-woorden-42")
    user.set_password("wachtwoord")
    with pytest.raises(ValidationError):
        user.save()
    assert make_user("klaas")  # the test helper's password passes too
