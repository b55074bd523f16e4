"""Demo job profiles: the six demo workers (each for their corridor) and 200 synthetic anonymous workers,
so a recruiter's shortlist has something to rank. Five of the six demo workers, and most synthetic ones,
turned job matching on (through the consent service, so the ledger records it); the first demo worker has
a welding certificate that the demo Nepal authority confirmed.

Everything is synthetic: the 200 extra workers have phone numbers from +44 7700 900000-900199, a range
the UK regulator (Ofcom) keeps for drama and never gives to anyone, and are named "Synthetic demo
worker NNN". The random choices are seeded, so every run makes the same people. Needs the taxonomy demo
(the common occupations) first; without it, it adds nothing and says why. A second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from mizan.accounts.models import Organisation, User
from mizan.common.languages import LANGUAGES
from mizan.demo import data
from mizan.privacy.consent.selectors import has_consent
from mizan.privacy.consent.services import consent_give
from mizan.profiles import services
from mizan.profiles.models import Certificate, Profile
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import skills_for

logger = logging.getLogger(__name__)

SYNTHETIC_COUNT = 200
SYNTHETIC_PHONE = "+447700900{:03d}"  # Ofcom's drama range: never a real subscriber
SYNTHETIC_NAME = "Synthetic demo worker {:03d}"
SEED = 20261122
CERTIFICATE_PDF = b"%PDF-1.4\n% SYNTHETIC DEMO CERTIFICATE - not a real document\n%%EOF\n"
OFFICER = f"officer@{data.EMAIL_DOMAIN}"


@dataclass(frozen=True)
class DemoWork:
    code: str
    years: str
    essential: int  # how many of its essential skills the worker ticks
    optional: int = 0


@dataclass(frozen=True)
class DemoProfile:
    phone: str
    work: tuple[DemoWork, ...]
    languages: tuple[tuple[str, int], ...]
    destinations: tuple[str, ...]
    sectors: tuple[str, ...]
    pay: str
    currency: str
    matching: bool


# The six demo workers of mizan.demo.data.WORKERS, in the same order.
PROFILES: tuple[DemoProfile, ...] = (
    DemoProfile(
        data.WORKERS[0].phone,
        (DemoWork("7212.3", "6", 12, 4), DemoWork("7214.3", "3", 8)),  # welder, steel fixer
        (("ne", 3), ("hi", 2), ("en", 1), ("ar", 0)),
        ("QA", "SA", "AE"),
        ("construction",),
        "1200",
        "QAR",
        True,
    ),
    DemoProfile(
        data.WORKERS[1].phone,
        (DemoWork("9111.1", "5", 14, 3), DemoWork("5311.1.4", "2", 6)),  # domestic helper, nanny
        (("fil", 3), ("en", 2), ("yue", 0)),
        ("HK", "SG"),
        ("domestic_work", "care"),
        "4990",
        "HKD",
        True,
    ),
    DemoProfile(
        data.WORKERS[2].phone,
        (DemoWork("9313.1", "4", 12, 2),),  # building construction worker
        (("bn", 3), ("ar", 1), ("hi", 1)),
        ("SA", "QA"),
        ("construction",),
        "1000",
        "SAR",
        True,
    ),
    DemoProfile(
        data.WORKERS[3].phone,
        (DemoWork("8212.3", "3", 14, 3), DemoWork("9329.1", "2", 8)),  # electronics assembler, factory hand
        (("id", 3), ("ms", 2), ("en", 1)),
        ("MY",),
        ("manufacturing",),
        "1700",
        "MYR",
        True,
    ),
    DemoProfile(
        data.WORKERS[4].phone,
        (DemoWork("5152.2", "6", 15, 4),),  # domestic housekeeper
        (("si", 3), ("ta", 1), ("en", 1), ("ar", 1)),
        ("AE", "KW"),
        ("domestic_work",),
        "1200",
        "AED",
        True,
    ),
    DemoProfile(
        data.WORKERS[5].phone,
        (DemoWork("9329.1", "3", 9, 1),),  # factory hand
        (("my", 3), ("th", 1)),
        ("TH", "MY"),
        ("manufacturing",),
        "12000",
        "THB",
        False,  # has not turned job matching on: shows that matching leaves them out
    ),
)

# Kinds of work of the synthetic workers, by the common occupation's group (mizan.taxonomy.source.GROUPS).
SECTOR_OF_GROUP = {
    "home": "domestic_work",
    "care": "care",
    "food": "hospitality",
    "cleaning": "services",
    "construction": "construction",
    "transport": "services",
    "factory": "manufacturing",
    "security": "services",
    "farming": "agriculture",
    "shops": "services",
}
# Destination -> (currency, lowest and highest monthly minimum a synthetic worker asks for).
PAY = {
    "QA": ("QAR", 1000, 2500),
    "SA": ("SAR", 1000, 2500),
    "AE": ("AED", 1000, 3000),
    "KW": ("KWD", 100, 300),
    "OM": ("OMR", 100, 250),
    "MY": ("MYR", 1500, 3000),
    "SG": ("SGD", 600, 2000),
    "HK": ("HKD", 4990, 7000),
    "KR": ("KRW", 2000000, 2600000),
    "JP": ("JPY", 150000, 250000),
}
SECOND_LANGUAGES = ("en", "ar", "hi", "ms", "ur")


def _save(worker: User, spec: DemoProfile, occupations: dict[str, Occupation]) -> None:
    for index, work in enumerate(spec.work):
        occupation = occupations[work.code]
        essential, optional = skills_for(occupation)
        services.occupation_save(
            actor=worker,
            worker=worker,
            code=work.code,
            years_of_experience=Decimal(work.years),
            skill_ids=[s.pk for s in essential[: work.essential]] + [s.pk for s in optional[: work.optional]],
            is_main=True if index == 0 else None,
        )
    services.languages_replace(actor=worker, worker=worker, languages=spec.languages)
    services.preferences_set(
        actor=worker,
        worker=worker,
        destinations=spec.destinations,
        sectors=spec.sectors,
        min_monthly_pay=Decimal(spec.pay),
        currency=spec.currency,
        available_from=timezone.localdate() + dt.timedelta(days=60),
    )


def _turn_on_matching(worker: User) -> int:
    if has_consent(worker=worker, purpose="job_matching"):
        return 0
    consent_give(worker=worker, purpose="job_matching", method="web")
    return 1


def _verified_certificate(worker: User, organisations: dict[str, Organisation]) -> int:
    issuer = organisations.get("ministry_np")
    officer = User.objects.filter(email=OFFICER, is_active=True).first()
    if issuer is None or officer is None or Certificate.objects.filter(worker=worker).exists():
        return 0
    certificate = services.certificate_upload(
        actor=worker,
        worker=worker,
        file=ContentFile(CERTIFICATE_PDF, name="demo-welding-certificate.pdf"),
        title="Welding, level 2 (demo)",
        issuer_id=issuer.pk,
        issued_on=dt.date(2023, 5, 1),
        number="DEMO-WELD-0001",
    )
    request = services.verification_request(actor=worker, worker=worker, certificate_id=certificate.pk)
    services.verification_decide(
        actor=officer, request_id=request.pk, confirmed=True, note="(demo) Found in our records."
    )
    return 1


def _synthetic(index: int, rng: random.Random, common: list[Occupation]) -> DemoProfile:
    """One synthetic worker's profile, from the seeded random generator."""
    works = rng.sample(common, k=1 if rng.random() < 0.6 else 2)
    native = rng.choice(LANGUAGES).code
    languages = {native: 3}
    for code in rng.sample(SECOND_LANGUAGES, k=rng.randint(0, 2)):
        languages.setdefault(code, rng.randint(0, 2))
    destinations = tuple(rng.sample(sorted(PAY), k=rng.randint(1, 3)))
    currency, low, high = PAY[destinations[0]]
    step = (high - low) // 10 or 1
    sectors = tuple(dict.fromkeys(SECTOR_OF_GROUP.get(work.common_group, "other") for work in works))
    return DemoProfile(
        phone=SYNTHETIC_PHONE.format(index),
        work=tuple(
            DemoWork(
                work.code,
                str(Decimal(rng.randint(0, 30)) / 2),
                rng.randint(2, 12),
                rng.randint(0, 4),
            )
            for work in works
        ),
        languages=tuple(languages.items()),
        destinations=destinations,
        sectors=sectors,
        pay=str(low + step * rng.randint(0, 10)),
        currency=currency,
        matching=index % 10 != 9,  # one in ten has not turned matching on
    )


