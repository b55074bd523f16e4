from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "mizan.privacy.consent"
    label = "consent"
