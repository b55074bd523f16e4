"""Hours and pay: the worker's time log (append-only events), contract terms, pay received, evidence
exports, and what the worker shares with an employer.

The time log is a list of **events**, never changed in place: an edit is a new event that ``replaces`` the
one it corrects, a removal is an event with ``is_deletion``. Each event carries a ``client_id`` made on the
phone, unique per worker, so sending the same event twice (a phone that lost its answer while offline)
stores it once. ``seq`` numbers a worker's events in the order the server stored them: the sync cursor.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.common.models import BaseModel
from mizan.privacy.vault.fields import SealedTextField


class EventKind(models.TextChoices):
    WORK = "work", _("Work")
    STANDBY = "standby", _("Stand-by (on call)")
    MEAL_BREAK = "meal_break", _("Meal break")
    REST = "rest", _("Rest")
    DAY_OFF = "day_off", _("Day off")
    SICK_DAY = "sick_day", _("Sick day")


# Kinds a Start button can start; a day off and a sick day are marked for a whole day. The codes are
# those of the calculator (mizan.wages.engine.inputs.EntryKind).
TIMED_KINDS = (EventKind.WORK, EventKind.STANDBY, EventKind.MEAL_BREAK, EventKind.REST)
WHOLE_DAY_KINDS = (EventKind.DAY_OFF, EventKind.SICK_DAY)


class Source(models.TextChoices):
    PHONE = "phone", _("Phone")
    WEB = "web", _("Website")


class AppendOnlyError(RuntimeError):
    """Code tried to change a time-log event in place: a programming error (an edit is a new event)."""


class WorkEvent(BaseModel):
    """One event of a worker's time log. Written once; erasure and the retention purge may delete it."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="work_events")
    seq = models.PositiveBigIntegerField()
    client_id = models.UUIDField()
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)  # empty: still running
    # What the phone said when the event was made: its offset from UTC and its time zone name.
    utc_offset_minutes = models.SmallIntegerField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)  # the phone's clock at that moment
    note = SealedTextField(owner="worker", context="wages.note")
    # SET_NULL, not PROTECT: the retention purge may remove an old version before the one replacing it.
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    is_deletion = models.BooleanField(default=False)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.WEB)

    class Meta:
        ordering = ["worker", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "client_id"], name="wages_event_client_id_once"),
            models.UniqueConstraint(fields=["worker", "seq"], name="wages_event_seq_once"),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="wages_event_kind_known"),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="wages_event_source_known"),
            models.CheckConstraint(
                condition=Q(utc_offset_minutes__isnull=True)
                | Q(utc_offset_minutes__gte=-720, utc_offset_minutes__lte=840),
                name="wages_event_offset_range",
            ),
            models.CheckConstraint(
                condition=Q(is_deletion=False) | Q(replaces__isnull=False),
                name="wages_event_deletion_names_entry",
            ),
        ]
        indexes = [models.Index(fields=["worker", "starts_at"], name="wages_event_worker_start")]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Only a re-seal after erasure (update_fields=["note"]) may touch a stored event.
        updating = set(kwargs.get("update_fields") or ())
        if not self._state.adding and not (updating and updating <= {"note", "note_sealed"}):
            raise AppendOnlyError("time-log events are never changed: record a new event that replaces it")
        super().save(*args, **kwargs)


class PayPeriod(models.TextChoices):
    # The calculator's codes (mizan.wages.engine.inputs.PayPeriod).
    MONTH = "month", _("For each month")
    WEEK = "week", _("For each week")
    DAY = "day", _("For each day")
    HOUR = "hour", _("For each hour")


class Sector(models.TextChoices):
    # The codes of mizan.compliance.engine.terms.Sector, so rule packs apply.
    DOMESTIC_WORK = "domestic_work", _("Domestic work")
    CONSTRUCTION = "construction", _("Construction")
    MANUFACTURING = "manufacturing", _("Factory work")
    AGRICULTURE = "agriculture", _("Farm work")
    FISHING = "fishing", _("Fishing")
    HOSPITALITY = "hospitality", _("Hotels and restaurants")
    CARE = "care", _("Care work")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other work")


