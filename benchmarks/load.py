"""Throughput and latency of `akkoord serve` under concurrent clients, as production runs it.

    .venv/bin/python benchmarks/load.py [--clients 20,100] [--seconds 15] [--workers 1,default]
                                        [--databases sqlite,postgres]

For each database (SQLite in a temporary directory; PostgreSQL on the server of
``DATABASE_URL`` when it is a ``postgres://`` URL, else on a throw-away server started with
``scripts/postgres.sh`` on ``AKKOORD_PG_PORT``), loads the shared dossier twice (one copy
public, one released to the negotiators), then for each ``--workers`` value starts
``akkoord serve`` with the production settings and drives each number of ``--clients``
concurrent clients for ``--seconds``: half anonymous readers of the public copy, half
signed-in negotiators of the released one, each following a realistic mix of overview,
fiche, timeline, partners and search pages (keep-alive connections, no think time).
Prints requests/s, p50/p95/p99 latency and errors per run, the p95 of the signed-in clients
alone (``p95 in``: their pages are the heavier ones), and the CPU time per request of
the server's processes (and of a PostgreSQL server this script started): the latency depends
on whatever else the machine runs, the CPU time per request hardly.

Two-step sign-in is switched off for the run (``AKKOORD_2FA_ROLES=``): the clients sign in
with a password only. Targets on a 2-core machine at 20 clients: 0 errors, p95 under 250 ms,
and the default number of workers at least twice the throughput of ``--workers 1``.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AKKOORD = [sys.executable, "-m", "akkoord"]
PASSWORD = "lange-wachtzin-voor-de-meting-42"
QUERIES = ["tekort op de jeugdzorg", "armoede", "woningbouw voor starters", "netcongestie", "schulden",
           "sportverenigingen", "wachtlijsten", "veiligheid in de wijk", "afval", "bereikbaarheid",
           "energietransitie", "ouderen", "cultuur", "statushouders", "klimaatadaptatie", "onderwijs",
           "subsidie", "participatie", "binnenstad", "mantelzorg"]
# (page, weight): what negotiators do most is read fiches and search.
MIX = [("overview", 20), ("fiche", 35), ("timeline", 10), ("partners", 10), ("search", 25)]


def dossier_file() -> Path:
    found = sorted((SHARED / "dossiers").glob("*.txt")) if (SHARED / "dossiers").is_dir() else []
    if found:
        return found[0]
    from akkoord.dossier.sample import SAMPLE_TEXT_PATH

    return Path(SAMPLE_TEXT_PATH)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:4])} mislukt: {done.stderr.strip()[-500:]}")
    return done


def prepare(env: dict) -> dict:
    """Load the dossier twice (one copy released, one published) and make a negotiator;
    returns the fiche codes."""
    source = dossier_file()
    run(AKKOORD + ["ingest", str(source), "--migrate", "--quiet", "--dossier", "openbaar", "--status", "vrijgegeven"],
        env)
    run(AKKOORD + ["ingest", str(source), "--quiet", "--dossier", "vrijgegeven", "--status", "vrijgegeven"], env)
    script = (
        "from akkoord.web import setup; setup('akkoord.web.settings.production')\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "from akkoord.web.roles import ensure_roles\n"
        "from akkoord.web.dossiers import services\n"
        "from akkoord.web.dossiers.models import DossierVersion, Fiche\n"
        "ensure_roles()\n"
        "v = DossierVersion.objects.get(dossier__slug='openbaar')\n"
        "plan = services.plan_publication(v)\n"
        "services.publish(v, None, {key: 'meting' for key, _ in plan.keyed_blocking()}, actor='meting')\n"
        "u, _ = get_user_model().objects.get_or_create(username='meting')\n"
        f"u.set_password({PASSWORD!r}); u.save(); u.groups.add(Group.objects.get(name='onderhandelaar'))\n"
        "print(' '.join(Fiche.objects.filter(version__dossier__slug='openbaar', version__status='openbaar')"
        ".values_list('code', flat=True)))\n"
    )
    codes = run([sys.executable, "-c", script], env).stdout.split()
    return {"codes": codes}


class Client(threading.Thread):
    def __init__(self, port: int, signed_in: bool, codes: list[str], seed: int):
        super().__init__(daemon=True)
        self.port, self.signed_in, self.codes = port, signed_in, codes
        self.rng = random.Random(seed)
        self.stop_at = self.start_at = 0.0
        self.latencies: list[float] = []
        self.errors = 0
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data

    def sign_in(self) -> None:
        _, page = self.request("GET", "/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({"username": "meting", "password": PASSWORD, "csrfmiddlewaretoken": token})
        status, _ = self.request("POST", "/inloggen/", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            raise SystemExit(f"aanmelden mislukt (HTTP {status})")

    def path(self) -> str:
        slug = "vrijgegeven" if self.signed_in else "openbaar"
        page = self.rng.choices([p for p, _ in MIX], [w for _, w in MIX])[0]
        if page == "overview":
            return f"/dossiers/{slug}/"
        if page == "fiche":
            return f"/dossiers/{slug}/fiches/{self.rng.choice(self.codes)}/"
        if page == "timeline":
            return f"/dossiers/{slug}/tijdlijn/"
        if page == "partners":
            return f"/dossiers/{slug}/partners/"
        return "/zoeken/?" + urlencode({"q": self.rng.choice(QUERIES)})

    def prepare(self) -> None:
        """Sign in before the clock starts (a password hash costs ~0.3 s of CPU on purpose)."""
        try:
            if self.signed_in:
                self.sign_in()
        except Exception:  # noqa: BLE001 - counted, the run goes on without this client
            self.errors += 1
            self.stop_at = -1.0

    def run(self) -> None:
        if self.stop_at < 0:
            return
        while time.monotonic() < self.stop_at:
            path = self.path()
            started = time.monotonic()
            try:
                status, _ = self.request("GET", path)
                ok = status == 200
            except Exception:  # noqa: BLE001
                ok = False
            if started >= self.start_at:
                self.latencies.append(time.monotonic() - started)
                self.errors += 0 if ok else 1


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("de server startte niet")


def cpu_seconds(group: int | None = None, parent: int | None = None) -> float:
    """CPU time (user + system) of the processes in process group ``group`` or with parent
    ``parent``, from /proc (0.0 where /proc is absent)."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if (group is not None and int(fields[2]) == group) or (parent is not None and int(fields[1]) == parent):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def database_cpu() -> float:
    """CPU time of the PostgreSQL server's processes when it runs on this machine (its data
    directory in ``AKKOORD_LOAD_PG_DIR``, set for a server this script starts)."""
    pid_file = Path(os.environ.get("AKKOORD_LOAD_PG_DIR", "/nonexistent")) / "data" / "postmaster.pid"
    try:
        return cpu_seconds(parent=int(pid_file.read_text().split()[0]))
    except (OSError, ValueError, IndexError):
        return 0.0


