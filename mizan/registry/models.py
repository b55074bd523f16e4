"""Licences, certifications and sanctions of recruitment agencies and employers.

Rows change only through ``mizan.registry.services``, which writes a ledger entry in the same transaction.
Whether an organisation may recruit on a date is decided in one place: ``selectors.may_recruit``.
"""

from __future__ import annotations

import datetime as dt

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
    # The holder's registered office as the authority publishes it (an organisation's, not a person's).
    address = models.CharField(_("address"), max_length=300, blank=True)
    # The sanction that put the licence in its present status, so lifting it can restore the licence.
    status_sanction = models.ForeignKey(
        "registry.Sanction", on_delete=models.PROTECT, related_name="licences_affected", null=True, blank=True
    )

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

    def status_on(self, on: dt.date) -> str:
        """The status on a date: a suspension by a sanction that has ended no longer counts (the stored
        status is changed only by services, not by the calendar). Load ``status_sanction`` with it."""
        sanction = self.status_sanction if self.status_sanction_id else None
        if (
            self.status == self.Status.SUSPENDED
            and sanction is not None
            and sanction.ends_on is not None
            and sanction.ends_on < on
        ):
            return self.Status.ACTIVE
        return self.status

    def in_force_on(self, on: dt.date) -> bool:
        return (
            self.status_on(on) == self.Status.ACTIVE
            and self.valid_from <= on
            and (self.valid_to is None or self.valid_to >= on)
        )


def active_on(on: dt.date) -> Q:
    """Licences whose status on ``on`` is active (see Licence.status_on), as a query."""
    return Q(status=Licence.Status.ACTIVE) | Q(
        status=Licence.Status.SUSPENDED, status_sanction__ends_on__lt=on
    )


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
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)  # public, like the certification itself
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
    # Null for a sanction copied from a government list by the platform (the authority is named only).
    authority = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="sanctions_imposed",
        null=True,
        blank=True,
    )
    authority_name = models.CharField(_("authority"), max_length=200)
    # The jurisdiction: a suspension or revocation acts on the organisation's licences of this country.
    country = models.CharField(_("country"), max_length=2)
    reason = models.TextField(_("reason"))  # public: it is shown on the recruiter's record
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)  # none: until lifted
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_reason = models.TextField(blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

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
