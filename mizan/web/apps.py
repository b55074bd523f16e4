from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "mizan.web"
    label = "web"
