"""`akkoord serve [--host H] [--port P] [--workers N] [--threads T] [--migrate]`: the workbench
on a real database.

The database comes from ``DATABASE_URL`` (default SQLite in ``AKKOORD_DATA_DIR``); the secret
key from ``AKKOORD_SECRET_KEY``. Refuses to start with unapplied migrations unless ``--migrate``.
``--workers`` worker processes (default: the number of cores) run under gunicorn; where
gunicorn cannot run (not POSIX), one waitress process serves with ``--threads`` threads.
Before any worker starts, what a crash left of interrupted uploads is removed.
"""
from __future__ import annotations

import getpass
import os
import sys

from akkoord.dossier.errors import DossierError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="start de werkomgeving (webserver) op de ingestelde database")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"adres om op te luisteren (standaard {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"poort (standaard {DEFAULT_PORT})")
    parser.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    parser.add_argument("--threads", type=int, default=4, help="aantal verwerkingsdraden per proces (standaard 4)")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"aantal werkprocessen (standaard het aantal processorkernen, hier {default_workers()})")
    parser.set_defaults(handler=run)


def setup_django(settings_module: str) -> None:
    """Configure Django; configuration errors become one Dutch line."""
    from django.core.exceptions import ImproperlyConfigured

    from akkoord.web import setup

    try:
        setup(settings_module)
        from django.conf import settings

        if not settings.SECRET_KEY:
            raise ImproperlyConfigured("Geen geheime sleutel: zet AKKOORD_SECRET_KEY in de omgeving.")
    except ImproperlyConfigured as exc:
        raise DossierError(f"instellingen: {exc}") from None
    except ValueError as exc:  # a malformed DATABASE_URL
        raise DossierError(f"instellingen: ongeldige DATABASE_URL ({exc}).") from None


def ensure_data_dir() -> None:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"] and database["NAME"] != ":memory:":
        from pathlib import Path

        path = Path(database["NAME"])
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Files made before this rule (or by another umask) lose their group and world bits.
            own_dir = [path.parent] if path.parent == Path(settings.DATA_DIR) else []
            for item in [*own_dir, *path.parent.glob(path.name + "*")]:
                mode = item.stat().st_mode & 0o777
                if mode & 0o077:
                    item.chmod(mode & 0o700)
        except OSError as exc:
            raise DossierError(f"{database['NAME']}: map kan niet worden aangemaakt ({exc.strerror}).") from None


def pending_migrations() -> list[str]:
    """Names of the migrations not yet applied to the database."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # unreachable server, wrong password, …
        raise DossierError(f"database niet bereikbaar: {exc}".splitlines()[0]) from None
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    ensure_data_dir()
    try:
        call_command("migrate", interactive=False, verbosity=verbosity)
    except Exception as exc:
        raise DossierError(f"migreren van de database mislukt: {exc}".splitlines()[0]) from None


def require_migrated(allow_migrate: bool) -> None:
    ensure_data_dir()
    pending = pending_migrations()
    if not pending:
        return
    if allow_migrate:
        print(f"Database bijwerken ({len(pending)} migraties)…", file=sys.stderr)
        migrate()
        return
    raise DossierError(f"de database is niet bijgewerkt ({len(pending)} openstaande migraties); "
                       "voer de opdracht opnieuw uit met --migrate.")


def database_label() -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"]:
        return f"SQLite ({database['NAME']})"
    return f"{database['ENGINE'].rsplit('.', 1)[-1]} ({database.get('NAME', '')} op {database.get('HOST') or 'localhost'})"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def gunicorn_available() -> bool:
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def serve_forever(host: str, port: int, threads: int = 4, workers: int = 1) -> int:
    """Serve until stopped: gunicorn with ``workers`` processes, or one waitress process."""
    if gunicorn_available():
        return serve_gunicorn(host, port, workers, threads)
    if workers > 1:
        print("Let op: meerdere werkprocessen vragen gunicorn (Linux, macOS); Akkoord draait nu in één "
              "proces (waitress).", file=sys.stderr)
    return serve_waitress(host, port, threads)


def settle_worker() -> None:
    """Ready a worker process for its first request: import every view (the URL patterns) and
    compile the page templates, then move everything loaded so far out of the garbage
    collector's sight (``gc.freeze``). A full collection then scans only what requests make,
    instead of stopping a request for the ~200,000 objects of Django and Akkoord (tens of
    milliseconds each time)."""
    import gc
    from pathlib import Path

    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import get_resolver

    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports the views
    resolver._populate()
    web = Path(settings.PACKAGE_DIR)
    for directory in web.glob("**/templates"):
        for template in sorted(directory.rglob("*.html")):
            try:
                get_template(template.relative_to(directory).as_posix())
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue
    gc.collect()
    gc.freeze()


def serve_gunicorn(host: str, port: int, workers: int, threads: int) -> int:
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    connections.close_all()  # no database connection may be shared by the forked workers
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", [bind])
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread" if threads > 1 else "sync")
            self.cfg.set("timeout", 120)
            self.cfg.set("graceful_timeout", 30)
            self.cfg.set("keepalive", 5)
            self.cfg.set("proc_name", "akkoord")
            self.cfg.set("post_worker_init", lambda worker: settle_worker())
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")
            self.cfg.set("forwarded_allow_ips", os.environ.get("AKKOORD_FORWARDED_ALLOW_IPS", "127.0.0.1,::1"))
            processes = "1 werkproces" if workers == 1 else f"{workers} werkprocessen"
            lines = "1 draad" if threads == 1 else f"{threads} draden"
            self.cfg.set("when_ready", lambda server: print(
                f"Akkoord draait op http://{bind}/ met {processes} × {lines} (stoppen met Ctrl+C)", flush=True))

        def load(self):
            from akkoord.web.wsgi import application

            return application

    try:
        Server().run()
    except SystemExit as exc:  # gunicorn's arbiter exits on a port in use, with its own log line
        if exc.code not in (0, None):
            raise DossierError(f"kan niet luisteren op {host}:{port} (zie de melding hierboven).") from None
    return 0


def serve_waitress(host: str, port: int, threads: int = 4) -> int:
    from waitress import serve

    from akkoord.web.wsgi import application

    settle_worker()
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Akkoord draait op http://{shown_host}:{port}/  (stoppen met Ctrl+C)", flush=True)
    try:
        serve(application, host=host, port=port, threads=threads, ident="Akkoord", _quiet=True)
    except OSError as exc:
        raise DossierError(f"kan niet luisteren op {host}:{port} ({exc.strerror}).") from None
    return 0


def cli_actor() -> str:
    try:
        return f"opdrachtregel:{getpass.getuser()}"
    except Exception:
        return "opdrachtregel"


def run(args) -> int:
    if not (1 <= args.port <= 65535):
        raise DossierError(f"ongeldige poort: {args.port}.")
    if args.threads < 1 or (args.workers is not None and args.workers < 1):
        raise DossierError("--workers en --threads moeten minstens 1 zijn.")
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.production"))
    require_migrated(args.migrate)
    from django.conf import settings

    print(f"Database: {database_label()}", file=sys.stderr)
    from akkoord.web.dossiers.jobs import clean_up_at_start

    clean_up_at_start()
    if settings.SESSION_COOKIE_SECURE and args.host in ("127.0.0.1", "localhost", "::1"):
        print("Let op: inlogcookies worden alleen over HTTPS verstuurd. Zet AKKOORD_SECURE_COOKIES=0 "
              "om zonder HTTPS lokaal in te loggen.", file=sys.stderr)
    return serve_forever(args.host, args.port, args.threads, args.workers or default_workers())
