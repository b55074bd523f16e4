from django.urls import URLPattern, URLResolver

app_name = "vacancies"

urlpatterns: list[URLPattern | URLResolver] = []
