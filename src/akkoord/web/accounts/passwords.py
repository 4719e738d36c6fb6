"""The password rules (``AUTH_PASSWORD_VALIDATORS``) for every way a password is set: the
sign-in pages, the admin and ``createsuperuser`` check them already; this checks a password
set from the shell or a command too: ``set_password`` before the user is saved, and
``create_user``/``create_superuser`` when the user is made. ``AKKOORD_VALIDATE_EVERY_PASSWORD``
(default on) switches it off for test suites that make throw-away users."""
from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import UserManager
from django.db.models.signals import pre_save


def _enabled() -> bool:
    return getattr(settings, "AKKOORD_VALIDATE_EVERY_PASSWORD", True)


def validate_new_password(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _enabled():
        return
    password = getattr(instance, "_password", None)  # set by set_password until the save
    if password is not None:
        password_validation.validate_password(password, instance)


pre_save.connect(validate_new_password, sender=get_user_model(), dispatch_uid="akkoord-password-rules")

if not getattr(UserManager._create_user_object, "_akkoord_checked", False):
    _make_user_object = UserManager._create_user_object

    @wraps(_make_user_object)
    def _create_user_object(self, username, email, password, **extra_fields):
        user = _make_user_object(self, username, email, password, **extra_fields)
        if password is not None and _enabled():
            password_validation.validate_password(password, user)
        return user

    _create_user_object._akkoord_checked = True
    UserManager._create_user_object = _create_user_object
