from django.urls import path

from mizan.api import views

app_name = "api_pages"

urlpatterns = [
    path("<uuid:org_id>/api-tokens/", views.tokens_page, name="tokens"),
    path("<uuid:org_id>/api-tokens/<uuid:token_id>/revoke/", views.revoke_token, name="revoke"),
]
