"""The worker's own view of their job profile: everything, in their language, with what is still missing."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.db.models import Prefetch
from django.utils.translation import get_language

from mizan.accounts.models import User
from mizan.common.formatting import language_name
from mizan.privacy.consent.selectors import has_consent
from mizan.privacy.vault.errors import VaultError
from mizan.profiles.models import (
    Certificate,
    Profile,
    ProfileLanguage,
    ProfileOccupation,
    VerificationRequest,
)
from mizan.profiles.selectors.matching import PURPOSE, matching_enabled
from mizan.profiles.services.base import require_self
from mizan.taxonomy.selectors import occupation_titles

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkillItem:
    id: int
    uri: str
    label: str


@dataclass(frozen=True)
class OccupationItem:
    code: str
    isco_code: str
    title: str
    years_of_experience: Decimal
    is_main: bool
    skills: tuple[SkillItem, ...]


@dataclass(frozen=True)
class LanguageItem:
    code: str
    name: str
    level: int
    level_label: str


@dataclass(frozen=True)
class RequestItem:
    id: UUID
    organisation: str
    status: str
    status_label: str
    asked_at: dt.datetime
    decided_at: dt.datetime | None
    note: str


@dataclass(frozen=True)
class CertificateItem:
    id: UUID
    title: str
    number: str
    number_unreadable: bool
    issuer: str
    issuer_id: UUID | None
    issued_on: dt.date | None
    status: str
    status_label: str
    verified_at: dt.datetime | None
    file_name: str
    content_type: str
    size: int
    created_at: dt.datetime
    request: RequestItem | None  # the latest request to confirm it

    @property
    def is_verified(self) -> bool:
        return self.status == Certificate.Status.VERIFIED

    @property
    def is_waiting(self) -> bool:
        return self.request is not None and self.request.status == VerificationRequest.Status.PENDING

    @property
    def can_ask(self) -> bool:
        """Can the worker ask the issuer to confirm it now?"""
        return self.issuer_id is not None and not self.is_verified and not self.is_waiting


@dataclass(frozen=True)
class PreferencesItem:
    destinations: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    min_monthly_pay: Decimal | None = None
    currency: str = ""
    available_from: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.destinations or self.sectors or self.min_monthly_pay is not None or self.available_from
        )


# What is still missing, most useful first (the pages say each in plain words).
HINT_WORK = "add_work"
HINT_SKILLS = "add_skills"
HINT_LANGUAGES = "add_languages"
HINT_PREFERENCES = "add_preferences"
HINT_MATCHING = "turn_on_matching"


@dataclass(frozen=True)
class OwnProfile:
    worker_id: UUID
    occupations: tuple[OccupationItem, ...]
    languages: tuple[LanguageItem, ...]
    certificates: tuple[CertificateItem, ...]
    preferences: PreferencesItem
    changed_at: dt.datetime | None
    matching_on: bool  # matching may use the profile now
    matching_consent: bool  # the worker said yes to job matching (may still be stopped by a restriction)

    @property
    def skill_count(self) -> int:
        return len({skill.uri for occupation in self.occupations for skill in occupation.skills})

    @property
    def occupations_without_skills(self) -> tuple[OccupationItem, ...]:
        return tuple(occupation for occupation in self.occupations if not occupation.skills)

    @property
    def hints(self) -> tuple[str, ...]:
        found = []
        if not self.occupations:
            found.append(HINT_WORK)
        elif self.occupations_without_skills:
            found.append(HINT_SKILLS)
        if not self.languages:
            found.append(HINT_LANGUAGES)
        if self.preferences.is_empty:
            found.append(HINT_PREFERENCES)
        if not self.matching_on:
            found.append(HINT_MATCHING)
        return tuple(found)

    @property
    def is_complete(self) -> bool:
        return not self.hints


def _certificate_item(certificate: Certificate) -> CertificateItem:
    try:
        number, unreadable = certificate.number, False
    except VaultError as error:
        logger.warning("certificate %s: the number cannot be read (%s)", certificate.pk, error.code)
        number, unreadable = "", True
    try:
        file_name = str(certificate.file.name)
    except VaultError:
        file_name = certificate.title
    requests = list(certificate.verification_requests.all())
    latest = requests[0] if requests else None
    return CertificateItem(
        id=certificate.id,
        title=certificate.title,
        number=number,
        number_unreadable=unreadable,
        issuer=certificate.issuer_label,
        issuer_id=certificate.issuer_id,
        issued_on=certificate.issued_on,
        status=certificate.status,
        status_label=str(certificate.get_status_display()),
        verified_at=certificate.verified_at,
        file_name=file_name,
        content_type=certificate.file.content_type,
        size=certificate.file.size,
        created_at=certificate.created_at,
        request=RequestItem(
            id=latest.id,
            organisation=latest.organisation.name,
            status=latest.status,
            status_label=str(latest.get_status_display()),
            asked_at=latest.created_at,
            decided_at=latest.decided_at,
            note=latest.note,
        )
        if latest
        else None,
    )


def language_item(code: str, level: int) -> LanguageItem:
    return LanguageItem(code, language_name(code), level, str(ProfileLanguage.Level(level).label))


def profile_for_owner(*, actor: User, worker: User, language: str | None = None) -> OwnProfile:
    """The worker's whole profile, for their own pages and API (kinds of work titled in ``language``)."""
    require_self(actor, worker)
    profile = (
        Profile.objects.filter(worker=worker)
        .select_related("preferences")
        .prefetch_related(
            Prefetch(
                "occupations",
                queryset=ProfileOccupation.objects.select_related("occupation").prefetch_related(
                    "skills__skill"
                ),
            ),
            "languages",
            Prefetch(
                "certificates",
                queryset=Certificate.objects.select_related("file", "issuer").prefetch_related(
                    Prefetch(
                        "verification_requests",
                        queryset=VerificationRequest.objects.select_related("organisation").order_by(
                            "-created_at"
                        ),
                    )
                ),
            ),
        )
        .first()
    )
    consent = has_consent(worker=worker, purpose=PURPOSE)
    enabled = matching_enabled(worker)
    if profile is None:
        return OwnProfile(worker.pk, (), (), (), PreferencesItem(), None, enabled, consent)
    rows = list(profile.occupations.all())
    titles = occupation_titles([row.occupation for row in rows], language or get_language() or "en")
    occupations = tuple(
        OccupationItem(
            code=row.occupation.code,
            isco_code=row.occupation.isco_group_id,
            title=titles.get(row.occupation.pk) or row.occupation.preferred_label,
            years_of_experience=row.years_of_experience,
            is_main=row.is_main,
            skills=tuple(
                sorted(
                    (
                        SkillItem(item.skill.pk, item.skill.uri, item.skill.preferred_label)
                        for item in row.skills.all()
                    ),
                    key=lambda skill: skill.label.casefold(),
                )
            ),
        )
        for row in rows
    )
    languages = tuple(language_item(row.code, row.level) for row in profile.languages.all())
    preferences = PreferencesItem()
    stored = getattr(profile, "preferences", None)
    if stored is not None:
        preferences = PreferencesItem(
            destinations=tuple(stored.destinations or ()),
            sectors=tuple(stored.sectors or ()),
            min_monthly_pay=stored.min_monthly_pay,
            currency=stored.currency,
            available_from=stored.available_from,
        )
    certificates = tuple(_certificate_item(certificate) for certificate in profile.certificates.all())
    return OwnProfile(
        worker.pk, occupations, languages, certificates, preferences, profile.changed_at, enabled, consent
    )
