"""People, the organisations they act for, and the records that keep sign-in safe."""

from __future__ import annotations

import secrets
import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.common.countries import validate_country
from mizan.common.languages import DEFAULT, LANGUAGES
from mizan.common.models import BaseModel


def _new_session_salt() -> str:
    return secrets.token_hex(16)


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str | None = None, password: str | None = None, **extra: Any) -> User:
        user = self.model(email=self.normalize_email(email) if email else None, **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True, kind=User.Kind.STAFF)
        return self.create_user(email=email, password=password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Workers sign in by phone; people acting for organisations by email, password and TOTP."""

    class Kind(models.TextChoices):
        WORKER = "worker", _("Worker")
        STAFF = "staff", _("Organisation staff")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.WORKER)
    phone = models.CharField(_("phone number"), max_length=20, unique=True, null=True, blank=True)
    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    display_name = models.CharField(_("name"), max_length=120, blank=True)
    preferred_language = models.CharField(
        max_length=8, choices=[(lang.code, lang.endonym) for lang in LANGUAGES], default=DEFAULT
    )
    pin_hash = models.CharField(max_length=256, blank=True)
    # Rotated to sign the person out of every session at once (see get_session_auth_hash).
    session_salt = models.CharField(max_length=32, default=_new_session_salt, editable=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use the Django admin.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(phone__isnull=False) | Q(email__isnull=False), name="user_has_phone_or_email"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email or self.masked_phone

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:4]}•••{self.phone[-3:]}" if self.phone else ""

    @property
    def is_worker(self) -> bool:
        return self.kind == self.Kind.WORKER

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)

    def get_session_auth_hash(self) -> str:
        # Django invalidates a session whose stored hash no longer matches; mixing in the salt lets
        # "sign out everywhere" work with any session backend.
        from django.utils.crypto import salted_hmac

        return salted_hmac(
            "mizan.accounts.session", f"{self.password}:{self.session_salt}", algorithm="sha256"
        ).hexdigest()


class Organisation(BaseModel):
    class Kind(models.TextChoices):
        AGENCY = "agency", _("Recruitment agency")
        EMPLOYER = "employer", _("Employer")
        AUTHORITY = "authority", _("Government authority")
        NGO = "ngo", _("NGO or legal aid")
        AUDITOR = "auditor", _("Auditor")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, validators=[validate_country])
    registration_number = models.CharField(_("registration number"), max_length=80, blank=True)
    tax_number = models.CharField(_("tax number"), max_length=80, blank=True)
    is_demo = models.BooleanField(default=False, help_text="Synthetic demo data.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registration_number"],
                condition=~Q(registration_number=""),
                name="organisation_registration_unique_per_country",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(BaseModel):
    """A person acting for an organisation in a role. Permissions follow (organisation kind, role)."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        RECRUITER = "recruiter", _("Recruiter")
        HIRING_MANAGER = "hiring_manager", _("Hiring manager")
        OFFICER = "officer", _("Licensing officer")
        INSPECTOR = "inspector", _("Labour inspector")
        CASEWORKER = "caseworker", _("Caseworker")
        AUDITOR = "auditor", _("Auditor")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.role}"


class OneTimeCode(models.Model):
    """A sign-in code sent to a phone. Only a keyed hash is kept; a code works once, for minutes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    phone = models.CharField(max_length=20, db_index=True)
    code_hash = models.CharField(max_length=64)
    purpose = models.CharField(max_length=16, default="sign_in")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["phone", "created_at"])]

    def __str__(self) -> str:
        return f"code {self.id} ({self.purpose})"


class Throttle(models.Model):
    """Counts attempts for one key (a phone, an account, an IP address) in a fixed window.

    Kept in the database so every app server behind a load balancer sees the same counts.
    """

    key = models.CharField(max_length=200, unique=True)
    window_started_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.key.split(":", 1)[0]


class TrustedDevice(models.Model):
    """A phone on which a worker set a PIN. PIN sign-in works only there, so a PIN alone is not enough."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="trusted_devices")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.label or str(self.id)
