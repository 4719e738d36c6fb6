"""The publication copy of a dossier (Woo): cleaned links, personal data withheld.

``publication_copy(dossier, findings)`` returns a new dossier and the list of what it
changed. It acts on the findings it is given (by default those of ``check_dossier``), so a
finding that the compilers dismissed is left alone:

- safe links and search-engine redirects are replaced by the link they wrap;
- tracking parameters are removed from links;
- links that stay blocking after that (``file://`` paths, internal servers, links with a
  user name or an e-mail address) are withheld;
- e-mail addresses, mobile numbers and file paths in text are replaced by a marker;
- end dates that are only a placeholder (``xx``, ``Ntb`` …) are left empty;
- duplicate links (the same target after cleaning) are kept once.

Blocking findings that cannot be repaired without a person (an impossible end date, a
duplicate code) are not touched: check the copy again to see what is left. The input
dossier is never changed.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Callable

from akkoord.dossier import links as L
from akkoord.dossier.checks import BLOCKING, Finding, check_dossier, link_findings
from akkoord.dossier.model import FIELD_LABELS, Dossier, Fiche

EMAIL_MARK = "[e-mailadres verwijderd]"
PHONE_MARK = "[telefoonnummer verwijderd]"
PATH_MARK = "[bestandspad verwijderd]"
LINK_MARK = "[link verwijderd]"

@dataclass
class Change:
    fiche: str | None
    field: str
    action: str  # unwrapped, tracking-removed, withheld, redacted, cleared or deduplicated
    old: str
    new: str  # "" when the item was withheld
    message: str  # Dutch

    def to_dict(self) -> dict[str, Any]:
        return {"fiche": self.fiche, "field": self.field, "action": self.action,
                "old": self.old, "new": self.new, "message": self.message}

    def __str__(self) -> str:
        where = f"fiche {self.fiche}" if self.fiche else "dossier"
        return f"{where}, {FIELD_LABELS.get(self.field, self.field)}: {self.message}"


_LINK_WRAPPERS = {"safe-link", "redirect-link"}
_TEXT_MARKS = {"email-address": EMAIL_MARK, "phone-number": PHONE_MARK, "file-link": PATH_MARK, "user-name": PATH_MARK}


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Index:
    """The findings of one fiche, looked up by field and value."""

    def __init__(self, findings: list[Finding]):
        self.by_key: dict[tuple[str, str], list[Finding]] = {}
        for finding in findings:
            self.by_key.setdefault((finding.field, finding.value), []).append(finding)

    def get(self, field: str, value: str) -> list[Finding]:
        return self.by_key.get((field, value), [])

    def in_field(self, field: str) -> list[Finding]:
        return [f for (name, _), items in self.by_key.items() if name == field for f in items]


def _clean_link(code: str | None, field: str, url: str, found: list[Finding],
                changes: list[Change]) -> str | None:
    """The public form of ``url`` according to its findings; None when it must be withheld."""
    rules = {f.rule for f in found}
    new = url
    if rules & _LINK_WRAPPERS:
        target, layers = L.unwrap(url)
        if layers and layers[-1].target:
            new = target
            kinds = " en ".join(dict.fromkeys(layer.service for layer in layers))
            changes.append(Change(code, field, "unwrapped", url, new,
                                  f"link van {kinds} uitgepakt naar {_short(new)}"))
    if "tracking-parameters" in rules:
        stripped = L.strip_tracking(new)
        if stripped != new:
            names = ", ".join(dict.fromkeys(L.tracking_parameters(new)))
            changes.append(Change(code, field, "tracking-removed", new, stripped,
                                  f"volgcodes ({names}) verwijderd uit {_short(stripped)}"))
            new = stripped
    if any(f.severity == BLOCKING for f in found):
        remaining = [f for f in link_findings(code, field, new) if f.severity == BLOCKING]
        if remaining:
            reasons = ", ".join(dict.fromkeys(f.rule_title.lower() for f in remaining))
            changes.append(Change(code, field, "withheld", url, "",
                                  f"link weggelaten ({reasons}): {_short(url)}"))
            return None
    return new


def _redact_text(code: str, field: str, text: str, index: _Index, changes: list[Change]) -> str:
    if not text:
        return text
    new = text
    for url in L.urls_in_text(text):
        found = index.get(field, url)
        if not found:
            continue
        cleaned = _clean_link(code, field, url, found, changes)
        new = new.replace(url, cleaned if cleaned is not None else LINK_MARK)
    for finding in index.in_field(field):
        mark = _TEXT_MARKS.get(finding.rule)
        if mark is None or finding.severity != BLOCKING or not finding.value or finding.value not in new:
            continue
        if L.urls_in_text(finding.value):
            continue  # a link, handled above
        new = new.replace(finding.value, mark)
        what = {EMAIL_MARK: "e-mailadres", PHONE_MARK: "telefoonnummer", PATH_MARK: "bestandspad"}[mark]
        changes.append(Change(code, field, "redacted", finding.value, mark,
                              f"{what} {_short(finding.value, 60)} vervangen door '{mark}'"))
    return new


def _map_texts(fiche: Fiche, fn: Callable[[str, str], str]) -> None:
    """Apply ``fn(field, text)`` to every piece of free text of ``fiche``, in place."""
    fiche.title = fn("title", fiche.title)
    fiche.current_line = fn("current_line", fiche.current_line)
    for source in fiche.sources:
        source.title = fn("sources", source.title)
    fiche.adjustment_moment = fn("adjustment_moment", fiche.adjustment_moment)
    fiche.external_changes = fn("external_changes", fiche.external_changes)
    fiche.partners = [fn("partners", p) for p in fiche.partners]
    fiche.advice = [fn("advice", a) for a in fiche.advice]
    for area in fiche.policy_areas:
        area.area = fn("policy_areas", area.area)
        area.opportunity = fn("policy_areas", area.opportunity)
        area.risk = fn("policy_areas", area.risk)
    fiche.footnotes = [fn("footnotes", n) for n in fiche.footnotes]


def _publish_fiche(fiche: Fiche, findings: list[Finding]) -> list[Change]:
    changes: list[Change] = []
    code = fiche.code
    index = _Index(findings)

    kept: list[str] = []
    seen: set[str] = set()
    for url in fiche.links:
        cleaned = _clean_link(code, "links", url, index.get("links", url), changes)
        if cleaned is None:
            continue
        key = L.comparison_key(cleaned)
        if key in seen:
            changes.append(Change(code, "links", "deduplicated", url, "",
                                  f"dubbele link weggelaten: {_short(cleaned)}"))
            continue
        seen.add(key)
        kept.append(cleaned)
    fiche.links = kept

    placeholder_dates = {f.value for f in index.in_field("sources") if f.rule == "placeholder-end-date"}
    for source in fiche.sources:
        if source.end_date in placeholder_dates:
            changes.append(Change(code, "sources", "cleared", source.end_date, "",
                                  f"tijdelijke einddatum '{source.end_date.strip()}' van "
                                  f"'{_short(source.title, 50)}' weggelaten"))
            source.end_date = ""
            source.end_intervals = []

    _map_texts(fiche, lambda field, text: _redact_text(code, field, text, index, changes))
    return changes


def publication_copy(dossier: Dossier, findings: list[Finding] | None = None) -> tuple[Dossier, list[Change]]:
    """A copy of ``dossier`` fit for publication, and every change made to get there."""
    if findings is None:
        findings = check_dossier(dossier)
    copy_ = copy.deepcopy(dossier)
    per_fiche: dict[str | None, list[Finding]] = {}
    for finding in findings:
        per_fiche.setdefault(finding.fiche, []).append(finding)
    changes: list[Change] = []
    for fiche in copy_.fiches:
        changes.extend(_publish_fiche(fiche, per_fiche.get(fiche.code, [])))
    return copy_, changes
