"""Pure helpers for the links in a dossier: unwrap, clean and judge a URL.

Nothing here opens a network connection: every judgement is made from the text of the URL
alone. The rules are general (kinds of hosts, kinds of wrappers, kinds of paths), never
lists of one dossier's addresses.
"""
from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

# --------------------------------------------------------------------------------------
# Finding URLs, e-mail addresses and file paths in text
# --------------------------------------------------------------------------------------

# A URL in running text: a scheme we care about, or a bare www. host.
URL_IN_TEXT = re.compile(r"(?:(?:https?|ftp|file)://|mailto:|www\.)[^\s<>\"'«»]+", re.IGNORECASE)

# A Windows path in running text: a UNC share (\\server\share\…) or a drive letter (H:\…).
PATH_IN_TEXT = re.compile(r"(?:\\\\[\w.$-]+|(?<![\w/])[A-Za-z]:)\\[^\s<>\"|]*")

EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])")

# Dutch mobile numbers (06-12345678, +31 6 12345678, 0031612345678): personal by nature.
MOBILE_NUMBER = re.compile(r"(?<![\w+])(?:\+31[\s-]?|0031[\s-]?|0)6(?:[\s-]?\d){8}(?!\d)")

# Local parts of shared mailboxes: addresses of a function, not of a person.
FUNCTIONAL_MAILBOXES = {
    "info", "post", "postbus", "contact", "secretariaat", "gemeente", "griffie", "raadsgriffie",
    "noreply", "no-reply", "servicedesk", "helpdesk", "klantcontact", "communicatie", "pers",
    "persvoorlichting", "woo", "wob", "privacy", "fg", "webmaster", "redactie", "support",
    "subsidies", "vergunningen", "belastingen", "bestuurssecretariaat", "klachten", "receptie",
    "administratie", "financien", "inkoop", "facturen", "office", "mail", "hallo", "vragen",
}

_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


def urls_in_text(text: str) -> list[str]:
    """Every URL in ``text`` in order, without the punctuation that ends a sentence."""
    found = []
    for match in URL_IN_TEXT.finditer(text or ""):
        url = match.group(0)
        while url and url[-1] in _TRAILING_PUNCTUATION:
            # Keep a closing parenthesis that belongs to the URL itself.
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if len(url) > len("www.") + 3:
            found.append(url)
    return found


def paths_in_text(text: str) -> list[str]:
    """Windows and network-share paths in ``text`` (``H:\\…``, ``\\\\server\\share\\…``)."""
    return [m.group(0).rstrip(_TRAILING_PUNCTUATION) for m in PATH_IN_TEXT.finditer(text or "")]


def emails_in_text(text: str) -> list[str]:
    return [m.group(0) for m in EMAIL.finditer(text or "")]


def mobile_numbers_in_text(text: str) -> list[str]:
    return [m.group(0) for m in MOBILE_NUMBER.finditer(text or "")]


def is_functional_mailbox(address: str) -> bool:
    """True for the address of a shared mailbox (``info@…``), false for a person's."""
    local = address.split("@", 1)[0].lower()
    return local in FUNCTIONAL_MAILBOXES


def fully_unquoted(text: str, rounds: int = 4) -> str:
    """Percent-decode until nothing changes (wrappers encode their target once or twice)."""
    for _ in range(rounds):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def emails_in_url(url: str) -> list[str]:
    """E-mail addresses anywhere in a URL, also percent-encoded ones (``m.jansen%40…``)."""
    seen: list[str] = []
    for address in emails_in_text(fully_unquoted(url)):
        if address.lower() not in (a.lower() for a in seen):
            seen.append(address)
    return seen


# --------------------------------------------------------------------------------------
# Splitting a URL safely
# --------------------------------------------------------------------------------------

