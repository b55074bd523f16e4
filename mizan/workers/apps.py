from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "mizan.workers"
    label = "workers"
