from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "akkoord.web.accounts"
    label = "accounts"
    verbose_name = "Aanmelden"

    def ready(self) -> None:
        from akkoord.web.accounts import passwords, throttle  # noqa: F401  (connect the receivers)
