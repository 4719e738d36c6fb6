"""Every page carries a Content-Security-Policy that forbids scripts from anywhere but the site."""
from django.test import Client


def test_pages_forbid_foreign_and_inline_scripts(db):
    response = Client().get("/inloggen/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
