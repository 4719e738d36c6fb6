"""Bulk updates by CSV, in the same format as the export.

``export_rows`` writes one row per commitment; ``plan_import`` reads such a file back and
returns, per row, what would change (status, progress, with the explanation and evidence as a
dated update) or why the row is refused. Nothing is applied by this module: the caller applies
a plan only when it has no errors at all, so a file is taken whole or not at all.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from akkoord.monitoring.status import BY_KEY, parse_status

# Columns of the export; the import reads ``id`` and the editable ones and ignores the rest.
COLUMNS = ("id", "nummer", "titel", "ambitie", "fiche", "portefeuillehouder", "deadline", "status",
           "voortgang", "te_laat", "laatste_update", "toelichting", "bewijs")
EDITABLE = ("status", "voortgang", "toelichting", "bewijs", "datum")
REQUIRED = ("id", "status")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Current:
    """A commitment as it stands, as far as the import needs to know."""

    id: str
    title: str
    status: str
    progress: int | None
    latest_text: str = ""  # the explanation of the newest update (the export's 'toelichting')


@dataclass
class RowChange:
    line: int
    id: str
    title: str
    old_status: str
    new_status: str
    old_progress: int | None
    new_progress: int | None
    text: str
    evidence: list[str]
    day: date | None


@dataclass
class RowError:
    line: int  # 1 = the header
    message: str  # Dutch

    def __str__(self) -> str:
        return f"regel {self.line}: {self.message}" if self.line else self.message


@dataclass
class ImportPlan:
    changes: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def export_rows(rows: list[dict]) -> str:
    """CSV text (comma-separated, UTF-8 without BOM is left to the caller) of ``rows``, each a
    dict with the keys of ``COLUMNS``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS})
    return out.getvalue()


_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def _decode(data: bytes) -> str | RowError:
    if len(data) > MAX_BYTES:
        return RowError(0, f"het bestand is te groot (hoogstens {MAX_BYTES // (1024 * 1024)} MB).")
    if not data.strip():
        return RowError(0, "het bestand is leeg.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return RowError(0, "het bestand is in UTF-16 opgeslagen; sla het op als 'CSV UTF-8'.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return RowError(line, "het bestand is niet in UTF-8 opgeslagen (bijvoorbeeld Windows-1252); "
                              "sla het op als 'CSV UTF-8' en lees het opnieuw in.")


def _header(text: str) -> tuple[list[str], str] | RowError:
    first = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        names = [n.strip().lower() for n in next(csv.reader([first], delimiter=delimiter))]
        if all(r in names for r in REQUIRED):
            return names, delimiter
    return RowError(1, "de kopregel mist de kolommen 'id' en 'status', of de kolommen zijn niet gescheiden door "
                       "komma's of puntkomma's. Gebruik het bestand van 'akkoord monitor export' als sjabloon.")


def _progress(value: str) -> int | None | RowError:
    value = value.strip().rstrip("%").strip().replace(",", ".")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        return RowError(0, f"voortgang '{value}' is geen getal tussen 0 en 100.")
    if not 0 <= number <= 100 or number != int(number):
        return RowError(0, f"voortgang '{value}' moet een heel getal van 0 tot en met 100 zijn.")
    return int(number)


def _day(value: str) -> date | None | RowError:
    value = value.strip()
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})-(\d{1,2})-(\d{4})", value)
    try:
        if match and match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match:
            return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        pass
    return RowError(0, f"datum '{value}' is geen geldige datum (gebruik 2027-03-31 of 31-03-2027).")


def plan_import(data: bytes, current: dict[str, Current], today: date | None = None) -> ImportPlan:
    """Check every row of a bulk-update CSV against the commitments as they stand."""
    plan = ImportPlan()
    text = _decode(data)
    if isinstance(text, RowError):
        plan.errors.append(text)
        return plan
    header = _header(text)
    if isinstance(header, RowError):
        plan.errors.append(header)
        return plan
    names, delimiter = header
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader, None)
    seen: dict[str, int] = {}
    for number, values in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            plan.errors.append(RowError(number, f"meer dan {MAX_ROWS} regels; splits het bestand."))
            break
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            plan.errors.append(RowError(number, f"{len(values)} kolommen in plaats van {len(names)}; "
                                                "controleer scheidingstekens en aanhalingstekens."))
            continue
        row = {name: value.strip() for name, value in zip(names, values)}
        key = row["id"]
        if not key:
            plan.errors.append(RowError(number, "de kolom 'id' is leeg."))
            continue
        if key in seen:
            plan.errors.append(RowError(number, f"afspraak {key} staat ook al op regel {seen[key]}."))
            continue
        seen[key] = number
        target = current.get(key)
        if target is None:
            plan.errors.append(RowError(number, f"onbekende afspraak '{key}'."))
            continue
        status = parse_status(row["status"]) if row["status"] else BY_KEY.get(target.status)
        if status is None:
            known = ", ".join(s.label for s in BY_KEY.values())
            plan.errors.append(RowError(number, f"onbekende status '{row['status']}' (kies uit: {known})."))
            continue
        progress = _progress(row.get("voortgang", "")) if "voortgang" in row else target.progress
        day = _day(row.get("datum", ""))
        problems = [p for p in (progress, day) if isinstance(p, RowError)]
        for problem in problems:
            plan.errors.append(RowError(number, problem.message))
        if problems:
            continue
        evidence = _URL.findall(row.get("bewijs", ""))
        text_value = row.get("toelichting", "")
        if status.key != target.status:
            if status.needs_evidence and not evidence:
                plan.errors.append(RowError(number, f"bij status '{status.label}' hoort bewijs: zet in 'bewijs' "
                                                    "een link naar het raadsstuk of document."))
                continue
            if status.needs_decision:
                plan.errors.append(RowError(number, f"status '{status.label}' vraagt om het raadsbesluit: leg de "
                                                    "koerswijziging vast op de pagina van de afspraak."))
                continue
        if today and day and day > today:
            plan.errors.append(RowError(number, f"datum {day:%d-%m-%Y} ligt in de toekomst."))
            continue
        change = RowChange(number, key, target.title, target.status, status.key, target.progress, progress,
                           text_value, evidence, day)
        # Only what differs counts; the exported explanation, sent back unchanged, is no change.
        if (change.old_status == change.new_status and change.old_progress == change.new_progress
                and (not text_value or text_value == target.latest_text) and not evidence):
            plan.unchanged += 1
            continue
        plan.changes.append(change)
    if not seen and not plan.errors:
        plan.errors.append(RowError(0, "het bestand bevat geen afspraken."))
    return plan
