"""Login throttling with django-axes: after ``AXES_FAILURE_LIMIT`` wrong passwords for one
user name from one address, that pair is locked out for ``AXES_COOLOFF_TIME``. The lockout
page is Dutch (``accounts/locked_out.html``) and every lockout goes into the audit trail."""
from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver


class ThrottledBackend(AxesStandaloneBackend):
    """Axes' check before the password backend. Sign-ins without a request (the command
    line, a shell) have no address to throttle and go straight to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The Dutch lockout page (HTTP 429)."""
    from django.shortcuts import render

    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    minutes = round(cooloff.total_seconds() / 60) if hasattr(cooloff, "total_seconds") else None
    return render(request, "accounts/locked_out.html",
                  {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}, status=429)


def client_ip(request) -> str | None:
    """The visitor's address: behind the reverse proxy (``AKKOORD_BEHIND_PROXY``) the last
    address the proxy added to X-Forwarded-For, else the connection's."""
    if getattr(settings, "AKKOORD_BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


@receiver(user_locked_out, dispatch_uid="akkoord-lockout-audit")
def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    from akkoord.web.dossiers.models import AuditEvent

    name = str(username or "")[:150]
    AuditEvent.objects.create(action=AuditEvent.Action.LOCKOUT, username=name,
                              description=f"aanmelden als '{name}' vanaf {ip_address or 'onbekend adres'} "
                                          "geblokkeerd na te veel mislukte pogingen",
                              details={"ip_address": ip_address or ""})
