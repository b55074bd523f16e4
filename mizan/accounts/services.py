"""Writes for accounts: sign-in codes, PINs, staff sign-in, sessions, languages, organisations.

Every function is keyword-only and raises a DomainError (never a bare exception) when a rule says no.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from hashlib import sha256

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.accounts import phones, throttles
from mizan.accounts.gateways import OutgoingMessage, get_gateway
from mizan.accounts.gateways.base import GatewayError
from mizan.accounts.models import Membership, OneTimeCode, Organisation, TrustedDevice, User
from mizan.accounts.permissions import require
from mizan.common.errors import DomainError
from mizan.common.languages import is_supported

CODE_LENGTH = 6
PIN_PATTERN = re.compile(r"^\d{4,6}$")


def _code_hash(phone: str, code: str) -> str:
    return salted_hmac("mizan.accounts.code", f"{phone}:{code}", algorithm="sha256").hexdigest()


def _token_hash(token: str) -> str:
    return sha256(token.encode()).hexdigest()


# --- Phone sign-in (which is also registration) -------------------------------------------------


def code_request(*, phone: str, region: str | None, ip: str, language: str) -> str:
    """Send a one-time code to ``phone``; return its E.164 form. Throttled per phone and per IP."""
    e164 = phones.normalise(phone, region)
    throttles.hit("code_request_ip", ip)
    throttles.hit("code_request_phone", e164)
    code = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
    now = timezone.now()
    with transaction.atomic():
        # A new code replaces any earlier one, so only the latest message works.
        OneTimeCode.objects.filter(phone=e164, used_at__isnull=True).update(used_at=now)
        OneTimeCode.objects.create(
            phone=e164,
            code_hash=_code_hash(e164, code),
            expires_at=now + timedelta(seconds=settings.MIZAN_CODE_TTL),
        )
    with translation.override(language):
        body = gettext("Your Mizan code is %(code)s. Do not share it with anyone, not even an agent.") % {
            "code": code
        }
    try:
        get_gateway().send(OutgoingMessage(to=e164, body=body, language=language, purpose="sign_in"))
    except GatewayError as exc:
        raise DomainError(
            _("We could not send the code just now. Please try again in a few minutes."), code="not_sent"
        ) from exc
    return e164


def code_verify(*, phone: str, code: str, ip: str, language: str) -> User:
    """Check a code; on success return the worker's account, creating it on first sign-in."""
    throttles.check("sign_in_ip", ip)
    throttles.check("sign_in_phone", phone)
    entered = re.sub(r"\s", "", code or "")
    now = timezone.now()
    with transaction.atomic():
        current = (
            OneTimeCode.objects.select_for_update()
            .filter(phone=phone, used_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if current is None or current.expires_at <= now:
            raise DomainError(
                _("This code has expired or was already used. Please ask for a new code."),
                code="code_expired",
            )
        if current.tries >= settings.MIZAN_CODE_MAX_TRIES:
            current.used_at = now
            current.save(update_fields=["used_at"])
            raise DomainError(_("Too many wrong codes. Please ask for a new code."), code="code_exhausted")
        if not hmac.compare_digest(current.code_hash, _code_hash(phone, entered)):
            current.tries += 1
            current.save(update_fields=["tries"])
            wrong = True
        else:
            current.used_at = now
            current.save(update_fields=["used_at"])
            wrong = False
    if wrong:
        throttles.hit("sign_in_ip", ip)
        throttles.hit("sign_in_phone", phone)
        raise DomainError(
            _("This code is not right. Please check the message and try again."), code="code_wrong"
        )
    throttles.clear("sign_in_phone", phone)
    user, _created = User.objects.get_or_create(
        phone=phone, defaults={"kind": User.Kind.WORKER, "preferred_language": language}
    )
    if not user.is_active:
        raise DomainError(_("This account is closed. Please contact the helpdesk."), code="inactive")
    return user


# --- PIN on a trusted phone -----------------------------------------------------------------------


def pin_set(*, actor: User, pin: str, pin_again: str, device_label: str = "") -> str:
    """Set the worker's PIN and trust this phone; return the device token to keep in a cookie."""
    if not PIN_PATTERN.match(pin or ""):
        raise DomainError(_("A PIN has 4 to 6 numbers."), code="pin_format")
    if pin != pin_again:
        raise DomainError(_("The two PINs are not the same. Please type them again."), code="pin_mismatch")
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise DomainError(_("This PIN is too easy to guess. Please choose another."), code="pin_weak")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        actor.pin_hash = make_password(pin)
        actor.save(update_fields=["pin_hash"])
        TrustedDevice.objects.create(user=actor, token_hash=_token_hash(token), label=device_label[:120])
    return token


def pin_sign_in(*, phone: str, region: str | None, pin: str, device_token: str | None, ip: str) -> User:
    e164 = phones.normalise(phone, region)
    throttles.check("sign_in_ip", ip)
    throttles.check("sign_in_phone", e164)
    device = (
        TrustedDevice.objects.select_related("user")
        .filter(token_hash=_token_hash(device_token), user__phone=e164)
        .first()
        if device_token
        else None
    )
    user = device.user if device else None
    if user is None or not user.has_pin or not check_password(pin or "", user.pin_hash):
        throttles.hit("sign_in_ip", ip)
        throttles.hit("sign_in_phone", e164)
        raise DomainError(
            _("The phone number or PIN is not right. You can also sign in with a code by SMS."),
            code="pin_wrong",
        )
    if not user.is_active:
        raise DomainError(_("This account is closed. Please contact the helpdesk."), code="inactive")
    throttles.clear("sign_in_phone", e164)
    TrustedDevice.objects.filter(pk=device.pk).update(last_used_at=timezone.now())  # type: ignore[union-attr]
    return user


def trusted_phone(device_token: str | None) -> str | None:
    """The phone number a PIN on this device signs in, so the PIN form can offer it."""
    if not device_token:
        return None
    return (
        TrustedDevice.objects.filter(token_hash=_token_hash(device_token))
        .values_list("user__phone", flat=True)
        .first()
    )


# --- Staff: email, password, then a second factor --------------------------------------------------


def staff_authenticate(*, email: str, password: str, ip: str) -> User:
    address = (email or "").strip().lower()
    throttles.check("sign_in_ip", ip)
    throttles.check("sign_in_account", address)
    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is None or not user.check_password(password or ""):
        if user is None:
            make_password(password or "")  # same work either way, so timing does not reveal accounts
        throttles.hit("sign_in_ip", ip)
        throttles.hit("sign_in_account", address)
        raise DomainError(_("The email or password is not right."), code="credentials")
    throttles.clear("sign_in_account", address)
    return user


# --- Sessions and preferences ---------------------------------------------------------------------


def user_sign_out_everywhere(*, actor: User) -> None:
    """End every session of ``actor`` and forget the phones trusted for PIN sign-in."""
    with transaction.atomic():
        actor.session_salt = secrets.token_hex(16)
        actor.save(update_fields=["session_salt"])
        TrustedDevice.objects.filter(user=actor).delete()


def user_set_language(*, actor: User, language: str) -> None:
    if not is_supported(language):
        raise DomainError(_("We do not have this language yet. Please choose one from the list."))
    if actor.preferred_language != language:
        actor.preferred_language = language
        actor.save(update_fields=["preferred_language"])


def user_set_name(*, actor: User, name: str) -> None:
    actor.display_name = (name or "").strip()[:120]
    actor.save(update_fields=["display_name"])


# --- Organisations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str
    country: str
    registration_number: str = ""


def organisation_create(
    *, actor: User | None, data: OrganisationInput, is_demo: bool = False
) -> Organisation:
    """Create an organisation. Only platform operators (or the demo loader, actor None) may."""
    if actor is not None and not actor.is_superuser:
        raise DomainError(_("Only the platform operators can add an organisation."), code="forbidden")
    organisation = Organisation(
        name=data.name.strip(),
        kind=data.kind,
        country=data.country.upper(),
        registration_number=data.registration_number.strip(),
        is_demo=is_demo,
        created_by=actor,
    )
    organisation.full_clean()
    try:
        organisation.save()
    except IntegrityError as exc:
        raise DomainError(
            _("An organisation with this registration number already exists in this country."),
            code="duplicate",
        ) from exc
    return organisation


def membership_add(*, actor: User | None, organisation: Organisation, user: User, role: str) -> Membership:
    if actor is not None:
        require(actor, "organisation.manage", organisation)
    if role not in Membership.Role.values:
        raise DomainError(_("This role does not exist."), code="role")
    if user.is_worker:
        raise DomainError(
            _("Workers cannot act for an organisation with their worker account."), code="worker"
        )
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, role=role, defaults={"is_active": True, "created_by": actor}
    )
    return membership


# --- Housekeeping -----------------------------------------------------------------------------------


def sign_in_records_purge(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Delete used or expired codes and finished throttles; they are only useful for minutes.

    Run daily by `mizan purge_expired` (mizan.privacy.rights) with the sign-in codes retention period.
    """
    from mizan.accounts.models import Throttle

    cutoff = timezone.now() - older_than
    codes, _detail = OneTimeCode.objects.filter(created_at__lt=cutoff).delete()
    longest_window = max(window + lockout for _limit, window, lockout in settings.MIZAN_THROTTLES.values())
    stale = timezone.now() - timedelta(seconds=longest_window)
    throttles_deleted, _detail = (
        Throttle.objects.filter(window_started_at__lt=stale).exclude(locked_until__gt=timezone.now()).delete()
    )
    return codes + throttles_deleted
