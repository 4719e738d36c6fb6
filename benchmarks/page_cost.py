"""CPU time and database queries per page for a signed-in negotiator (and an anonymous reader).

    .venv/bin/python benchmarks/page_cost.py [--rounds 20] [--postgres] [--profile PAGE]

Sets up a fresh database (SQLite in a temporary directory; with ``--postgres`` a new database
on the server of ``DATABASE_URL``, dropped afterwards) with the production settings, loads
the shared dossier as a copy released to the negotiators and as a public copy, signs in a
negotiator and asks each page of ``benchmarks/load.py``'s mix through Django's test client.
Prints, per page, the process CPU time per request (minimum and median over ``--rounds``;
the minimum is the least disturbed by other work on the machine) and the number of
database queries, once with the page caches off (every page rendered) and once for pages
asked for before with the caches on (served from a cache where the page may be). These figures do not depend
on what else the machine is doing, unlike the wall-clock figures of ``load.py``.
``--profile PAGE`` prints the top of a cProfile of that page (e.g. ``timeline``).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

PAGES = ["overview", "fiche", "timeline", "partners", "search"]


def paths(slug: str, codes: list[str]) -> dict[str, list[str]]:
    from load import QUERIES

    return {
        "overview": [f"/dossiers/{slug}/"],
        "fiche": [f"/dossiers/{slug}/fiches/{c}/" for c in codes],
        "timeline": [f"/dossiers/{slug}/tijdlijn/"],
        "partners": [f"/dossiers/{slug}/partners/"],
        "search": [f"/zoeken/?q={q.replace(' ', '+')}" for q in QUERIES],
    }


def prepare() -> list[str]:
    from load import AKKOORD, dossier_file, run

    env = dict(os.environ)
    source = dossier_file()
    run(AKKOORD + ["ingest", str(source), "--migrate", "--quiet", "--dossier", "openbaar", "--status", "vrijgegeven"],
        env)
    run(AKKOORD + ["ingest", str(source), "--quiet", "--dossier", "vrijgegeven", "--status", "vrijgegeven"], env)
    from akkoord.web import setup

    setup("akkoord.web.settings.production")
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from akkoord.web.dossiers import services
    from akkoord.web.dossiers.models import DossierVersion, Fiche
    from akkoord.web.roles import ensure_roles

    ensure_roles()
    v = DossierVersion.objects.get(dossier__slug="openbaar")
    plan = services.plan_publication(v)
    services.publish(v, None, {key: "meting" for key, _ in plan.keyed_blocking()}, actor="meting")
    user, _ = get_user_model().objects.get_or_create(username="meting")
    user.groups.add(Group.objects.get(name="onderhandelaar"))
    return list(Fiche.objects.filter(version__dossier__slug="vrijgegeven").values_list("code", flat=True))


def measure(client, urls: list[str], rounds: int, cached: bool) -> tuple[list[float], list[int]]:
    """CPU seconds and queries of ``rounds`` requests cycling through ``urls``, after one request
    to each (the warm-up: with ``cached``, every measured request is a repeat)."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.AKKOORD_PAGE_CACHE = cached
    urls = urls[:rounds]
    for url in urls:
        assert client.get(url).status_code == 200, url
    cpu, queries = [], []
    for i in range(rounds):
        url = urls[i % len(urls)]
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(url)
            cpu.append(time.process_time() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(captured.captured_queries))
    return cpu, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--profile", choices=PAGES, default=None)
    parser.add_argument("--show-queries", choices=PAGES, default=None)
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated: " + ", ".join(PAGES))
    parser.add_argument("--no-settle", action="store_true", help="leave the garbage collector as Python sets it")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="akkoord-cost-"))
    os.environ.update(AKKOORD_DATA_DIR=str(tmp / "var"), AKKOORD_SECRET_KEY="meting-" + os.urandom(8).hex(),
                      AKKOORD_SECURE_COOKIES="0", AKKOORD_2FA_ROLES="", AKKOORD_ALLOWED_HOSTS="testserver",
                      DJANGO_SETTINGS_MODULE="akkoord.web.settings.production", PYTHONPATH=str(REPO / "src"))
    drop = None
    if args.postgres:
        base = os.environ.get("DATABASE_URL", "")
        if not base.startswith(("postgres://", "postgresql://")):
            raise SystemExit("--postgres vraagt een DATABASE_URL van een PostgreSQL-server")
        name = f"akkoord_cost_{os.getpid()}"
        subprocess.run(["psql", base, "-qc", f"CREATE DATABASE {name}"], check=True)
        os.environ["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + name
        drop = lambda: subprocess.run(["psql", base, "-qc", f"DROP DATABASE IF EXISTS {name}"])  # noqa: E731
    else:
        os.environ.pop("DATABASE_URL", None)
    try:
        codes = prepare()
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        try:  # as `akkoord serve` readies each worker process
            from akkoord.cli.serve import settle_worker
        except ImportError:
            settle_worker = None
        if settle_worker is not None and not args.no_settle:
            settle_worker()
        signed_in = Client()
        signed_in.force_login(get_user_model().objects.get(username="meting"))
        print(f"database: {connection.vendor}  rounds: {args.rounds}  CPU ms per request (min / median) and "
              "queries; 'rendered': page cache off, 'repeated': a page asked for before, cache on")
        print(f"{'page':9} {'negotiator rendered':>21} {'repeated':>21} {'anonymous rendered':>21} {'repeated':>21}")
        for page in args.pages.split(","):
            row = []
            for client, slug in ((signed_in, "vrijgegeven"), (Client(), "openbaar")):
                for cached in (False, True):
                    cpu, queries = measure(client, paths(slug, codes)[page], args.rounds, cached)
                    row.append(f"{min(cpu) * 1000:5.1f} /{statistics.median(cpu) * 1000:5.1f} ms "
                               f"{statistics.median(queries):3.0f} q")
            print(f"{page:9} " + " ".join(f"{cell:>21}" for cell in row), flush=True)
        if args.show_queries:
            url = paths("vrijgegeven", codes)[args.show_queries][0]
            signed_in.get(url)
            with CaptureQueriesContext(connection) as captured:
                signed_in.get(url)
            for q in captured.captured_queries:
                print(q["time"], q["sql"][:200])
        if args.profile:
            import cProfile
            import pstats

            urls = paths("vrijgegeven", codes)[args.profile]
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for i in range(args.rounds):
                signed_in.get(urls[i % len(urls)])
            profiler.disable()
            pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(int(os.environ.get("TOP", "45")))
    finally:
        if drop:
            from django.db import connections

            connections.close_all()
            drop()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
