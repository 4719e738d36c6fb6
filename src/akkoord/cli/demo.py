"""`akkoord demo`: one command to try the workbench.

Migrates a SQLite database of its own (``akkoord-demo.sqlite3`` in ``AKKOORD_DATA_DIR``,
default ``./var``), loads the bundled sample dossier once and releases it, creates the demo
account ``demo``/``demo`` (role ambtenaar) and serves the workbench.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from akkoord.cli.serve import DEFAULT_HOST, DEFAULT_PORT, cli_actor, migrate, serve_forever, setup_django
from akkoord.dossier.errors import DossierError

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
DEMO_SLUG = "voorbeeld"


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="probeer de werkomgeving: voorbeeldsdossier, demo-account, webserver")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"adres om op te luisteren (standaard {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"poort (standaard {DEFAULT_PORT})")
    parser.add_argument("--bestand", metavar="PAD", help="laad dit dossier in plaats van het voorbeelddossier")
    parser.add_argument("--no-serve", action="store_true", help="alleen voorbereiden, geen webserver starten")
    parser.add_argument("--json", action="store_true",
                        help="druk de formatie en de demo-accounts af als JSON (voor scripts)")
    parser.set_defaults(handler=run)


def sample_path() -> Path:
    """The bundled sample dossier (or, in a development checkout without it, the shared one)."""
    try:
        from akkoord.dossier.sample import SAMPLE_TEXT_PATH
    except ImportError:
        SAMPLE_TEXT_PATH = None
    if SAMPLE_TEXT_PATH and Path(SAMPLE_TEXT_PATH).is_file():
        return Path(SAMPLE_TEXT_PATH)
    shared = Path(__file__).resolve().parents[4] / "shared" / "dossiers"
    found = sorted(shared.glob("*.txt")) if shared.is_dir() else []
    if found:
        return found[0]
    raise DossierError("het voorbeelddossier ontbreekt in deze installatie; geef er een op met --bestand.")


def demo_database_url() -> str:
    data_dir = Path(os.environ.get("AKKOORD_DATA_DIR", "var")).resolve()
    return f"sqlite:///{data_dir / 'akkoord-demo.sqlite3'}"


def prepare(path: Path | None = None) -> tuple[str, bool]:
    """Migrate, load and release the sample once, create the demo account. Returns (slug, loaded now)."""
    migrate()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from akkoord.web.dossiers import services
    from akkoord.web.dossiers.models import Dossier, DossierVersion
    from akkoord.web.roles import ensure_roles

    ensure_roles()
    loaded = False
    slug = DEMO_SLUG
    if not Dossier.objects.filter(slug=slug, versions__isnull=False).exists():
        source = path or sample_path()
        version = services.ingest_file(source, None, slug=slug, actor=cli_actor())
        services.set_status(version, DossierVersion.Status.RELEASED, None, actor=cli_actor())
        loaded = True
    user, _ = get_user_model().objects.get_or_create(username=DEMO_USER)
    from django.contrib.auth.hashers import make_password

    # Demo only: deliberately weak, never used outside `akkoord demo`; set as a hash so that
    # the password rules every other user meets (accounts/passwords.py) do not refuse it.
    user.password = make_password(DEMO_PASSWORD)
    user.first_name = "Demo"
    user.save()
    user.groups.add(Group.objects.get(name="ambtenaar"))
    return slug, loaded


def prepare_monitor() -> str:
    """The adopted agreement of the previous term with its progress history (fictional). Returns its slug."""
    from akkoord.web.monitoring.services import demo_programme

    return demo_programme(actor=cli_actor()).slug


def run(args) -> int:
    if not (1 <= args.port <= 65535):
        raise DossierError(f"ongeldige poort: {args.port}.")
    if args.bestand and not Path(args.bestand).is_file():
        raise DossierError(f"{args.bestand}: bestand bestaat niet.")
    # The demo always runs on its own SQLite database, whatever DATABASE_URL says.
    os.environ["DATABASE_URL"] = demo_database_url()
    setup_django("akkoord.web.settings.dev")
    slug, loaded = prepare(Path(args.bestand) if args.bestand else None)
    from django.conf import settings

    from akkoord.web.formation.demo import prepare_formation

    formation, accounts = prepare_formation(slug)
    monitor = prepare_monitor()
    accounts = [{"username": DEMO_USER, "password": DEMO_PASSWORD, "role": "ambtenaar", "party": None}] + accounts
    print(f"Demodatabase: {settings.DATABASES['default']['NAME']}", file=sys.stderr)
    if loaded:
        print("Voorbeelddossier ingelezen en vrijgegeven.", file=sys.stderr)
    if args.json:
        import json

        print(json.dumps({"formation": formation.slug, "dossier": slug, "accounts": accounts, "monitor": monitor},
                         ensure_ascii=False))
    else:
        print(f"Demo-account: gebruikersnaam '{DEMO_USER}', wachtwoord '{DEMO_PASSWORD}' (rol ambtenaar).")
        print(f"Demoformatie '{formation.name}' (/formaties/{formation.slug}/), accounts met wachtwoord "
              f"'{DEMO_PASSWORD}':")
        for account in accounts[1:]:
            party = f", {account['party']}" if account["party"] else ""
            print(f"  {account['username']} ({account['role']}{party})")
        print(f"Vastgesteld akkoord van de vorige periode, in uitvoering: /uitvoering/{monitor}/")
    sys.stdout.flush()
    if args.no_serve:
        return 0
    return serve_forever(args.host, args.port)
