"""Two people saving the same row from the same revision at the same moment: exactly one wins."""
from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from akkoord.web.formation import services
from akkoord.web.formation.models import Position


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_from_one_revision_let_exactly_one_win(world):
    if connection.vendor != "postgresql":
        pytest.skip("echte gelijktijdigheid alleen op PostgreSQL (SQLite schrijft één voor één)")
    point = world.formation.points.get(number=1)
    Position.objects.create(point=point, party=world.party_a, explanation="begin")
    barrier = threading.Barrier(4)
    outcome: list[str] = []

    def editor(n: int) -> None:
        try:
            position = Position.objects.get(point=point, party=world.party_a)
            position.explanation = f"versie {n}"
            barrier.wait()
            try:
                services.save_with_revision(position, 1)
                outcome.append(f"opgeslagen {n}")
            except services.StaleEdit:
                outcome.append("geweigerd")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [o for o in outcome if o.startswith("opgeslagen")]
    assert len(saved) == 1 and outcome.count("geweigerd") == 3
    position = Position.objects.get(point=point, party=world.party_a)
    assert position.revision == 2 and position.explanation == f"versie {saved[0].split()[-1]}"
    assert position.history.count() == 2  # created, and the one save that won
