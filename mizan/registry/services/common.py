"""What the registry's services share: limits, checks of input, the sanctions that stop recruiting."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError
from mizan.registry.models import Licence, Sanction
from mizan.registry.search import RECRUITER_KINDS, number_key

EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2100, 12, 31)
MAX_REASON = 2000

Status = Licence.Status
Kind = Sanction.Kind
LICENCE_ACTIONS = ("suspend", "revoke", "reinstate", "renew", "surrender")
# Sanctions that act on the licence: the status they set, and the statuses they act on.
LICENCE_EFFECTS: dict[str, tuple[str, tuple[str, ...]]] = {
    Kind.SUSPENSION: (Status.SUSPENDED, (Status.ACTIVE,)),
    Kind.REVOCATION: (Status.REVOKED, (Status.ACTIVE, Status.SUSPENDED)),
}
STOPPING = (Kind.SUSPENSION, Kind.REVOCATION, Kind.BLACKLIST)


# --- Checks -----------------------------------------------------------------------------------------


def _day(value: dt.date | None, *, code: str) -> None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise DomainError(
            _("Dates must be between %(first)s and %(last)s."),
            code=code,
            first=EARLIEST.isoformat(),
            last=LATEST.isoformat(),
        )


def check_dates(valid_from: dt.date, valid_to: dt.date | None) -> None:
    _day(valid_from, code="bad_date")
    _day(valid_to, code="bad_date")
    if valid_to is not None and valid_to < valid_from:
        raise DomainError(_("The end date is before the start date."), code="dates_order")


def check_number(number: str) -> str:
    """The licence number as written, stripped; DomainError when empty or too long."""
    number = " ".join(number.split())
    if not number_key(number):
        raise DomainError(_("Write the licence number."), code="number_missing")
    if len(number) > 80:
        raise DomainError(_("The licence number is too long (at most 80 characters)."), code="number_long")
    return number


def clean_reason(reason: str, *, required: bool = True) -> str:
    reason = reason.strip()
    if required and not reason:
        raise DomainError(_("Write the reason. It is shown on the recruiter's public record."), code="reason")
    if len(reason) > MAX_REASON:
        raise DomainError(_("The reason is too long (at most 2000 characters)."), code="reason_long")
    return reason


def require_recruiter(organisation: Organisation) -> None:
    if organisation.kind not in RECRUITER_KINDS:
        raise DomainError(
            _("Only recruitment agencies and employers are in the registry."), code="not_recruiter"
        )


def stopping_sanctions(organisation: Organisation, country: str, on: dt.date) -> list[Sanction]:
    """Suspensions, revocations and blacklistings of ``organisation`` by ``country``, running on ``on``."""
    from mizan.registry.selectors import sanction_in_force

    return list(
        Sanction.objects.filter(organisation=organisation, country=country, kind__in=STOPPING)
        .filter(sanction_in_force(on))
        .order_by("-starts_on")
    )


def sanctioned_error() -> DomainError:
    return DomainError(
        _(
            "This organisation is under a sanction (suspended, revoked or blacklisted). "
            "Lift the sanction first."
        ),
        code="sanctioned",
    )


def by_id(actor: User | None) -> str | None:
    return str(actor.pk) if actor is not None else None
