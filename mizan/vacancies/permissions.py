"""Permission actions of the vacancies app, registered with mizan.accounts.permissions at import time.

An employer's administrators and hiring managers post jobs for their own employer; a recruitment agency's
administrators and recruiters post jobs on behalf of an employer they choose. Whether the organisation may
recruit at all (licence, sanctions) is the registry's answer (``may_recruit``), asked by the services.
"""

from __future__ import annotations

from mizan.accounts.models import Membership, Organisation
from mizan.accounts.permissions import register

POST_VACANCIES = "vacancies.post"

register(
    POST_VACANCIES,
    {
        Organisation.Kind.EMPLOYER: {Membership.Role.ADMIN, Membership.Role.HIRING_MANAGER},
        Organisation.Kind.AGENCY: {Membership.Role.ADMIN, Membership.Role.RECRUITER},
    },
)
