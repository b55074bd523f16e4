"""Twelve languages, chosen on the first visit and remembered for the person."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from mizan.common.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def test_a_first_visit_offers_every_language_by_its_own_name(client):
    page = client.get(reverse("web:home")).content.decode()
    assert "Choose your language" in page
    for language in LANGUAGES:
        assert f'lang="{language.code}"' in page
        assert language.endonym in page


def test_choosing_a_language_sets_a_cookie_and_hides_the_first_visit_chooser(client):
    response = client.post(reverse("web:language"), {"language": "ne", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ne"
    page = client.get(reverse("web:home")).content.decode()
    assert 'lang="ne"' in page
    assert 'id="choose-language"' not in page


@pytest.mark.parametrize("code", ["xx", "", "en-ZZ-bad", "<script>"])
def test_an_unknown_language_code_gets_a_clear_400(client, code):
    response = client.post(reverse("web:language"), {"language": code})
    assert response.status_code == 400
    assert "We do not have this language yet" in response.content.decode()


def test_next_must_stay_on_this_site(client):
    response = client.post(reverse("web:language"), {"language": "th", "next": "https://evil.example/"})
    assert response.url == "/"


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_right_to_left_languages_turn_the_page(client, code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    page = client.get(reverse("web:home")).content.decode()
    assert f'<html lang="{code}" dir="rtl">' in page


def test_a_signed_in_persons_language_is_remembered_on_another_device(client, worker):
    from django.test import Client

    client.force_login(worker)
    client.post(reverse("web:language"), {"language": "bn"})
    worker.refresh_from_db()
    assert worker.preferred_language == "bn"

    other_device = Client()
    other_device.force_login(worker)
    assert '<html lang="bn"' in other_device.get(reverse("web:home")).content.decode()


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
def test_every_shell_string_on_the_home_page_is_translated(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("web:home")).content.decode()
    if language != "en":
        assert "For recruitment agencies" not in page
        assert "Mizan is free for workers. Nobody may ask you to pay to use it." not in page
