"""Quality and publication check of a dossier: what is wrong with it, fiche by fiche.

``check_dossier(dossier)`` returns a list of ``Finding``: which fiche and field, which rule,
how serious (``blokkerend`` / ``waarschuwing`` / ``info``), a Dutch explanation, the value
concerned and, where one can be given, a suggested fix. ``RULES`` describes every rule with
a Dutch title, for the legend of the workbench.

The rules are general: kinds of placeholders, kinds of hosts and paths, kinds of wrappers;
never lists of one dossier's values. The module is pure: no Django, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Iterator

from akkoord.dossier import links as L
from akkoord.dossier.dates import find_dates
from akkoord.dossier.model import CODE_PATTERN, FIELD_LABELS, Dossier, Fiche, Interval, Source

BLOCKING = "blokkerend"
WARNING = "waarschuwing"
INFO = "info"
SEVERITIES: tuple[str, ...] = (BLOCKING, WARNING, INFO)
SEVERITY_LABELS: dict[str, str] = {BLOCKING: "Blokkerend", WARNING: "Waarschuwing", INFO: "Ter informatie"}


@dataclass(frozen=True)
class Rule:
    """One kind of finding. ``severity`` is the usual one; a finding may be milder or harsher."""

    id: str
    title: str  # Dutch, short, for a legend
    severity: str
    description: str  # Dutch, one sentence: what the rule looks for


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("empty-dossier", "Dossier zonder fiches", BLOCKING,
         "Er is geen enkele fiche in het dossier gevonden."),
    Rule("duplicate-code", "Fichecode dubbel", BLOCKING,
         "Twee fiches hebben dezelfde code, zodat verwijzingen en opslag door elkaar lopen."),
    Rule("duplicate-title", "Fichetitel dubbel", WARNING,
         "Twee fiches hebben dezelfde titel."),
    Rule("empty-field", "Leeg veld", WARNING,
         "Een veld van het sjabloon is niet ingevuld."),
    Rule("placeholder-text", "Tijdelijke tekst", WARNING,
         "Een veld bevat een tijdelijke aanduiding zoals 'xx' of '[invullen]' in plaats van tekst."),
    Rule("no-ambition", "Geen opgave aangekruist", WARNING,
         "Bij de fiche is geen van de opgaven van de stad aangekruist."),
    Rule("no-advice", "Geen adviespunten", WARNING,
         "De fiche vraagt de onderhandelaars nergens een uitspraak over."),
    Rule("missing-end-date", "Einddatum ontbreekt", INFO,
         "Bij een brondocument is geen einddatum ingevuld."),
    Rule("placeholder-end-date", "Einddatum is een tijdelijke aanduiding", BLOCKING,
         "De einddatum is nog niet ingevuld: 'xx', 'Ntb', '?', '-' of iets dergelijks."),
    Rule("implausible-end-date", "Onmogelijke einddatum", BLOCKING,
         "De einddatum kan niet kloppen: een jaartal van drie cijfers, ver na 2100 of vóór 1990, of een dag of maand die niet bestaat."),
    Rule("end-date-before-document", "Einddatum vóór het document", WARNING,
         "De einddatum ligt vóór het jaar dat de titel van het document noemt."),
    Rule("inconsistent-end-date", "Einddatum verschilt tussen fiches", WARNING,
         "Hetzelfde document staat bij twee fiches met een verschillende einddatum."),
    Rule("passed-end-date", "Einddatum verstreken", WARNING,
         "De einddatum ligt in het verleden: het beleid is afgelopen of moet worden vernieuwd."),
    Rule("unclear-end-date", "Einddatum niet herkend", INFO,
         "In de einddatum staat geen herkenbare datum."),
    Rule("file-link", "Link naar een bestand op een eigen schijf", BLOCKING,
         "Een file://-link of bestandspad werkt alleen op de computer of het netwerk van de opsteller."),
    Rule("internal-link", "Link naar het interne netwerk", BLOCKING,
         "De link wijst naar een server van het eigen netwerk, die van buiten niet bereikbaar is."),
    Rule("login-link", "Link die inloggen vraagt", WARNING,
         "De link wijst naar een samenwerkingsomgeving (SharePoint, Teams) waarvoor lezers moeten inloggen."),
    Rule("safe-link", "Link ingepakt door de mailfilter", WARNING,
         "De link is ingepakt door de beveiliging van het mailprogramma (zoals Safe Links) in plaats van naar het document zelf te wijzen."),
    Rule("redirect-link", "Omleidingslink van een zoekmachine", WARNING,
         "De link is gekopieerd uit zoekresultaten en loopt via de zoekmachine."),
    Rule("search-results-link", "Zoekresultaten als bron", BLOCKING,
         "De link wijst naar een pagina met zoekresultaten: dat is geen bron, en de zoekvraag van de opsteller wordt zo openbaar."),
    Rule("tracking-parameters", "Volgcodes in de link", WARNING,
         "De link bevat parameters om bezoekers te volgen (utm_…, fbclid, gclid …)."),
    Rule("invalid-link", "Onvolledige link", WARNING,
         "De link mist een servernaam en werkt niet."),
    Rule("duplicate-link", "Dubbele link", INFO,
         "Dezelfde link staat meer dan eens bij de fiche (ook na het uitpakken)."),
    Rule("email-address", "E-mailadres", BLOCKING,
         "Een e-mailadres van een persoon in tekst of link: persoonsgegeven dat niet openbaar mag."),
    Rule("user-name", "Gebruikersnaam in een bestandspad", BLOCKING,
         "Een bestandspad of persoonlijke OneDrive-link verraadt de gebruikersnaam van een medewerker."),
    Rule("phone-number", "Mobiel telefoonnummer", BLOCKING,
         "Een 06-nummer in de tekst: het nummer van een persoon, dat niet openbaar mag."),
    Rule("unknown-reference", "Verwijzing naar onbekende fiche", WARNING,
         "De fiche verwijst naar een fiche die niet in het dossier staat."),
)}


@dataclass
class Finding:
    fiche: str | None  # fiche code, or None for the dossier as a whole
    field: str  # model field name (see FIELD_LABELS), e.g. "links", "sources", "title"
    rule: str  # key of RULES
    severity: str  # one of SEVERITIES
    message: str  # Dutch
    value: str  # the value concerned, exactly as it stands in the dossier
    suggestion: str = ""  # Dutch advice or the corrected value, when there is one

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, "Dossier" if self.field == "fiches" else self.field)

    @property
    def rule_title(self) -> str:
        rule = RULES.get(self.rule)
        return rule.title if rule else self.rule

    def to_dict(self) -> dict[str, Any]:
        return {"fiche": self.fiche, "field": self.field, "rule": self.rule, "severity": self.severity,
                "message": self.message, "value": self.value, "suggestion": self.suggestion}


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def count_by_rule(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return counts


def has_blocking(findings: Iterable[Finding]) -> bool:
    return any(f.blocking for f in findings)


# --------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------

def check_dossier(dossier: Dossier, today: date | None = None) -> list[Finding]:
    """Every finding for ``dossier``, fiche by fiche in dossier order, then field order."""
    today = today or date.today()
    findings: list[Finding] = []
    if not dossier.fiches:
        findings.append(Finding(None, "fiches", "empty-dossier", BLOCKING,
                                "Het dossier bevat geen fiches; controleer of het juiste bestand is gelezen.", ""))
        return findings
    from akkoord.dossier.profile import profile_of

    profile = profile_of(dossier)
    for fiche in dossier.fiches:
        findings.extend(check_fiche(fiche, today, profile))
    findings.extend(_check_across_fiches(dossier))
    position: dict[str, int] = {}
    for index, fiche in enumerate(dossier.fiches):
        position.setdefault(fiche.code, index)
    fields = list(FIELD_LABELS)
    findings.sort(key=lambda f: (position.get(f.fiche, -1) if f.fiche else -1,
                                 fields.index(f.field) if f.field in fields else len(fields)))
    return findings


def check_fiche(fiche: Fiche, today: date, profile=None) -> list[Finding]:
    """The findings of one fiche on its own (cross-fiche rules are in check_dossier).
    ``profile``: the dossier's; a form without ambitions or a policy table is not asked for them."""
    out: list[Finding] = []
    out.extend(f for f in _check_structure(fiche) if _applies(f, profile))
    for source in fiche.sources:
        out.extend(_check_end_date(fiche, source, today))
    out.extend(_check_link_list(fiche))
    for field_name, text in _texts(fiche):
        out.extend(_check_text(fiche.code, field_name, text))
    return out


