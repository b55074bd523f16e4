"""Demo data for the registry: a licence for every demo agency, an older expired licence, a suspension of
"delta" (so the job board shows that a suspended agency cannot publish) and an IRIS-style certification of
"himalaya". Everything is synthetic: licence numbers start with DEMO-, authority names and reasons say
"(demo)". Dates are relative to today so the demo stays current. Idempotent: a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.demo import data
from mizan.registry import services
from mizan.registry.models import Certification, Licence, Sanction
from mizan.registry.search import number_key

BD_AUTHORITY = "Bureau of Manpower, Employment and Training, Bangladesh (demo)"


@dataclass(frozen=True)
class DemoLicence:
    organisation: str
    number: str
    authority: str  # a key of data.ORGANISATIONS, or the authority's name when it is not on Mizan
    starts_days_ago: int
    ends_in_days: int | None


LICENCES = (
    DemoLicence("himalaya", "DEMO-NP-1234/079", "ministry_np", 400, 695),
    DemoLicence(
        "luzon", "DEMO-PH-LO-2024-0117", "Department of Migrant Workers, Philippines (demo)", 300, 795
    ),
    # Padma's earlier licence ended before it was renewed: the record shows an expired licence in its history.
    DemoLicence("padma", "DEMO-BD-RL-0198", BD_AUTHORITY, 1500, -40),
    DemoLicence("padma", "DEMO-BD-RL-0421", BD_AUTHORITY, 39, 1056),
    DemoLicence("nusantara", "DEMO-ID-P3MI-0088", "Ministry of Manpower, Indonesia (demo)", 200, 895),
    DemoLicence("lanka", "DEMO-LK-SLBFE-1597", "Sri Lanka Bureau of Foreign Employment (demo)", 500, 230),
    DemoLicence("delta", "DEMO-BD-RL-0977", BD_AUTHORITY, 700, 395),
)
SUSPENSION_REASON = (
    "(demo, synthetic) Workers reported being charged recruitment fees, which the law forbids. "
    "Suspended while the authority investigates."
)
CERTIFICATION_STANDARD = "IRIS (demo)"


def _staff(email_local: str) -> User | None:
    return User.objects.filter(email=f"{email_local}@{data.EMAIL_DOMAIN}").first()


def _licence(spec: DemoLicence, organisations: dict[str, Organisation], today: dt.date) -> int:
    organisation = organisations[spec.organisation]
    if Licence.objects.filter(country=organisation.country, number_key=number_key(spec.number)).exists():
        return 0
    authority = organisations.get(spec.authority)
    # The Nepal licence is issued through the pages' service by the demo officer, as a real one would be.
    officer = _staff("officer") if authority is not None else None
    services.licence_create(
        actor=officer,
        organisation=organisation,
        number=spec.number,
        valid_from=today - dt.timedelta(days=spec.starts_days_ago),
        valid_to=today + dt.timedelta(days=spec.ends_in_days) if spec.ends_in_days is not None else None,
        authority=authority,
        issuing_authority_name="" if authority is not None else spec.authority,
    )
    return 1


@transaction.atomic
def demo_registry_load(*, organisations: dict[str, Organisation]) -> int:
    """Adds the demo licences, the suspension and the certification; returns how many records it added."""
    today = timezone.localdate()
    created = sum(_licence(spec, organisations, today) for spec in LICENCES)

    delta = organisations["delta"]
    if not Sanction.objects.filter(organisation=delta, reason=SUSPENSION_REASON).exists():
        services.sanction_impose(
            actor=None,
            organisation=delta,
            kind=Sanction.Kind.SUSPENSION,
            reason=SUSPENSION_REASON,
            starts_on=today - dt.timedelta(days=30),
            authority_name=BD_AUTHORITY,
        )
        created += 1

    himalaya, auditor = organisations["himalaya"], organisations["auditor"]
    auditor_person = _staff("auditor")
    exists = Certification.objects.filter(organisation=himalaya, standard=CERTIFICATION_STANDARD).exists()
    if auditor_person is not None and not exists:
        services.certification_record(
            actor=auditor_person,
            organisation=himalaya,
            standard=CERTIFICATION_STANDARD,
            level="Certified (demo)",
            valid_from=today - dt.timedelta(days=90),
            valid_to=today + dt.timedelta(days=640),
            auditor=auditor,
        )
        created += 1
    return created