class WageTerms(BaseModel):
    """The worker's contract terms as the worker typed them: what the statement compares with."""

    worker = models.OneToOneField(User, on_delete=models.PROTECT, related_name="wage_terms")
    # The employer the worker says they work for (for anonymous counts per employer); optional.
    employer = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="wage_terms_naming"
    )
    destination = models.CharField(max_length=2)  # ISO 3166-1 alpha-2: the country of work
    sector = models.CharField(max_length=24, choices=Sector.choices, default=Sector.DOMESTIC_WORK)
    worker_category = models.CharField(max_length=40, blank=True)
    time_zone = models.CharField(max_length=64)  # the workplace's IANA time zone
    currency = models.CharField(max_length=3)
    pay_amount = models.DecimalField(max_digits=12, decimal_places=2)
    pay_period = models.CharField(max_length=8, choices=PayPeriod.choices, default=PayPeriod.MONTH)
    hours_per_day = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    hours_per_week = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    rest_days_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_weekday = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 Monday … 6 Sunday
    overtime_rate = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    standby_counts_as_work = models.BooleanField(default=False)
    food_provided = models.BooleanField(default=False)
    food_allowance = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    housing_provided = models.BooleanField(default=False)
    # Deductions the contract allows: [{"kind": "food", "amount": "300.00"}, ...] (amounts as text).
    deductions = models.JSONField(default=list, blank=True)
    signed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(pay_amount__gte=0), name="wages_terms_pay_not_negative"),
            models.CheckConstraint(condition=Q(pay_period__in=PayPeriod.values), name="wages_terms_period"),
            models.CheckConstraint(
                condition=Q(rest_days_per_week__isnull=True) | Q(rest_days_per_week__lte=7),
                name="wages_terms_rest_days_in_week",
            ),
            models.CheckConstraint(
                condition=Q(rest_weekday__isnull=True) | Q(rest_weekday__lte=6), name="wages_terms_weekday"
            ),
        ]

    def __str__(self) -> str:
        return f"terms of {self.worker_id}"


class PayRecord(BaseModel):
    """What the worker was paid for one period (a month ``2026-10`` or an ISO week ``2026-W43``).

    The amounts are the worker's financial data: sealed, like every value of ``work_hours_pay``."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="pay_records")
    period = models.CharField(max_length=8)
    starts_on = models.DateField()
    ends_on = models.DateField()  # inclusive
    currency = models.CharField(max_length=3)
    received = SealedTextField(owner="worker", context="wages.received")  # a decimal as text
    deductions = SealedTextField(owner="worker", context="wages.deductions")  # JSON list as text
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["worker", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "period"], name="wages_pay_record_once_per_period"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="wages_pay_dates"),
        ]

    def __str__(self) -> str:
        return f"pay {self.period}"


class Evidence(BaseModel):
    """An export of a period's log and statement. ``document`` is the exact file (sealed), so the worker
    can download the very bytes whose hash is in the ledger again."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="wage_evidence")
    period = models.CharField(max_length=8)
    starts_on = models.DateField()
    ends_on = models.DateField()
    document_hash = models.CharField(max_length=64, db_index=True)
    document = SealedTextField(owner="worker", context="wages.evidence")
    entries = models.PositiveIntegerField(default=0)
    ledger_seq = models.PositiveBigIntegerField()
    ledger_entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["worker", "-created_at"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return f"evidence {self.period} {self.document_hash[:12]}"


class Sharing(BaseModel):
    """The worker lets one employer see (and co-sign or dispute) their time log, until they stop."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="wage_sharings")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="wage_sharings")
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["worker", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="wages_sharing_one_live",
            )
        ]

    def __str__(self) -> str:
        return f"sharing {self.worker_id} -> {self.organisation_id}"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None


class ReviewOutcome(models.TextChoices):
    SIGNED = "signed", _("Agreed and signed")
    DISPUTED = "disputed", _("Disagreed")


class EmployerReview(BaseModel):
    """An employer co-signs a period of the worker's log, or disputes it with its own version.

    Both versions are kept: ``entries_hash`` fixes the worker's entries as they were seen (their ids are in
    ``entry_ids``), and ``employer_version`` holds what the employer says instead (sealed JSON)."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="wage_reviews")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="wage_reviews")
    reviewed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="wage_reviews_made")
    period = models.CharField(max_length=8)
    outcome = models.CharField(max_length=8, choices=ReviewOutcome.choices)
    entries_hash = models.CharField(max_length=64)
    entry_ids = models.JSONField(default=list)
    employer_version = SealedTextField(owner="worker", context="wages.employer_version")
    comment = SealedTextField(owner="worker", context="wages.review_comment")
    ledger_seq = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["worker", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=ReviewOutcome.values), name="wages_review_outcome")
        ]

    def __str__(self) -> str:
        return f"{self.outcome} {self.period}"


class SharedLogRead(models.Model):
    """Someone at an employer the worker shares with opened the worker's log: shown to the worker."""

    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="wage_log_reads")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    reader = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    period = models.CharField(max_length=8)
    at = models.DateTimeField()

    class Meta:
        ordering = ["worker", "-at"]

    def __str__(self) -> str:
        return f"read {self.period}"
