"""The agreement's dates as iCalendar: one all-day event per logical moment, source end date,
deadline and milestone, each with a link (``link(afspraak)`` gives the address)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Callable

from icalendar import Calendar, Event

from akkoord.agreement.model import Afspraak, Agreement
from akkoord.agreement.exports.common import document_title


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def calendar_events(agreement: Agreement) -> list[tuple[str, date, str, Afspraak, str]]:
    """(uid, day, summary, afspraak, description) of every dated item, without duplicates."""
    events: list[tuple[str, date, str, Afspraak, str]] = []
    seen: set[str] = set()

    def add(uid: str, day: date | None, summary: str, afspraak: Afspraak, description: str) -> None:
        if day is None or uid in seen:
            return
        seen.add(uid)
        events.append((uid, day, summary, afspraak, description))

    for a in agreement.afspraken:
        head = f"{a.number} {a.title}"
        add(f"{a.id}-deadline", _date(a.smart.deadline), f"Uiterlijk: {head}", a, a.text)
        for i, m in enumerate(a.smart.milestones):
            add(f"{a.id}-mijlpaal-{i + 1}", _date(m.date), f"Mijlpaal {a.number}: {m.text}", a, m.text)
        if a.adjustment_intervals:
            first = a.adjustment_intervals[0]
            add(f"{a.id}-moment", _date(first.start), f"Logisch moment om bij te sturen: {head}", a,
                a.adjustment_moment)
        for i, s in enumerate(a.sources):
            if s.end_intervals:
                add(f"{a.id}-bron-{i + 1}", _date(s.end_intervals[-1].end), f"Einddatum {s.title} ({a.number})", a,
                    f"Einddatum volgens de fiche: {s.end_date}")
    return events


def to_ics(agreement: Agreement, *, link: Callable[[Afspraak], str] | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Akkoord//Coalitieakkoord//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", document_title(agreement))
    slug = agreement.formation_slug or "akkoord"
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for uid, day, summary, afspraak, description in calendar_events(agreement):
        event = Event()
        event.add("uid", f"{uid}@{slug}.akkoord")
        event.add("summary", summary)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("description", description)
        if link:
            event.add("url", link(afspraak))
        cal.add_component(event)
    return cal.to_ical()