def _split(url: str):
    """``urlsplit`` that never raises (malformed ports, brackets …): None when hopeless."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a malformed port
        return parts
    except ValueError:
        return None


def host_of(url: str) -> str:
    """Lower-case host name of a URL (``www.`` links without scheme count as http)."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = "http://" + url
    parts = _split(url)
    if parts is None:
        return ""
    try:
        return (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def _query_pairs(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def _query_value(query: str, *names: str) -> str | None:
    """The first non-empty value of the first of ``names`` present in ``query``."""
    pairs = _query_pairs(query)
    for name in names:
        for key, value in pairs:
            if key.lower() == name and value:
                return value
    return None


# --------------------------------------------------------------------------------------
# Wrappers: mail-filter safe links and search-engine redirects
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unwrapped:
    """The result of taking one wrapper off a URL."""

    kind: str  # "safe-link" or "redirect"
    service: str  # human name of the wrapping service, e.g. "Microsoft Safe Links"
    target: str  # the wrapped URL, or "" when the wrapper hides it (cannot be unwrapped)


def _is_http_url(text: str) -> bool:
    parts = _split(text)
    return bool(parts and parts.scheme.lower() in ("http", "https") and parts.netloc)


def _host_matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _is_search_host(host: str, name: str) -> bool:
    """``google.nl``, ``www.google.co.uk``, ``google.com`` … for name ``google``."""
    labels = host.split(".")
    if labels and labels[0] in ("www", "m"):
        labels = labels[1:]
    return len(labels) >= 2 and labels[0] == name and all(len(label) <= 3 for label in labels[1:])


def _proofpoint_v2(encoded: str) -> str:
    # urldefense v2: '-' stands for '%', '_' for '/', then percent-decoding.
    return unquote(encoded.replace("-", "%").replace("_", "/"))


def _bing_target(value: str) -> str:
    # Bing click links carry the target as 'a1' + base64url without padding.
    if not value.startswith("a1"):
        return value if _is_http_url(value) else ""
    data = value[2:]
    data += "=" * (-len(data) % 4)
    try:
        return base64.urlsafe_b64decode(data).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def unwrap_once(url: str) -> Unwrapped | None:
    """Take one wrapper off ``url``, or return None when it is not wrapped."""
    parts = _split(url)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path
    query = parts.query

    # Mail filters ("safe links", "URL defense", "link protect").
    if ".safelinks.protection." in host or host.startswith("safelinks.protection."):
        return Unwrapped("safe-link", "Microsoft Safe Links", _query_value(query, "url") or "")
    if _host_matches(host, "urldefense.proofpoint.com"):
        value = _query_value(query, "u")
        return Unwrapped("safe-link", "Proofpoint URL Defense", _proofpoint_v2(value) if value else "")
    if _host_matches(host, "urldefense.com"):
        match = re.match(r"/v3/__(.+?)__;", path + ("?" + query if query else ""))
        return Unwrapped("safe-link", "Proofpoint URL Defense", match.group(1) if match else "")
    if _host_matches(host, "linkprotect.cudasvc.com"):
        return Unwrapped("safe-link", "Barracuda Link Protection", _query_value(query, "a") or "")
    if ".mimecast.com" in "." + host and host.startswith(("protect", "url")):
        # Mimecast keeps the target on its server: the link cannot be unwrapped here.
        return Unwrapped("safe-link", "Mimecast", "")

    # Search engines and social networks that redirect through themselves.
    if _is_search_host(host, "google") and path in ("/url", "/link"):
        return Unwrapped("redirect", "Google", _query_value(query, "url", "q") or "")
    if _is_search_host(host, "bing") and path.startswith("/ck/"):
        value = _query_value(query, "u")
        return Unwrapped("redirect", "Bing", _bing_target(value) if value else "")
    if _is_search_host(host, "duckduckgo") and path.rstrip("/") == "/l":
        return Unwrapped("redirect", "DuckDuckGo", _query_value(query, "uddg") or "")
    if host.endswith("search.yahoo.com") and "/RU=" in path:
        match = re.search(r"/RU=([^/]+)/", path)
        return Unwrapped("redirect", "Yahoo", unquote(match.group(1)) if match else "")
    if host in ("l.facebook.com", "lm.facebook.com") and path == "/l.php":
        return Unwrapped("redirect", "Facebook", _query_value(query, "u") or "")
    if _host_matches(host, "linkedin.com") and path.startswith("/redir/redirect"):
        return Unwrapped("redirect", "LinkedIn", _query_value(query, "url") or "")
    return None


def unwrap(url: str, max_depth: int = 5) -> tuple[str, list[Unwrapped]]:
    """Take off every wrapper (a safe link around a Google redirect …).

    Returns the innermost URL that could be recovered and the wrappers taken off, outer
    first. When a wrapper hides its target, the URL is returned as it stands at that point.
    """
    layers: list[Unwrapped] = []
    current = url.strip()
    for _ in range(max_depth):
        layer = unwrap_once(current)
        if layer is None:
            break
        layers.append(layer)
        if not layer.target or not _is_http_url(layer.target) and not layer.target.startswith("file:"):
            break
        current = layer.target.strip()
    return current, layers


# --------------------------------------------------------------------------------------
# Tracking parameters
# --------------------------------------------------------------------------------------

TRACKING_PREFIXES = ("utm_", "mc_", "_hs", "pk_", "mtm_", "oly_")
TRACKING_NAMES = {
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
    "twclid", "ttclid", "li_fat_id", "mkt_tok", "_ga", "_gl", "vero_id", "wickedid", "srsltid",
}


def is_tracking_parameter(name: str) -> bool:
    name = unquote(name).lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def tracking_parameters(url: str) -> list[str]:
    """Names of the tracking parameters in ``url`` (``utm_source`` …), in order."""
    parts = _split(url)
    if parts is None or not parts.query:
        return []
    names = []
    for piece in parts.query.split("&"):
        name = piece.split("=", 1)[0]
        if name and is_tracking_parameter(name):
            names.append(unquote(name))
    return names


def strip_tracking(url: str) -> str:
    """``url`` without its tracking parameters; everything else stays byte for byte."""
    parts = _split(url)
    if parts is None or not parts.query:
        return url
    kept = [piece for piece in parts.query.split("&") if piece and not is_tracking_parameter(piece.split("=", 1)[0])]
    if len(kept) == len([p for p in parts.query.split("&") if p]):
        return url
    return urlunsplit(parts._replace(query="&".join(kept)))


def clean_url(url: str) -> str:
    """The public form of a link: every wrapper taken off, tracking parameters removed."""
    target, _ = unwrap(url)
    return strip_tracking(target)


def comparison_key(url: str) -> str:
    """A key under which two spellings of the same link compare equal."""
    cleaned = clean_url(url)
    parts = _split(cleaned)
    if parts is None:
        return cleaned.strip().lower()
    path = parts.path.rstrip("/") or ""
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "http"
    return urlunsplit((scheme, host, path, parts.query, ""))


# --------------------------------------------------------------------------------------
# Hosts that the public cannot reach
# --------------------------------------------------------------------------------------

# Top-level names that never resolve on the public internet (RFC 6761, RFC 6762, RFC 8375,
# and the names organisations use for their own networks by habit).
INTERNAL_TLDS = {
    "local", "lan", "intern", "internal", "intranet", "corp", "home", "localdomain", "private",
    "localhost", "test", "invalid", "example", "domain", "priv", "lokaal", "arpa",
}

# First labels that name an organisation's intranet (intranet.gemeente.nl …).
INTRANET_LABELS = {"intranet", "intra", "insite", "internal", "intern"}


def internal_host_reason(host: str) -> str | None:
    """Why a host cannot be reached from outside, or None when it looks public.

    Reasons: ``"single-label"`` (no dot: a name of the local network), ``"private-ip"``,
    ``"internal-tld"`` (``.local``, ``.lan``, ``.corp`` …), ``"intranet-name"`` (a public
    domain whose first label says intranet: usually only reachable from inside).
    """
    host = (host or "").strip("[]").rstrip(".").lower()
    if not host:
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return None if address.is_global else "private-ip"
    if "." not in host:
        return "single-label"
    labels = host.split(".")
    if labels[-1] in INTERNAL_TLDS or host.endswith(".home.arpa"):
        return "internal-tld"
    if labels[0] in INTRANET_LABELS:
        return "intranet-name"
    return None


def login_service(host: str) -> str | None:
    """Name of a collaboration service whose links ask the reader to log in, or None."""
    host = (host or "").lower()
    if host.endswith(".sharepoint.com") or host.split(".")[0] == "sharepoint":
        return "SharePoint/OneDrive"
    if host in ("teams.microsoft.com", "teams.live.com"):
        return "Microsoft Teams"
    return None


# --------------------------------------------------------------------------------------
# User names in file paths
# --------------------------------------------------------------------------------------

# Folders whose next folder is a person's own (C:\Users\<naam>, \\srv\userdata$\<naam> …).
USER_ROOTS = {
    "users", "gebruikers", "home", "homes", "profiles", "profielen", "userdata", "userdata$",
    "users$", "home$", "homes$", "profiles$", "documents and settings", "personal", "userhome",
    "userhomes", "persoonlijk", "h$",
}
# Folders that sit directly below a person's own folder (…\<naam>\Downloads).
USER_FOLDERS = {
    "mijndocumenten", "mijn documenten", "my documents", "downloads", "desktop", "bureaublad",
    "appdata", "mijn afbeeldingen", "favorieten", "favorites",
}
# Names below a user root that are not a person.
NOT_A_USER = {"public", "openbaar", "default", "default user", "all users", "shared", "gedeeld", "administrator"}


def _path_segments(path: str) -> list[str]:
    return [seg for seg in re.split(r"[\\/]+", fully_unquoted(path)) if seg]


def _could_be_user(name: str) -> bool:
    lowered = name.lower()
    return not (lowered in NOT_A_USER or lowered in USER_FOLDERS or lowered in USER_ROOTS
                or lowered in ("documents", "documenten") or re.fullmatch(r"[a-z]:", lowered))


def user_names_in_path(path_or_url: str) -> list[str]:
    """User names that a path reveals: ``C:\\Users\\jansenm\\…`` → ``["jansenm"]``.

    Works on ``file://`` URLs, Windows and UNC paths, and on SharePoint/OneDrive
    ``/personal/<naam>/`` URLs (pass only file paths and such URLs: a public web page's
    ``/users/…`` path is no personal data).
    """
    text = path_or_url.strip()
    if "://" in text:
        scheme, rest = text.split("://", 1)
        if scheme.lower() in ("http", "https"):
            parts = _split(text)
            text = parts.path if parts is not None else rest
        else:
            text = rest
    segments = _path_segments(text)
    names: list[str] = []
    for i, segment in enumerate(segments):
        lowered = segment.lower()
        candidate = None
        if lowered in USER_ROOTS and i + 1 < len(segments) and _could_be_user(segments[i + 1]):
            candidate = segments[i + 1]
        elif lowered in USER_FOLDERS and i >= 1 and _could_be_user(segments[i - 1]):
            candidate = segments[i - 1]
        if candidate and candidate not in names:
            names.append(candidate)
    return names


# --------------------------------------------------------------------------------------
# One report per link
# --------------------------------------------------------------------------------------

# Pages of search results: no source, and their query says what the author looked for.
# (name, host test, paths, query parameters that carry the search words)
_RESULT_PAGES: tuple[tuple[str, Callable[[str], bool], tuple[str, ...], tuple[str, ...]], ...] = (
    ("Google", lambda h: _is_search_host(h, "google"), ("/search", "/webhp"), ("q", "as_q")),
    ("Bing", lambda h: _host_matches(h, "bing.com"), ("/search",), ("q",)),
    ("DuckDuckGo", lambda h: _host_matches(h, "duckduckgo.com"), ("/", "/html", "/lite"), ("q",)),
    ("Yahoo", lambda h: h.startswith("search.yahoo.") or ".search.yahoo." in h, ("/search", "/yhs/search"), ("p", "q")),
    ("Ecosia", lambda h: _host_matches(h, "ecosia.org"), ("/search",), ("q",)),
    ("Startpage", lambda h: _host_matches(h, "startpage.com"), ("/search", "/do/search", "/sp/search"), ("q", "query")),
    ("Qwant", lambda h: _host_matches(h, "qwant.com"), ("/",), ("q",)),
    ("Yandex", lambda h: _is_search_host(h, "yandex"), ("/search",), ("text",)),
    ("Baidu", lambda h: _host_matches(h, "baidu.com"), ("/s",), ("wd", "word")),
)


def search_results_page(url: str) -> tuple[str, str] | None:
    """``(engine, query)`` when ``url`` is a page of a search engine's results, else None."""
    parts = _split(url.strip())
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    host = host_of(url)
    path = (parts.path or "/").rstrip("/").lower() or "/"
    for name, host_test, paths, params in _RESULT_PAGES:
        if host_test(host) and path in paths:
            query = _query_value(parts.query, *params) or (_query_value(parts.fragment, *params) if parts.fragment else None)
            if query:
                return name, query
    return None


@dataclass
class LinkReport:
    """Everything the checker and the publication copy need to know about one link."""

    url: str
    target: str  # the innermost recoverable URL (== url when not wrapped)
    layers: list[Unwrapped] = field(default_factory=list)
    tracking: list[str] = field(default_factory=list)  # tracking parameters of the target
    is_file: bool = False  # file:// link or a bare Windows/UNC path
    internal_reason: str | None = None  # see internal_host_reason
    login: str | None = None  # see login_service
    user_names: list[str] = field(default_factory=list)  # in the target's path
    wrapper_emails: list[str] = field(default_factory=list)  # only in the wrapper (go away when unwrapped)
    target_emails: list[str] = field(default_factory=list)  # in the target itself (incl. mailto:)
    hidden_target: bool = False  # a wrapper whose target cannot be recovered
    search_results: tuple[str, str] | None = None  # (engine, query) of a page of search results

    @property
    def cleaned(self) -> str:
        return strip_tracking(self.target)


def analyse(url: str) -> LinkReport:
    url = url.strip()
    target, layers = unwrap(url)
    report = LinkReport(url=url, target=target, layers=layers)
    report.hidden_target = bool(layers) and unwrap_once(target) is not None  # still wrapped
    lowered = target.lower()
    report.is_file = lowered.startswith("file:") or bool(PATH_IN_TEXT.fullmatch(target))
    if report.is_file:
        report.user_names = user_names_in_path(target)
    else:
        host = host_of(target)
        report.internal_reason = internal_host_reason(host)
        report.login = login_service(host)
        report.tracking = tracking_parameters(target)
        report.search_results = search_results_page(target)
        if report.login:
            report.user_names = user_names_in_path(target)
    report.target_emails = emails_in_url(target)
    target_lower = {a.lower() for a in report.target_emails}
    report.wrapper_emails = [a for a in emails_in_url(url) if a.lower() not in target_lower] if layers else []
    return report
