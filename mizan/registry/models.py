"""Licences, certifications and sanctions of recruitment agencies and employers.

Rows change only through ``mizan.registry.services``, which writes a ledger entry in the same transaction.
Whether an organisation may recruit on a date is decided in one place: ``selectors.may_recruit``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from mizan.common.models import BaseModel


class Licence(BaseModel):
    """A government licence to recruit (agencies) or to employ migrant workers (employers)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        SURRENDERED = "surrendered", _("Given up")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="licences"
    )
    number = models.CharField(_("licence number"), max_length=80)
    # Folded form of the number (upper case, no spaces, dashes or slashes) for lookup as people type it.
    number_key = models.CharField(max_length=80, db_index=True, editable=False)
    issuing_authority = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="licences_issued",
        null=True,
        blank=True,
    )
    issuing_authority_name = models.CharField(_("issuing authority"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    status_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["country", "number"]
        constraints = [
            models.UniqueConstraint(fields=["country", "number_key"], name="licence_number_once_per_country"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="licence_valid_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["active", "suspended", "revoked", "surrendered"]),
                name="licence_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.number}"


class Certification(BaseModel):
    """The result of an audit against a standard (e.g. IRIS, or a national scheme) by an auditor."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="certifications"
    )
    standard = models.CharField(_("standard"), max_length=120)
    auditor = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="certifications_given"
    )
    level = models.CharField(_("level"), max_length=80, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    is_withdrawn = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-valid_to"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")), name="certification_valid_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard} {self.level}"


class Sanction(BaseModel):
    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        SUSPENSION = "suspension", _("Suspension")
        REVOCATION = "revocation", _("Licence revoked")
        BLACKLIST = "blacklist", _("Blacklisted")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="sanctions"
    )
    kind = models.CharField(_("kind of sanction"), max_length=12, choices=Kind.choices)
    authority = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="sanctions_imposed"
    )
    reason = models.TextField(_("reason"))  # public: it is shown on the recruiter's record
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)  # none: until lifted
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="sanction_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["warning", "suspension", "revocation", "blacklist"]),
                name="sanction_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_on}"
