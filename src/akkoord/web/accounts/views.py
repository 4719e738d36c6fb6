"""Setting up and entering the code of the two-step sign-in (twofactor.py)."""
from __future__ import annotations

import base64

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from akkoord.web.accounts.forms import TokenForm
from akkoord.web.accounts.twofactor import has_device

DEVICE_NAME = "authenticator-app"


def _next(request: HttpRequest) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Show a new secret (QR code and text) and confirm it with a first code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('accounts:verify')}?{urlencode({REDIRECT_FIELD_NAME: _next(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwe code.")
    import segno

    qr = segno.make(device.config_url, error="m")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return _no_store(render(request, "accounts/twofactor_setup.html", {
        "form": form, "qr_data_uri": qr.svg_data_uri(scale=4, dark="#000", light="#fff"),
        "secret_groups": [secret[i:i + 4] for i in range(0, len(secret), 4)],
        "next": _next(request),
    }))


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Enter the current code of the authenticator app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not has_device(request.user):
        return redirect(f"{reverse('accounts:setup')}?{urlencode({REDIRECT_FIELD_NAME: _next(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", "Deze code klopt niet of is verlopen. Probeer de code die uw app nu toont.")
    return _no_store(render(request, "accounts/twofactor_verify.html", {"form": form, "next": _next(request)}))
