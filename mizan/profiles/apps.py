from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "mizan.profiles"
    label = "profiles"
