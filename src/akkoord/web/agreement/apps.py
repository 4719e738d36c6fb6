from django.apps import AppConfig


class AgreementConfig(AppConfig):
    name = "akkoord.web.agreement"
    label = "agreement"
    verbose_name = "Coalitieakkoord"
    default_auto_field = "django.db.models.BigAutoField"
