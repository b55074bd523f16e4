"""The registry's pages, at /recruiters/ (config/urls.py): the public check, and the staff pages under
/recruiters/manage/."""

from django.urls import URLPattern, URLResolver, path

from mizan.registry.views import importing, manage, public

app_name = "registry"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.search, name="search"),
    path("<uuid:organisation_id>/", public.record, name="record"),
    path("manage/", manage.index, name="manage"),
    path("manage/import/", importing.import_licences, name="import"),
    path("manage/import/problems.csv", importing.import_report, name="import_report"),
    path("manage/import/template.csv", importing.import_template, name="import_template"),
    path("manage/licences/new/", manage.licence_new, name="licence_new"),
    path("manage/licences/<uuid:licence_id>/", manage.licence_change, name="licence_change"),
    path("manage/recruiters/<uuid:organisation_id>/", manage.organisation, name="manage_organisation"),
    path("manage/recruiters/<uuid:organisation_id>/sanctions/new/", manage.sanction_new, name="sanction_new"),
    path("manage/sanctions/<uuid:sanction_id>/lift/", manage.sanction_lift, name="sanction_lift"),
    path(
        "manage/recruiters/<uuid:organisation_id>/certifications/new/",
        manage.certification_new,
        name="certification_new",
    ),
    path(
        "manage/certifications/<uuid:certification_id>/withdraw/",
        manage.certification_withdraw,
        name="certification_withdraw",
    ),
]
