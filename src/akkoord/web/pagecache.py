"""A shared cache of whole pages that are the same for every reader who may see them.

Only anonymous GET requests are cached: what an anonymous visitor may read is public, and
the page shows nobody's name, token or message. Signed-in readers (and everything
confidential) are always rendered afresh. A key holds the *content generation*, a value
every ingest and status change replaces (``bump()``, after the transaction commits), plus
the version and its status, the day and the full path: a change of content, status or day
never serves an old page.

The cache is Django's ``default`` cache: file-based in ``AKKOORD_DATA_DIR/cache`` (one
cache for every worker process of a server), or what ``CACHES`` says.
"""
from __future__ import annotations

import hashlib
import uuid
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


def serve(request: HttpRequest, render: Callable[[], HttpResponse], *parts) -> HttpResponse:
    """The cached page for this request when there is one, else ``render()`` (kept when
    it may be shared). ``parts`` name what the page shows (version id and status)."""
    if not enabled() or not cacheable_request(request):
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
