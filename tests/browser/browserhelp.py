"""Helpers for the browser tests."""
from __future__ import annotations

PASSWORD = "geheim-wachtwoord-123"


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def release(page) -> None:
    """On a review page: release the version to the negotiators, through its confirmation page."""
    page.get_by_role("link", name="Vrijgeven aan de onderhandelaars…").click()
    page.get_by_role("heading", name="Wie ziet deze versie daarna?").wait_for()
    page.get_by_role("button", name="Vrijgeven aan de onderhandelaars").click()
