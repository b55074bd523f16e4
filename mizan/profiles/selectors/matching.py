"""``matching_records``: the ONLY way the matching app reads profiles.

It yields plain ``ProfileFacts`` (no protected attributes) of the workers whose data may be processed for
job matching right now: consent to the current ``job_matching`` notice, no restriction, no objection to
profiling, not erased (``mizan.privacy.consent.selectors.workers_allowed`` decides). Machines processing
data under a purpose record no access; people reading a profile go through ``blind_profile``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import CharField, Count, QuerySet
from django.db.models.functions import Cast

from mizan.accounts.models import User
from mizan.privacy.consent.selectors import processing_allowed, workers_allowed
from mizan.profiles.facts import OccupationFacts, ProfileFacts
from mizan.profiles.models import (
    Certificate,
    Preferences,
    Profile,
    ProfileLanguage,
    ProfileOccupation,
    ProfileSkill,
)

PURPOSE = "job_matching"
BATCH_SIZE = 2000


def matching_enabled(worker: User) -> bool:
    """May matching use this worker's profile now? (Their consent, restrictions and objections.)"""
    return processing_allowed(worker=worker, purpose=PURPOSE)


def matching_records(
    *,
    worker_ids: Collection[UUID] | None = None,
    changed_since: dt.datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ProfileFacts]:
    """The profiles matching may use, as plain facts, ``batch_size`` workers at a time (a fixed number of
    queries per batch, whatever the profiles hold).

    ``worker_ids``: only these workers (those not allowed are simply not yielded: drop them from the
    index). ``changed_since``: only profiles changed at or after it. Pass the start of your previous
    refresh minus a safety margin (a few minutes): a change committed late carries the time it was made,
    and yielding a profile twice is harmless. A worker who stops job matching is not yielded again, but
    ``changed_since`` cannot tell you they left: check the index's ids with ``workers_allowed`` too, or
    listen to ``mizan.privacy`` consent changes.
    """
    size = max(1, int(batch_size))
    base = Profile.objects.filter(worker__kind=User.Kind.WORKER, worker__is_active=True)
    if changed_since is not None:
        base = base.filter(changed_at__gte=changed_since)
    if worker_ids is not None:
        ids = sorted(set(worker_ids))
        for start in range(0, len(ids), size):
            chunk = base.filter(worker_id__in=ids[start : start + size])
            yield from _facts(_rows(chunk), chunk.values("id"))
        return
    last: UUID | None = None
    while True:
        page = base.order_by("id")
        if last is not None:
            page = page.filter(id__gt=last)
        rows = _rows(page, limit=size)
        if not rows:
            return
        last = UUID(rows[-1][0])
        # The children are read with the page itself as a subquery: no list of 2,000 ids to send.
        yield from _facts(rows, page.values("id")[:size])


def _key(field: str) -> Cast:
    # Rows are matched by the profile id as text: turning tens of thousands of ids into UUID objects
    # was most of the time of a pass (the same text on both sides, whatever the database).
    return Cast(field, output_field=CharField())


def _rows(
    profiles: QuerySet[Profile, Any], *, limit: int | None = None
) -> list[tuple[str, UUID, dt.datetime]]:
    """(key, worker id, changed at) of each profile, in the queryset's order."""
    rows = profiles.annotate(key=_key("id")).values_list("key", "worker_id", "changed_at")
    return list(rows[:limit] if limit is not None else rows)


def _facts(
    rows: Sequence[tuple[str, UUID, dt.datetime]], scope: QuerySet[Profile, Any]
) -> Iterator[ProfileFacts]:
    allowed = workers_allowed(worker_ids=[row[1] for row in rows], purpose=PURPOSE)
    rows = [row for row in rows if row[1] in allowed]
    if not rows:
        return

    occupations: dict[str, list[OccupationFacts]] = defaultdict(list)
    owner: dict[int, str] = {}  # ProfileOccupation id -> profile id: skills are keyed by the small int
    for row_id, profile_id, code, isco, years, is_main in (
        ProfileOccupation.objects.filter(profile_id__in=scope)
        .annotate(key=_key("profile_id"))
        .order_by("profile_id", "-is_main", "added_at")
        .values_list(
            "id",
            "key",
            "occupation__code",
            "occupation__isco_group_id",
            "years_of_experience",
            "is_main",
        )
    ):
        occupations[profile_id].append(OccupationFacts(code, isco, years, is_main))
        owner[row_id] = profile_id

    skills: dict[str, set[str]] = defaultdict(set)
    for row_id, uri in ProfileSkill.objects.filter(profile_occupation__profile_id__in=scope).values_list(
        "profile_occupation_id", "skill__uri"
    ):
        skills[owner[row_id]].add(uri)

    languages: dict[str, dict[str, int]] = defaultdict(dict)
    for profile_id, code, level in (
        ProfileLanguage.objects.filter(profile_id__in=scope)
        .annotate(key=_key("profile_id"))
        .values_list("key", "code", "level")
    ):
        languages[profile_id][code] = level

    preferences: dict[str, tuple[list[str], list[str], Decimal | None, str, dt.date | None]] = {
        profile_id: (destinations, sectors, pay, currency, start)
        for profile_id, destinations, sectors, pay, currency, start in Preferences.objects.filter(
            profile_id__in=scope
        )
        .annotate(key=_key("profile_id"))
        .values_list("key", "destinations", "sectors", "min_monthly_pay", "currency", "available_from")
    }

    verified = dict(
        Certificate.objects.filter(profile_id__in=scope, status=Certificate.Status.VERIFIED)
        .order_by()
        .annotate(key=_key("profile_id"))
        .values("key")
        .annotate(count=Count("id"))
        .values_list("key", "count")
    )

    for profile_id, worker_id, changed_at in rows:
        destinations, sectors, pay, currency, start = preferences.get(profile_id, ([], [], None, "", None))
        yield ProfileFacts(
            worker_id=worker_id,
            occupations=tuple(occupations.get(profile_id, ())),
            skills=frozenset(skills.get(profile_id, ())),
            verified_certificates=int(verified.get(profile_id, 0)),
            languages=dict(languages.get(profile_id, {})),
            destinations=tuple(destinations or ()),
            sectors=tuple(sectors or ()),
            min_monthly_pay=pay,
            currency=currency or None,
            available_from=start,
            changed_at=changed_at,
        )
