"""Permission actions of the profiles app, registered with mizan.accounts.permissions at import time.

An organisation that issues certificates (a training centre, a testing authority, an employer that trained
the worker) confirms the certificates workers ask it to confirm. Its administrators and the staff who keep
its records may do so; nobody else sees the requests.
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import ACTIONS, register

Kind = Organisation.Kind
Role = Membership.Role

VERIFY_CERTIFICATES = "certificates.verify"

if VERIFY_CERTIFICATES not in ACTIONS:
    register(
        VERIFY_CERTIFICATES,
        {
            Kind.AGENCY: {Role.ADMIN, Role.RECRUITER},
            Kind.EMPLOYER: {Role.ADMIN, Role.HIRING_MANAGER},
            Kind.AUTHORITY: {Role.ADMIN, Role.OFFICER},
            Kind.NGO: {Role.ADMIN, Role.CASEWORKER},
        },
    )
