"""A worker's consents, and the record of every read of their data by someone else."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.models import BaseModel


class Method(models.TextChoices):
    """How a consent was given or withdrawn."""

    WEB = "web", _("On the website")
    API = "api", _("Through an app")
    SMS = "sms", _("By text message")
    HELPDESK = "helpdesk", _("With the help of a helpdesk worker")


class Consent(BaseModel):
    """A worker's "yes" to one purpose (for one organisation, when the purpose is bound to one).

    It counts only while not withdrawn and only for the notice version it was given to: when a notice
    changes, the worker is asked again. Rows are never deleted, so the history stays provable.
    """

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(max_length=40)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="consents"
    )
    notice_version = models.PositiveIntegerField()
    given_at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=16, choices=Method.choices)
    # The helpdesk worker who helped, when method is helpdesk.
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_method = models.CharField(max_length=16, choices=Method.choices, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the worker agreed again to a newer notice; the newer consent replaces this one.
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces"
    )

    class Meta:
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["worker", "purpose"], name="consent_worker_purpose")]
        constraints = [
            # At most one live consent per worker, purpose and organisation (NULL organisations included).
            models.UniqueConstraint(
                fields=["worker", "purpose"],
                condition=Q(withdrawn_at__isnull=True, organisation__isnull=True),
                name="consent_one_live_without_organisation",
            ),
            models.UniqueConstraint(
                fields=["worker", "purpose", "organisation"],
                condition=Q(withdrawn_at__isnull=True, organisation__isnull=False),
                name="consent_one_live_per_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(method="helpdesk") | Q(helper__isnull=False),
                name="consent_helpdesk_names_helper",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True, withdrawn_method="")
                | Q(withdrawn_at__isnull=False) & ~Q(withdrawn_method=""),
                name="consent_withdrawal_has_method",
            ),
            models.CheckConstraint(
                condition=Q(notice_version__gte=1), name="consent_notice_version_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"consent {self.id} ({self.purpose})"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class AccessRecord(models.Model):
    """One read (or refused attempt) of a worker's personal data by someone other than the worker.

    Written only by ``mizan.privacy.consent.access``; never changed or deleted by the application.
    """

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Allowed")
        REFUSED = "refused", _("Not allowed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_records"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="access_records"
    )
    purpose = models.CharField(max_length=40)
    categories = models.JSONField(default=list)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    reason = models.CharField(max_length=40, blank=True)  # why it was refused (a code); empty when granted
    at = models.DateTimeField(default=timezone.now)
    reference = models.CharField(max_length=120, blank=True)  # what was read for: "case:<uuid>", a request id

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["worker", "-at"], name="access_worker_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="granted", reason="") | Q(outcome="refused") & ~Q(reason=""),
                name="access_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"access {self.id} ({self.purpose}, {self.outcome})"

    @property
    def is_granted(self) -> bool:
        return self.outcome == self.Outcome.GRANTED
