from django.urls import URLPattern, URLResolver, path

from mizan.privacy.rights.views import staff, worker

app_name = "rights"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", worker.overview, name="overview"),
    path("choices/", worker.restriction, name="restriction"),
    path("export/", worker.export_page, name="export"),
    path("export.json", worker.export_download, name="export_json"),
    path("corrections/", worker.corrections, name="corrections"),
    path("erase/", worker.erase, name="erase"),
    path("staff/", staff.home, name="staff_home"),
    path("staff/corrections/<uuid:request_id>/", staff.correction, name="staff_correction"),
    path("staff/holds/", staff.holds, name="staff_holds"),
    path("staff/holds/<uuid:hold_id>/release/", staff.hold_release, name="staff_hold_release"),
    path("staff/erase/", staff.erase, name="staff_erase"),
]
