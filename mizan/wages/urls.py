from django.urls import URLPattern, URLResolver

app_name = "wages"

urlpatterns: list[URLPattern | URLResolver] = []
