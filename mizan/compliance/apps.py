from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "mizan.compliance"
    label = "compliance"

    def ready(self) -> None:
        from mizan.compliance import permissions  # noqa: F401  (registers the permission actions)
