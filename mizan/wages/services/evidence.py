"""Evidence of a period: the log (every event, edits included), the entries as they stand, the pay received
and the statement, as one JSON file whose SHA-256 is written to the ledger. Anyone holding the file can
later check it is unchanged (``verify_evidence``), without the worker's account and without seeing
anyone else's data: the ledger holds the hash only.

The file is the canonical JSON of the document (keys sorted, no spaces, UTF-8), so its bytes are its
content: a changed byte is a changed file. The exact bytes are kept sealed, so the worker downloads the
same file again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import DomainError
from mizan.privacy.ledger import ledger_append
from mizan.privacy.ledger.canonical import entry_hash, format_time
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.ledger.selectors import ReferenceCheck, reference_check
from mizan.wages import timeline
from mizan.wages.models import EmployerReview, Evidence, WorkEvent
from mizan.wages.periods import Period
from mizan.wages.selectors.log import require_own
from mizan.wages.statement import build_statement

FORMAT = "mizan-work-evidence/1"
KIND = "wages.evidence"
SUBJECT = "work_evidence"
FILE_MAX = 5 * 1024 * 1024


def canonical(document: Any) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _t(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


def _event(e: WorkEvent) -> dict[str, Any]:
    return {
        "id": str(e.id),
        "seq": e.seq,
        "client_id": str(e.client_id),
        "kind": e.kind,
        "starts_at": _t(e.starts_at),
        "ends_at": _t(e.ends_at),
        "utc_offset_minutes": e.utc_offset_minutes,
        "time_zone": e.time_zone,
        "recorded_at": _t(e.recorded_at),
        "replaces": str(e.replaces.client_id) if e.replaces else None,
        "deleted": e.is_deletion,
        "source": e.source,
        "stored_at": _t(e.created_at),
    }


def _chains(worker: User, shown: set[uuid.UUID]) -> set[uuid.UUID]:
    """Ids of every event in the chains ending at the ``shown`` entries (their earlier versions)."""
    found = set(shown)
    frontier = set(shown)
    while frontier:
        earlier = {
            i
            for i in WorkEvent.objects.filter(worker=worker, id__in=frontier).values_list(
                "replaces_id", flat=True
            )
            if i is not None
        } - found
        found |= earlier
        frontier = earlier
    return found


def evidence_document(
    *, worker: User, period: Period, language: str, now: dt.datetime, export_id: uuid.UUID
) -> dict[str, Any]:
    """The document: who, which period, the entries as they stand, every event behind them (earlier
    versions and deletions of the period too), the pay received, the statement and employer reviews."""
    result = build_statement(worker=worker, period=period, language=language, now=now)
    view = result.view
    tz = timeline.zone_or_utc(view.zone)
    window = (timeline.day_bounds(period.first, tz)[0], timeline.day_bounds(period.last, tz)[1])
    ids = _chains(worker, {entry.id for entry in view.entries})
    events = (
        WorkEvent.objects.filter(worker=worker)
        .filter(Q(id__in=ids) | Q(starts_at__gte=window[0], starts_at__lt=window[1]))
        .select_related("replaces")
        .order_by("seq")
    )
    terms = result.terms
    reviews = EmployerReview.objects.filter(worker=worker, period=period.key).select_related("organisation")
    pay = result.pay
    return {
        "format": FORMAT,
        "id": str(export_id),
        "generated_at": _t(now),
        "language": language,
        "worker": {"id": str(worker.pk), "name": worker.display_name},
        "period": {
            "key": period.key,
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "time_zone": view.zone,
        },
        "employer": {"id": str(terms.employer.pk), "name": terms.employer.name}
        if terms and terms.employer
        else None,
        "entries": [
            {
                "id": str(e.id),
                "client_id": str(e.event.client_id),
                "kind": e.kind,
                "starts_at": _t(e.starts_at),
                "ends_at": _t(e.ends_at),
                "counted": e.counted,
                "problems": sorted({p.code for p in e.problems}),
                "note": e.event.note,
            }
            for e in view.entries
        ],
        "events": [_event(e) for e in events],
        "minutes": dict(sorted(view.totals.items())),
        "pay_received": None
        if pay is None
        else {
            "currency": pay.currency,
            "received": f"{pay.received:f}",
            "deductions": pay.deductions,
            "paid_on": pay.paid_on.isoformat() if pay.paid_on else None,
        },
        "statement": result.data,
        "statement_missing": result.error or None,
        "employer_reviews": [
            {
                "organisation": r.organisation.name,
                "outcome": r.outcome,
                "entries_hash": r.entries_hash,
                "at": _t(r.created_at),
            }
            for r in reviews
        ],
    }


def evidence_export(
    *, actor: User, worker: User, period: Period, language: str, now: dt.datetime | None = None
) -> Evidence:
    """Export ``period``: build the file, write its hash to the ledger, keep the file sealed."""
    require_own(actor, worker)
    now = now or timezone.now()
    export_id = uuid.uuid4()
    document = evidence_document(
        worker=worker, period=period, language=language, now=now, export_id=export_id
    )
    content = canonical(document)
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        evidence = Evidence(
            id=export_id,
            worker=worker,
            period=period.key,
            starts_on=period.first,
            ends_on=period.last,
            document_hash=digest,
            entries=len(document["entries"]),
            ledger_seq=0,
            ledger_entry_hash="",
            created_by=actor,
        )
        evidence.document = content.decode("utf-8")
        entry = ledger_append(
            kind=KIND,
            subject=f"{SUBJECT}:{digest}",
            data={"format": FORMAT, "entries": len(document["entries"])},
        )
        evidence.ledger_seq = entry.seq
        evidence.ledger_entry_hash = entry.entry_hash
        evidence.save()
    return evidence


def evidence_bytes(*, actor: User, evidence: Evidence) -> bytes:
    require_own(actor, evidence.worker)
    return evidence.document.encode("utf-8")


# --- Checking a file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """``status``: ``unchanged`` (these exact bytes are in the ledger), ``layout_changed`` (the same
    content, but spaces or line ends were changed), ``not_found`` (changed, or never exported), or
    ``unreadable`` (not an evidence file)."""

    status: str
    digest: str
    entry: LedgerEntry | None = None
    entry_intact: bool = False
    reference: ReferenceCheck | None = None
    document: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("unchanged", "layout_changed") and self.entry_intact


def _ledger_entry(digest: str) -> LedgerEntry | None:
    return LedgerEntry.objects.filter(subject=f"{SUBJECT}:{digest}", kind=KIND).order_by("seq").first()


def _intact(entry: LedgerEntry) -> bool:
    """Does the entry's stored hash still match its content (nobody changed it behind the ledger)?"""
    return entry.entry_hash == entry_hash(
        seq=entry.seq,
        kind=entry.kind,
        subject=entry.subject,
        data=entry.data,
        recorded_at=format_time(entry.recorded_at),
        prev_hash=entry.prev_hash,
    )


def verify_evidence(content: bytes) -> Verification:
    """Is this file an evidence export whose hash is in the ledger? Needs no sign-in: only the holder of
    the file learns anything, and only about that file."""
    if len(content) > FILE_MAX:
        raise DomainError(_("This file is too large to be a Mizan evidence file."), code="file_too_large")
    digest = hashlib.sha256(content).hexdigest()
    entry = _ledger_entry(digest)
    status = "unchanged"
    try:
        parsed = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        parsed = None
    document = parsed if isinstance(parsed, dict) else None
    if entry is None:
        if document is None or document.get("format") != FORMAT:
            return Verification("unreadable", digest)
        # The same content with other spaces or line ends (a file opened and saved again)?
        digest = hashlib.sha256(canonical(document)).hexdigest()
        entry = _ledger_entry(digest)
        status = "layout_changed"
        if entry is None:
            return Verification("not_found", digest, document=document)
    return Verification(
        status, digest, entry, _intact(entry), reference_check(entry.seq, entry.entry_hash), document
    )
