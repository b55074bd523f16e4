"""Demo data for the privacy pages, so "Who saw my data" and "My data" have something to show: the first
demo worker (Nepal → Qatar) has synthetic personal details, allowed job matching and one recruitment
agency, was looked at by that agency, and another agency's attempt was refused. Then a ledger checkpoint
is signed. Synthetic and idempotent like the rest of the demo."""

from __future__ import annotations

import contextlib
import datetime as dt

from mizan.accounts.models import Organisation, User
from mizan.common.errors import PermissionDenied
from mizan.privacy.consent.models import Consent
from mizan.privacy.consent.services import consent_give
from mizan.privacy.ledger.services import checkpoint_create
from mizan.workers import selectors as worker_selectors
from mizan.workers import services as worker_services

DETAILS = {
    "full_name": "Demo Worker One (synthetic)",
    "date_of_birth": dt.date(1995, 4, 14),
    "passport_number": "DEMO0000001",
    "emergency_contact": "Demo Relative (synthetic), +9779800000099",
}


def demo_privacy_load(*, organisations: dict[str, Organisation], worker: User) -> int:
    """Return the number of records added (0 when the demo worker already has consents)."""
    if Consent.objects.filter(worker=worker).exists():
        return 0
    himalaya, luzon = organisations["himalaya"], organisations["luzon"]
    worker_services.personal_details_update(actor=worker, worker=worker, data=DETAILS)
    consent_give(worker=worker, purpose="job_matching", method="web")
    consent_give(worker=worker, purpose="recruitment", organisation=himalaya, method="web")
    recruiter = himalaya.memberships.get(role="admin").user
    worker_selectors.personal_details_for(
        actor=recruiter, worker=worker, purpose="recruitment", categories=["identity"], organisation=himalaya
    )
    outsider = luzon.memberships.get(role="recruiter").user
    # Refused, and recorded for the worker to see: that is the point of the demo.
    with contextlib.suppress(PermissionDenied):
        worker_selectors.personal_details_for(
            actor=outsider, worker=worker, purpose="recruitment", categories=["identity"], organisation=luzon
        )
    checkpoint_create()
    return 5
