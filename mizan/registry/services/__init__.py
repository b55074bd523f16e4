"""Writes of the registry. Every change is atomic and writes a ledger entry in the same transaction.

``actor`` is the person acting (checked against mizan.registry.permissions), or None for the platform
itself (the demo loader, the command line run by an operator). Ledger entries carry ids, codes and hashes
only: the licence number and any reason are recorded as hashes, so the entry proves what was published
without the ledger holding free text.
"""

from mizan.registry.services.certifications import certification_record, certification_withdraw
from mizan.registry.services.common import (
    EARLIEST,
    LATEST,
    LICENCE_ACTIONS,
    check_dates,
    check_number,
    stopping_sanctions,
)
from mizan.registry.services.licences import (
    licence_change_status,
    licence_create,
    licence_ledger,
    licence_register,
    licence_require,
    recruiter_find_or_create,
)
from mizan.registry.services.sanctions import sanction_impose, sanction_lift, sanction_require

__all__ = [
    "EARLIEST",
    "LATEST",
    "LICENCE_ACTIONS",
    "certification_record",
    "certification_withdraw",
    "check_dates",
    "check_number",
    "licence_change_status",
    "licence_create",
    "licence_ledger",
    "licence_register",
    "licence_require",
    "recruiter_find_or_create",
    "sanction_impose",
    "sanction_lift",
    "sanction_require",
    "stopping_sanctions",
]
