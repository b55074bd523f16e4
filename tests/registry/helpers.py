"""Helpers of the registry tests: recruiters, licences and sanctions made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.registry import services
from mizan.registry.models import Licence, Sanction
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import Personas, confirmed_totp_device


def today() -> dt.date:
    return timezone.localdate()


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def recruiter(
    name: str = "Test Recruitment", *, country: str = "NP", kind: str = "agency", **fields: Any
) -> Organisation:
    return OrganisationFactory(name=name, country=country, kind=kind, **fields)


def licence(
    organisation: Organisation,
    number: str | None = None,
    *,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    actor: User | None = None,
    **fields: Any,
) -> Licence:
    return services.licence_create(
        actor=actor,
        organisation=organisation,
        number=number or f"LIC-{organisation.registration_number}",
        valid_from=valid_from or days(-100),
        valid_to=valid_to if valid_to is not None else days(300),
        issuing_authority_name=fields.pop(
            "issuing_authority_name", "" if actor else "Test licensing authority"
        ),
        **fields,
    )


def sanction(
    organisation: Organisation, kind: str, *, starts_on: dt.date | None = None, **fields: Any
) -> Sanction:
    return services.sanction_impose(
        actor=fields.pop("actor", None),
        organisation=organisation,
        kind=kind,
        reason=fields.pop("reason", "Charged workers recruitment fees."),
        starts_on=starts_on or days(-1),
        authority_name=fields.pop("authority_name", "Test licensing authority"),
        **fields,
    )


def authority_staff(country: str, role: str = "officer") -> User:
    """A person of a new authority of ``country`` (the personas' authority is in Nepal)."""
    organisation = OrganisationFactory(
        kind=Organisation.Kind.AUTHORITY, country=country, name=f"Authority {country}"
    )
    user = StaffUserFactory()
    MembershipFactory(user=user, organisation=organisation, role=role)
    confirmed_totp_device(user)
    return user


def np_authority(personas: Personas) -> Organisation:
    return personas.organisation(Organisation.Kind.AUTHORITY)
