"""The registry's demo data: every demo agency licensed, one expired licence, "delta" suspended (so it
cannot publish jobs), an IRIS-style certification of "himalaya"; loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from mizan.accounts.models import Organisation
from mizan.demo import data
from mizan.demo.registry import demo_registry_load
from mizan.registry.models import Certification, Licence, Sanction
from mizan.registry.selectors import may_recruit, public_record

pytestmark = pytest.mark.django_db


def demo_organisations() -> dict[str, Organisation]:
    return {
        spec.key: Organisation.objects.get(
            country=spec.country, registration_number=f"DEMO-{spec.country}-{index:03d}"
        )
        for index, spec in enumerate(data.ORGANISATIONS, start=1)
    }


def test_the_registry_demo_loads_once_and_shows_a_suspended_agency():
    call_command("demo", "--quiet-sign-ins")
    organisations = demo_organisations()
    demo_registry_load(organisations=organisations)  # adds what `mizan demo` did not (yet) add
    counts = (Licence.objects.count(), Sanction.objects.count(), Certification.objects.count())
    assert demo_registry_load(organisations=organisations) == 0
    assert (Licence.objects.count(), Sanction.objects.count(), Certification.objects.count()) == counts

    today = timezone.localdate()
    agencies = [spec.key for spec in data.ORGANISATIONS if spec.kind == "agency"]
    assert set(agencies) == {"himalaya", "luzon", "padma", "nusantara", "lanka", "delta"}
    for key in agencies:
        assert Licence.objects.filter(organisation=organisations[key]).exists(), key
        assert may_recruit(organisations[key], on=today).may_recruit is (key != "delta"), key
    assert all(found.number.startswith("DEMO-") for found in Licence.objects.all())
    assert Licence.objects.filter(valid_to__lt=today).count() == 1  # padma's earlier licence
    delta = public_record(organisations["delta"], on=today)
    assert delta.standing.code == "suspended"
    assert delta.sanctions[0].reason.startswith("(demo, synthetic)")
    himalaya = Licence.objects.get(organisation=organisations["himalaya"])
    assert himalaya.issuing_authority == organisations["ministry_np"]
    certification = Certification.objects.get(organisation=organisations["himalaya"])
    assert certification.auditor == organisations["auditor"]
    assert "IRIS" in certification.standard