# ---------------------------------------------------------------- structure and emptiness

# Template fields that a finished fiche fills, with the severity of leaving them empty.
EMPTY_FIELD_SEVERITY: dict[str, str] = {
    "title": WARNING,
    "current_line": WARNING,
    "sources": INFO,
    "adjustment_moment": INFO,
    "external_changes": INFO,
    "partners": INFO,
    "policy_areas": INFO,
}

# A whole value that is only a placeholder ("xx", "?", "-", "…", "n.t.b.", "[invullen]" …).
_PLACEHOLDER_WORDS = (
    r"x+|\?+|[-–—_.…/\s]+|n\.?t\.?b\.?|n\.?n\.?b\.?|t\.?b\.?d\.?|t\.?b\.?a\.?|p\.?m\.?|"
    r"nader te bepalen|nog te bepalen|nog niet bekend|nog onbekend|onbekend|volgt|volgt nog|"
    r"invullen|nog invullen|in te vullen|nog in te vullen|todo|to do|jjjj|dd-mm-jjjj|dd-mm-jj|"
    r"datum|einddatum|tekst|\[[^\]]*\]|<[^>]*>|\.\.\.+"
)
PLACEHOLDER_VALUE = re.compile(rf"^\s*(?:{_PLACEHOLDER_WORDS})\s*$", re.IGNORECASE)
# A date or year with x's for digits: "20xx", "31-12-20xx", "xx-xx-xxxx".
PLACEHOLDER_DATE_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?:\d*[xX]{2,}\d*|\d+[xX]+\d*)(?![A-Za-z0-9])")
# Placeholders inside running text.
PLACEHOLDER_IN_TEXT = re.compile(
    r"(?<![\w-])(?:xx+|XXX+)(?![\w-])|\[\s*(?:invullen|nog invullen|tekst|todo|pm|\.\.\.|…)\s*\]|"
    r"<\s*(?:invullen|tekst)\s*>|\bnog (?:in )?te vullen\b|\bTODO\b", re.IGNORECASE)


