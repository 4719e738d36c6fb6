"""Small display helpers for the workbench templates (all output escaped)."""
from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html


register = template.Library()


@register.filter
def safe_href(url: str) -> str:
    """The URL if it is an http(s) link, else "" (no javascript: or data: links from a dossier)."""
    url = (url or "").strip()
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return ""


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag(takes_context=True)
def ambition_tag(context, key: str):
    """An ambition as a coloured tag, named and coloured by the dossier's profile."""
    from akkoord.dossier.profile import default_profile

    profile = context.get("profile") or default_profile()
    return format_html('<span class="tag tag--c-{}">{}</span>', profile.ambition_colour(key),
                       profile.ambition_label(key))


@register.filter
def severity_label(value) -> str:
    from akkoord.web.dossiers.quality import SEVERITY_LABELS

    text = str(value or "").lower()
    return SEVERITY_LABELS.get(text, text)


@register.filter
def describe_cell(row, column: int) -> str:
    """The table alternative of one chart cell: "2 einddata, 1 moment" (timeline.ChartRow)."""
    return row.describe(column)


@register.filter
def marked(text: str, wanted) -> str:
    """The text escaped, with the search words in ``wanted`` marked (plain escaping without them)."""
    from django.utils.html import escape

    if not wanted:
        return escape(text or "")
    from akkoord.web.search.highlight import mark_terms

    return mark_terms(text or "", wanted)


@register.filter
def blocking_count(findings) -> int:
    """How many of ``findings`` are blocking (the review page's per-fiche summaries)."""
    return sum(1 for f in findings or [] if str(getattr(f, "severity", "")).lower() == "blokkerend")
