"""WSGI entry point (``akkoord serve`` runs it in waitress)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "akkoord.web.settings.production")

application = get_wsgi_application()
