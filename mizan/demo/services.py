"""Loads the synthetic demo data. Safe to run again: it finds what exists and adds only what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts import services as account_services
from mizan.accounts.models import Organisation, User
from mizan.demo import data
from mizan.demo.compliance import demo_compliance_load
from mizan.demo.matching import demo_matching_load
from mizan.demo.privacy import demo_privacy_load
from mizan.demo.profiles import demo_profiles_load
from mizan.demo.registry import demo_registry_load
from mizan.demo.taxonomy import demo_taxonomy_load
from mizan.demo.vacancies import demo_vacancies_load
from mizan.demo.wages import demo_wages_load


@dataclass
class DemoResult:
    created: int
    staff: list[tuple[str, str, str]]  # (email, organisation, role)
    workers: list[tuple[str, str]]  # (phone, corridor)


@transaction.atomic
def demo_load(*, with_apps: bool = True) -> DemoResult:
    """``with_apps=False`` loads only the base (organisations, staff, workers, compliance, privacy), for
    tests of one app's loader."""
    created = 0
    organisations: dict[str, Organisation] = {}
    for index, spec in enumerate(data.ORGANISATIONS, start=1):
        registration = f"DEMO-{spec.country}-{index:03d}"
        organisation = Organisation.objects.filter(
            country=spec.country, registration_number=registration
        ).first()
        if organisation is None:
            organisation = account_services.organisation_create(
                actor=None,
                data=account_services.OrganisationInput(
                    name=spec.name, kind=spec.kind, country=spec.country, registration_number=registration
                ),
                is_demo=True,
            )
            created += 1
        organisations[spec.key] = organisation

    staff = []
    for person in data.STAFF:
        email = f"{person.email_local}@{data.EMAIL_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=data.DEMO_PASSWORD, kind=User.Kind.STAFF, display_name=person.name
            )
            created += 1
        TOTPDevice.objects.get_or_create(
            user=user, name="demo", defaults={"key": data.DEMO_TOTP_KEY_HEX, "confirmed": True}
        )
        organisation = organisations[person.organisation]
        account_services.membership_add(actor=None, organisation=organisation, user=user, role=person.role)
        staff.append((email, organisation.name, person.role))

    created += demo_compliance_load(organisations=organisations, staff=staff)

    workers = []
    for worker in data.WORKERS:
        _user, was_created = User.objects.get_or_create(
            phone=worker.phone, defaults={"kind": User.Kind.WORKER, "preferred_language": worker.language}
        )
        created += int(was_created)
        workers.append((worker.phone, worker.corridor))
    first_worker = User.objects.get(phone=data.WORKERS[0].phone)
    created += demo_privacy_load(organisations=organisations, worker=first_worker)
    # Order matters: jobs need occupations and licences; profiles, hours and matching need workers and jobs.
    for load in (
        ()
        if not with_apps
        else (
            demo_taxonomy_load,
            demo_registry_load,
            demo_vacancies_load,
            demo_profiles_load,
            demo_wages_load,
            demo_matching_load,
        )
    ):
        created += load(organisations=organisations)
    return DemoResult(created=created, staff=staff, workers=workers)


def demo_totp_code(email: str) -> str | None:
    """The current two-step code of a demo account (demo accounts only)."""
    if not email.endswith("@" + data.EMAIL_DOMAIN):
        return None
    device = TOTPDevice.objects.filter(user__email=email, name="demo").first()
    if device is None:
        return None
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
