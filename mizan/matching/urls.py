"""Under /matching/ (config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from mizan.matching import views

app_name = "matching"

urlpatterns: list[URLPattern | URLResolver] = [
    path("vacancies/<uuid:vacancy_id>/shortlist/", views.shortlist, name="shortlist"),
    path("vacancies/<uuid:vacancy_id>/shortlist/invite/", views.invite, name="invite"),
    path(
        "vacancies/<uuid:vacancy_id>/invitations/<uuid:invitation_id>/withdraw/",
        views.withdraw,
        name="withdraw",
    ),
    path("for-me/", views.for_me, name="for_me"),
    path("for-me/invitations/<uuid:invitation_id>/answer/", views.answer, name="answer"),
    path("audit/", views.audit, name="audit"),
]
