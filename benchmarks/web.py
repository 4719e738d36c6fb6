"""Latency of the workbench's main pages and of search, on a large corpus.

    .venv/bin/python benchmarks/web.py [--dossiers 300] [--fiches 50] [--rounds 30] [--postgres]

Sets up a fresh database (SQLite in a temporary directory; with ``--postgres`` a new
database on the server of ``DATABASE_URL``, dropped afterwards), loads the shared Enschede
dossier plus a synthetic corpus (by default 300 dossiers of 50 fiches: 15,000 fiches, made
deterministically from a vocabulary of Dutch policy words), and prints the p50/p95 latency
of the main pages (through Django's test client, as an anonymous user on public versions)
and of search (the search page, and the search function the command line uses).
Targets on SQLite at 15,000 fiches: search p95 under 50 ms, pages p95 under 100 ms.
Also the formation table at 150 points × 8 parties (p95 under 100 ms); ``--formation-only``
measures just that.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

WORDS = """
armoede schulden jeugdzorg jeugdhulp wachtlijst zorgaanbieder wijkteam mantelzorg ouderen jongeren
woning woningbouw huurwoning corporatie huisvesting statushouder opvang dakloosheid verslaving
veiligheid politie handhaving overlast ondermijning criminaliteit brandweer crisis weerbaarheid
energie warmte warmtenet isolatie zonnepanelen windmolen netcongestie stroomnet aardgas klimaat
water hitte groen natuur biodiversiteit stikstof landbouw platteland landschap bomen park
afval grondstoffen plastic container inzameling recycling circulair economie bedrijventerrein
werkgelegenheid ondernemer startup innovatie universiteit hogeschool onderwijs school kinderopvang
cultuur bibliotheek theater muziek museum evenement binnenstad winkel leegstand horeca toerisme
sport sporthal zwembad vereniging sportpark bewegen gezondheid preventie voeding overgewicht
mobiliteit fiets openbaar vervoer parkeren weg spoor station bereikbaarheid verkeer luchthaven
subsidie budget begroting tekort bezuiniging middelen financiering investering kosten tarief
regio provincie rijk gemeente raad college wethouder burgemeester coalitie akkoord programma
visie nota plan evaluatie uitvoering beleid verordening regeling wet convenant samenwerking
inwoners bewoners buurt wijk dorp stad centrum gebied locatie terrein ruimte gebouw pand
digitalisering dienstverlening participatie inspraak democratie integriteit informatie privacy
""".split()
MODIFIERS = ("regionale lokale nieuwe extra structurele tijdelijke betaalbare duurzame sociale "
             "integrale landelijke gezonde veilige kwetsbare grote kleine").split()
FILLER = "de het een van en in op voor met door bij naar over als dat die wordt worden zijn is we ook".split()
ORGS = [f"{a} {b}" for a in ("Stichting", "Vereniging", "Coöperatie", "Platform", "Netwerk")
        for b in ("Welzijn", "Wonen", "Zorg", "Sport", "Cultuur", "Energie", "Natuur", "Jeugd", "Werk",
                  "Veiligheid", "Onderwijs", "Mobiliteit")] + [
    "GGD", "Politie", "Provincie", "Waterschap", "Woningcorporatie", "Netbeheerder", "Veiligheidsregio",
    "Zorgverzekeraar", "Ondernemersvereniging", "Universiteit", "Hogeschool", "ROC", "Bibliotheek"]
AMBITIONS = ["aantrekkelijk", "open", "groen-duurzaam", "inclusief", "randvoorwaarden"]


def compounds(rng: random.Random) -> list[str]:
    out = set()
    while len(out) < 1500:
        a, b = rng.sample(WORDS, 2)
        if " " not in a + b:
            out.add(a + b)
    return sorted(out)


def synthetic_dossier(n: int, fiches: int, vocabulary: list[str], rng: random.Random) -> dict:
    """One dossier in export form, made from the vocabulary with Zipf-like word frequencies."""
    weights = [1 / (i + 1) ** 0.9 for i in range(len(vocabulary))]

    def words(k: int) -> str:
        chosen = rng.choices(vocabulary, weights, k=k)
        out = []
        for w in chosen:
            if rng.random() < 0.35:
                out.append(rng.choice(FILLER))
            if rng.random() < 0.1:
                out.append(rng.choice(MODIFIERS))
            out.append(w)
        return " ".join(out).capitalize() + "."

    def text(sentences: int) -> str:
        return " ".join(words(rng.randint(6, 16)) for _ in range(sentences))

    items = []
    for i in range(fiches):
        chapter = 1 + i // 15
        code = f"{chapter}{chr(65 + i % 15)}"
        year = rng.choice(range(2026, 2031))
        items.append({
            "code": code,
            "title": words(rng.randint(2, 5)).rstrip("."),
            "ambitions": sorted(rng.sample(AMBITIONS, rng.randint(0, 3))),
            "current_line": text(rng.randint(4, 14)),
            "sources": [{"title": words(rng.randint(3, 7)).rstrip("."), "end_date": str(rng.choice(range(2024, 2032)))}
                        for _ in range(rng.randint(1, 5))],
            "adjustment_moment": f"{rng.choice(['Voorjaar', 'Najaar', 'Eind', 'Begin'])} {year}",
            "external_changes": text(rng.randint(1, 6)),
            "partners": rng.sample(ORGS, rng.randint(2, 8)),
            "advice": [text(rng.randint(1, 3)) for _ in range(rng.randint(1, 4))],
            "policy_areas": [{"area": rng.choice(WORDS).capitalize(), "opportunity": words(rng.randint(3, 10)),
                              "risk": words(rng.randint(0, 8)) if rng.random() < 0.6 else ""}
                             for _ in range(rng.randint(0, 4))],
            "links": [], "footnotes": [], "related": [],
        })
    return {"municipality": f"Gemeente {n:03d}", "title": f"Formatiedossier gemeente {n:03d}", "fiches": items}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def create_postgres_database() -> tuple[str, callable]:
    """A fresh database next to the one DATABASE_URL names; returns its URL and a dropper."""
    import psycopg
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("benchmarks/web.py: --postgres vraagt een DATABASE_URL die naar PostgreSQL wijst.")
    name = f"akkoord_bench_{os.getpid()}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=300)
    parser.add_argument("--fiches", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=30, help="requests per page or query")
    parser.add_argument("--postgres", action="store_true", help="use a new database on DATABASE_URL's server")
    parser.add_argument("--formation-only", action="store_true", help="measure only the formation table")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="akkoord-bench-")
    os.environ["AKKOORD_DATA_DIR"] = tmp.name
    os.environ["DJANGO_SETTINGS_MODULE"] = "akkoord.web.settings.test"
    drop = None
    if args.postgres:
        os.environ["DATABASE_URL"], drop = create_postgres_database()
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    try:
        call_command("migrate", verbosity=0)
        if args.formation_only:
            print_rows(formation_rows(args.rounds), connection.vendor)
            return 0
        from akkoord.dossier.model import Dossier as CoreDossier, ReadResult
        from akkoord.web.dossiers import services
        from akkoord.web.dossiers.models import DossierVersion
        from akkoord.web.search import indexing
        from akkoord.web.search.engine import search

        started = time.perf_counter()
        shared = next((SHARED / "dossiers").glob("*.txt"))
        sys.path.insert(0, str(REPO / "tests" / "web"))
        from test_search_quality import read_shared_dossier

        services.store_result(read_shared_dossier(shared, SHARED / "gold" / "enschede-2026"),
                              source_name=shared.name, slug="enschede")
        rng = random.Random(2026)
        vocabulary = WORDS + compounds(rng)
        rng.shuffle(vocabulary)
        notify, services.notify_search = services.notify_search, lambda version: None
        for n in range(args.dossiers):
            core = CoreDossier.from_dict(synthetic_dossier(n, args.fiches, vocabulary, rng))
            services.store_result(ReadResult(core, "json", []), source_name=f"gemeente-{n:03d}.json",
                                  slug=f"gemeente-{n:03d}")
        services.notify_search = notify
        loaded = time.perf_counter() - started
        DossierVersion.objects.update(status=DossierVersion.Status.PUBLIC)
        started = time.perf_counter()
        fiche_count = indexing.rebuild_index()
        indexed = time.perf_counter() - started
        print(f"Database: {connection.vendor}; {args.dossiers + 1} dossiers, {fiche_count} fiches "
              f"(inlezen {loaded:.0f} s, index opbouwen {indexed:.0f} s)")

        client = Client()
        slugs = ["enschede"] + [f"gemeente-{n:03d}" for n in range(0, args.dossiers, max(1, args.dossiers // 5))]
        pages = {
            "overzicht": lambda s: reverse("dossiers:overview", kwargs={"slug": s}),
            "fiche": lambda s: reverse("dossiers:fiche", kwargs={"slug": s, "code": "1A"}),
            "tijdlijn": lambda s: reverse("dossiers:timeline", kwargs={"slug": s}),
            "partners": lambda s: reverse("dossiers:partners", kwargs={"slug": s}),
            "afkortingen": lambda s: reverse("dossiers:glossary", kwargs={"slug": s}),
            "ambities": lambda s: reverse("dossiers:ambitions", kwargs={"slug": s}),
        }
        rows = []
        home = reverse("dossiers:home")
        client.get(home)
        rows.append(("startpagina (alle dossiers)", timed(lambda: _ok(client.get(home)), args.rounds)))
        for name, url_for in pages.items():
            urls = [url_for(s) for s in slugs]
            for u in urls:
                _ok(client.get(u))
            cycle = iter(urls * args.rounds)
            rows.append((name, timed(lambda: _ok(client.get(next(cycle))), args.rounds)))

        questions = [q["q"] for q in json.loads(
            (REPO / "tests" / "web" / "search_questions.json").read_text(encoding="utf-8"))["questions"]]
        synthetic = [" ".join(rng.sample(WORDS, k)) for k in (1, 2, 3) for _ in range(10)]
        queries = questions[:30] + synthetic
        search_url = reverse("search:search")
        client.get(search_url, {"q": "opwarmen"})
        cycle = iter(queries * args.rounds)
        rows.append(("zoeken: zoekpagina", timed(lambda: _ok(client.get(search_url, {"q": next(cycle)})),
                                                 len(queries) * 2)))
        cycle = iter(queries * args.rounds)
        rows.append(("zoeken: zoekpagina met filters", timed(lambda: _ok(client.get(
            search_url, {"q": next(cycle), "ambitie": "inclusief", "jaar": "2027"})), len(queries))))
        cycle = iter(queries * args.rounds)
        rows.append(("zoeken: functie (zoals CLI)", timed(lambda: search(next(cycle), load_fiches=False),
                                                         len(queries) * 2)))

        rows += formation_rows(args.rounds)
        print(f"\n{'meting':34} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, values in rows:
            print(f"{name:34} {len(values):>4} {percentile(values, .5):>8.1f} {percentile(values, .95):>8.1f} "
                  f"{max(values):>8.1f}")
        pages_p95 = max(percentile(v, .95) for n, v in rows if not n.startswith("zoeken"))
        search_p95 = max(percentile(v, .95) for n, v in rows if n.startswith("zoeken"))
        print(f"\nhoogste p95: pagina's {pages_p95:.1f} ms (doel < 100), zoeken {search_p95:.1f} ms (doel < 50)")
    finally:
        if drop:
            drop()
        tmp.cleanup()
    return 0


def formation_rows(rounds: int, points: int = 150, parties: int = 8) -> list[tuple[str, list[float]]]:
    """The formation table (points × parties, every party a position on every point, a third of
    them unshared) for a negotiator, the formateur, and sorted by contention with a filter."""
    from django.test import Client
    from django.urls import reverse

    from akkoord.dossier.model import Dossier as CoreDossier, ReadResult
    from akkoord.web.dossiers import services
    from akkoord.web.formation import services as formation_services
    from akkoord.web.formation.models import Decision, Position

    rng = random.Random(150)
    fiches = []
    for n in range(points // 3):
        code = f"{n // 5 + 1}{'ABCDE'[n % 5]}"
        fiches.append({"code": code, "title": f"Onderwerp {code}", "ambitions": [AMBITIONS[n % 5]],
                       "advice": [" ".join(rng.sample(WORDS, 12)) + "?" for _ in range(3)]})
    version = services.store_result(ReadResult(CoreDossier.from_dict({"municipality": "Bankstad", "fiches": fiches}),
                                               "json", []), source_name="bank.json", slug="bankstad")
    services.set_status(version, "vrijgegeven")
    formation = formation_services.create_formation(
        "Bankstad", version.dossier, [(f"Partij {i}", f"P{i}", 4) for i in range(parties)], council_seats=45)
    party_list = list(formation.parties.all())
    from django.contrib.auth import get_user_model

    User = get_user_model()
    negotiator = User.objects.create_user("bank-onderhandelaar")
    formateur = User.objects.create_user("bank-formateur")
    formation_services.add_member(formation, negotiator, "onderhandelaar", party_list[0])
    formation_services.add_member(formation, formateur, "formateur")
    stances, levels = ["eens", "oneens", "voorwaardelijk", "geen"], ["partij", "vertrouwelijk", "tafel"]
    Position.objects.bulk_create([
        Position(point=point, party=party, stance=rng.choice(stances), visibility=rng.choice(levels),
                 explanation=" ".join(rng.sample(WORDS, 20)))
        for point in formation.points.all() for party in party_list])
    Decision.objects.bulk_create([Decision(point=p, status="besloten", text="Afgesproken.")
                                  for p in formation.points.all()[:40]])
    url = reverse("formation:table", kwargs={"slug": formation.slug})
    rows = []
    for label, user, query in ((f"formatietafel {points}×{parties} (onderhandelaar)", negotiator, {}),
                               (f"formatietafel {points}×{parties} (formateur)", formateur, {}),
                               ("formatietafel gesorteerd + filter", negotiator,
                                {"sorteer": "strijd", "status": "verdeeld"})):
        client = Client()
        client.force_login(user)
        _ok(client.get(url, query))
        rows.append((label, timed(lambda: _ok(client.get(url, query)), max(rounds, 30))))
    return rows


def print_rows(rows, vendor: str) -> None:
    print(f"Database: {vendor}")
    print(f"\n{'meting':34} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in rows:
        print(f"{name:34} {len(values):>4} {percentile(values, .5):>8.1f} {percentile(values, .95):>8.1f} "
              f"{max(values):>8.1f}")
    print(f"\nhoogste p95: {max(percentile(v, .95) for _, v in rows):.1f} ms (doel < 100)")


def _ok(response):
    if response.status_code != 200:
        raise SystemExit(f"benchmarks/web.py: {response.request['PATH_INFO']} gaf status {response.status_code}")
    return response


if __name__ == "__main__":
    sys.exit(main())
