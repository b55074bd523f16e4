"""What an issuing organisation's staff see: the certificates workers asked them to confirm.

Only the certificate's title, number and date, and when it was asked: nothing about who the worker is.
The worker's request is their permission to show exactly this, to this organisation, until it is decided
or the worker stops it; a decided request stays listed (without the number) so staff can see what they
answered.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import ACTIONS, organisations_for, require
from mizan.privacy.vault.errors import VaultError
from mizan.profiles.models import VerificationRequest
from mizan.profiles.permissions import VERIFY_CERTIFICATES

logger = logging.getLogger(__name__)

DECIDED_SHOWN_DAYS = 30


@dataclass(frozen=True)
class IssuerRequest:
    id: UUID
    organisation: str
    title: str
    number: str  # "" once decided: the permission to show it has ended
    issued_on: dt.date | None
    asked_at: dt.datetime
    status: str
    status_label: str
    decided_at: dt.datetime | None

    @property
    def is_pending(self) -> bool:
        return self.status == VerificationRequest.Status.PENDING


def verification_requests_for(*, actor: User) -> list[IssuerRequest]:
    """Waiting requests to the actor's organisations (oldest first), then those decided in the last 30
    days. PermissionDenied for anyone who may not confirm certificates for any organisation."""
    require(actor, VERIFY_CERTIFICATES)
    organisations = organisations_for(actor, VERIFY_CERTIFICATES)
    since = timezone.now() - dt.timedelta(days=DECIDED_SHOWN_DAYS)
    rows = (
        VerificationRequest.objects.filter(organisation__in=organisations)
        .filter(
            Q(status=VerificationRequest.Status.PENDING)
            | Q(
                status__in=[VerificationRequest.Status.VERIFIED, VerificationRequest.Status.REJECTED],
                decided_at__gte=since,
            )
        )
        .select_related("organisation", "certificate")
        .order_by("created_at")
    )
    found = [_item(row) for row in rows]
    return [item for item in found if item.is_pending] + sorted(
        (item for item in found if not item.is_pending),
        key=lambda item: item.decided_at or item.asked_at,
        reverse=True,
    )


def _item(row: VerificationRequest) -> IssuerRequest:
    number = ""
    if row.status == VerificationRequest.Status.PENDING:
        try:
            number = row.certificate.number
        except VaultError as error:
            logger.warning("verification request %s: the number cannot be read (%s)", row.pk, error.code)
    return IssuerRequest(
        id=row.id,
        organisation=row.organisation.name,
        title=row.certificate.title,
        number=number,
        issued_on=row.certificate.issued_on,
        asked_at=row.created_at,
        status=row.status,
        status_label=str(row.get_status_display()),
        decided_at=row.decided_at,
    )


def issuer_choices() -> list[tuple[str, str]]:
    """(id, name) of the organisations that can confirm certificates, for a worker to name as issuer."""
    kinds = list(ACTIONS[VERIFY_CERTIFICATES])
    return [
        (str(pk), f"{name} ({country})")
        for pk, name, country in Organisation.objects.filter(kind__in=kinds)
        .order_by("name")
        .values_list("id", "name", "country")
    ]
