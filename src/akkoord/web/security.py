"""A Content-Security-Policy for every response: only this site's own files, no inline scripts.

Imported dossier text is escaped by the templates; the policy is the second line of defence
should anything ever slip through. Inline style attributes stay allowed for the timeline bars.
"""
from __future__ import annotations

POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class ConfidentialCacheMiddleware:
    """What a signed-in user reads may be confidential: no browser, proxy or shared cache may
    keep it (``Cache-Control: private, no-store``). The decision is the access module's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.cache import patch_cache_control

        from akkoord.web.access import is_confidential_response

        response = self.get_response(request)
        if is_confidential_response(request):
            if "Cache-Control" in response.headers:
                del response.headers["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response
