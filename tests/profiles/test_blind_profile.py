"""Blind profiles: a recruiter sees skills and experience, never who the worker is; every look is recorded."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from mizan.common.errors import NotFound, PermissionDenied
from mizan.privacy.consent.models import AccessRecord
from mizan.profiles.selectors import BlindProfile, blind_profile, blind_profiles
from mizan.profiles.selectors.blind import BlindCertificate, BlindOccupation
from tests.factories import WorkerFactory
from tests.profiles.helpers import WELDER, build_profile, upload_certificate

pytestmark = pytest.mark.django_db


def test_a_recruiter_sees_skills_and_the_worker_sees_the_look(worker, recruiter, common_taxonomy):
    build_profile(worker, common_taxonomy)
    upload_certificate(worker)
    seen = blind_profile(actor=recruiter, worker_id=worker.pk, language="ne")
    assert [occupation.esco_code for occupation in seen.occupations] == [WELDER]
    assert seen.occupations[0].title != "welder"  # the curated Nepali title
    assert seen.skill_count == 3
    assert {item.code for item in seen.languages} == {"ne", "en"}
    assert seen.certificates == (BlindCertificate("Welding, level 2", False),)
    assert (seen.destinations, seen.sectors) == (("QA", "SA"), ("construction",))
    record = AccessRecord.objects.get(worker=worker)
    assert record.pk == seen.access_record_id
    assert (record.actor, record.purpose, record.outcome) == (recruiter, "job_matching", "granted")
    assert sorted(record.categories) == ["preferences", "skills_experience"]


@pytest.mark.parametrize("cls", [BlindProfile, BlindOccupation, BlindCertificate])
def test_nothing_that_names_or_describes_the_person_or_their_lowest_pay(cls):
    names = {field.name for field in dataclasses.fields(cls)}
    forbidden = {"name", "display_name", "phone", "photo", "sex", "gender", "nationality", "religion", "age"}
    assert not names & forbidden
    assert not any(word in name for name in names for word in ("birth", "marital", "pay", "issuer", "number"))


def test_no_consent_no_look_and_the_refusal_is_recorded(worker, recruiter, common_taxonomy):
    build_profile(worker, common_taxonomy, consent=False)
    with pytest.raises(PermissionDenied):
        blind_profile(actor=recruiter, worker_id=worker.pk)
    record = AccessRecord.objects.get(worker=worker)
    assert (record.outcome, record.reason) == ("refused", "no_consent")


@pytest.mark.parametrize("persona", ["inspector", "caseworker", "auditor", "outsider"])
def test_only_hiring_roles_may_look(personas, worker, common_taxonomy, persona):
    build_profile(worker, common_taxonomy)
    with pytest.raises(PermissionDenied):
        blind_profile(actor=personas[persona], worker_id=worker.pk)
    assert AccessRecord.objects.get(worker=worker).outcome == "refused"


def test_an_unknown_worker_is_not_found(recruiter, common_taxonomy):
    with pytest.raises(NotFound):
        blind_profile(actor=recruiter, worker_id=uuid.uuid4())
    with pytest.raises(NotFound):
        blind_profile(actor=recruiter, worker_id=recruiter.pk)  # staff have no profile to show


def test_a_shortlist_leaves_out_those_who_said_no(recruiter, common_taxonomy, django_assert_max_num_queries):
    yes = [WorkerFactory() for _ in range(4)]
    no = WorkerFactory()
    for person in yes:
        build_profile(person, common_taxonomy)
    build_profile(no, common_taxonomy, consent=False)
    with django_assert_max_num_queries(20):
        shortlist = blind_profiles(actor=recruiter, worker_ids=[person.pk for person in [*yes, no]])
    assert set(shortlist) == {person.pk for person in yes}
    outcomes = dict(AccessRecord.objects.values_list("worker_id", "outcome"))
    assert outcomes[no.pk] == "refused"
    assert all(outcomes[person.pk] == "granted" for person in yes)
