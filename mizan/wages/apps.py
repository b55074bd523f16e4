from django.apps import AppConfig

# Ledger kinds of this app: subjects and data hold ids, codes and hashes only (docs/wages-app.md).
LEDGER_KINDS = (
    ("wages.evidence", "A worker exported proof of their hours and pay (subject: the file's SHA-256)."),
    ("wages.reviewed", "An employer co-signed or disputed a period of a worker's time log (outcome, hash)."),
    ("wages.shared", "A worker let an employer see their time log."),
    ("wages.unshared", "A worker stopped letting an employer see their time log."),
)


class WagesConfig(AppConfig):
    name = "mizan.wages"
    label = "wages"

    def ready(self) -> None:
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.wages import permissions, privacy  # noqa: F401 - registers the permission actions

        for kind, description in LEDGER_KINDS:
            if kind not in KINDS:
                register_kind(kind, description)
        privacy.register()
