from django.apps import AppConfig


class WagesConfig(AppConfig):
    name = "mizan.wages"
    label = "wages"
