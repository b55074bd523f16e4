from django.urls import URLPattern, URLResolver, path

from mizan.workers import views

app_name = "workers"

urlpatterns: list[URLPattern | URLResolver] = [
    path("details/", views.details, name="details"),
    path("details/change/", views.details_edit, name="details_edit"),
    path("documents/", views.documents, name="documents"),
    path("documents/<uuid:document_id>/download/", views.document_download, name="document_download"),
    path("documents/<uuid:document_id>/delete/", views.document_delete, name="document_delete"),
]
