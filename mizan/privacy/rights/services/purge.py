"""The daily purge: delete what has outlived its retention period, finish erasures whose holds ended.

Idempotent (a second run finds nothing more to do) and quiet: it returns counts, never personal data.
Each step runs in its own transaction, so one failure loses nothing the others did.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, F, OuterRef, ProtectedError, Q, RestrictedError
from django.db.models.functions import Coalesce
from django.utils import timezone

from mizan.accounts.models import User
from mizan.accounts.services import sign_in_records_purge
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.rights.categories import ACCESS_RECORDS, CONSENTS
from mizan.privacy.rights.models import CorrectionRequest, Erasure, ErasureStatus, LegalHold
from mizan.privacy.rights.registry import PURGERS
from mizan.privacy.rights.retention import retention_period
from mizan.privacy.rights.services.erasure import erasure_continue, worker_erase

logger = logging.getLogger(__name__)


# Every step, in the order it runs (then the registered purgers, by name).
STEPS = (
    "sign_in_codes",
    "access_records",
    "consents",
    "correction_requests",
    "erasures_narrowed",
    "erasures_finished",
    "inactive_accounts",
    "legal_holds",
    "tombstones",
)


@dataclass
class PurgeReport:
    """What one run did: counts by step, in the order the steps ran, and the steps that failed."""

    counts: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    def add(self, step: str, count: int) -> None:
        self.counts[step] = self.counts.get(step, 0) + count

    def fail(self, step: str) -> None:
        self.failures[step] = self.failures.get(step, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.failures


def _sign_in_codes(now: datetime) -> int:
    return sign_in_records_purge(older_than=retention_period("sign_in_codes"))


def _held_for(code: str, now: datetime) -> set[UUID]:
    """Workers whose active legal holds keep ``code`` (holds are few: filtered here, in Python)."""
    day = timezone.localdate(now)
    holds = LegalHold.objects.filter(released_at__isnull=True).filter(
        Q(until__isnull=True) | Q(until__gte=day)
    )
    return {worker_id for worker_id, codes in holds.values_list("worker_id", "categories") if code in codes}


def _access_records(now: datetime) -> int:
    expired = AccessRecord.objects.filter(at__lt=now - retention_period("access_records"))
    deleted, _detail = expired.exclude(worker_id__in=_held_for(ACCESS_RECORDS, now)).delete()
    return deleted


def _consents(now: datetime) -> int:
    """Consents withdrawn longer ago than the period. A replaced consent points at its successor, so the
    oldest of a chain goes first (the database protects the link)."""
    expired = Consent.objects.filter(withdrawn_at__lt=now - retention_period("consents")).exclude(
        worker_id__in=_held_for(CONSENTS, now)
    )
    total = 0
    while True:
        unreferenced = expired.exclude(Exists(Consent.objects.filter(replaced_by=OuterRef("pk"))))
        deleted, _detail = Consent.objects.filter(
            pk__in=list(unreferenced.values_list("pk", flat=True)[:1000])
        ).delete()
        total += deleted
        if not deleted:
            return total


def _correction_requests(now: datetime) -> int:
    cutoff = now - retention_period("correction_requests")
    deleted, _detail = CorrectionRequest.objects.filter(closed_at__lt=cutoff).delete()
    return deleted


def _legal_holds(now: datetime) -> int:
    """Holds that ended longer ago than the period (their placing and release stay in the ledger)."""
    cutoff = now - retention_period("legal_holds")
    ended = Q(released_at__lt=cutoff) | Q(released_at__isnull=True, until__lt=cutoff.date())
    deleted, _detail = LegalHold.objects.filter(ended).delete()
    return deleted


def _inactive_accounts(now: datetime, report: PurgeReport) -> None:
    cutoff = now - retention_period("inactive_accounts")
    candidates = (
        User.objects.filter(kind=User.Kind.WORKER, is_superuser=False, is_staff=False, erasure__isnull=True)
        .annotate(last_seen=Coalesce(F("last_login"), F("date_joined")))
        .filter(last_seen__lt=cutoff)
    )
    for worker in candidates.iterator(chunk_size=200):
        try:
            worker_erase(actor=None, worker=worker)
        except Exception as error:  # one account's problem must not stop the others; no personal data logged
            logger.error("purge: inactive account %s not erased: %s", worker.pk, type(error).__name__)
            report.fail("inactive_accounts")
        else:
            report.add("inactive_accounts", 1)


def _held_erasures(now: datetime, report: PurgeReport) -> None:
    today = timezone.localdate(now)
    for erasure in Erasure.objects.filter(status=ErasureStatus.HELD).iterator(chunk_size=200):
        try:
            outcome = erasure_continue(erasure=erasure, today=today)
        except Exception as error:
            logger.error("purge: erasure %s not continued: %s", erasure.pk, type(error).__name__)
            report.fail("erasures_finished")
            continue
        if outcome == "finished":
            report.add("erasures_finished", 1)
        elif outcome == "narrowed":
            report.add("erasures_narrowed", 1)


def _tombstones(report: PurgeReport) -> None:
    """Delete erased accounts' rows once nothing refers to them any more (consents, access records and
    ended legal holds expire first); the Erasure record stays, pointing at nobody."""
    candidates = User.objects.filter(erasure__status=ErasureStatus.DONE, is_active=False).filter(
        ~Exists(Consent.objects.filter(worker=OuterRef("pk"))),
        ~Exists(AccessRecord.objects.filter(worker=OuterRef("pk"))),
        ~Exists(LegalHold.objects.filter(worker=OuterRef("pk"))),
    )
    for worker in candidates.iterator(chunk_size=200):
        try:
            with transaction.atomic():
                worker.delete()
        except (ProtectedError, RestrictedError):
            continue  # another app still needs the row; tried again tomorrow
        report.add("tombstones", 1)


def _counted(report: PurgeReport, step: str, run: Callable[[], int]) -> None:
    """One step in its own transaction; a failure is logged by its class name only (an exception's text
    may hold personal data) and the other steps still run."""
    try:
        with transaction.atomic():
            report.add(step, run())
    except Exception as error:
        logger.error("purge: %s failed: %s", step, type(error).__name__)
        report.fail(step)


def _looped(report: PurgeReport, step: str, run: Callable[[], None]) -> None:
    """A step that commits each item itself (and counts its own failures); guarded as a whole too."""
    try:
        run()
    except Exception as error:
        logger.error("purge: %s failed: %s", step, type(error).__name__)
        report.fail(step)


def purge_expired(*, now: datetime | None = None) -> PurgeReport:
    """Run every purge step (and every registered purger); see docs/privacy/rights.md."""
    moment = now or timezone.now()
    report = PurgeReport(counts=dict.fromkeys(STEPS, 0))
    for step, run in (
        ("sign_in_codes", _sign_in_codes),
        ("access_records", _access_records),
        ("consents", _consents),
        ("correction_requests", _correction_requests),
    ):
        _counted(report, step, partial(run, moment))
    # Held erasures before holds are deleted, so ended holds still name what to finish.
    _looped(report, "erasures_finished", lambda: _held_erasures(moment, report))
    _looped(report, "inactive_accounts", lambda: _inactive_accounts(moment, report))
    _counted(report, "legal_holds", lambda: _legal_holds(moment))
    _looped(report, "tombstones", lambda: _tombstones(report))
    for name, purger in PURGERS.items():
        _counted(report, name, partial(purger, now=moment))
    return report
