"""Test helpers for the formation tests."""
from __future__ import annotations


def set_position(point, party, stance="eens", explanation="", visibility="partij", priority="normaal"):
    from akkoord.web.formation.models import Position

    position, _ = Position.objects.update_or_create(point=point, party=party, defaults={
        "stance": stance, "explanation": explanation, "visibility": visibility, "priority": priority})
    return position
