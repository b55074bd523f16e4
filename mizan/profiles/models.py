"""A worker's job profile: the kinds of work they do, their skills, experience, languages, certificates and
the jobs they want. Never protected attributes (name, photo, sex, nationality, religion, age, marital
status): those are not collected here at all, so matching cannot see them (docs/profiles.md).

Whether matching may use a profile is the worker's consent to the purpose ``job_matching``; it is not
stored here (see ``selectors.matching_enabled``), so it can never drift from the consent itself.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.models import BaseModel
from mizan.privacy.vault.fields import SealedTextField

MAX_YEARS = Decimal(60)


class Profile(BaseModel):
    """One per worker, made on their first change."""

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="job_profile"
    )
    # Moves on every change of the profile or its parts; the matching index refreshes from it.
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["changed_at", "id"], name="profile_changed")]

    def __str__(self) -> str:
        return f"profile {self.id}"

    @property
    def opted_in_to_matching(self) -> bool:
        """The worker's consent to ``job_matching`` (and no restriction): read from the consent app each
        time, never stored here, so it cannot drift from what the worker decided."""
        from mizan.privacy.consent.selectors import processing_allowed

        return processing_allowed(worker=self.worker, purpose="job_matching")


class ProfileOccupation(models.Model):
    """A kind of work the worker does (an ESCO occupation) and for how many years."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="occupations")
    occupation = models.ForeignKey("taxonomy.Occupation", on_delete=models.PROTECT, related_name="+")
    years_of_experience = models.DecimalField(max_digits=3, decimal_places=1, default=Decimal(0))
    is_main = models.BooleanField(default=False)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_main", "added_at"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "occupation"], name="profile_occupation_once"),
            models.UniqueConstraint(
                fields=["profile"], condition=Q(is_main=True), name="profile_one_main_occupation"
            ),
            models.CheckConstraint(
                condition=Q(years_of_experience__gte=0, years_of_experience__lte=MAX_YEARS),
                name="profile_occupation_years_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.occupation_id}"


class ProfileSkill(models.Model):
    """A skill the worker ticked, under the kind of work whose list it came from."""

    profile_occupation = models.ForeignKey(ProfileOccupation, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile_occupation", "skill"], name="profile_skill_once"),
        ]

    def __str__(self) -> str:
        return f"{self.profile_occupation_id} {self.skill_id}"


class LanguageLevel(models.IntegerChoices):
    BASIC = 0, _("A few words")
    CONVERSATIONAL = 1, _("I can talk")
    FLUENT = 2, _("I speak well")
    NATIVE = 3, _("My own language")


class ProfileLanguage(models.Model):
    """A language the worker speaks (any BCP 47 language, not only Mizan's own), and how well."""

    Level = LanguageLevel

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(max_length=35)
    level = models.PositiveSmallIntegerField(choices=LanguageLevel.choices)

    class Meta:
        ordering = ["-level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="profile_language_once"),
            models.CheckConstraint(condition=Q(level__gte=0, level__lte=3), name="profile_language_level"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.level}"


class Preferences(models.Model):
    """The jobs the worker wants: where, which kinds of work, the lowest pay, from when."""

    profile = models.OneToOneField(Profile, on_delete=models.CASCADE, related_name="preferences")
    destinations = models.JSONField(default=list)  # ISO 3166-1 alpha-2 codes
    sectors = models.JSONField(default=list)  # mizan.compliance sector codes
    min_monthly_pay = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)  # ISO 4217, with min_monthly_pay
    available_from = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "preferences"
        constraints = [
            models.CheckConstraint(
                condition=Q(min_monthly_pay__isnull=True, currency="")
                | Q(min_monthly_pay__gte=0) & ~Q(currency=""),
                name="preferences_pay_has_currency",
            ),
        ]

    def __str__(self) -> str:
        return f"preferences {self.profile_id}"


class CertificateStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Not confirmed yet")
    VERIFIED = "verified", _("Confirmed by the issuer")
    REJECTED = "rejected", _("The issuer could not confirm it")


class Certificate(BaseModel):
    """A certificate (training, skills test, licence) with its scan kept as a sealed file."""

    Status = CertificateStatus

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="certificates")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    title = models.CharField(max_length=200)
    number = SealedTextField(owner="worker", context="profiles.certificate_number")
    issuer = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="issued_certificates"
    )
    issuer_name = models.CharField(max_length=200, blank=True)  # when the issuer is not on Mizan
    issued_on = models.DateField(null=True, blank=True)
    file = models.OneToOneField("vault.StoredFile", on_delete=models.PROTECT, related_name="certificate")
    status = models.CharField(
        max_length=12, choices=CertificateStatus.choices, default=CertificateStatus.UNVERIFIED
    )
    verified_at = models.DateTimeField(null=True, blank=True)  # when the issuer decided (either way)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(issuer__isnull=False) | ~Q(issuer_name=""), name="certificate_names_issuer"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CertificateStatus.values), name="certificate_status"
            ),
            models.CheckConstraint(
                condition=Q(status="unverified") | Q(verified_at__isnull=False, issuer__isnull=False),
                name="certificate_decision_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"certificate {self.id}"

    @property
    def issuer_label(self) -> str:
        return self.issuer.name if self.issuer_id and self.issuer else self.issuer_name

    @property
    def is_verified(self) -> bool:
        return self.status == CertificateStatus.VERIFIED


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the issuer")
    VERIFIED = "verified", _("Confirmed")
    REJECTED = "rejected", _("Not confirmed")
    WITHDRAWN = "withdrawn", _("You stopped the request")


class VerificationRequest(BaseModel):
    """The worker asks the issuing organisation to confirm a certificate.

    Asking is the worker's permission to show that one certificate (its title, number and date, nothing
    else about them) to that organisation's staff, until they decide or the worker stops the request.
    """

    Status = VerificationStatus

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="verification_requests"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="verification_requests"
    )
    status = models.CharField(
        max_length=12, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)  # the issuer's reason, shown to the worker

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"], condition=Q(status="pending"), name="verification_one_pending"
            ),
            models.CheckConstraint(
                condition=Q(status__in=VerificationStatus.values), name="verification_status"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "withdrawn"])
                | Q(decided_at__isnull=False, decided_by__isnull=False),
                name="verification_decision_named",
            ),
        ]

    def __str__(self) -> str:
        return f"verification request {self.id} ({self.status})"
