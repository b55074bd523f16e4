"""Permission actions of the compliance app, registered with mizan.accounts.permissions at import time.

Authorities keep the law current: their officers and administrators propose rule-pack versions and approve
each other's proposals (never their own), for packs of their own country. Checking an offer needs no
permission at all.
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import register

MANAGE_PACKS = "rulepacks.manage"

register(MANAGE_PACKS, {Organisation.Kind.AUTHORITY: {Membership.Role.OFFICER, Membership.Role.ADMIN}})
