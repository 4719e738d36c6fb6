from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "akkoord.web.monitoring"
    label = "monitoring"
    verbose_name = "Uitvoering van het akkoord"
    default_auto_field = "django.db.models.BigAutoField"
