"""The job board (/jobs/, public) and the posters' pages (/jobs/manage/)."""

from django.urls import URLPattern, URLResolver, path

from mizan.vacancies.views import board, manage

app_name = "vacancies"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", board.board, name="board"),
    path("<uuid:vacancy_id>/", board.detail, name="detail"),
    path("manage/", manage.manage, name="manage"),
    path("manage/new/", manage.new, name="new"),
    path("manage/<uuid:vacancy_id>/", manage.manage_detail, name="manage_detail"),
    path("manage/<uuid:vacancy_id>/edit/", manage.edit, name="edit"),
    path("manage/<uuid:vacancy_id>/publish/", manage.publish, name="publish"),
    path("manage/<uuid:vacancy_id>/unpublish/", manage.unpublish, name="unpublish"),
    path("manage/<uuid:vacancy_id>/close/", manage.close, name="close"),
]
