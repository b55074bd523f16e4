from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mizan.accounts"
    label = "accounts"
