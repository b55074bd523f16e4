from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "mizan.registry"
    label = "registry"
