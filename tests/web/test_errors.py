"""Bad requests get a clear page in the reader's language and a 4xx, never a 500."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_page_is_a_translated_404(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "Page not found" not in page


def test_an_oversize_body_is_refused_with_413(client, settings):
    settings.MIZAN_MAX_BODY_BYTES = 2048
    response = client.post("/accounts/sign-in/", data="x" * 4096, content_type="text/plain")
    assert response.status_code == 413


def test_a_server_error_page_is_translated_and_says_it_is_not_your_fault():
    from django.test import RequestFactory

    from mizan.web.views.errors import server_error

    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="en")
    request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = server_error(request)
    assert response.status_code == 500
    assert b"not your fault" in response.content


def test_the_wrong_method_is_a_405_not_a_500():
    assert Client().delete("/").status_code == 405
