from django.urls import path

from mizan.web.views import pages

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("language/", pages.choose_language, name="language"),
]
