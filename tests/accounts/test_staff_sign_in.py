"""Organisation staff sign in with email and password, then a TOTP code from an authenticator app."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff_user():
    user = UserFactory(kind="staff", email="officer@example.org", phone=None)
    user.set_password(PASSWORD)
    user.save()
    return user


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_first_sign_in_requires_setting_up_two_factor(client, staff_user):
    response = client.post(
        reverse("accounts:staff_sign_in"), {"email": staff_user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    response = client.get(reverse("accounts:staff_verify"))
    assert response.url == reverse("accounts:staff_setup")
    # Until two-factor is done, every other page sends the person back.
    assert client.get(reverse("accounts:account")).url == reverse("accounts:staff_verify")

    page = client.get(reverse("accounts:staff_setup"))
    assert page.status_code == 200
    assert "data:image/svg+xml" in page.content.decode()
    device = TOTPDevice.objects.get(user=staff_user)
    response = client.post(reverse("accounts:staff_setup"), {"token": current_code(device)})

    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=staff_user).count() == 10
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, staff_user):
    for email in (staff_user.email, "nobody@example.org"):
        response = client.post(
            reverse("accounts:staff_sign_in"), {"email": email, "password": "wrong password"}
        )
        assert response.status_code == 400
        assert "email or password is not right" in response.content.decode()


def test_staff_with_a_device_must_type_the_code(client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    client.post(reverse("accounts:staff_sign_in"), {"email": staff_user.email, "password": PASSWORD})
    assert client.post(reverse("accounts:staff_verify"), {"token": "000000"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code; skip the wait
    response = client.post(reverse("accounts:staff_verify"), {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_backup_code_works_once(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    static = staff_user.staticdevice_set.create(name="backup")
    static.token_set.create(token="12345678")
    client.post(reverse("accounts:staff_sign_in"), {"email": staff_user.email, "password": PASSWORD})
    assert client.post(reverse("accounts:staff_verify"), {"token": "12345678"}).status_code == 302
    client.post(reverse("accounts:sign_out"))
    client.post(reverse("accounts:staff_sign_in"), {"email": staff_user.email, "password": PASSWORD})
    assert client.post(reverse("accounts:staff_verify"), {"token": "12345678"}).status_code == 400


def test_repeated_wrong_passwords_lock_the_account(client, staff_user, settings):
    settings.MIZAN_THROTTLES = {**settings.MIZAN_THROTTLES, "sign_in_account": (3, 900, 900)}
    url = reverse("accounts:staff_sign_in")
    for _ in range(3):
        assert client.post(url, {"email": staff_user.email, "password": "nope"}).status_code == 400
    assert client.post(url, {"email": staff_user.email, "password": "nope"}).status_code == 429
    response = client.post(url, {"email": staff_user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()


def test_password_recovery_sends_a_link(client, staff_user, mailoutbox):
    response = client.post(reverse("accounts:recover"), {"email": staff_user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/accounts/staff/recover/" in mailoutbox[0].body


def test_password_recovery_does_not_reveal_unknown_emails(client, mailoutbox):
    response = client.post(reverse("accounts:recover"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []
