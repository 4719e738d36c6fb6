from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FormationConfig(AppConfig):
    name = "akkoord.web.formation"
    label = "formation"
    verbose_name = "Formatie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from akkoord.web.formation import signals  # noqa: F401  (connects the receivers)
        from akkoord.web.roles import ensure_roles

        # The formation's permissions exist only after this app's migrations.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="akkoord-formation-roles")
