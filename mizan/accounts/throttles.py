"""Attempt counting with lockout, per phone, per account and per IP address.

Keys are stored as keyed hashes, so the table holds no phone numbers or addresses in clear.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

from mizan.accounts.models import Throttle
from mizan.common.errors import Throttled


def _key(scope: str, value: str) -> str:
    return f"{scope}:{salted_hmac('mizan.accounts.throttle', value, algorithm='sha256').hexdigest()}"


def _refuse(locked_until: datetime) -> Throttled:
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    minutes = max(1, math.ceil(seconds / 60))
    message = ngettext(
        "Too many tries. For your safety, please wait %(minutes)d minute and try again.",
        "Too many tries. For your safety, please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
    return Throttled(message, retry_after=seconds)


def check(scope: str, value: str) -> None:
    """Raise Throttled while ``value`` is locked out of ``scope``."""
    locked_until = (
        Throttle.objects.filter(key=_key(scope, value)).values_list("locked_until", flat=True).first()
    )
    if locked_until and locked_until > timezone.now():
        raise _refuse(locked_until)


def hit(scope: str, value: str) -> None:
    """Count one attempt; past the scope's limit, lock out and raise Throttled."""
    limit, window, lockout = settings.MIZAN_THROTTLES[scope]
    now = timezone.now()
    with transaction.atomic():
        throttle, _created = Throttle.objects.select_for_update().get_or_create(
            key=_key(scope, value), defaults={"window_started_at": now}
        )
        if throttle.locked_until and throttle.locked_until > now:
            raise _refuse(throttle.locked_until)
        if throttle.window_started_at + timedelta(seconds=window) <= now:
            throttle.window_started_at, throttle.count, throttle.locked_until = now, 0, None
        throttle.count += 1
        if throttle.count > limit:
            throttle.locked_until = now + timedelta(seconds=lockout)
        throttle.save()
    if throttle.locked_until:
        raise _refuse(throttle.locked_until)


def clear(scope: str, value: str) -> None:
    Throttle.objects.filter(key=_key(scope, value)).delete()
