from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "mizan.registry"
    label = "registry"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from mizan.accounts.models import Organisation
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.registry import (
            permissions,  # noqa: F401  (registers the permission actions)
            search,
        )

        # The in-memory name index forgets itself when an organisation is saved or deleted here.
        post_save.connect(search.invalidate, sender=Organisation, dispatch_uid="registry.search")
        post_delete.connect(search.invalidate, sender=Organisation, dispatch_uid="registry.search.delete")

        for kind, description in (
            ("certification.recorded", "An auditor recorded or withdrew a certification of a recruiter."),
            ("sanction.changed", "An authority imposed or lifted a sanction on a recruiter."),
        ):
            if kind not in KINDS:
                register_kind(kind, description)
