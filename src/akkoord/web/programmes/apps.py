from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "akkoord.web.programmes"
    label = "programmes"
    verbose_name = "verkiezingsprogramma's"
    default_auto_field = "django.db.models.BigAutoField"
