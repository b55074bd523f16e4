"""From the worker's log, terms and pay to the calculator (``calculator.statement_for``) and back: the
statement of pay due for one period, with every line in plain words and its source."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.money import Money
from mizan.wages import calculator, timeline
from mizan.wages.engine import (
    AgreedDeduction,
    Allowance,
    AllowanceKind,
    ContractTerms,
    DeductionKind,
    DeductionTaken,
    Entry,
    EntryKind,
    Payment,
    PayPeriod,
)
from mizan.wages.engine import Period as EnginePeriod
from mizan.wages.models import PayRecord, WageTerms
from mizan.wages.periods import Period
from mizan.wages.selectors.log import LogView, build_log_view, require_own, terms_of
from mizan.wages.services.pay import PayReceived, pay_record_read

logger = logging.getLogger(__name__)


def contract_terms(terms: WageTerms) -> ContractTerms:
    allowances = []
    if terms.food_provided or terms.food_allowance is not None:
        allowances.append(
            Allowance(
                kind=AllowanceKind.FOOD,
                amount=terms.food_allowance or Decimal(0),
                provided=terms.food_provided,
            )
        )
    if terms.housing_provided:
        allowances.append(Allowance(kind=AllowanceKind.HOUSING, provided=True))
    return ContractTerms(
        pay=Money(terms.pay_amount, terms.currency),
        pay_period=PayPeriod(terms.pay_period),
        normal_hours_per_day=terms.hours_per_day,
        normal_hours_per_week=terms.hours_per_week,
        rest_days_per_week=terms.rest_days_per_week,
        rest_weekdays=(terms.rest_weekday,) if terms.rest_weekday is not None else (),
        overtime_rate=terms.overtime_rate,
        allowances=tuple(allowances),
        deductions=tuple(
            AgreedDeduction(kind=DeductionKind(d["kind"]), amount=Decimal(d["amount"]))
            for d in terms.deductions
        ),
        standby_counts_as_work=terms.standby_counts_as_work,
        signed_on=terms.signed_on,
    )


def engine_entries(view: LogView, now: dt.datetime) -> list[Entry]:
    """The entries the calculator counts: corrected ones only (an entry in the future or ending before it
    starts waits for the worker to correct it); a running entry counts until now."""
    workplace = timeline.zone_or_utc(view.zone)
    found = []
    for entry in view.entries:
        if not entry.counted:
            continue
        end = entry.ends_at or max(now, entry.starts_at)
        # The calculator reads each time's offset as the phone's (web entries: the workplace's).
        offset = entry.event.utc_offset_minutes
        zone: dt.tzinfo = dt.timezone(dt.timedelta(minutes=offset)) if offset is not None else workplace
        found.append(
            Entry(
                id=str(entry.id),
                kind=EntryKind(entry.kind),
                start=entry.starts_at.astimezone(zone),
                end=end.astimezone(zone),
                note="",
            )
        )
    return found


@dataclass
class StatementResult:
    period: Period
    view: LogView
    terms: WageTerms | None
    pay: PayReceived | None
    data: dict[str, Any] | None  # calculator.present_statement(...), JSON-ready
    statement: Any = None  # the engine's Statement
    error: str = ""  # why there is no statement, in plain words

    @property
    def left_out(self) -> int:
        return sum(1 for entry in self.view.entries if not entry.counted)


def statement_of(
    *, actor: User, worker: User, period: Period, language: str, now: dt.datetime | None = None
) -> StatementResult:
    """The worker's statement for ``period`` (only the worker reads it here)."""
    require_own(actor, worker)
    return build_statement(worker=worker, period=period, language=language, now=now)


def build_statement(
    *, worker: User, period: Period, language: str, now: dt.datetime | None = None
) -> StatementResult:
    now = now or timezone.now()
    terms = terms_of(worker)
    view = build_log_view(worker=worker, first=period.first, last=period.last, now=now)
    record = PayRecord.objects.filter(worker=worker, period=period.key).first()
    pay = pay_record_read(record) if record is not None else None
    result = StatementResult(period=period, view=view, terms=terms, pay=pay, data=None)
    if terms is None:
        result.error = str(_("Write your contract terms first, so your pay can be worked out."))
        return result
    received = []
    taken = []
    if pay is not None:
        received.append(Payment(amount=Money(pay.received, pay.currency), date=pay.paid_on or period.last))
        taken = [
            DeductionTaken(
                kind=DeductionKind(d["kind"]),
                amount=Money(Decimal(d["amount"]), pay.currency),
                note=d.get("note", ""),
            )
            for d in pay.deductions
        ]
    try:
        statement = calculator.statement_for(
            entries=engine_entries(view, now),
            terms=contract_terms(terms),
            period=EnginePeriod(start=period.first, end=period.last, tz=view.zone),
            received=received,
            deductions=taken,
            destination=terms.destination,
            sector=terms.sector,
            worker_category=terms.worker_category or None,
            language=language,
            now=now,
        )
    except ValueError as error:
        # Inputs the calculator cannot use (a terms value out of its range): say so, never a 500.
        logger.warning("wages: statement not computed: %s", type(error).__name__)
        result.error = str(_("Your pay could not be worked out from these terms. Check your contract terms."))
        return result
    result.statement = statement
    result.data = calculator.present_statement(statement)
    return result
