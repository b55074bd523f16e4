"""The registry of API token scopes: what a machine holding a token may do.

A scope is a string ``<verb>:<area>``. People are limited by their memberships; a token is limited by its
scopes as well, so an organisation can hand an integration only the part it needs. Add a scope here (with
a description a person can understand when choosing it) before an endpoint requires it.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Scope(StrEnum):
    READ_PUBLIC = "read:public"
    READ_ORGANISATION = "read:organisation"
    WRITE_VACANCIES = "write:vacancies"


DESCRIPTIONS: dict[Scope, Promise] = {
    Scope.READ_PUBLIC: _("Read public information: languages, countries, published job offers."),
    Scope.READ_ORGANISATION: _("Read your organisation's own records."),
    Scope.WRITE_VACANCIES: _("Create and change your organisation's job offers."),
}


def is_known(name: str) -> bool:
    return name in Scope._value2member_map_
