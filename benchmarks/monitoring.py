"""Latency of the public monitoring pages at the size of a large term.

    .venv/bin/python benchmarks/monitoring.py [--commitments 1000] [--updates 20] [--rounds 40]

Sets up a fresh SQLite database in a temporary directory, adopts an agreement of
``--commitments`` afspraken, gives each ``--updates`` dated updates (a realistic history:
progress, evidence, one change of course in twenty), publishes it, and prints p50/p95 of the
dashboard, a commitment page, the roll-up, the timeline, the feed and the open data, as an
anonymous visitor through Django's test client. Target (issue 12): dashboard and commitment
page p95 under 50 ms at 1,000 commitments × 20 updates.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def agreement(n: int, rng: random.Random) -> dict:
    ambitions = [{"key": f"a{i}", "label": f"Opgave {i}"} for i in range(1, 6)]
    afspraken = []
    for i in range(n):
        ambition = ambitions[i % len(ambitions)]
        year = 2027 + i % 4
        afspraken.append({
            "id": f"A{i:04d}", "number": f"{i % 5 + 1}.{i // 5 + 1}", "title": f"Afspraak {i} over {rng.choice(WORDS)}",
            "text": " ".join(rng.choice(WORDS) for _ in range(40)), "ambition": ambition["key"],
            "ambition_label": ambition["label"], "fiche": {"code": f"{i % 9 + 1}{'ABCDEFGH'[i % 8]}", "title": "Fiche"},
            "point": {"id": f"P{i}", "text": "Punt", "advice_index": 0, "advice_text": "Advies"},
            "decision": {"id": f"B{i}", "status": "besloten", "text": "Besluit"},
            "sources": [{"title": f"Nota {i}", "end_date": f"31-12-{year}",
                         "end_intervals": [{"start": f"{year}-12-31", "end": f"{year}-12-31"}]}],
            "adjustment_moment": f"Evaluatie in {year}",
            "smart": {"what": "", "target": "Doel", "baseline": "Nul", "deadline": f"{year}-06-30",
                      "portfolio_holder": f"wethouder {i % 7}", "budget": [],
                      "milestones": [{"date": f"{year - 1}-03-31", "text": "Plan"}]},
        })
    return {"schema": "akkoord-agreement/1", "municipality": "Proefstad", "title": "Akkoord voor de meting",
            "adopted_on": "2026-06-01", "ambitions": ambitions, "afspraken": afspraken}


WORDS = ("woningbouw jeugdhulp armoede energie warmtenet fiets openbaar vervoer sport cultuur "
         "binnenstad veiligheid groen water subsidie begroting inwoners wijk dorp zorg onderwijs").split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="akkoord-bench-monitoring-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.test")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from akkoord.monitoring.status import STATUSES
    from akkoord.web.monitoring import services
    from akkoord.web.monitoring.models import Commitment, Update

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    started = time.perf_counter()
    programme = services.adopt_agreement(agreement(args.commitments, rng), slug="meting")
    statuses = [s.key for s in STATUSES if s.key not in ("gewijzigd", "losgelaten")]
    rows = []
    commitments = list(programme.commitments.all())
    for c in commitments:
        day = date(2026, 7, 1)
        for k in range(args.updates):
            day += timedelta(days=rng.randint(5, 40))
            status = rng.choice(statuses)
            rows.append(Update(commitment=c, kind="voortgang", day=day, status=status, old_status=c.status,
                               progress=rng.randint(0, 100), text=" ".join(rng.choice(WORDS) for _ in range(25)),
                               evidence=[{"url": f"https://raad.example/stuk/{k}", "title": "Raadsstuk"}],
                               author_name="meting", via="benchmark"))
        c.status, c.progress, c.last_update_on = rows[-1].status, rows[-1].progress, day
    with connection.cursor():
        Update.objects.bulk_create(rows, batch_size=5000)
        Commitment.objects.bulk_update(commitments, ["status", "progress", "last_update_on"], batch_size=1000)
    services.set_published(programme, True)
    print(f"{args.commitments} afspraken × {args.updates} updates = {len(rows)} updates opgebouwd in "
          f"{time.perf_counter() - started:.1f} s")

    client = Client()
    keys = [c.key for c in commitments]
    pages = {
        "dashboard": lambda i: "/uitvoering/meting/",
        "afspraak": lambda i: f"/uitvoering/meting/afspraken/{keys[(i * 37) % len(keys)]}/",
        "voortgang": lambda i: "/uitvoering/meting/voortgang/",
        "tijdlijn": lambda i: "/uitvoering/meting/tijdlijn/",
        "feed": lambda i: "/uitvoering/meting/updates.atom",
        "open data": lambda i: "/uitvoering/meting/open-data.json",
    }
    print("Gepubliceerde pagina's worden één keer per wijziging opgebouwd en dan uit de cache geleverd;")
    print("'eerste' is de opbouw na een wijziging, p50/p95 de verzoeken daarna (ook andere afspraken).")
    print(f"{'pagina':<12} {'eerste (ms)':>11} {'p50 (ms)':>9} {'p95 (ms)':>9}")
    for name, url in pages.items():
        rounds = args.rounds if name not in ("open data",) else max(5, args.rounds // 8)
        t = time.perf_counter()
        client.get(url(0))
        first = (time.perf_counter() - t) * 1000
        times = []
        for i in range(rounds):
            t = time.perf_counter()
            response = client.get(url(i))
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        print(f"{name:<12} {first:>11.1f} {statistics.median(times):>9.1f} {percentile(times, 95):>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
