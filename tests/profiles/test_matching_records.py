"""matching_records: only workers who allow job matching, plain facts, nothing protected, a fixed number of
queries per batch."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from mizan.privacy.consent.models import Consent
from mizan.privacy.consent.services import consent_give, consent_withdraw
from mizan.privacy.rights.models import Restriction, RestrictionKind
from mizan.privacy.rights.services.erasure import worker_erase
from mizan.privacy.rights.services.restrictions import restriction_set
from mizan.profiles import services
from mizan.profiles.facts import OccupationFacts, ProfileFacts
from mizan.profiles.selectors import matching_enabled, matching_records
from mizan.taxonomy.selectors import skills_for
from tests.factories import WorkerFactory
from tests.profiles.helpers import CLEANER, WELDER, build_profile

pytestmark = pytest.mark.django_db

PROTECTED = {
    "name",
    "photo",
    "sex",
    "gender",
    "nationality",
    "religion",
    "age",
    "date_of_birth",
    "birth",
    "marital",
    "phone",
    "email",
    "address",
    "contact",
    "issuer",
}


def _names(cls: type) -> set[str]:
    return {field.name for field in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", [ProfileFacts, OccupationFacts])
def test_the_facts_have_no_protected_attribute(cls):
    for name in _names(cls):
        tokens = set(name.split("_"))
        assert name not in PROTECTED, f"{cls.__name__}.{name} looks protected"
        assert not tokens & PROTECTED, f"{cls.__name__}.{name} looks protected"
        assert "date_of_birth" not in name
        assert "marital" not in name


def test_a_profile_becomes_plain_facts(worker, common_taxonomy):
    build_profile(worker, common_taxonomy)
    services.occupation_save(actor=worker, worker=worker, code=CLEANER, years_of_experience=1, skill_ids=[])
    [facts] = list(matching_records())
    essential, _optional = skills_for(common_taxonomy[WELDER])
    assert facts.worker_id == worker.pk
    assert facts.occupations == (
        OccupationFacts(WELDER, "7212", Decimal("4.0"), True),
        OccupationFacts(CLEANER, "9111", Decimal("1.0"), False),
    )
    assert facts.skills == frozenset(skill.uri for skill in essential[:3])
    assert facts.languages == {"ne": 3, "en": 1}
    assert (facts.destinations, facts.sectors) == (("QA", "SA"), ("construction",))
    assert (facts.min_monthly_pay, facts.currency) == (Decimal("1200.00"), "QAR")
    assert facts.available_from == dt.date(2027, 1, 1)
    assert facts.verified_certificates == 0
    assert facts.changed_at is not None


def test_only_workers_who_allow_job_matching_are_seen(common_taxonomy):
    allowed, no_consent, restricted, objecting, withdrawn, erased = (WorkerFactory() for _ in range(6))
    for person in (allowed, restricted, objecting, withdrawn, erased):
        build_profile(person, common_taxonomy)
    build_profile(no_consent, common_taxonomy, consent=False)
    restriction_set(actor=restricted, worker=restricted, kind=RestrictionKind.RESTRICT, on=True)
    # An objection wins even when the worker turns matching on again afterwards.
    Restriction.objects.create(worker=objecting, kind=RestrictionKind.OBJECT_MATCHING)
    consent_withdraw(actor=withdrawn, consent=Consent.objects.get(worker=withdrawn))
    worker_erase(actor=erased, worker=erased)

    assert {facts.worker_id for facts in matching_records()} == {allowed.pk}
    assert matching_enabled(allowed)
    assert not matching_enabled(objecting)
    assert not matching_enabled(restricted)
    wanted = [no_consent.pk, objecting.pk, allowed.pk]
    assert [facts.worker_id for facts in matching_records(worker_ids=wanted)] == [allowed.pk]


def test_a_consent_to_an_older_notice_does_not_count(worker, common_taxonomy, monkeypatch):
    from mizan.privacy.consent import purposes

    build_profile(worker, common_taxonomy)
    assert [facts.worker_id for facts in matching_records()] == [worker.pk]
    newer = dataclasses.replace(purposes.PURPOSES["job_matching"], notice_version=2)
    monkeypatch.setitem(purposes._BY_CODE, "job_matching", newer)
    assert list(matching_records()) == []


def test_changed_since_gives_only_profiles_changed_since(common_taxonomy):
    early, late = WorkerFactory(), WorkerFactory()
    build_profile(early, common_taxonomy)
    build_profile(late, common_taxonomy)
    cut = timezone.now()
    services.language_set(actor=late, worker=late, code="ar", level=1)
    assert [facts.worker_id for facts in matching_records(changed_since=cut)] == [late.pk]
    assert len(list(matching_records(changed_since=cut - dt.timedelta(hours=1)))) == 2


def test_batches_cost_the_same_queries_whatever_the_profiles_hold(
    common_taxonomy, django_assert_max_num_queries
):
    workers = [WorkerFactory() for _ in range(7)]
    for person in workers:
        build_profile(person, common_taxonomy)
    # A batch: profiles, consents, restrictions, occupations, skills, languages, preferences, certificates.
    with django_assert_max_num_queries(9):
        first = list(matching_records(batch_size=10))
    assert len(first) == 7
    # Three batches of three (the last holds one) and a last empty page: 4 pages at most, never per worker.
    with django_assert_max_num_queries(4 * 9):
        paged = list(matching_records(batch_size=3))
    assert sorted(facts.worker_id for facts in paged) == sorted(person.pk for person in workers)


def test_profiles_without_anything_yet_are_still_plain_facts(worker):
    services.language_set(actor=worker, worker=worker, code="ne", level=3)
    consent_give(worker=worker, purpose="job_matching", method="web")
    [facts] = list(matching_records())
    assert facts.occupations == ()
    assert facts.skills == frozenset()
    assert (facts.min_monthly_pay, facts.currency, facts.available_from) == (None, None, None)


def test_opted_in_mirrors_the_consent_and_is_not_stored(worker, common_taxonomy):
    from mizan.profiles.models import Profile

    build_profile(worker, common_taxonomy, consent=False)
    profile = Profile.objects.get()
    assert profile.opted_in_to_matching is False
    consent_give(worker=worker, purpose="job_matching", method="web")
    assert profile.opted_in_to_matching is True
    assert "opted_in_to_matching" not in {field.name for field in Profile._meta.get_fields()}