def _is_placeholder(value: str) -> bool:
    stripped = value.strip()
    return bool(stripped) and (bool(PLACEHOLDER_VALUE.match(stripped)) or bool(
        PLACEHOLDER_DATE_TOKEN.search(stripped)) and len(stripped) <= 16)


def _applies(finding: Finding, profile) -> bool:
    """Does the dossier's form have the field a structural finding asks for?"""
    if profile is None:
        return True
    if finding.rule == "no-ambition" and not profile.ambitions:
        return False
    if finding.field == "policy_areas" and profile.section_fields and "policy_areas" not in profile.section_fields.values():
        return False
    return True


def _check_structure(fiche: Fiche) -> Iterator[Finding]:
    code = fiche.code
    for name, severity in EMPTY_FIELD_SEVERITY.items():
        value = getattr(fiche, name)
        if isinstance(value, str):
            if not value.strip():
                yield Finding(code, name, "empty-field", severity,
                              f"Het veld '{FIELD_LABELS[name]}' is leeg.", "",
                              "Vul het veld in, of schrijf waarom het niet van toepassing is.")
            elif _is_placeholder(value):
                yield Finding(code, name, "placeholder-text", WARNING,
                              f"Het veld '{FIELD_LABELS[name]}' bevat alleen een tijdelijke aanduiding ('{value.strip()}').",
                              value, "Vervang de aanduiding door de echte tekst.")
        elif not value:
            yield Finding(code, name, "empty-field", severity,
                          f"Het veld '{FIELD_LABELS[name]}' is leeg.", "",
                          "Vul het veld in, of schrijf waarom het niet van toepassing is.")
    if not fiche.ambitions:
        yield Finding(code, "ambitions", "no-ambition", WARNING,
                      "Er is geen opgave aangekruist; de fiche hoort bij minstens één opgave van de stad.", "",
                      "Zet een X bij de opgave(n) waaraan dit onderwerp bijdraagt.")
    real_advice = [item for item in fiche.advice if item.strip() and not _is_placeholder(item)]
    if not real_advice:
        yield Finding(code, "advice", "no-advice", WARNING,
                      "De fiche bevat geen punten waarover de onderhandelaars een uitspraak moeten doen.",
                      " | ".join(fiche.advice),
                      "Noem de keuzes die de onderhandelaars moeten maken.")


