"""The public checker, at /check/ (config/urls.py); the authorities' pages are in rules_urls.py."""

from django.urls import URLPattern, URLResolver, path

from mizan.compliance.views import check

app_name = "compliance"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", check.check, name="check"),
    path("result/", check.result, name="result"),
]
