"""Blind profiles: what a recruiter or employer sees of a worker on a shortlist.

Skills, experience, languages, certificates (confirmed or not) and where and when the worker wants to
work. Never the name, photo, sex, nationality, age, contact or any other protected attribute (none is in
a profile at all), nor the certificate issuer (it names a country) nor the lowest pay the worker would
accept (it would only anchor the offer there; matching uses it as a filter). Every look goes through the
access guard under ``job_matching`` and is recorded on the worker's "Who saw my data".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.errors import NotFound
from mizan.privacy.consent.access import require_access, require_access_many
from mizan.profiles.models import (
    Certificate,
    Preferences,
    Profile,
    ProfileLanguage,
    ProfileOccupation,
    ProfileSkill,
)
from mizan.profiles.selectors.matching import PURPOSE
from mizan.profiles.selectors.own import LanguageItem, SkillItem, language_item
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import occupation_titles

CATEGORIES = ("skills_experience", "preferences")


@dataclass(frozen=True)
class BlindOccupation:
    esco_code: str
    isco_code: str
    title: str  # in the reader's language
    years_of_experience: Decimal
    is_main: bool
    skills: tuple[SkillItem, ...]


@dataclass(frozen=True)
class BlindCertificate:
    title: str
    is_verified: bool


@dataclass(frozen=True)
class BlindProfile:
    worker_id: UUID  # an opaque id to invite the worker with; names nobody
    occupations: tuple[BlindOccupation, ...]
    languages: tuple[LanguageItem, ...]
    certificates: tuple[BlindCertificate, ...]
    destinations: tuple[str, ...]
    sectors: tuple[str, ...]
    available_from: dt.date | None
    access_record_id: UUID | None  # the record of this look, as the worker sees it

    @property
    def skill_count(self) -> int:
        return len({skill.uri for occupation in self.occupations for skill in occupation.skills})


def _workers(worker_ids: Collection[UUID]) -> list[User]:
    return list(User.objects.filter(pk__in=list(worker_ids), kind=User.Kind.WORKER))


def _build(grants: dict[UUID, UUID | None], language: str) -> dict[UUID, BlindProfile]:
    """Blind profiles of the workers in ``grants`` (worker id -> access record id), a fixed number of
    queries for any number of workers."""
    profiles = dict(Profile.objects.filter(worker_id__in=list(grants)).values_list("id", "worker_id"))
    ids = list(profiles)
    rows = list(
        ProfileOccupation.objects.filter(profile_id__in=ids)
        .select_related("occupation")
        .order_by("profile_id", "-is_main", "added_at")
    )
    skills: dict[int, list[SkillItem]] = defaultdict(list)
    for row_id, skill_id, uri, label in ProfileSkill.objects.filter(profile_occupation__in=rows).values_list(
        "profile_occupation_id", "skill_id", "skill__uri", "skill__preferred_label"
    ):
        skills[row_id].append(SkillItem(skill_id, uri, label))
    occupations_seen: dict[int, Occupation] = {row.occupation.pk: row.occupation for row in rows}
    titles = occupation_titles(list(occupations_seen.values()), language)
    occupations: dict[UUID, list[BlindOccupation]] = defaultdict(list)
    for row in rows:
        occupations[row.profile_id].append(
            BlindOccupation(
                esco_code=row.occupation.code,
                isco_code=row.occupation.isco_group_id,
                title=titles.get(row.occupation.pk) or row.occupation.preferred_label,
                years_of_experience=row.years_of_experience,
                is_main=row.is_main,
                skills=tuple(sorted(skills.get(row.pk, []), key=lambda skill: skill.label.casefold())),
            )
        )
    languages: dict[UUID, list[LanguageItem]] = defaultdict(list)
    for profile_id, code, level in ProfileLanguage.objects.filter(profile_id__in=ids).values_list(
        "profile_id", "code", "level"
    ):
        languages[profile_id].append(language_item(code, level))
    certificates: dict[UUID, list[BlindCertificate]] = defaultdict(list)
    for profile_id, title, status in (
        Certificate.objects.filter(profile_id__in=ids)
        .order_by("-created_at")
        .values_list("profile_id", "title", "status")
    ):
        certificates[profile_id].append(BlindCertificate(title, status == Certificate.Status.VERIFIED))
    preferences = {
        row[0]: row[1:]
        for row in Preferences.objects.filter(profile_id__in=ids).values_list(
            "profile_id", "destinations", "sectors", "available_from"
        )
    }
    by_worker = {worker_id: profile_id for profile_id, worker_id in profiles.items()}
    found: dict[UUID, BlindProfile] = {}
    for worker_id, record_id in grants.items():
        key = by_worker.get(worker_id)
        destinations, sectors, start = preferences.get(key, ([], [], None)) if key else ([], [], None)
        found[worker_id] = BlindProfile(
            worker_id=worker_id,
            occupations=tuple(occupations.get(key, ())) if key else (),
            languages=tuple(languages.get(key, ())) if key else (),
            certificates=tuple(certificates.get(key, ())) if key else (),
            destinations=tuple(destinations or ()),
            sectors=tuple(sectors or ()),
            available_from=start,
            access_record_id=record_id,
        )
    return found


def blind_profile(
    *, actor: User, worker_id: UUID, organisation: Organisation | None = None, language: str = "en"
) -> BlindProfile:
    """One worker's blind profile for ``actor`` (acting for ``organisation``; needed when they act for
    several). The access guard checks the role and the worker's consent to job matching and records the
    look, allowed or refused; refused: PermissionDenied (403). Unknown worker: NotFound (404)."""
    workers = _workers([worker_id])
    if not workers:
        raise NotFound(_("There is no such worker."))
    grant = require_access(
        actor=actor, worker=workers[0], purpose=PURPOSE, categories=CATEGORIES, organisation=organisation
    )
    return _build({workers[0].pk: grant.record_id}, language)[workers[0].pk]


def blind_profiles(
    *,
    actor: User,
    worker_ids: Collection[UUID],
    organisation: Organisation | None = None,
    language: str = "en",
) -> dict[UUID, BlindProfile]:
    """Blind profiles of a shortlist, a fixed number of queries for any length. Workers who do not allow
    job matching (any more) are left out; every look and refusal is recorded. A reader without the role:
    PermissionDenied (403), recorded for everyone asked."""
    workers = _workers(worker_ids)
    if not workers:
        return {}
    batch = require_access_many(
        actor=actor, workers=workers, purpose=PURPOSE, categories=CATEGORIES, organisation=organisation
    )
    return _build({worker_id: grant.record_id for worker_id, grant in batch.granted.items()}, language)
