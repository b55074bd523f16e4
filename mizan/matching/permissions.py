"""Permission actions of the matching app, registered with mizan.accounts.permissions at import time.

- ``matching.shortlist``: see the blind, ranked candidates of a job offer and invite them to apply. The
  people of the posting agency or of the employer who recruit (the same roles the ``job_matching``
  purpose lets read a blind profile); the selectors also check that the vacancy is theirs.
- ``matching.audit``: read the ranking logs (ids, positions and scores only) to audit the algorithm: an
  auditing organisation's auditors, and an authority's inspectors and officers (for job offers of their
  country, or posted by organisations of their country).
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import ACTIONS, register

Kind = Organisation.Kind
Role = Membership.Role

SHORTLIST = "matching.shortlist"
AUDIT = "matching.audit"

if SHORTLIST not in ACTIONS:
    register(
        SHORTLIST,
        {Kind.AGENCY: {Role.ADMIN, Role.RECRUITER}, Kind.EMPLOYER: {Role.ADMIN, Role.HIRING_MANAGER}},
    )
if AUDIT not in ACTIONS:
    register(
        AUDIT,
        {
            Kind.AUDITOR: {Role.ADMIN, Role.AUDITOR},
            Kind.AUTHORITY: {Role.ADMIN, Role.INSPECTOR, Role.OFFICER},
        },
    )
