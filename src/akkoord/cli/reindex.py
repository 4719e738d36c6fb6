"""`akkoord reindex`: rebuild the search index (and the pages' derived data) from the database.

The search index is derived from the stored fiches and is normally kept up to date on every
ingest and status change. Rebuild it after restoring a database backup, after an upgrade that
changes the analysis or ranking, or when search results look out of step with the dossiers.
It also computes the derived page data (glossary, partners, timeline, findings) of versions
that lack it or whose data were made by an older release.
"""
from __future__ import annotations

import os
import time

from akkoord.cli.serve import require_migrated, setup_django


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "reindex", help="bouw de zoekindex opnieuw op uit de opgeslagen dossiers",
        description="Bouw de zoekindex opnieuw op uit de dossiers in de database, en vul ontbrekende "
                    "of verouderde afgeleide gegevens (afkortingen, partners, tijdlijn) aan.")
    parser.add_argument("--migrate", action="store_true", help="voer eerst openstaande databasemigraties uit")
    parser.set_defaults(handler=run)


def run(args) -> int:
    setup_django(os.environ.get("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.dev"))
    require_migrated(args.migrate)
    from akkoord.web.dossiers import derived
    from akkoord.web.dossiers.models import Dossier, DossierVersion
    from akkoord.web.search.indexing import rebuild_index

    started = time.perf_counter()
    stale = DossierVersion.objects.exclude(derived__fingerprint=derived.FINGERPRINT).select_related("dossier")
    refreshed = 0
    for version in stale.iterator():
        derived.store(version)
        refreshed += 1
    fiches = rebuild_index()
    dossiers = Dossier.objects.count()
    seconds = time.perf_counter() - started
    print(f"Zoekindex opnieuw opgebouwd: {fiches} fiche{'s' if fiches != 1 else ''} uit "
          f"{dossiers} dossier{'s' if dossiers != 1 else ''} ({seconds:.1f} s).")
    if refreshed:
        print(f"Afgeleide gegevens bijgewerkt voor {refreshed} versie{'s' if refreshed != 1 else ''}.")
    return 0
