"""Fairness by construction, end to end: nothing protected reaches the index, so nothing protected can
move a score or a place. Names, sex, nationality, age and contact live elsewhere (sealed personal details,
the account row); we set them, change them, swap them around, and the rankings do not move."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from mizan.accounts.models import User
from mizan.matching import selectors
from mizan.matching.adapter import vacancy_catalogue, worker_index
from mizan.matching.engine.records import PROTECTED_ATTRIBUTES, ProfileRecord
from mizan.profiles.facts import ProfileFacts
from mizan.workers.models import PersonalDetails
from tests.factories import WorkerFactory
from tests.matching.helpers import (
    CLEANER,
    build_profile,
    give_personal_details,
    published_vacancy,
    reset_matching,
)

pytestmark = pytest.mark.django_db

# (phone, account name, sealed full name, date of birth, home address, language): who someone is, never
# what they can do. Phone and address name a country; the names are a woman's and a man's.
PEOPLE = [
    ("+9779800000101", "Sita", "Sita Tamang", "1994-03-02", "Kathmandu, Nepal", "ne"),
    ("+639170000102", "Jose", "Jose Santos", "1971-11-20", "Quezon City, Philippines", "fil"),
    ("+8801700000103", "Rahima", "Rahima Begum", "2002-06-15", "Sylhet, Bangladesh", "bn"),
    ("+94770000104", "Nimal", "Nimal Perera", "1985-01-09", "Kandy, Sri Lanka", "si"),
    ("+6281200000105", "Dewi", "Dewi Lestari", "1990-08-30", "Surabaya, Indonesia", "id"),
]


def _person(values: tuple[str, ...]) -> User:
    phone, name, full_name, birth, address, language = values
    worker = WorkerFactory(phone=phone, display_name=name, preferred_language=language)
    give_personal_details(worker, name=full_name, birth=birth, address=address)
    return worker


def _set_person(worker: User, values: tuple[str, ...]) -> None:
    phone, name, full_name, birth, address, language = values
    User.objects.filter(pk=worker.pk).update(phone=phone, display_name=name, preferred_language=language)
    worker.refresh_from_db()
    give_personal_details(worker, name=full_name, birth=birth, address=address)


def _ranking(recruiter, vacancy) -> list[tuple[str, float, int]]:
    found = selectors.shortlist(actor=recruiter, vacancy=vacancy.id, k=20)
    return [(c.handle, c.score, c.position) for c in found.candidates]


def test_no_protected_attribute_is_an_input_of_the_index():
    for cls in (ProfileRecord, ProfileFacts):
        for name in (field.name for field in dataclasses.fields(cls)):
            tokens = name.split("_")
            assert not any(t.startswith(w) for t in tokens for w in PROTECTED_ATTRIBUTES), (
                f"{cls.__name__}.{name}"
            )


def test_identical_profiles_get_identical_scores_and_adjacent_places(common_taxonomy, personas):
    woman_from_nepal, man_from_the_philippines = _person(PEOPLE[0]), _person(PEOPLE[1])
    for twin in (woman_from_nepal, man_from_the_philippines):
        build_profile(twin, common_taxonomy, years="3", essential=4)
    for person, (years, skills) in zip(PEOPLE[2:], (("8", 9), ("1", 1), ("5", 6)), strict=True):
        build_profile(_person(person), common_taxonomy, years=years, essential=skills)
    vacancy = published_vacancy(common_taxonomy, posted_by=personas.organisation("agency"))
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id, k=20)
    ranked = worker_index().workers_for(vacancy_catalogue().query_for(vacancy.id).query, 20)
    places = {
        ranked.worker_id(m): (m.position, m.score, m.explanation.components) for m in ranked.result.results
    }
    twin_a, twin_b = places[woman_from_nepal.pk], places[man_from_the_philippines.pk]
    assert twin_a[1] == twin_b[1]
    assert twin_a[2] == twin_b[2]
    assert abs(twin_a[0] - twin_b[0]) == 1
    assert len(found.candidates) == 5
    shown = {c.position: c.score for c in found.candidates}
    assert shown[twin_a[0]] == shown[twin_b[0]]


def test_permuting_protected_attributes_changes_no_score_and_no_place(common_taxonomy, personas):
    workers = [_person(values) for values in PEOPLE]
    for worker, (years, skills, code) in zip(
        workers,
        [("2", 3, None), ("6", 5, None), ("2", 3, None), ("0.5", 8, None), ("4", 2, CLEANER)],
        strict=True,
    ):
        build_profile(
            worker, common_taxonomy, years=years, essential=skills, **({"code": code} if code else {})
        )
    vacancy = published_vacancy(common_taxonomy, posted_by=personas.organisation("agency"))
    before = _ranking(personas.recruiter, vacancy)
    assert len(before) == 4  # the cleaner shares nothing with a welder's job

    for turn, order in enumerate(itertools.islice(itertools.permutations(range(len(PEOPLE))), 1, 4)):
        # Phones are unique: park everyone on a free number first, then hand out the permuted identities.
        for n, worker in enumerate(workers):
            User.objects.filter(pk=worker.pk).update(phone=f"+97798111{turn}{n:04d}")
        for worker, source in zip(workers, order, strict=True):
            _set_person(worker, PEOPLE[source])
        reset_matching()  # a fresh process builds from scratch
        assert _ranking(personas.recruiter, vacancy) == before
    assert PersonalDetails.objects.count() == len(PEOPLE)


def test_age_never_reaches_matching_even_where_a_law_sets_a_minimum_age(common_taxonomy, personas):
    """A worker too young for a corridor's minimum age still appears: matching may not read a date of
    birth (the check is made, for real, when they apply and an agency they chose may read it)."""
    young, older = _person(PEOPLE[2]), _person(PEOPLE[1])
    today = dt.date.today()
    give_personal_details(
        young, name="Rahima Begum", birth=str(today.replace(year=today.year - 17)), address=""
    )
    for worker in (young, older):
        build_profile(worker, common_taxonomy, destinations=("SA",), years="2", essential=3)
    vacancy = published_vacancy(common_taxonomy, posted_by=personas.organisation("agency"), destination="SA",
                                currency="SAR", pay="2000", pay_usd="533.33")  # fmt: skip
    found = selectors.shortlist(actor=personas.recruiter, vacancy=vacancy.id)
    assert len(found.candidates) == 2
    assert found.candidates[0].score == found.candidates[1].score
