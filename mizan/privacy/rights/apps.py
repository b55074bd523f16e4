from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "mizan.privacy.rights"
    label = "rights"
