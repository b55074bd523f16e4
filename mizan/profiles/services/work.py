"""Writes of a worker's job profile: kinds of work, skills, years, languages, what jobs they want.

Only the worker themself makes them. Each change moves ``Profile.changed_at`` and, once committed, sends
``profile_changed`` (once per change) so the matching index can refresh that worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import NotFound
from mizan.profiles import validation
from mizan.profiles.models import Preferences, Profile, ProfileLanguage, ProfileOccupation, ProfileSkill
from mizan.profiles.services.base import locked_profile as _profile
from mizan.profiles.services.base import occupation_by_code, require_self
from mizan.profiles.services.base import profile_occupation_of as _profile_occupation
from mizan.profiles.services.base import touch as _touch
from mizan.profiles.validation import ProfileInputError
from mizan.taxonomy.models import Occupation, OccupationSkill, Skill

NOT_OF_OCCUPATION = _("This skill does not belong to this kind of work.")


# --- Kinds of work and skills ---------------------------------------------------------------------------


def _add_occupation(
    profile: Profile, occupation: Occupation, years: Decimal | None, is_main: bool | None
) -> tuple[ProfileOccupation, bool]:
    """Add or update one kind of work; (the row, whether anything changed)."""
    existing = list(ProfileOccupation.objects.filter(profile=profile))
    found = next((item for item in existing if item.occupation_id == occupation.pk), None)
    if found is None:
        if len(existing) >= validation.MAX_OCCUPATIONS:
            raise ProfileInputError(
                _("You can add up to %(most)s kinds of work. Please remove one first."),
                code="too_many_occupations",
                most=validation.MAX_OCCUPATIONS,
            )
        found = ProfileOccupation(profile=profile, occupation=occupation, years_of_experience=years or 0)
        make_main = is_main is True or not any(item.is_main for item in existing)
    else:
        before = (found.years_of_experience, found.is_main)
        if years is not None:
            found.years_of_experience = years
        make_main = is_main is True or (found.is_main and is_main is None)
        if (found.years_of_experience, make_main) == before:
            return found, False
    if make_main:
        ProfileOccupation.objects.filter(profile=profile, is_main=True).exclude(pk=found.pk).update(
            is_main=False
        )
    found.is_main = make_main
    found.save()
    return found, True


def _set_skills(profile_occupation: ProfileOccupation, skill_ids: Collection[int]) -> tuple[list[int], bool]:
    """Make the skills under one kind of work exactly ``skill_ids``; (the ids, whether anything changed)."""
    wanted: set[int] = set()
    for value in skill_ids:
        try:
            wanted.add(int(value))
        except (TypeError, ValueError) as exc:
            raise ProfileInputError(
                NOT_OF_OCCUPATION, field="skills", code="skill_not_of_occupation"
            ) from exc
    allowed = set(
        OccupationSkill.objects.filter(
            occupation_id=profile_occupation.occupation_id, skill_id__in=wanted
        ).values_list("skill_id", flat=True)
    )
    if wanted - allowed:
        raise ProfileInputError(NOT_OF_OCCUPATION, field="skills", code="skill_not_of_occupation")
    current = set(
        ProfileSkill.objects.filter(profile_occupation=profile_occupation).values_list("skill_id", flat=True)
    )
    ProfileSkill.objects.filter(profile_occupation=profile_occupation, skill_id__in=current - wanted).delete()
    ProfileSkill.objects.bulk_create(
        [
            ProfileSkill(profile_occupation=profile_occupation, skill_id=skill_id)
            for skill_id in sorted(wanted - current)
        ]
    )
    return sorted(wanted), wanted != current


@transaction.atomic
def profile_occupation_add(
    *,
    actor: User,
    worker: User,
    code: str,
    years_of_experience: Decimal | float | str | None = None,
    is_main: bool | None = None,
) -> ProfileOccupation:
    """Add a kind of work (or change its years and whether it is the main one, when already there).

    The first kind of work added becomes the main one. Raises UnknownOccupation, ProfileInputError.
    """
    require_self(actor, worker)
    occupation = occupation_by_code(code)
    years = validation.clean_years(years_of_experience) if years_of_experience is not None else None
    profile = _profile(worker, actor)
    found, changed = _add_occupation(profile, occupation, years, is_main)
    if changed:
        _touch(profile)
    return found


@transaction.atomic
def profile_occupation_remove(*, actor: User, worker: User, code: str) -> None:
    """Remove a kind of work and the skills ticked under it. Another becomes the main one if needed."""
    require_self(actor, worker)
    occupation = occupation_by_code(code)
    profile = _profile(worker, actor)
    found = _profile_occupation(profile, occupation)
    was_main = found.is_main
    found.delete()
    if was_main:
        successor = ProfileOccupation.objects.filter(profile=profile).order_by("added_at").first()
        if successor is not None:
            successor.is_main = True
            successor.save(update_fields=["is_main"])
    _touch(profile)


@transaction.atomic
def skills_set(*, actor: User, worker: User, code: str, skill_ids: Collection[int]) -> list[int]:
    """The skills the worker has for one kind of work in their profile: exactly ``skill_ids``.

    Each must be one of that occupation's ESCO essential or optional skills, else ProfileInputError
    ``skill_not_of_occupation``. An empty list is allowed (matching then has nothing to go on, and the
    pages say so). Returns the skill ids kept.
    """
    require_self(actor, worker)
    occupation = occupation_by_code(code)
    profile = _profile(worker, actor)
    kept, changed = _set_skills(_profile_occupation(profile, occupation), skill_ids)
    if changed:
        _touch(profile)
    return kept


@transaction.atomic
def occupation_save(
    *,
    actor: User,
    worker: User,
    code: str,
    years_of_experience: Decimal | float | str | None,
    skill_ids: Collection[int],
    is_main: bool | None = None,
) -> ProfileOccupation:
    """One step of the pages: add (or update) a kind of work with its years and skills, all or nothing."""
    require_self(actor, worker)
    occupation = occupation_by_code(code)
    years = validation.clean_years(years_of_experience)
    profile = _profile(worker, actor)
    found, changed = _add_occupation(profile, occupation, years, is_main)
    _kept, skills_changed = _set_skills(found, skill_ids)
    if changed or skills_changed:
        _touch(profile)
    return found


@dataclass(frozen=True)
class OccupationInput:
    """One kind of work with everything about it, for a whole-profile replacement (the API's PUT)."""

    code: str
    years_of_experience: Decimal | float | str | None = None
    is_main: bool = False
    skill_ids: Sequence[int] = ()


@transaction.atomic
def occupations_replace(*, actor: User, worker: User, occupations: Sequence[OccupationInput]) -> None:
    """Make the worker's kinds of work exactly ``occupations`` (with their years and skills), at once.

    Nothing changes unless every item is right.
    """
    require_self(actor, worker)
    codes = [item.code for item in occupations]
    if len(set(codes)) != len(codes):
        raise ProfileInputError(_("Each kind of work can be given only once."), code="occupation_twice")
    if len(codes) > validation.MAX_OCCUPATIONS:
        raise ProfileInputError(
            _("You can add up to %(most)s kinds of work. Please remove one first."),
            code="too_many_occupations",
            most=validation.MAX_OCCUPATIONS,
        )
    if sum(1 for item in occupations if item.is_main) > 1:
        raise ProfileInputError(_("Only one kind of work can be your main one."), code="main_twice")
    resolved = [
        (item, occupation_by_code(item.code), validation.clean_years(item.years_of_experience))
        for item in occupations
    ]
    profile = _profile(worker, actor)
    keep = [occupation.pk for _item, occupation, _years in resolved]
    ProfileOccupation.objects.filter(profile=profile).exclude(occupation_id__in=keep).delete()
    ProfileOccupation.objects.filter(profile=profile).update(is_main=False)
    for index, (item, occupation, years) in enumerate(resolved):
        main = item.is_main or (index == 0 and not any(other.is_main for other in occupations))
        found, _changed = _add_occupation(profile, occupation, years, main or None)
        _set_skills(found, item.skill_ids)
    _touch(profile)


# --- Languages -------------------------------------------------------------------------------------------


def _clean_level(level: Any) -> int:
    try:
        clean = int(level)
    except (TypeError, ValueError):
        clean = -1
    if clean not in ProfileLanguage.Level.values:
        raise ProfileInputError(
            _("Please choose how well you speak it."), field="level", code="level_unknown"
        )
    return clean


def _set_language(profile: Profile, code: str, level: int) -> tuple[ProfileLanguage, bool]:
    found = ProfileLanguage.objects.filter(profile=profile, code=code).first()
    if found is None:
        if ProfileLanguage.objects.filter(profile=profile).count() >= validation.MAX_LANGUAGES:
            raise ProfileInputError(
                _("You can add up to %(most)s languages."),
                field="code",
                code="too_many_languages",
                most=validation.MAX_LANGUAGES,
            )
        return ProfileLanguage.objects.create(profile=profile, code=code, level=level), True
    if found.level == level:
        return found, False
    found.level = level
    found.save(update_fields=["level"])
    return found, True


@transaction.atomic
def language_set(*, actor: User, worker: User, code: str, level: int) -> ProfileLanguage:
    """Say how well the worker speaks a language (any BCP 47 language); sets it again if already there.

    ``level``: 0 a few words, 1 I can talk, 2 I speak well, 3 my own language.
    """
    require_self(actor, worker)
    clean_code = validation.clean_language_code(code)
    clean_level = _clean_level(level)
    profile = _profile(worker, actor)
    found, changed = _set_language(profile, clean_code, clean_level)
    if changed:
        _touch(profile)
    return found


@transaction.atomic
def language_remove(*, actor: User, worker: User, code: str) -> None:
    require_self(actor, worker)
    profile = _profile(worker, actor)
    deleted, _rows = ProfileLanguage.objects.filter(profile=profile, code=str(code or "")[:35]).delete()
    if not deleted:
        raise NotFound(_("This language is not in your profile."), code="language_not_in_profile")
    _touch(profile)


@transaction.atomic
def languages_replace(*, actor: User, worker: User, languages: Iterable[tuple[str, int]]) -> None:
    """Make the worker's languages exactly ``languages`` ((code, level) pairs), at once."""
    require_self(actor, worker)
    items = [(validation.clean_language_code(code), _clean_level(level)) for code, level in languages]
    codes = [code for code, _level in items]
    if len(set(codes)) != len(codes):
        raise ProfileInputError(
            _("Each language can be given only once."), field="code", code="language_twice"
        )
    if len(codes) > validation.MAX_LANGUAGES:
        raise ProfileInputError(
            _("You can add up to %(most)s languages."),
            field="code",
            code="too_many_languages",
            most=validation.MAX_LANGUAGES,
        )
    profile = _profile(worker, actor)
    ProfileLanguage.objects.filter(profile=profile).exclude(code__in=codes).delete()
    for code, level in items:
        _set_language(profile, code, level)
    _touch(profile)


# --- Preferences ----------------------------------------------------------------------------------------


@transaction.atomic
def preferences_set(
    *,
    actor: User,
    worker: User,
    destinations: Iterable[str] = (),
    sectors: Iterable[str] = (),
    min_monthly_pay: Decimal | str | None = None,
    currency: str = "",
    available_from: dt.date | None = None,
) -> Preferences:
    """Replace the jobs the worker wants. Every part is optional; what is given must be right."""
    require_self(actor, worker)
    clean_destinations = validation.clean_countries(destinations)
    clean_sectors = validation.clean_sectors(sectors)
    pay, clean_currency = validation.clean_pay(min_monthly_pay, currency)
    start = validation.clean_start(available_from)
    profile = _profile(worker, actor)
    preferences, _created = Preferences.objects.get_or_create(profile=profile)
    preferences.destinations = clean_destinations
    preferences.sectors = clean_sectors
    preferences.min_monthly_pay = pay
    preferences.currency = clean_currency
    preferences.available_from = start
    preferences.save()
    _touch(profile)
    return preferences


def skill_ids_from_uris(uris: Sequence[str]) -> list[int]:
    """The ids of ESCO skills named by URI (the API's way to name them); an unknown URI cannot belong to
    any kind of work, so it is refused as ``skill_not_of_occupation``."""
    wanted = {str(uri).strip() for uri in uris}
    found = dict(Skill.objects.filter(uri__in=wanted).values_list("uri", "id"))
    if wanted - found.keys():
        raise ProfileInputError(NOT_OF_OCCUPATION, field="skills", code="skill_not_of_occupation")
    return sorted(found.values())
