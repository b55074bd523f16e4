from django.contrib import admin
from django.urls import include, path

from mizan.api.router import api

admin.site.site_header = "Mizan"
admin.site.site_title = "Mizan"

urlpatterns = [
    path("", include("mizan.web.urls")),
    path("accounts/", include("mizan.accounts.urls")),
    path("organisations/", include("mizan.api.urls")),
    path("privacy/", include("mizan.privacy.consent.urls")),
    path("my-data/", include("mizan.privacy.rights.urls")),
    path("ledger/", include("mizan.privacy.ledger.urls")),
    path("me/profile/", include("mizan.profiles.urls")),
    path("me/", include("mizan.workers.urls")),
    path("check/", include("mizan.compliance.urls")),
    path("rules/", include("mizan.compliance.rules_urls")),
    path("occupations/", include("mizan.taxonomy.urls")),
    path("recruiters/", include("mizan.registry.urls")),
    path("jobs/", include("mizan.vacancies.urls")),
    path("matching/", include("mizan.matching.urls")),
    path("hours/", include("mizan.wages.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler400 = "mizan.web.views.errors.bad_request"
handler403 = "mizan.web.views.errors.permission_denied"
handler404 = "mizan.web.views.errors.page_not_found"
handler500 = "mizan.web.views.errors.server_error"