# ---------------------------------------------------------------- end dates

# End-date texts that say on purpose that there is no end date.
EXPLICIT_NO_END = re.compile(
    r"^\s*(?:geen\b|n\.?\s?v\.?\s?t\.?|niet van toepassing|doorlopend|loopt door|onbepaald|"
    r"onbeperkt|structureel|permanent|blijvend|continu|n\.a\.?)", re.IGNORECASE)

_YEAR = re.compile(r"(?<![\d.,])(\d{4})(?![\d.,]?\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?![\d])")
_ISO_DATE = re.compile(r"(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_TITLE_YEAR = re.compile(r"(?<![\d])(19\d{2}|20\d{2})(?![\d])")

MIN_YEAR = 1990  # no policy document in a formation dossier ends before this
MAX_YEAR = 2100  # nor after this


def _impossible_reason(text: str) -> tuple[str, str] | None:
    """(Dutch reason, suggested fix) when the end-date text cannot be a real date."""
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if len(year) == 3:
            return (f"het jaartal '{year}' in '{match.group(0)}' heeft drie cijfers",
                    "Vul het jaartal met vier cijfers in.")
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return (f"'{match.group(0)}' is geen bestaande datum (dag of maand klopt niet)",
                    "Controleer dag en maand.")
    stripped = text.strip()
    if re.fullmatch(r"\d{3}", stripped):
        return (f"'{stripped}' is een jaartal van drie cijfers", "Vul het jaartal met vier cijfers in.")
    for match in _ISO_DATE.finditer(text):
        if not 1 <= int(match.group(2)) <= 12 or not 1 <= int(match.group(3)) <= 31:
            return (f"'{match.group(0)}' is geen bestaande datum (dag of maand klopt niet)",
                    "Controleer dag en maand.")
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        if year > MAX_YEAR:
            guess = "2" + match.group(1)[1:]
            hint = f" Bedoelt u {guess}?" if MIN_YEAR <= int(guess) <= MAX_YEAR else ""
            return (f"het jaar {year} ligt ver na {MAX_YEAR}", f"Controleer het jaartal.{hint}")
        if year < MIN_YEAR:
            return (f"het jaar {year} ligt vóór {MIN_YEAR}", "Controleer het jaartal.")
    return None


def _intervals(source: Source) -> list[Interval]:
    """The end date's intervals: as annotated by the reader, or read now."""
    if source.end_intervals:
        return list(source.end_intervals)
    return find_dates(source.end_date)


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_end_date(fiche: Fiche, source: Source, today: date) -> Iterator[Finding]:
    code = fiche.code
    raw = source.end_date
    value = raw.strip()
    doc = f"'{_short(source.title)}'" if source.title.strip() else "een brondocument"
    if not value:
        yield Finding(code, "sources", "missing-end-date", INFO,
                      f"Bij {doc} staat geen einddatum.", raw,
                      "Vul de einddatum in, of schrijf 'geen einddatum' als het document niet afloopt.")
        return
    if _is_placeholder(value):
        yield Finding(code, "sources", "placeholder-end-date", BLOCKING,
                      f"Einddatum van {doc} is een tijdelijke aanduiding ('{value}'); vul de werkelijke einddatum in.",
                      raw, "Vul de werkelijke einddatum in, of 'geen einddatum'.")
        return
    if EXPLICIT_NO_END.match(value):
        return
    impossible = _impossible_reason(value)
    if impossible:
        reason, fix = impossible
        yield Finding(code, "sources", "implausible-end-date", BLOCKING,
                      f"Einddatum van {doc} kan niet kloppen: {reason}.", raw, fix)
        return
    intervals = [i for i in _intervals(source) if _iso(i.end)]
    if not intervals:
        yield Finding(code, "sources", "unclear-end-date", INFO,
                      f"Einddatum van {doc} ('{_short(value)}') bevat geen herkenbare datum.", raw,
                      "Schrijf een datum of jaartal, of 'geen einddatum'.")
        return
    end = max(_iso(i.end) for i in intervals)
    title_years = [int(y) for y in _TITLE_YEAR.findall(source.title) if MIN_YEAR <= int(y) <= today.year]
    if title_years and end.year < min(title_years):
        yield Finding(code, "sources", "end-date-before-document", WARNING,
                      f"Einddatum van {doc} ({value}) ligt vóór het jaar {min(title_years)} dat de titel noemt; "
                      "het document kan niet aflopen voordat het bestaat.", raw,
                      "Controleer de einddatum.")
        return
    absolute = [i for i in intervals if not i.relative]
    if absolute and max(_iso(i.end) for i in absolute) < today:
        yield Finding(code, "sources", "passed-end-date", WARNING,
                      f"Einddatum van {doc} ({value}) is verstreken; is er een opvolger of een verlenging?", raw,
                      "Noem het document dat nu geldt, of de nieuwe einddatum.")


# ---------------------------------------------------------------- links

INTERNAL_MESSAGES = {
    "single-label": "de servernaam '{host}' heeft geen domein en bestaat alleen binnen het eigen netwerk",
    "private-ip": "'{host}' is een adres van een intern netwerk",
    "internal-tld": "de server '{host}' hoort bij het interne netwerk (geen openbaar domein)",
    "intranet-name": "de server '{host}' lijkt het intranet, dat buiten de organisatie meestal niet bereikbaar is",
}

_PUBLIC_SOURCE_HINT = ("Verwijs naar de openbare vindplaats van het document "
                       "(bijvoorbeeld de raadsinformatie of officielebekendmakingen.nl).")


def link_findings(code: str | None, field_name: str, url: str) -> list[Finding]:
    """The findings for one link, as written in ``field_name`` of fiche ``code``."""
    report = L.analyse(url)
    out: list[Finding] = []
    shown = _short(url, 80)
    if report.layers:
        outer = report.layers[0]
        services = " en ".join(dict.fromkeys(layer.service for layer in report.layers))
        if report.hidden_target:
            suggestion = "Vervang de link door het adres van het document zelf."
            tail = "het echte adres is eruit niet terug te halen"
        else:
            suggestion = report.cleaned
            tail = f"het echte doel is {_short(report.cleaned, 80)}"
        if outer.kind == "safe-link":
            out.append(Finding(code, field_name, "safe-link", WARNING,
                               f"De link is ingepakt door {services} uit een mailprogramma; {tail}.", url, suggestion))
        else:
            out.append(Finding(code, field_name, "redirect-link", WARNING,
                               f"De link loopt via een omleiding van {services} (gekopieerd uit zoekresultaten); {tail}.",
                               url, suggestion))
    for address in report.wrapper_emails:
        out.append(Finding(code, field_name, "email-address", BLOCKING,
                           f"De link bevat het e-mailadres {address} van de ontvanger van de mail waaruit hij is "
                           "gekopieerd; dat is een persoonsgegeven.", url,
                           report.cleaned if not report.hidden_target else "Gebruik het adres van het document zelf."))
    for address in report.target_emails:
        functional = L.is_functional_mailbox(address)
        out.append(Finding(code, field_name, "email-address", INFO if functional else BLOCKING,
                           f"De link bevat het e-mailadres {address}"
                           + ("; een algemeen adres, controleer of publicatie de bedoeling is." if functional
                              else "; dat is een persoonsgegeven en mag niet openbaar."), url,
                           "" if functional else "Verwijder het e-mailadres of gebruik een algemeen adres."))
    target = report.target
    if report.is_file:
        out.append(Finding(code, field_name, "file-link", BLOCKING,
                           f"Link naar een bestand op een eigen computer of netwerkschijf ({shown}); "
                           "buiten de organisatie werkt hij niet.", url, _PUBLIC_SOURCE_HINT))
    for name in report.user_names:
        out.append(Finding(code, field_name, "user-name", BLOCKING,
                           f"Het pad in de link bevat de gebruikersnaam '{name}' van een medewerker.", url,
                           _PUBLIC_SOURCE_HINT))
    if report.internal_reason:
        host = L.host_of(target)
        severity = WARNING if report.internal_reason == "intranet-name" else BLOCKING
        out.append(Finding(code, field_name, "internal-link", severity,
                           f"Link naar het interne netwerk: {INTERNAL_MESSAGES[report.internal_reason].format(host=host)}.",
                           url, _PUBLIC_SOURCE_HINT))
    if report.login:
        out.append(Finding(code, field_name, "login-link", WARNING,
                           f"De link wijst naar {report.login}; lezers buiten de organisatie moeten inloggen en "
                           "kunnen het document niet openen.", url, _PUBLIC_SOURCE_HINT))
    if report.search_results:
        engine, query = report.search_results
        out.append(Finding(code, field_name, "search-results-link", BLOCKING,
                           f"De link is een pagina met zoekresultaten van {engine} (zoekvraag '{_short(query, 50)}'); "
                           "dat is geen bron en de zoekvraag van de opsteller hoort niet openbaar.", url,
                           _PUBLIC_SOURCE_HINT))
    if report.tracking:
        names = ", ".join(dict.fromkeys(report.tracking))
        out.append(Finding(code, field_name, "tracking-parameters", WARNING,
                           f"De link bevat volgcodes ({names}) die niets aan het doel veranderen.", url,
                           report.cleaned))
    if not report.is_file and not (report.layers and report.hidden_target) and not target.lower().startswith("mailto:"):
        scheme = target.split("://", 1)[0].lower() if "://" in target else ""
        if scheme in ("http", "https") and not L.host_of(target):
            out.append(Finding(code, field_name, "invalid-link", WARNING,
                               f"De link '{shown}' heeft geen servernaam en werkt niet.", url,
                               "Vul het volledige adres in."))
    return out


def _check_link_list(fiche: Fiche) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for url in fiche.links:
        if not url.strip():
            continue
        yield from link_findings(fiche.code, "links", url)
        key = L.comparison_key(url)
        if key in seen:
            same = seen[key] == url
            yield Finding(fiche.code, "links", "duplicate-link", INFO,
                          "Deze link staat twee keer bij de fiche" + ("." if same else
                                                                      " (in een andere schrijfwijze die naar hetzelfde doel leidt)."),
                          url, "Verwijder de dubbele link.")
        else:
            seen[key] = url


# ---------------------------------------------------------------- text: personal data, inline links

def _texts(fiche: Fiche) -> Iterator[tuple[str, str]]:
    """(field, text) for every piece of free text of a fiche."""
    yield "title", fiche.title
    yield "current_line", fiche.current_line
    for source in fiche.sources:
        yield "sources", source.title
    yield "adjustment_moment", fiche.adjustment_moment
    yield "external_changes", fiche.external_changes
    for partner in fiche.partners:
        yield "partners", partner
    for item in fiche.advice:
        yield "advice", item
    for area in fiche.policy_areas:
        yield "policy_areas", area.area
        for cell in (area.opportunity, area.risk):
            if cell.strip().upper() != "X":  # a bare X is the table's mark, not a placeholder
                yield "policy_areas", cell
    for note in fiche.footnotes:
        yield "footnotes", note


# Fields of a fiche that hold one text (the others hold lists of items).
_STRING_FIELDS = ("title", "current_line", "adjustment_moment", "external_changes")


def _check_text(code: str, field_name: str, text: str) -> Iterator[Finding]:
    if not text:
        return
    label = FIELD_LABELS.get(field_name, field_name)
    urls = L.urls_in_text(text)
    for url in urls:
        yield from link_findings(code, field_name, url)
    url_spans = "\n".join(urls)
    for address in L.emails_in_text(text):
        if address in url_spans:
            continue  # reported with its link
        functional = L.is_functional_mailbox(address)
        yield Finding(code, field_name, "email-address", INFO if functional else BLOCKING,
                      f"In '{label}' staat het e-mailadres {address}"
                      + ("; een algemeen adres, controleer of publicatie de bedoeling is." if functional
                         else "; dat is een persoonsgegeven en mag niet openbaar."), address,
                      "" if functional else "Verwijder het adres of vervang het door een algemeen adres.")
    for number in L.mobile_numbers_in_text(text):
        yield Finding(code, field_name, "phone-number", BLOCKING,
                      f"In '{label}' staat het mobiele nummer {number}; dat is een persoonsgegeven en mag niet openbaar.",
                      number,
                      "Verwijder het nummer of vervang het door een algemeen nummer.")
    for path in L.paths_in_text(text):
        yield Finding(code, field_name, "file-link", BLOCKING,
                      f"In '{label}' staat het bestandspad {_short(path, 80)}; buiten de organisatie werkt het niet.",
                      path, _PUBLIC_SOURCE_HINT)
        for name in L.user_names_in_path(path):
            yield Finding(code, field_name, "user-name", BLOCKING,
                          f"Het bestandspad in '{label}' bevat de gebruikersnaam '{name}' van een medewerker.",
                          path, _PUBLIC_SOURCE_HINT)
    if field_name in _STRING_FIELDS:
        if _is_placeholder(text):
            return  # a whole-field placeholder is reported by _check_structure
    elif _is_placeholder(text):
        yield Finding(code, field_name, "placeholder-text", WARNING,
                      f"Een onderdeel van '{label}' bevat alleen een tijdelijke aanduiding ('{text.strip()}').", text,
                      "Vervang de aanduiding door de echte tekst, of verwijder het onderdeel.")
        return
    match = PLACEHOLDER_IN_TEXT.search(text)
    if match:
        yield Finding(code, field_name, "placeholder-text", WARNING,
                      f"In '{label}' staat een tijdelijke aanduiding ('{match.group(0)}').", text,
                      "Vervang de aanduiding door de echte tekst.")


# ---------------------------------------------------------------- across fiches

def _source_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def _check_same_source_end_dates(dossier: Dossier) -> Iterator[Finding]:
    """The same document (same title) with end dates that differ between fiches."""
    first: dict[str, tuple[str, str, date]] = {}  # key -> (fiche code, end date text, end)
    for fiche in dossier.fiches:
        for source in fiche.sources:
            key = _source_key(source.title)
            value = source.end_date.strip()
            if not key or not value or _is_placeholder(value) or _impossible_reason(value):
                continue
            ends = [_iso(i.end) for i in _intervals(source) if _iso(i.end)]
            if not ends:
                continue
            end = max(ends)
            if key not in first:
                first[key] = (fiche.code, value, end)
                continue
            other_code, other_value, other_end = first[key]
            if other_end != end and other_code != fiche.code:
                yield Finding(fiche.code, "sources", "inconsistent-end-date", WARNING,
                              f"'{_short(source.title)}' heeft hier einddatum {value}, maar bij fiche {other_code} "
                              f"{other_value}.", source.end_date, "Maak de einddatums gelijk.")


def _normal_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _check_across_fiches(dossier: Dossier) -> Iterator[Finding]:
    codes: dict[str, Fiche] = {}
    titles: dict[str, Fiche] = {}
    for fiche in dossier.fiches:
        if fiche.code in codes:
            yield Finding(fiche.code, "code", "duplicate-code", BLOCKING,
                          f"De code {fiche.code} wordt door meer dan één fiche gebruikt.", fiche.code,
                          "Geef elke fiche een eigen code.")
        else:
            codes[fiche.code] = fiche
        key = _normal_title(fiche.title)
        if key:
            if key in titles and titles[key] is not fiche:
                other = titles[key]
                yield Finding(fiche.code, "title", "duplicate-title", WARNING,
                              f"Fiche {fiche.code} heeft dezelfde titel als fiche {other.code}.", fiche.title,
                              "Maak de titels onderscheidend, of voeg de fiches samen.")
            else:
                titles[key] = fiche
    yield from _check_same_source_end_dates(dossier)
    chapters = {fiche.chapter for fiche in dossier.fiches}
    for fiche in dossier.fiches:
        for ref in fiche.related:
            ref_code = ref.strip().upper()
            if ref_code == fiche.code or ref_code in codes:
                continue
            if not CODE_PATTERN.match(ref_code):
                yield Finding(fiche.code, "related", "unknown-reference", WARNING,
                              f"De verwijzing '{ref}' is geen fichecode.", ref, "Verwijs met een code als 1A.")
            elif ref_code[:-1] not in chapters:
                yield Finding(fiche.code, "related", "unknown-reference", INFO,
                              f"De fiche verwijst naar fiche {ref_code}, maar hoofdstuk {ref_code[:-1]} zit niet in "
                              "dit dossier.", ref, "")
            else:
                yield Finding(fiche.code, "related", "unknown-reference", WARNING,
                              f"De fiche verwijst naar fiche {ref_code}, die niet in het dossier staat.", ref,
                              "Controleer de verwijzing.")
