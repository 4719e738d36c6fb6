from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "akkoord.web.search"
    label = "search"
    verbose_name = "Zoeken"
    default_auto_field = "django.db.models.BigAutoField"
