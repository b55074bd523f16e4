"""Workers register and sign in with a phone number and a one-time code."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from mizan.accounts.gateways.file import FileGateway
from mizan.accounts.models import OneTimeCode, User

pytestmark = pytest.mark.django_db
PHONE = "+9779812345678"


def last_code(phone: str = PHONE) -> str:
    body = FileGateway().messages_to(phone)[-1]["body"]
    match = re.search(r"\b(\d{6})\b", body)
    assert match, body
    return match.group(1)


def request_code(client, phone: str = "9812345678", region: str = "NP", **headers):
    return client.post(reverse("accounts:sign_in"), {"region": region, "phone": phone}, **headers)


def test_a_new_worker_registers_with_a_code_and_is_signed_in(client):
    response = request_code(client)
    assert response.status_code == 302
    assert response.url == reverse("accounts:code")

    response = client.post(reverse("accounts:code"), {"code": last_code()})

    assert response.status_code == 302
    assert response.url == reverse("accounts:pin_setup")
    user = User.objects.get(phone=PHONE)
    assert user.is_worker
    assert user.email is None
    assert client.get(reverse("accounts:account")).status_code == 200


def test_the_code_is_stored_only_as_a_hash(client):
    request_code(client)
    code = last_code()
    stored = OneTimeCode.objects.get(phone=PHONE)
    assert code not in stored.code_hash
    assert len(stored.code_hash) == 64


def test_the_message_is_in_the_workers_language(client):
    request_code(client, HTTP_ACCEPT_LANGUAGE="ne")
    message = FileGateway().messages_to(PHONE)[-1]
    assert message["language"] == "ne"
    assert "Mizan" in message["body"] or "मिजान" in message["body"]


def test_a_code_works_only_once(client):
    from mizan.accounts import services
    from mizan.common.errors import DomainError

    request_code(client)
    code = last_code()
    services.code_verify(phone=PHONE, code=code, ip="127.0.0.1", language="en")
    with pytest.raises(DomainError) as refused:
        services.code_verify(phone=PHONE, code=code, ip="127.0.0.1", language="en")
    assert refused.value.code == "code_expired"


def test_an_expired_code_is_refused_with_a_clear_message(client):
    request_code(client)
    code = last_code()
    OneTimeCode.objects.update(expires_at=OneTimeCode.objects.get().created_at)
    response = client.post(reverse("accounts:code"), {"code": code})
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not User.objects.filter(phone=PHONE).exists()


def test_a_new_code_replaces_the_old_one(client):
    request_code(client)
    first = last_code()
    request_code(client)
    second = last_code()
    if first != second:
        assert client.post(reverse("accounts:code"), {"code": first}).status_code == 400
    assert client.post(reverse("accounts:code"), {"code": second}).status_code == 302


@pytest.mark.parametrize("phone", ["", "12", "not a number", "+1 555", "☎☎☎"])
def test_a_malformed_phone_number_gets_a_translated_400(client, phone):
    response = request_code(client, phone=phone, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


def test_the_phone_error_is_translated(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = request_code(client, phone="12")
    assert response.status_code == 400
    assert "This phone number" not in response.content.decode()
    assert 'dir="rtl"' in response.content.decode()


def test_wrong_codes_lock_the_code_and_then_the_phone(client, settings):
    settings.MIZAN_CODE_MAX_TRIES = 3
    request_code(client)
    right = last_code()
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(3):
        assert client.post(reverse("accounts:code"), {"code": wrong}).status_code == 400
    response = client.post(reverse("accounts:code"), {"code": right})
    assert response.status_code == 400
    assert "Too many wrong codes" in response.content.decode()


def test_too_many_code_requests_for_one_phone_are_refused_with_429(client, settings):
    settings.MIZAN_THROTTLES = {**settings.MIZAN_THROTTLES, "code_request_phone": (2, 3600, 3600)}
    assert request_code(client).status_code == 302
    assert request_code(client).status_code == 302
    response = request_code(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many tries" in response.content.decode()


def test_too_many_code_requests_from_one_address_are_refused(client, settings):
    settings.MIZAN_THROTTLES = {**settings.MIZAN_THROTTLES, "code_request_ip": (2, 3600, 3600)}
    assert request_code(client, phone="9812345671").status_code == 302
    assert request_code(client, phone="9812345672").status_code == 302
    assert request_code(client, phone="9812345673").status_code == 429


def test_repeated_wrong_codes_lock_the_phone(client, settings):
    settings.MIZAN_THROTTLES = {**settings.MIZAN_THROTTLES, "sign_in_phone": (2, 900, 900)}
    settings.MIZAN_CODE_MAX_TRIES = 10
    request_code(client)
    right = last_code()
    wrong = "000000" if right != "000000" else "111111"
    client.post(reverse("accounts:code"), {"code": wrong})
    client.post(reverse("accounts:code"), {"code": wrong})
    response = client.post(reverse("accounts:code"), {"code": wrong})
    assert response.status_code == 429
    # Locked: even the right code waits until the lock ends.
    assert client.post(reverse("accounts:code"), {"code": right}).status_code == 429


def test_the_code_page_without_a_phone_goes_back_to_the_phone_page(client):
    response = client.get(reverse("accounts:code"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:sign_in")


def test_a_missing_csrf_token_gets_a_translated_403(settings):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = strict.post(reverse("accounts:sign_in"), {"region": "NP", "phone": "9812345678"})
    assert response.status_code == 403
    assert "reload the page" in response.content.decode()
