"""The template's heading parser, shared by the text, PDF and Word readers."""
from __future__ import annotations

from akkoord.dossier.readers.template import parse_heading


def test_heading_forms():
    assert parse_heading("Onderwerp 1A Wonen") == ("1A", "Wonen")
    assert parse_heading("Onderwerp: 12 b –  Zorg\u00a0en welzijn") == ("12B", "Zorg en welzijn")
    assert parse_heading("Onderwerp1C") == ("1C", "")


def test_not_a_heading():
    assert parse_heading("Onderwerp 3 in de raad") is None
    assert parse_heading("Onderwerp Wonen") is None
    assert parse_heading("Het onderwerp 1A") is None
