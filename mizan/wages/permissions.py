"""Who may do what in the hours-and-pay app, besides the worker on their own log (checked by ownership).

- ``wages.review_shared``: open the logs workers share with the organisation, co-sign or dispute them.
- ``wages.statistics``: see anonymous counts of hours per employer (small groups hidden).
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import ACTIONS, register

Kind = Organisation.Kind
Role = Membership.Role

GRANTS: dict[str, dict[str, set[str]]] = {
    "wages.review_shared": {Kind.EMPLOYER: {Role.ADMIN, Role.HIRING_MANAGER}},
    "wages.statistics": {Kind.AUTHORITY: {Role.INSPECTOR}},
}

for _action, _grants in GRANTS.items():
    if _action not in ACTIONS:
        register(_action, {str(kind): {str(role) for role in roles} for kind, roles in _grants.items()})
