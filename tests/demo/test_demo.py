from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from mizan.accounts.models import Membership, Organisation, User
from mizan.demo.services import demo_totp_code

pytestmark = pytest.mark.django_db


def test_demo_data_is_labelled_synthetic_and_loading_it_twice_changes_nothing(capsys):
    call_command("demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("demo")
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == counts
    assert all(org.is_demo and "(demo)" in org.name for org in Organisation.objects.all())
    assert "SYNTHETIC" in capsys.readouterr().out


def test_demo_covers_at_least_five_corridors():
    from mizan.demo import data

    corridors = {worker.corridor for worker in data.WORKERS}
    assert len(corridors) >= 5


def test_demo_codes_are_printed_only_for_demo_accounts():
    call_command("demo", "--quiet-sign-ins")
    assert demo_totp_code("agency@demo.mizan.invalid") is not None
    assert demo_totp_code("someone@example.org") is None


def test_demo_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("demo")


def test_the_demo_worker_sees_one_allowed_and_one_refused_look_at_their_data():
    from mizan.demo import data
    from mizan.privacy.consent.models import AccessRecord

    call_command("demo", "--quiet-sign-ins")
    call_command("demo", "--quiet-sign-ins")
    worker = User.objects.get(phone=data.WORKERS[0].phone)
    outcomes = list(AccessRecord.objects.filter(worker=worker).values_list("outcome", flat=True))
    # The privacy demo's allowed and refused looks, plus the shortlists that read the blind profile.
    assert outcomes.count("refused") == 1
    assert "granted" in outcomes
