"""Writes of the data-rights app (each keyword-only, atomic, validating; see docs/privacy/rights.md)."""

from mizan.privacy.rights.services.corrections import correction_request_close, correction_request_create
from mizan.privacy.rights.services.erasure import erasure_continue, worker_erase
from mizan.privacy.rights.services.holds import legal_hold_place, legal_hold_release
from mizan.privacy.rights.services.purge import PurgeReport, purge_expired
from mizan.privacy.rights.services.restrictions import restriction_set

__all__ = [
    "PurgeReport",
    "correction_request_close",
    "correction_request_create",
    "erasure_continue",
    "legal_hold_place",
    "legal_hold_release",
    "purge_expired",
    "restriction_set",
    "worker_erase",
]