def demo_profiles_load(*, organisations: dict[str, Organisation]) -> int:
    """Load the demo profiles; returns how many records were added (0 on a second run)."""
    common = list(Occupation.objects.filter(is_common=True).order_by("code"))
    occupations = {occupation.code: occupation for occupation in common}
    wanted = {work.code for spec in PROFILES for work in spec.work}
    if not common or wanted - occupations.keys():
        logger.warning(
            "profiles demo skipped: the common occupations are missing (%s); run the taxonomy demo first",
            ", ".join(sorted(wanted - occupations.keys())),
        )
        return 0
    added = 0
    for spec in PROFILES:
        worker = User.objects.filter(phone=spec.phone, kind=User.Kind.WORKER).first()
        if worker is None:
            logger.warning("profiles demo: no demo worker with phone %s; run the base demo first", spec.phone)
            continue
        if not Profile.objects.filter(worker=worker).exists():
            _save(worker, spec, occupations)
            added += 1
        if spec.matching:
            added += _turn_on_matching(worker)
    first = User.objects.filter(phone=PROFILES[0].phone).first()
    if first is not None:
        added += _verified_certificate(first, organisations)

    rng = random.Random(SEED)  # noqa: S311 - synthetic data, not security
    for index in range(SYNTHETIC_COUNT):
        spec = _synthetic(index, rng, common)  # drawn every time, so each index keeps its profile
        worker, created = User.objects.get_or_create(
            phone=spec.phone,
            defaults={
                "kind": User.Kind.WORKER,
                "display_name": SYNTHETIC_NAME.format(index),
                "preferred_language": spec.languages[0][0],
            },
        )
        added += int(created)
        if not Profile.objects.filter(worker=worker).exists():
            _save(worker, spec, occupations)
            added += 1
        if spec.matching:
            added += _turn_on_matching(worker)
    return added
