"""A recruiter's standing on a date, in one word: the badge of the search results and the public record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.registry.models import Licence, Sanction


@dataclass(frozen=True)
class Standing:
    LICENSED: ClassVar[str] = "licensed"
    EXPIRED: ClassVar[str] = "expired"
    NOT_YET_VALID: ClassVar[str] = "not_yet_valid"
    SUSPENDED: ClassVar[str] = "suspended"
    REVOKED: ClassVar[str] = "revoked"
    SURRENDERED: ClassVar[str] = "surrendered"
    BLACKLISTED: ClassVar[str] = "blacklisted"
    NO_LICENCE: ClassVar[str] = "no_licence"

    code: str
    until: dt.date | None = None  # the end of the licence in force (licensed), or of the last one (expired)
    licence: Licence | None = None  # the licence the badge is about, if any

    @property
    def is_good(self) -> bool:
        return self.code == self.LICENSED

    @property
    def label(self) -> Promise:
        return LABELS[self.code]


LABELS: dict[str, Promise] = {
    Standing.LICENSED: _("Licensed"),
    Standing.EXPIRED: _("Licence expired"),
    Standing.NOT_YET_VALID: _("Licence not valid yet"),
    Standing.SUSPENDED: _("Suspended"),
    Standing.REVOKED: _("Revoked"),
    Standing.SURRENDERED: _("Licence given up"),
    Standing.BLACKLISTED: _("Blacklisted"),
    Standing.NO_LICENCE: _("No licence in the registry"),
}
CODES = tuple(LABELS)


def _running(sanction: Sanction, on: dt.date) -> bool:
    return (
        sanction.lifted_at is None
        and sanction.starts_on <= on
        and (sanction.ends_on is None or sanction.ends_on >= on)
    )


def _covers(licence: Licence, on: dt.date) -> bool:
    return licence.valid_from <= on and (licence.valid_to is None or licence.valid_to >= on)


def standing_of(licences: Sequence[Licence], sanctions: Sequence[Sanction], on: dt.date) -> Standing:
    """Sanctions in force first (blacklist, revocation, suspension), then the best licence: one in force,
    else suspended or revoked ones, one not valid yet, an expired one, one given up; else none."""
    running = {sanction.kind for sanction in sanctions if _running(sanction, on)}
    newest = sorted(licences, key=lambda licence: (licence.valid_from, licence.created_at), reverse=True)
    for kind, code in (
        (Sanction.Kind.BLACKLIST, Standing.BLACKLISTED),
        (Sanction.Kind.REVOCATION, Standing.REVOKED),
        (Sanction.Kind.SUSPENSION, Standing.SUSPENDED),
    ):
        if kind in running:
            return Standing(code, licence=newest[0] if newest else None)
    status = {licence.pk: licence.status_on(on) for licence in newest}
    active = [licence for licence in newest if status[licence.pk] == Licence.Status.ACTIVE]
    for licence in active:
        if _covers(licence, on):
            # The latest end among licences in force: a renewal that starts later does not shorten it.
            ends = [other.valid_to for other in active if _covers(other, on)]
            until = None if None in ends else max(day for day in ends if day is not None)
            return Standing(Standing.LICENSED, until=until, licence=licence)
    for stopped, code in (
        (Licence.Status.SUSPENDED, Standing.SUSPENDED),
        (Licence.Status.REVOKED, Standing.REVOKED),
    ):
        for licence in newest:
            if status[licence.pk] == stopped and (licence.valid_to is None or licence.valid_to >= on):
                return Standing(code, until=licence.valid_to, licence=licence)
    upcoming = [licence for licence in active if licence.valid_from > on]
    if upcoming:
        return Standing(Standing.NOT_YET_VALID, licence=upcoming[-1])
    expired = [licence for licence in active if licence.valid_to is not None and licence.valid_to < on]
    if expired:
        last = max(expired, key=lambda licence: licence.valid_to or on)
        return Standing(Standing.EXPIRED, until=last.valid_to, licence=last)
    for licence in newest:
        for stopped, code in (
            (Licence.Status.REVOKED, Standing.REVOKED),
            (Licence.Status.SURRENDERED, Standing.SURRENDERED),
            (Licence.Status.SUSPENDED, Standing.SUSPENDED),
        ):
            if status[licence.pk] == stopped:
                return Standing(code, licence=licence)
    return Standing(Standing.NO_LICENCE)


# One licence's state on a date (the open data and the public record show it beside the recorded status).
LICENCE_STATES: dict[str, Promise] = {
    "valid": _("Valid"),
    "not_yet_valid": _("Not valid yet"),
    "expired": _("Expired"),
    Licence.Status.SUSPENDED: _("Suspended"),
    Licence.Status.REVOKED: _("Revoked"),
    Licence.Status.SURRENDERED: _("Given up"),
}


def licence_state(licence: Licence, on: dt.date) -> str:
    status = licence.status_on(on)
    if status != Licence.Status.ACTIVE:
        return status
    if licence.valid_from > on:
        return "not_yet_valid"
    if licence.valid_to is not None and licence.valid_to < on:
        return "expired"
    return "valid"
