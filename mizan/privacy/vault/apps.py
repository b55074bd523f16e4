from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "mizan.privacy.vault"
    label = "vault"
