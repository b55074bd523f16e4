from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mizan.demo"
    label = "demo"
