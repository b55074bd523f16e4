"""Building profiles for tests through the services, as a worker would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from mizan.accounts.models import Organisation, User
from mizan.privacy.consent.services import consent_give
from mizan.profiles import services
from mizan.profiles.models import Certificate
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import skills_for

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WELDER = "7212.3"
CLEANER = "9111.1"


def skill_ids(occupation: Occupation, *, essential: int = 3, optional: int = 0) -> list[int]:
    first, other = skills_for(occupation)
    return [skill.pk for skill in first[:essential]] + [skill.pk for skill in other[:optional]]


def build_profile(
    worker: User,
    taxonomy: dict[str, Occupation],
    *,
    code: str = WELDER,
    years: str = "4",
    skills: int = 3,
    consent: bool = True,
) -> None:
    """A worker with one kind of work, its first ``skills`` essential skills, Nepali and English, and
    wishes for Qatar construction jobs; job matching turned on unless ``consent`` is False."""
    occupation = taxonomy[code]
    services.occupation_save(
        actor=worker,
        worker=worker,
        code=code,
        years_of_experience=Decimal(years),
        skill_ids=skill_ids(occupation, essential=skills),
    )
    services.language_set(actor=worker, worker=worker, code="ne", level=3)
    services.language_set(actor=worker, worker=worker, code="en", level=1)
    services.preferences_set(
        actor=worker,
        worker=worker,
        destinations=["QA", "SA"],
        sectors=["construction"],
        min_monthly_pay=Decimal("1200"),
        currency="QAR",
        available_from=dt.date(2027, 1, 1),
    )
    if consent:
        consent_give(worker=worker, purpose="job_matching", method="web")


def upload_certificate(
    worker: User,
    *,
    title: str = "Welding, level 2",
    issuer: Organisation | None = None,
    number: str = "CTEVT-2023-0042",
    data: bytes = PDF,
) -> Certificate:
    return services.certificate_upload(
        actor=worker,
        worker=worker,
        file=SimpleUploadedFile("welding-certificate.pdf", data),
        title=title,
        issuer_id=issuer.pk if issuer else None,
        issuer_name="" if issuer else "Kathmandu Training Centre",
        issued_on=dt.date(2023, 5, 1),
        number=number,
    )
