"""A worker may set a PIN for quick sign-in, but only on the phone where they set it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mizan.accounts.models import TrustedDevice
from mizan.accounts.views.common import DEVICE_COOKIE

pytestmark = pytest.mark.django_db


def set_pin(client, worker, pin="4826"):
    client.force_login(worker)
    return client.post(reverse("accounts:pin_setup"), {"pin": pin, "pin_again": pin})


def sign_out_keeping_the_phone(client):
    """The test client's logout() forgets all cookies; a real phone keeps the device cookie."""
    device = client.cookies[DEVICE_COOKIE].value
    client.post(reverse("accounts:sign_out"))
    client.cookies[DEVICE_COOKIE] = device


def test_setting_a_pin_trusts_this_phone(client, worker):
    response = set_pin(client, worker)
    assert response.status_code == 302
    assert DEVICE_COOKIE in response.cookies
    worker.refresh_from_db()
    assert worker.has_pin
    assert "4826" not in worker.pin_hash
    assert TrustedDevice.objects.filter(user=worker).count() == 1


@pytest.mark.parametrize(
    ("pin", "again", "message"),
    [
        ("12", "12", "4 to 6 numbers"),
        ("abcd", "abcd", "4 to 6 numbers"),
        ("4826", "4827", "not the same"),
        ("1111", "1111", "too easy"),
        ("1234", "1234", "too easy"),
    ],
)
def test_a_bad_pin_is_refused_with_a_reason(client, worker, pin, again, message):
    client.force_login(worker)
    response = client.post(reverse("accounts:pin_setup"), {"pin": pin, "pin_again": again})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_pin_sign_in_works_on_the_trusted_phone(client, worker):
    set_pin(client, worker)
    sign_out_keeping_the_phone(client)
    response = client.post(
        reverse("accounts:pin_sign_in"), {"region": "NP", "phone": worker.phone, "pin": "4826"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_pin_sign_in_is_refused_on_another_phone(client, worker):
    set_pin(client, worker)
    sign_out_keeping_the_phone(client)
    client.cookies.pop(DEVICE_COOKIE)
    response = client.get(reverse("accounts:pin_sign_in"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:sign_in")


def test_a_wrong_pin_is_refused_then_locked(client, worker, settings):
    settings.MIZAN_THROTTLES = {**settings.MIZAN_THROTTLES, "sign_in_phone": (2, 900, 900)}
    set_pin(client, worker)
    sign_out_keeping_the_phone(client)
    url = reverse("accounts:pin_sign_in")
    form = {"region": "NP", "phone": worker.phone, "pin": "9999"}
    assert client.post(url, form).status_code == 400
    assert client.post(url, form).status_code == 400
    assert client.post(url, form).status_code == 429
    assert client.post(url, {**form, "pin": "4826"}).status_code == 429


def test_signing_out_everywhere_ends_other_sessions_and_forgets_pin_phones(client, worker):
    from django.test import Client

    other = Client()
    other.force_login(worker)
    assert other.get(reverse("accounts:account")).status_code == 200
    set_pin(client, worker)

    response = client.post(reverse("accounts:sign_out_everywhere"))

    assert response.status_code == 302
    assert other.get(reverse("accounts:account")).status_code == 302  # sent to sign in
    assert not TrustedDevice.objects.filter(user=worker).exists()


def test_signing_out_needs_a_post(client, worker):
    client.force_login(worker)
    assert client.get(reverse("accounts:sign_out")).status_code == 405
    assert client.post(reverse("accounts:sign_out")).status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 302
