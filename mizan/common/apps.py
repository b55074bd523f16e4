from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "mizan.common"
    label = "common"
