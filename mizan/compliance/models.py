"""Rule-pack versions kept in the database, and the alerts that say a pack is due for review.

The YAML files in ``rulepacks/`` are the baseline shipped with Mizan. Authorities change the law through
``RulePackVersion`` rows: one proposed version (one YAML document) that a second person approves. A
published row is never changed again; the four-eyes rule and the reason for a rejection are also
constraints of the database, not only of the services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from mizan.common.models import BaseModel


class RulePackVersion(BaseModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for a second person")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    pack_id = models.CharField(max_length=80, db_index=True)
    version = models.CharField(max_length=40, blank=True)  # blank when the YAML could not be read
    jurisdiction = models.CharField(max_length=3)  # a country code, or INT
    title = models.CharField(max_length=200, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    yaml_text = models.TextField()
    sha256 = models.CharField(max_length=64)
    source_name = models.CharField(max_length=200)  # the uploaded file's name, or the form used
    note = models.TextField(blank=True)  # why the law changed, in the proposer's words
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rulepack_proposals"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rulepack_decisions",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    ledger_seq = models.PositiveBigIntegerField(null=True, blank=True)  # the publication's ledger entry

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Four eyes: a decision is made by someone other than the proposer, at a recorded time.
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "withdrawn"])
                | (Q(decided_by__isnull=False, decided_at__isnull=False) & ~Q(decided_by=F("proposed_by"))),
                name="rulepack_version_four_eyes",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="rulepack_version_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | (~Q(version="") & Q(effective_from__isnull=False)),
                name="rulepack_version_published_is_complete",
            ),
            models.UniqueConstraint(
                fields=["pack_id", "version"],
                condition=Q(status="published"),
                name="rulepack_version_published_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.pack_id} {self.version or '?'} ({self.status})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PROPOSED


class ReviewAlert(BaseModel):
    """A pack version in force is past its ``review_by`` day: its authority should check the law again.

    Made once per pack version by ``mizan rulepacks_review`` (daily); resolved when a newer version of
    the pack is published.
    """

    pack_id = models.CharField(max_length=80)
    version = models.CharField(max_length=40)
    jurisdiction = models.CharField(max_length=3, db_index=True)
    review_by = models.DateField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review_by", "pack_id"]
        constraints = [
            models.UniqueConstraint(fields=["pack_id", "version"], name="review_alert_once_per_version")
        ]

    def __str__(self) -> str:
        return f"review {self.pack_id} {self.version} (due {self.review_by})"
