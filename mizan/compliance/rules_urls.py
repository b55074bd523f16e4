"""The authorities' rule-pack pages, at /rules/ (config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from mizan.compliance.views import rules

app_name = "rules"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", rules.index, name="index"),
    path("propose/", rules.propose, name="propose"),
    path("packs/<str:pack_id>/", rules.pack, name="pack"),
    path("packs/<str:pack_id>/minimum-wage/", rules.propose_wage, name="propose_wage"),
    path("packs/<str:pack_id>/versions/<str:version>/", rules.version, name="version"),
    path("proposals/<uuid:proposal_id>/", rules.proposal, name="proposal"),
    path("proposals/<uuid:proposal_id>/approve/", rules.approve, name="approve"),
    path("proposals/<uuid:proposal_id>/reject/", rules.reject, name="reject"),
    path("proposals/<uuid:proposal_id>/withdraw/", rules.withdraw, name="withdraw"),
]
