from django.urls import URLPattern, URLResolver, path

from mizan.privacy.consent import views

app_name = "consent"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.notice, name="notice"),
    path("permissions/", views.permissions, name="permissions"),
    path("permissions/turn-on/", views.turn_on, name="turn_on"),
    path("permissions/<uuid:consent_id>/stop/", views.stop, name="stop"),
    path("who-saw-my-data/", views.who_saw, name="who_saw"),
]
