from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mizan.accounts import throttles
from mizan.accounts.models import OneTimeCode, Throttle
from mizan.accounts.services import sign_in_records_purge

pytestmark = pytest.mark.django_db


def test_old_codes_and_finished_throttles_are_purged_and_live_ones_kept():
    now = timezone.now()
    OneTimeCode.objects.create(phone="+9779812345678", code_hash="x" * 64, expires_at=now, created_at=now)
    old = OneTimeCode.objects.create(
        phone="+9779812345678", code_hash="y" * 64, expires_at=now, created_at=now - timedelta(days=2)
    )
    throttles.hit("sign_in_ip", "192.0.2.1")
    Throttle.objects.create(key="sign_in_ip:old", window_started_at=now - timedelta(days=3), count=1)
    Throttle.objects.create(
        key="sign_in_ip:locked",
        window_started_at=now - timedelta(days=3),
        locked_until=now + timedelta(hours=1),
    )

    deleted = sign_in_records_purge()

    assert not OneTimeCode.objects.filter(pk=old.pk).exists()
    assert OneTimeCode.objects.count() == 1
    assert set(Throttle.objects.values_list("key", flat=True)) - {"sign_in_ip:locked"} != set()
    assert not Throttle.objects.filter(key="sign_in_ip:old").exists()
    assert Throttle.objects.filter(key="sign_in_ip:locked").exists()
    assert deleted == 2