def measure(env: dict, workers: str, clients: int, seconds: float, codes: list[str]) -> dict:
    shutil.rmtree(Path(env["AKKOORD_DATA_DIR"]) / "cache", ignore_errors=True)  # every run starts cold
    port = free_port()
    command = AKKOORD + ["serve", "--port", str(port)] + ([] if workers == "default" else ["--workers", workers])
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        wait_for(port)
        threads = [Client(port, n % 2 == 1, codes, n) for n in range(clients)]
        signing_in = [threading.Thread(target=t.prepare) for t in threads]
        for t in signing_in:
            t.start()
        for t in signing_in:
            t.join()
        start_at = time.monotonic() + 3.0  # warm-up
        for t in threads:
            t.start_at, t.stop_at = start_at, (start_at + seconds if t.stop_at >= 0 else -1.0)
            t.start()
        time.sleep(max(0.0, start_at - time.monotonic()))
        cpu_before = cpu_seconds(group=server.pid), database_cpu()
        for t in threads:
            t.join()
        cpu_after = cpu_seconds(group=server.pid), database_cpu()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    latencies = sorted(x for t in threads for x in t.latencies)
    errors = sum(t.errors for t in threads)
    if not latencies:
        return {"rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "errors": errors, "requests": 0, "cpu": 0.0,
                "db_cpu": 0.0, "p95_signed_in": 0.0}
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    signed_in = sorted(x for t in threads if t.signed_in for x in t.latencies)
    return {"rps": len(latencies) / seconds, "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000,
            "errors": errors, "requests": len(latencies),
            "p95_signed_in": statistics.quantiles(signed_in, n=100)[94] * 1000 if len(signed_in) > 1 else 0.0,
            # CPU per request of the server's processes (and the database server's): what the
            # pages cost, nearly independent of other work on the machine
            "cpu": (cpu_after[0] - cpu_before[0]) * 1000 / len(latencies),
            "db_cpu": (cpu_after[1] - cpu_before[1]) * 1000 / len(latencies)}


