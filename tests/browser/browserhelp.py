"""Helpers for the browser tests."""
from __future__ import annotations

PASSWORD = "geheim-wachtwoord-123"


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
