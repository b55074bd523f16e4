from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "mizan.privacy.consent"
    label = "consent"

    def ready(self) -> None:
        from mizan.privacy.consent import permissions  # noqa: F401  (registers the permission actions)
