from django.urls import URLPattern, URLResolver, path

from mizan.wages.views import employer, evidence, offline, pay, planner, sharing, timelog

app_name = "wages"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", timelog.today, name="today"),
    path("start/", timelog.start, name="start"),
    path("stop/", timelog.stop, name="stop"),
    path("mark-day/", timelog.mark_day, name="mark_day"),
    path("add/", timelog.add, name="add"),
    path("day/", timelog.day_view, name="day"),
    path("week/", timelog.week_view, name="week"),
    path("entries/<uuid:event_id>/", timelog.entry, name="entry"),
    path("entries/<uuid:event_id>/change/", timelog.change, name="change"),
    path("entries/<uuid:event_id>/delete/", timelog.delete, name="delete"),
    path("offline/", offline.offline, name="offline"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("sync-token/", offline.sync_token, name="sync_token"),
    path("pay/", pay.pay, name="pay"),
    path("pay/terms/", pay.terms, name="terms"),
    path("pay/<str:period>/", pay.statement, name="statement"),
    path("planner/", planner.planner, name="planner"),
    path("evidence/", evidence.evidence_list, name="evidence"),
    path("evidence/verify/", evidence.verify, name="verify"),
    path("evidence/<uuid:evidence_id>/", evidence.evidence_detail, name="evidence_detail"),
    path("evidence/<uuid:evidence_id>/file/", evidence.evidence_file, name="evidence_file"),
    path("sharing/", sharing.sharing, name="sharing"),
    path("sharing/<uuid:sharing_id>/stop/", sharing.sharing_stop, name="sharing_stop"),
    path("employer/", employer.shared_workers, name="employer"),
    path("employer/<uuid:org_id>/<uuid:worker_id>/", employer.shared_log, name="employer_log"),
    path("employer/<uuid:org_id>/<uuid:worker_id>/review/", employer.review, name="employer_review"),
    path("inspector/", employer.inspector, name="inspector"),
]
