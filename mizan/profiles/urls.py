"""Under /me/profile/ (config/urls.py). The issuer pages sit here too, so the app keeps one prefix."""

from django.urls import URLPattern, URLResolver, path

from mizan.profiles.views import certificates, work

app_name = "profiles"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", work.overview, name="overview"),
    path("work/", work.work, name="work"),
    path("work/<str:code>/", work.occupation, name="occupation"),
    path("work/<str:code>/remove/", work.occupation_remove, name="occupation_remove"),
    path("languages/", work.languages, name="languages"),
    path("languages/<str:code>/remove/", work.language_remove, name="language_remove"),
    path("jobs-i-want/", work.preferences, name="preferences"),
    path("certificates/", certificates.certificates, name="certificates"),
    path(
        "certificates/<uuid:certificate_id>/download/",
        certificates.certificate_download,
        name="certificate_download",
    ),
    path(
        "certificates/<uuid:certificate_id>/delete/",
        certificates.certificate_delete,
        name="certificate_delete",
    ),
    path("certificates/<uuid:certificate_id>/ask/", certificates.certificate_ask, name="certificate_ask"),
    path("certificates/<uuid:certificate_id>/stop/", certificates.certificate_stop, name="certificate_stop"),
    path("verification-requests/", certificates.verification_requests, name="verification_requests"),
    path(
        "verification-requests/<uuid:request_id>/",
        certificates.verification_request,
        name="verification_request",
    ),
]
