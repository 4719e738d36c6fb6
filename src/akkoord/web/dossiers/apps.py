from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DossiersConfig(AppConfig):
    name = "akkoord.web.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from akkoord.web.dossiers import signals  # noqa: F401  (connects the receivers)
        from akkoord.web.roles import ensure_roles

        # After every app's migration (not only this one's): roles also hold other apps' permissions.
        post_migrate.connect(ensure_roles, dispatch_uid="akkoord-dossiers-roles")
