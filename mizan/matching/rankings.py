"""Writing and purging the ranking logs: every ranking served is recorded for later audit.

EU AI Act art. 12 asks a high-risk system (employment: Annex III point 4) to log its use automatically,
and art. 19 to keep the logs at least six months. A log holds ids, positions and scores only.
Retention: ``settings.MIZAN_RETENTION_DAYS["ranking_logs"]`` when set (never below ``MINIMUM_DAYS``),
else ``DEFAULT_DAYS``; ``mizan purge_expired`` deletes older logs through the purger registered here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from uuid import UUID

from django.conf import settings

from mizan.accounts.models import Organisation, User
from mizan.api.models import ApiToken
from mizan.matching.convert import ENGINE_VERSION
from mizan.matching.models import Channel, Direction, RankingLog

RETENTION_KEY = "ranking_logs"
MINIMUM_DAYS = 183  # six months (AI Act art. 19(1))
DEFAULT_DAYS = 365


def retention_days() -> int:
    table = getattr(settings, "MIZAN_RETENTION_DAYS", {}) or {}
    return max(MINIMUM_DAYS, int(table.get(RETENTION_KEY, DEFAULT_DAYS)))


def ranking_log_write(
    *,
    requested_by: User | None,
    organisation: Organisation | None,
    direction: str,
    vacancy_id: UUID | None = None,
    worker_id: UUID | None = None,
    weights_version: str,
    k: int,
    considered: int,
    eligible: int,
    filtered_out: dict[str, int],
    empty_reason: str | None,
    results: Sequence[tuple[int, UUID | str, float]],
    token: ApiToken | None = None,
    channel: str = Channel.WEB,
) -> RankingLog:
    """Record one ranking as served: ``results`` are (position, candidate id, score), best first."""
    return RankingLog.objects.create(
        requested_by=requested_by if requested_by is not None and requested_by.is_authenticated else None,
        requested_by_token=token,
        organisation=organisation,
        channel=channel,
        direction=Direction(direction),
        vacancy_id=vacancy_id,
        worker_id=worker_id,
        engine_version=ENGINE_VERSION,
        weights_version=weights_version,
        k=k,
        considered=considered,
        eligible=eligible,
        filtered_out={code: int(count) for code, count in filtered_out.items()},
        empty_reason=empty_reason or "",
        results=[
            [int(position), str(candidate), round(float(score), 6)] for position, candidate, score in results
        ],
    )


def purge_ranking_logs(*, now: dt.datetime) -> int:
    """Delete logs past their retention (registered with the data-rights app's purgers)."""
    cutoff = now - dt.timedelta(days=retention_days())
    deleted, _per_model = RankingLog.objects.filter(created_at__lt=cutoff).delete()
    return deleted
