"""Words the taxonomy pages and API show: the headings of the common occupations and the attribution."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.taxonomy.source import GROUPS

GROUP_LABELS: dict[str, Promise] = {
    "home": _("Work in homes"),
    "care": _("Caring for people"),
    "food": _("Hotels, restaurants and food"),
    "cleaning": _("Cleaning and laundry"),
    "construction": _("Building and construction"),
    "transport": _("Driving, transport and warehouses"),
    "factory": _("Factories"),
    "security": _("Security"),
    "farming": _("Farms, plantations and fishing"),
    "shops": _("Shops and beauty"),
}
assert set(GROUP_LABELS) == set(GROUPS), "every group of common_occupations.yaml needs a heading"

# The attribution ESCO's licence asks for, kept in English in the API (it is a legal notice).
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ESCO_URL = "https://esco.ec.europa.eu/"
