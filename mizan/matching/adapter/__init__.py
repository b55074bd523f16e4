"""The Django side of the engine's index: built from the database, kept fresh, one per process.

``worker_index()`` is the process-wide ``WorkerIndex``: built lazily on first use from
``profiles.selectors.matching_records`` (the only way matching reads profiles), then refreshed before each
query, incrementally:

- workers whose profile changed in this process: ``profile_changed`` (connected in MatchingConfig.ready)
  marks them, and the next query re-reads just them;
- changes made by other processes: ``matching_records(changed_since=…)``, polled at most every
  ``POLL_SECONDS``, from the start of the previous poll minus a safety margin;
- consent given or stopped, restrictions, erasure (which change no profile): a worker giving consent in
  this process is marked at once; every ``SWEEP_SECONDS`` the index's members are reconciled with
  ``workers_allowed``; and the workers of every ranking are checked before it is served, so a worker who
  stopped job matching is never shown.

A full rebuild happens on first use, when the day changes (pay is converted with the rates of the day),
when the taxonomy is imported again, and when a vacancy names a country the index does not know yet. It is
built beside the live index and swapped in, so queries never wait for it.

The legal yes/no checks of a corridor (``eligible_for``): the only one Mizan knows is a minimum age, and
matching may not read a date of birth (``profiles.selectors.eligibility`` answers "unknown" to it), which
does not block; so every worker is taken to meet the checks of every destination with rules, and the
check is made for real when the worker applies.
"""

from __future__ import annotations

from uuid import UUID

from mizan.matching.adapter.relevance import NONE_RELATED, is_related, related_only, wider
from mizan.matching.adapter.vacancies import VacancyCatalogue, VacancySet
from mizan.matching.adapter.workers import BuildStats, Ranked, WorkerIndex, allowed_now
from mizan.profiles.selectors.matching import PURPOSE

__all__ = [
    "NONE_RELATED",
    "BuildStats",
    "Ranked",
    "VacancyCatalogue",
    "VacancySet",
    "WorkerIndex",
    "allowed_now",
    "is_related",
    "on_consent_saved",
    "on_profile_changed",
    "related_only",
    "vacancy_catalogue",
    "wider",
    "worker_index",
]

# --- The process-wide instances ------------------------------------------------------------------------

_workers = WorkerIndex()
_vacancies = VacancyCatalogue(_workers.vocabulary)


def worker_index() -> WorkerIndex:
    return _workers


def vacancy_catalogue() -> VacancyCatalogue:
    return _vacancies


def on_profile_changed(sender: object, *, worker_id: UUID, **kwargs: object) -> None:
    """``profile_changed`` receiver: re-read the worker before the next query."""
    _workers.mark_changed(worker_id)


def on_consent_saved(sender: object, *, instance: object, **kwargs: object) -> None:
    """A job-matching consent given (or replaced) in this process: re-read the worker at once."""
    if getattr(instance, "purpose", None) == PURPOSE:
        worker_id = getattr(instance, "worker_id", None)
        if isinstance(worker_id, UUID):
            _workers.mark_changed(worker_id)
