from django.urls import URLPattern, URLResolver, path

from mizan.privacy.ledger import views

app_name = "ledger"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
]
