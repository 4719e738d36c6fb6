"""Two-step sign-in with a time-based code (TOTP, django-otp).

``AKKOORD_2FA_ROLES`` names the roles that must use it (e.g. ``ambtenaar,formateur``;
empty: nobody, as in the demo). A signed-in user of such a role who has not confirmed a
code in this session only reaches the pages to set up an authenticator app or to enter a
code, and signing out.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from akkoord.web.roles import user_roles


def required_roles() -> set[str]:
    return set(getattr(settings, "AKKOORD_2FA_ROLES", ()) or ())


def required_for(user) -> bool:
    if not user.is_authenticated:
        return False
    roles = required_roles()
    if not roles:
        return False
    return bool(roles & set(user_roles(user))) or (user.is_superuser and "beheerder" in roles)


def has_device(user) -> bool:
    from django_otp import devices_for_user

    return any(True for _ in devices_for_user(user, confirmed=True))


class RequireTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: send users who must use a code to set it up or enter it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and required_for(user) and not user.is_verified():
            allowed = {reverse("accounts:verify"), reverse("accounts:setup"), reverse("logout")}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                target = "accounts:verify" if has_device(user) else "accounts:setup"
                return redirect(f"{reverse(target)}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
        return self.get_response(request)
