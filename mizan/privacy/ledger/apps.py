from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "mizan.privacy.ledger"
    label = "ledger"
