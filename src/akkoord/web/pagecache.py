"""Caches of whole pages that are the same for every reader who may see them.

Anonymous GET requests share one cache: what an anonymous visitor may read is public, and
the page shows nobody's name, token or message. Signed-in readers of the dossier pages and
search get a *scoped* cache instead (``scoped=True``): a page is rendered with placeholders
where the reader's own menu (name, roles, sign-out token) and messages go, kept in this
process's memory (never on disk, never in the shared cache) under the reader's scope as
``access.reading_scope`` decides it, and filled in per request. Everything else confidential
is always rendered afresh. A key holds the *content generation*, a value
every ingest and status change replaces (``bump()``, after the transaction commits), plus
the version and its status, the day and the full path: a change of content, status or day
never serves an old page.

The cache is Django's ``default`` cache: file-based in ``AKKOORD_DATA_DIR/cache`` (one
cache for every worker process of a server), or what ``CACHES`` says.
"""
from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from datetime import date
from typing import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "akkoord:content-generation"
TIMEOUT = 60 * 60 * 24


def enabled() -> bool:
    return getattr(settings, "AKKOORD_PAGE_CACHE", True)


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY) or "geen"
    return value


def bump() -> None:
    """Content changed (ingest, status change): every cached page is out of date."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def bump_on_commit() -> None:
    """Bump now (this process sees the change at once) and again when the transaction
    commits (a page another process rendered from the old content meanwhile is dropped)."""
    from django.db import transaction

    bump()
    transaction.on_commit(bump)


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    # A visitor with a session or pending messages may see something of their own.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and "private" not in control and "no-store" not in control
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def key(request: HttpRequest, *parts) -> str:
    raw = "|".join([generation(), date.today().isoformat(), *map(str, parts), request.get_full_path()])
    return "akkoord:page:" + hashlib.sha256(raw.encode()).hexdigest()


def serve(request: HttpRequest, render: Callable[[], HttpResponse], *parts, scoped: bool = False) -> HttpResponse:
    """The cached page for this request when there is one, else ``render()`` (kept when
    it may be shared). ``parts`` name what the page shows (version id and status).
    ``scoped``: signed-in readers get the page of their scope (see the module's text); only
    for pages whose content depends on nothing of the reader but that scope."""
    if not enabled():
        return render()
    if scoped and request.method in ("GET", "HEAD") and request.user.is_authenticated:
        return _serve_scoped(request, render, parts)
    if not cacheable_request(request):
        return render()
    cache_key = key(request, *parts)
    cached = cache.get(cache_key)
    if cached is not None:
        cached["X-Akkoord-Cache"] = "hit"
        return cached
    response = render()
    if hasattr(response, "render") and callable(response.render) and not getattr(response, "is_rendered", True):
        response.render()
    if _cacheable_response(request, response):
        cache.set(cache_key, response, TIMEOUT)
    response["X-Akkoord-Cache"] = "miss"
    return response


# ------------------------------------------------------------------------------ scoped pages
# Where the reader's own parts go in a page rendered for a whole scope (templates/base.html).
USER_PARTS = {"<!--akkoord:user-nav-->": "_user_nav.html", "<!--akkoord:messages-->": "_messages.html"}
SCOPED_HEADER = "X-Akkoord-Scoped-Cache"
_scoped: "OrderedDict[str, tuple[bytes, str]]" = OrderedDict()
_scoped_lock = threading.Lock()


def scoped_size() -> int:
    return int(getattr(settings, "AKKOORD_SCOPED_PAGE_CACHE_SIZE", 300))


def clear_scoped() -> None:
    with _scoped_lock:
        _scoped.clear()


def _serve_scoped(request: HttpRequest, render: Callable[[], HttpResponse], parts) -> HttpResponse:
    from akkoord.web.access import reading_scope

    cache_key = key(request, "scoped", reading_scope(request.user), *parts)
    with _scoped_lock:
        found = _scoped.get(cache_key)
        if found is not None:
            _scoped.move_to_end(cache_key)
    if found is not None:
        response = _fill_in(request, HttpResponse(found[0], content_type=found[1]))
        response[SCOPED_HEADER] = "hit"
        return response
    request.akkoord_shared_render = True  # base.html leaves placeholders for the reader's own parts
    try:
        response = render()
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
    finally:
        request.akkoord_shared_render = False
    kept = _scoped_page(response)
    if kept is not None:
        with _scoped_lock:
            _scoped[cache_key] = kept
            while len(_scoped) > scoped_size():
                _scoped.popitem(last=False)
        response[SCOPED_HEADER] = "miss"
    return _fill_in(request, response)


def _scoped_page(response: HttpResponse) -> tuple[bytes, str] | None:
    """The page as kept for the scope, or None when it may not be kept: not a plain 200, or
    the page holds something of this reader (a form token, a cookie) outside the placeholders."""
    if response.status_code != 200 or response.streaming:
        return None
    content = response.content
    if (response.cookies or "no-store" in response.get("Cache-Control", "")
            or b"csrfmiddlewaretoken" in content
            or any(content.count(marker.encode()) != 1 for marker in USER_PARTS)):
        return None
    return content, response["Content-Type"]


def _fill_in(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Put this reader's menu and messages where the placeholders are."""
    from django.template.loader import render_to_string

    if response.streaming:
        return response
    content = response.content
    for marker, template in USER_PARTS.items():
        if marker.encode() in content:
            content = content.replace(marker.encode(), render_to_string(template, request=request).encode(), 1)
    response.content = content
    return response
