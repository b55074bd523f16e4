"""Permission actions of the consent app, registered with mizan.accounts.permissions at import time.

One action per purpose, ``personal_data.<purpose>``: the (organisation kind, role) pairs that may read a
worker's data under it, straight from the purpose registry, so the registry is the only place to change.
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import register
from mizan.privacy.consent.purposes import PURPOSES

# Recording or stopping a consent for a worker who asked for help (by phone, at a helpdesk).
ASSIST = "consent.assist"


def _register() -> None:
    register(
        ASSIST,
        {
            Organisation.Kind.NGO: {Membership.Role.ADMIN, Membership.Role.CASEWORKER},
            Organisation.Kind.AUTHORITY: {Membership.Role.CASEWORKER},
        },
    )
    for purpose in PURPOSES.values():
        register(purpose.action, dict(purpose.readers))


_register()
