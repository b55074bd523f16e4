"""Data keys (one live key per owner, stored only wrapped) and sealed files."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mizan.privacy.vault.fields import SealedTextField


class DataKey(models.Model):
    """An owner's AES-256 data key, wrapped by a master key. Shredding empties ``wrapped`` for good.

    Deleting the owner deletes their keys too, which is itself crypto-shredding.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_keys")
    # Also inside ``wrapped``; kept as a column so rotation can find keys not yet under the current key.
    master_key_id = models.CharField(max_length=32, blank=True, db_index=True)
    wrapped = models.BinaryField(null=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    rewrapped_at = models.DateTimeField(null=True, blank=True, editable=False)
    shredded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], condition=Q(shredded_at__isnull=True), name="vault_one_live_key_per_owner"
            ),
            models.CheckConstraint(
                condition=(Q(shredded_at__isnull=True, wrapped__isnull=False) & ~Q(master_key_id=""))
                | Q(shredded_at__isnull=False, wrapped__isnull=True, master_key_id=""),
                name="vault_key_live_or_shredded",
            ),
        ]

    def __str__(self) -> str:
        return f"data key {self.id} ({'shredded' if self.shredded_at else self.master_key_id})"

    @property
    def is_shredded(self) -> bool:
        return self.shredded_at is not None


class StoredFile(models.Model):
    """A file kept encrypted in Django's default storage. Read it with ``vault.read_file``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_files")
    context = models.CharField(max_length=100)
    storage_name = models.CharField(max_length=255, unique=True, editable=False)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(help_text="Bytes of the clear (cleaned) file.")
    name = SealedTextField(owner="owner", context="vault.file_name")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return f"stored file {self.id}"
