"""The wages app's part in the worker's data rights: everything in "export everything about me", erasure
(with legal holds), the retention purge, and the ledger entries about the worker's records.

Data categories: the time log, pay received, evidence and employer reviews are ``work_hours_pay``; the
typed contract terms are ``contract_terms``. Retention (docs/wages-app.md): the log and pay records are
kept while the account exists, and deleted 6 years after the work (the ``contract`` period: the
limitation period for pay claims) unless a legal hold keeps them; employers' reads of a shared log follow
``access_records``, stopped sharings ``consents``.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from django.db.models import Q

from mizan.accounts.models import User
from mizan.privacy.rights.registry import (
    ERASERS,
    EXPORTERS,
    LEDGER_SUBJECTS,
    PURGERS,
    Restore,
    register_eraser,
    register_exporter,
    register_ledger_subjects,
    register_purger,
)
from mizan.privacy.rights.retention import retention_period
from mizan.privacy.rights.selectors import held_categories
from mizan.privacy.vault.errors import VaultError
from mizan.wages.models import (
    EmployerReview,
    Evidence,
    PayRecord,
    SharedLogRead,
    Sharing,
    WageTerms,
    WorkEvent,
)

logger = logging.getLogger(__name__)
NAME = "wages"


def _readable(read: Any) -> str:
    try:
        return str(read())
    except VaultError:
        return ""


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_wages(worker: User) -> dict[str, Any]:
    """Everything this app holds about the worker, in clear (the worker is the reader)."""
    events = WorkEvent.objects.filter(worker=worker).select_related("replaces").order_by("seq")
    terms = WageTerms.objects.filter(worker=worker).first()
    return {
        "time_log": [
            {
                "id": str(e.id),
                "client_id": str(e.client_id),
                "seq": e.seq,
                "kind": e.kind,
                "starts_at": _time(e.starts_at),
                "ends_at": _time(e.ends_at),
                "utc_offset_minutes": e.utc_offset_minutes,
                "time_zone": e.time_zone,
                "recorded_at": _time(e.recorded_at),
                "note": _readable(lambda e=e: e.note),
                "replaces": str(e.replaces.client_id) if e.replaces else None,
                "deleted": e.is_deletion,
                "source": e.source,
                "created_at": _time(e.created_at),
            }
            for e in events
        ],
        "contract_terms": None
        if terms is None
        else {
            "employer": str(terms.employer_id) if terms.employer_id else None,
            "destination": terms.destination,
            "sector": terms.sector,
            "worker_category": terms.worker_category,
            "time_zone": terms.time_zone,
            "currency": terms.currency,
            "pay_amount": f"{terms.pay_amount:f}",
            "pay_period": terms.pay_period,
            "hours_per_day": f"{terms.hours_per_day:f}" if terms.hours_per_day is not None else None,
            "hours_per_week": f"{terms.hours_per_week:f}" if terms.hours_per_week is not None else None,
            "rest_days_per_week": terms.rest_days_per_week,
            "rest_weekday": terms.rest_weekday,
            "overtime_rate": f"{terms.overtime_rate:f}" if terms.overtime_rate is not None else None,
            "standby_counts_as_work": terms.standby_counts_as_work,
            "food_provided": terms.food_provided,
            "food_allowance": f"{terms.food_allowance:f}" if terms.food_allowance is not None else None,
            "housing_provided": terms.housing_provided,
            "deductions": terms.deductions,
            "signed_on": terms.signed_on.isoformat() if terms.signed_on else None,
            "updated_at": _time(terms.modified_at),
        },
        "pay_received": [
            {
                "period": p.period,
                "currency": p.currency,
                "received": _readable(lambda p=p: p.received),
                "deductions": _json_list(_readable(lambda p=p: p.deductions)),
                "paid_on": p.paid_on.isoformat() if p.paid_on else None,
                "updated_at": _time(p.modified_at),
            }
            for p in PayRecord.objects.filter(worker=worker).order_by("starts_on")
        ],
        "evidence": [
            {
                "id": str(x.id),
                "period": x.period,
                "document_hash": x.document_hash,
                "ledger_seq": x.ledger_seq,
                "ledger_entry_hash": x.ledger_entry_hash,
                "created_at": _time(x.created_at),
            }
            for x in Evidence.objects.filter(worker=worker).order_by("created_at")
        ],
        "sharing": [
            {
                "organisation": str(s.organisation_id),
                "organisation_name": s.organisation.name,
                "given_at": _time(s.given_at),
                "withdrawn_at": _time(s.withdrawn_at),
            }
            for s in Sharing.objects.filter(worker=worker).select_related("organisation").order_by("given_at")
        ],
        "employer_reviews": [
            {
                "id": str(r.id),
                "organisation": str(r.organisation_id),
                "period": r.period,
                "outcome": r.outcome,
                "entries_hash": r.entries_hash,
                "employer_version": _json_list(_readable(lambda r=r: r.employer_version)),
                "comment": _readable(lambda r=r: r.comment),
                "created_at": _time(r.created_at),
            }
            for r in EmployerReview.objects.filter(worker=worker).order_by("created_at")
        ],
        "shared_log_reads": [
            {"organisation": str(r.organisation_id), "period": r.period, "at": _time(r.at)}
            for r in SharedLogRead.objects.filter(worker=worker).order_by("at")
        ],
    }


def erase_wages(*, worker: User, keep: frozenset[str]) -> Restore | None:
    """Delete the worker's wages data, except what a legal hold keeps (``work_hours_pay``,
    ``contract_terms``): that is read now and sealed again under the fresh key afterwards."""
    SharedLogRead.objects.filter(worker=worker).delete()
    Sharing.objects.filter(worker=worker).delete()
    if "contract_terms" not in keep:
        WageTerms.objects.filter(worker=worker).delete()
    if "work_hours_pay" not in keep:
        EmployerReview.objects.filter(worker=worker).delete()
        Evidence.objects.filter(worker=worker).delete()
        PayRecord.objects.filter(worker=worker).delete()
        WorkEvent.objects.filter(worker=worker).delete()
        return None
    # Kept: read every sealed value now, write it again once the old key is gone.
    sealed: list[tuple[Any, str, str]] = []
    for model, fields in (
        (WorkEvent, ("note",)),
        (PayRecord, ("received", "deductions")),
        (Evidence, ("document",)),
        (EmployerReview, ("employer_version", "comment")),
    ):
        for row in model.objects.filter(worker=worker):
            for name in fields:
                sealed.append((row, name, _readable(lambda row=row, name=name: getattr(row, name))))

    def restore() -> None:
        for row, name, value in sealed:
            setattr(row, name, value)
            row.save(update_fields=[name])

    return restore


def purge_wages(*, now: datetime) -> int:
    """Delete what has expired, except for workers whose legal hold keeps it."""
    deleted = 0
    work_cutoff = now - retention_period("contract")
    log = WorkEvent.objects.filter(starts_at__lt=work_cutoff).filter(
        Q(ends_at__isnull=True) | Q(ends_at__lt=work_cutoff)
    )
    held = {w for w in log.values_list("worker_id", flat=True).distinct() if _held(w, "work_hours_pay")}
    deleted += log.exclude(worker_id__in=held).delete()[0]
    pay = PayRecord.objects.filter(ends_on__lt=work_cutoff.date())
    held = {w for w in pay.values_list("worker_id", flat=True).distinct() if _held(w, "work_hours_pay")}
    deleted += pay.exclude(worker_id__in=held).delete()[0]
    for model in (Evidence, EmployerReview):
        old = model.objects.filter(created_at__lt=work_cutoff)
        held = {w for w in old.values_list("worker_id", flat=True).distinct() if _held(w, "work_hours_pay")}
        deleted += old.exclude(worker_id__in=held).delete()[0]
    deleted += SharedLogRead.objects.filter(at__lt=now - retention_period("access_records")).delete()[0]
    deleted += Sharing.objects.filter(withdrawn_at__lt=now - retention_period("consents")).delete()[0]
    return deleted


def _held(worker_id: Any, category: str) -> bool:
    worker = User.objects.filter(pk=worker_id).first()
    return worker is not None and category in held_categories(worker)


def ledger_subjects(worker: User) -> list[str]:
    evidence = [
        f"work_evidence:{h}"
        for h in Evidence.objects.filter(worker=worker).values_list("document_hash", flat=True)
    ]
    reviews = [
        f"wage_review:{i}" for i in EmployerReview.objects.filter(worker=worker).values_list("id", flat=True)
    ]
    sharings = [
        f"wage_sharing:{i}" for i in Sharing.objects.filter(worker=worker).values_list("id", flat=True)
    ]
    return evidence + reviews + sharings


def register() -> None:
    if NAME not in EXPORTERS:
        register_exporter(NAME, export_wages)
    if NAME not in ERASERS:
        register_eraser(NAME, erase_wages)
    if NAME not in PURGERS:
        register_purger(NAME, purge_wages)
    if NAME not in LEDGER_SUBJECTS:
        register_ledger_subjects(NAME, ledger_subjects)
