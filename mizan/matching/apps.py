from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "mizan.matching"
    label = "matching"
