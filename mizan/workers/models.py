"""A worker's own personal details and identity documents, sealed by the vault.

Every field is optional (ILO C181 art. 6, ILO Code of Practice 6.1): Mizan asks only for what a step
needs, and the page says why it might need each one (mizan.workers.catalogue).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mizan.common.models import BaseModel
from mizan.privacy.vault.fields import BlindIndexField, SealedDateField, SealedTextField


class PersonalDetails(BaseModel):
    """One per worker, made on first save. Nothing here is readable in the database."""

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="personal_details"
    )
    full_name = SealedTextField(owner="worker", context="workers.full_name")
    date_of_birth = SealedDateField(owner="worker", context="workers.date_of_birth")
    passport_number = SealedTextField(owner="worker", context="workers.passport_number")
    passport_number_index = BlindIndexField(of="passport_number")
    national_id_number = SealedTextField(owner="worker", context="workers.national_id_number")
    national_id_number_index = BlindIndexField(of="national_id_number")
    contact_email = SealedTextField(owner="worker", context="workers.contact_email")
    second_phone = SealedTextField(owner="worker", context="workers.second_phone")
    home_address = SealedTextField(owner="worker", context="workers.home_address")
    bank_name = SealedTextField(owner="worker", context="workers.bank_name")
    bank_account_number = SealedTextField(owner="worker", context="workers.bank_account_number")
    emergency_contact = SealedTextField(owner="worker", context="workers.emergency_contact")

    class Meta:
        verbose_name = _("personal details")
        verbose_name_plural = _("personal details")

    def __str__(self) -> str:
        return f"personal details {self.id}"


class DocumentKind(models.TextChoices):
    PASSPORT_PAGE = "passport_page", _("Passport page")
    NATIONAL_ID = "national_id", _("National ID card")
    VISA = "visa", _("Visa or work permit")
    CERTIFICATE = "certificate", _("Certificate (skills, training, health)")
    OTHER = "other", _("Other document")


class IdentityDocument(BaseModel):
    """A scan or photo of a document, kept as a sealed file of the worker."""

    Kind = DocumentKind

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="identity_documents"
    )
    kind = models.CharField(_("kind of document"), max_length=20, choices=DocumentKind.choices)
    file = models.OneToOneField(
        "vault.StoredFile", on_delete=models.PROTECT, related_name="identity_document"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="identity_document_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.id}"
