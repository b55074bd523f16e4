from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "mizan.profiles"
    label = "profiles"

    def ready(self) -> None:
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.profiles import permissions, privacy  # noqa: F401
        from mizan.profiles.services.certificates import LEDGER_KIND

        if LEDGER_KIND not in KINDS:
            register_kind(
                LEDGER_KIND,
                "An issuing organisation confirmed a worker's certificate or could not (request id, "
                "organisation id, outcome).",
            )
        privacy.register()
