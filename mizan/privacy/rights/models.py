"""A worker's data rights: correction requests, restrictions and objections, legal holds, erasures.

Free text a worker or staff member writes may hold personal data, so it is sealed by the vault for the
worker. Nothing else here is personal: codes, dates and links to the worker's (tombstone) account.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.common.models import BaseModel
from mizan.privacy.vault.fields import SealedTextField


class CorrectionItem(models.TextChoices):
    ACCOUNT = "account", _("My account (phone number, name or language)")
    PERSONAL_DETAILS = "personal_details", _("My personal details")
    DOCUMENTS = "documents", _("My documents")
    PERMISSIONS = "permissions", _("My permissions")
    ACCESS_RECORDS = "access_records", _("Who saw my data")
    OTHER = "other", _("Something else")


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    DONE = "done", _("Corrected")
    REFUSED = "refused", _("Not corrected")


class CorrectionRequest(BaseModel):
    """A worker asks Mizan to correct something it holds about them; staff answer done or refused."""

    Item = CorrectionItem
    Status = CorrectionStatus

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="correction_requests"
    )
    item = models.CharField(max_length=20, choices=Item.choices)
    what_is_wrong = SealedTextField(owner="worker", context="rights.correction_what_is_wrong")
    should_be = SealedTextField(owner="worker", context="rights.correction_should_be")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # The staff answer: what was done, or why not. Sealed: it may repeat what the worker wrote.
    response = SealedTextField(owner="worker", context="rights.correction_response")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(item__in=CorrectionItem.values), name="correction_item_known"),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status__in=["done", "refused"], closed_at__isnull=False),
                name="correction_closed_when_answered",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | Q(response__isnull=False),
                name="correction_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"correction request {self.id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class RestrictionKind(models.TextChoices):
    RESTRICT = "restrict", _("Keep my data, but do not use it")
    OBJECT_MATCHING = "object_matching", _("No job matching")
    OBJECT_STATISTICS = "object_statistics", _("Leave me out of anonymous counts")


class Restriction(BaseModel):
    """A standing "no" from the worker: limit processing, or object to matching or to anonymous counts.

    In force while ``ended_at`` is empty. Checked by ``processing_allowed`` through the consent app's
    restriction hook (mizan.privacy.rights.restrictions).
    """

    Kind = RestrictionKind

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_restrictions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the worker asked to restrict processing while this correction is handled: closing it
    # ends the restriction.
    correction = models.ForeignKey(
        CorrectionRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="restrictions"
    )

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "kind"],
                condition=Q(ended_at__isnull=True),
                name="restriction_one_live_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RestrictionKind.values), name="restriction_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"restriction {self.id} ({self.kind})"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class HoldReason(models.TextChoices):
    OPEN_CASE = "open_case", _("An open complaint or case")
    LEGAL_CLAIM = "legal_claim", _("A legal claim or dispute")
    RECORDS_DUTY = "records_duty", _("A legal duty to keep work records")
    AUTHORITY_ORDER = "authority_order", _("An order of a court or labour authority")


class LegalHold(BaseModel):
    """A duty to keep some of a worker's data (by category) even if they ask for it to be erased.

    Active until ``until`` (inclusive; open-ended when empty) unless released earlier. ``source_reference``
    names what requires it, by id: ``case:<uuid>``, ``contract:<uuid>``, ``order:<number>``.
    """

    Reason = HoldReason

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    categories = models.JSONField(default=list)  # data category codes of mizan.privacy.consent.purposes
    source_reference = models.CharField(max_length=120)
    until = models.DateField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(reason__in=HoldReason.values), name="legal_hold_reason_known"),
        ]

    def __str__(self) -> str:
        return f"legal hold {self.id} ({self.reason})"

    def is_active_on(self, day: datetime.date) -> bool:
        return self.released_at is None and (self.until is None or self.until >= day)

    def ended_on(self) -> datetime.date | None:
        """The day the hold stopped counting, or None while it is active or open-ended."""
        if self.released_at is not None:
            return timezone.localdate(self.released_at)
        return self.until


class ErasureStatus(models.TextChoices):
    HELD = "held", _("Erased, except what the law makes us keep")
    DONE = "done", _("Erased")


class ErasureBy(models.TextChoices):
    WORKER = "worker", _("The worker")
    STAFF = "staff", _("Mizan staff, on the worker's request")
    RETENTION = "retention", _("The retention rule for accounts not used for years")


class Erasure(BaseModel):
    """A worker's account was erased. ``held``: what legal holds still keep; ``done`` when nothing is left.

    The account row stays as a tombstone (no phone, no name) while other records point at it; the purge
    deletes it when nothing does any more, and this record (worker set to null) remains as proof.
    """

    Status = ErasureStatus
    By = ErasureBy

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="erasure"
    )
    by = models.CharField(max_length=10, choices=By.choices)
    reference = models.CharField(max_length=80, blank=True)  # the verified request, when staff erased
    status = models.CharField(max_length=10, choices=Status.choices)
    categories_held = models.JSONField(default=list)
    # Sign-in phone and name, when a hold keeps contact or identity data: JSON, sealed for the worker.
    held_account = SealedTextField(owner="worker", context="rights.held_account")
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="held", done_at__isnull=True) | Q(status="done", done_at__isnull=False),
                name="erasure_done_has_time",
            ),
            models.CheckConstraint(condition=Q(by__in=ErasureBy.values), name="erasure_by_known"),
        ]

    def __str__(self) -> str:
        return f"erasure {self.id} ({self.status})"
