from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "mizan.compliance"
    label = "compliance"
