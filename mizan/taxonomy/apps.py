from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "mizan.taxonomy"
    label = "taxonomy"