def postgres_url(tmp: Path) -> tuple[str, callable]:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url, lambda: None
    env = dict(os.environ, AKKOORD_PG_DIR=f"/tmp/akkoord-load-pg-{os.getpid()}")  # readable by postgres
    os.environ["AKKOORD_LOAD_PG_DIR"] = env["AKKOORD_PG_DIR"]  # database_cpu reads its processes
    started = subprocess.run(["bash", str(REPO / "scripts" / "postgres.sh"), "start"], env=env, capture_output=True,
                             text=True)
    if started.returncode != 0:
        raise SystemExit(f"PostgreSQL start niet: {started.stderr.strip()[-300:]}")
    return started.stdout.strip(), lambda: subprocess.run(["bash", str(REPO / "scripts" / "postgres.sh"), "stop"],
                                                          env=env, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="20,100")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", default="1,default", help="comma-separated: numbers or 'default'")
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    print(f"cores: {os.cpu_count()}  dossier: {dossier_file().name}  {args.seconds:.0f} s per run "
          f"(after sign-in and 3 s warm-up)")
    print(f"{'database':9} {'workers':>8} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'errors':>7} {'p95 in':>7} {'CPU ms/req':>10} {'DB CPU':>7}")
    for database in args.databases.split(","):
        tmp = Path(tempfile.mkdtemp(prefix="akkoord-load-"))
        stop_pg = lambda: None  # noqa: E731
        env = dict(os.environ, AKKOORD_DATA_DIR=str(tmp / "var"), AKKOORD_SECRET_KEY="meting-" + os.urandom(8).hex(),
                   AKKOORD_SECURE_COOKIES="0", AKKOORD_2FA_ROLES="",
                   DJANGO_SETTINGS_MODULE="akkoord.web.settings.production", PYTHONPATH=str(REPO / "src"))
        try:
            if database == "postgres":
                url, stop_pg = postgres_url(tmp)
                env["DATABASE_URL"] = url
            else:
                env.pop("DATABASE_URL", None)
            info = prepare(env)
            results = {}
            for workers in args.workers.split(","):
                for n in clients:
                    r = measure(env, workers, n, args.seconds, info["codes"])
                    results[(workers, n)] = r
                    shown = f"{os.cpu_count()} (std)" if workers == "default" else workers
                    print(f"{database:9} {shown:>8} {n:>7} {r['rps']:8.1f} {r['p50']:8.0f} {r['p95']:8.0f} "
                          f"{r['p99']:8.0f} {r['errors']:7d} {r['p95_signed_in']:7.0f} {r['cpu']:10.1f} {r['db_cpu']:7.1f}", flush=True)
            for n in clients:
                one, default = results.get(("1", n)), results.get(("default", n))
                if one and default and one["rps"]:
                    print(f"{database:9} {n} clients: default workers give {default['rps'] / one['rps']:.1f}× the "
                          "throughput of --workers 1")
        finally:
            stop_pg()
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
