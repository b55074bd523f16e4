from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "mizan.privacy.rights"
    label = "rights"

    def ready(self) -> None:
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.privacy.rights import erasers, permissions, restrictions, retention  # noqa: F401

        for kind, description in (
            (
                "erasure.updated",
                "An erasure held back by legal holds went on (what is still held, complete).",
            ),
            (
                "legal_hold.placed",
                "A legal hold on a worker's data (hold id, worker id, reason, categories).",
            ),
            ("legal_hold.released", "A legal hold was released before its end date."),
        ):
            if kind not in KINDS:
                register_kind(kind, description)
        restrictions.register()
        erasers.register()
