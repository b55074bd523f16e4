"""Writes of the profiles app (re-exported here: ``from mizan.profiles import services``).

- ``work``: kinds of work, skills, years, languages, the jobs a worker wants (the worker only);
- ``certificates``: certificates and the requests to confirm them (the worker asks, the issuer decides).
"""

from mizan.profiles.services.base import occupation_by_code, require_self
from mizan.profiles.services.certificates import (
    CERTIFICATE_CONTEXT,
    LEDGER_KIND,
    AlreadyDone,
    certificate_delete,
    certificate_upload,
    own_certificate,
    verification_decide,
    verification_request,
    verification_withdraw,
)
from mizan.profiles.services.work import (
    NOT_OF_OCCUPATION,
    OccupationInput,
    language_remove,
    language_set,
    languages_replace,
    occupation_save,
    occupations_replace,
    preferences_set,
    profile_occupation_add,
    profile_occupation_remove,
    skill_ids_from_uris,
    skills_set,
)

__all__ = [
    "CERTIFICATE_CONTEXT",
    "LEDGER_KIND",
    "NOT_OF_OCCUPATION",
    "AlreadyDone",
    "OccupationInput",
    "certificate_delete",
    "certificate_upload",
    "language_remove",
    "language_set",
    "languages_replace",
    "occupation_by_code",
    "occupation_save",
    "occupations_replace",
    "own_certificate",
    "preferences_set",
    "profile_occupation_add",
    "profile_occupation_remove",
    "require_self",
    "skill_ids_from_uris",
    "skills_set",
    "verification_decide",
    "verification_request",
    "verification_withdraw",
]
