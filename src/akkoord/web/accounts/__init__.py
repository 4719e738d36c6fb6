"""Signing in: login throttling (django-axes), two-step sign-in (django-otp TOTP) and
password rules for every way a password is set."""
