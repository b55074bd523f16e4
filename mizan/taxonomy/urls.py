"""The kinds of work, at /occupations/ (config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from mizan.taxonomy import views

app_name = "taxonomy"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
]
