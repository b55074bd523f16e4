"""The Django adapter: it gives the engine exactly the records a person would write by hand, and keeps the
index equal to a fresh build as profiles and consents change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mizan.matching.adapter import WorkerIndex, is_related, vacancy_catalogue, worker_index
from mizan.matching.convert import PayConverter, worker_key
from mizan.matching.engine.index import MatchIndex
from mizan.matching.engine.records import Catalogue, OccupationClaim, ProfileRecord, VacancyQuery
from mizan.profiles import services
from mizan.taxonomy.selectors import skills_for
from tests.matching.helpers import (
    CLEANER,
    WELDER,
    build_profile,
    new_worker,
    published_vacancy,
    skill_ids,
    stop_matching,
)

pytestmark = pytest.mark.django_db


def _record(worker, vocabulary, claims, skills, languages, destinations, pay=None):
    return ProfileRecord(
        worker_key=worker_key(worker.pk),
        occupations=claims,
        skill_ids=vocabulary.ids(sorted(skill.uri for skill in skills)),
        languages=languages,
        destinations=frozenset(destinations),
        min_monthly_pay=pay,
        opted_in=True,
        eligible_for=frozenset({"QA"}),
    )


def test_the_adapter_scores_exactly_as_the_engine_on_hand_made_records(common_taxonomy):
    welder, cleaner = common_taxonomy[WELDER], common_taxonomy[CLEANER]
    essential, optional = skills_for(welder)
    cleaning, _ = skills_for(cleaner)
    a = new_worker(common_taxonomy, years="4", essential=3, destinations=("QA",), min_pay="1000")
    b = new_worker(
        common_taxonomy, years="1.5", essential=5, optional=2, languages={"ne": 3}, destinations=("SA",)
    )
    c = new_worker(
        common_taxonomy, code=CLEANER, years="7", essential=2, languages={"en": 2}, destinations=()
    )
    vacancy = published_vacancy(common_taxonomy, pay="2000", languages=[("en", "basic")])

    query = vacancy_catalogue().query_for(vacancy.id).query
    served = worker_index().workers_for(query, 10).result.results

    vocabulary = worker_index().vocabulary
    welder_claim = (OccupationClaim(WELDER, "7212", 4.0),)
    pay = round(Decimal(100_000) / Decimal("3.64"))  # 1,000 QAR in US cents
    by_hand = [
        _record(a, vocabulary, welder_claim, essential[:3], {"ne": 3, "en": 1}, ["QA"], pay=pay),
        _record(
            b,
            vocabulary,
            (OccupationClaim(WELDER, "7212", 1.5),),
            essential[:5] + optional[:2],
            {"ne": 3},
            ["SA"],
        ),
        _record(c, vocabulary, (OccupationClaim(CLEANER, "9111", 7.0),), cleaning[:2], {"en": 2}, []),
    ]
    hand_query = VacancyQuery(
        vacancy_key=str(vacancy.id),
        esco_code=WELDER,
        isco_unit="7212",
        essential_skill_ids=vocabulary.ids(sorted(skill.uri for skill in essential)),
        optional_skill_ids=vocabulary.ids(sorted(skill.uri for skill in optional)),
        destination="QA",
        sector="construction",
        monthly_pay=round(Decimal(200_000) / Decimal("3.64")),
        start_date=vacancy.start_date,
        languages_needed={"en": 1},
        workers_needed=5,
    )
    assert query == hand_query
    engine = MatchIndex.build(by_hand, catalogue=Catalogue({WELDER: "7212", CLEANER: "9111"}))
    expected = [m for m in engine.workers_for(hand_query, 10).results if is_related(m)]

    assert [(m.worker_key, m.score, m.position, m.explanation) for m in served] == [
        (m.worker_key, m.score, m.position, m.explanation) for m in expected
    ]
    assert [m.worker_key for m in served] == [worker_key(a.pk), worker_key(b.pk)]  # the cleaner: unrelated
    assert served[0].score > served[1].score


def test_pay_is_compared_in_one_unit_and_an_unknown_currency_is_not_checked(common_taxonomy):
    converter = PayConverter(dt.date.today())
    assert converter.cents(Decimal("3640"), "QAR") == 100_000
    assert converter.cents(Decimal("100"), "BDT") is None  # no rate: never an error
    rich = new_worker(common_taxonomy, min_pay="2500")  # more than the job pays (2,000 QAR)
    unknown = new_worker(common_taxonomy, min_pay="90000", currency="BDT")  # a currency without a rate
    vacancy = published_vacancy(common_taxonomy, pay="2000")
    ranked = worker_index().workers_for(vacancy_catalogue().query_for(vacancy.id).query, 10)
    assert [ranked.worker_id(m) for m in ranked.result.results] == [unknown.pk]
    assert ranked.result.filtered_out["matching.filtered.pay_below_minimum"] == 1
    assert ranked.pay_unchecked == {worker_key(unknown.pk)}
    assert rich.pk not in ranked.worker_ids.values()


def _served(index, query):
    """Who came where with what score and why (skill numbers aside: another index numbers them anew)."""
    ranked = index.workers_for(query, 20)
    return [
        (ranked.worker_id(m), m.score, m.position, m.explanation.components) for m in ranked.result.results
    ]


def test_an_incremental_refresh_equals_a_full_rebuild(common_taxonomy, django_capture_on_commit_callbacks):
    workers = [new_worker(common_taxonomy, years=str(n), essential=n) for n in range(1, 6)]
    vacancy = published_vacancy(common_taxonomy)
    query = vacancy_catalogue().query_for(vacancy.id).query
    first = _served(worker_index(), query)
    assert [row[0] for row in first] == [w.pk for w in reversed(workers)]

    with django_capture_on_commit_callbacks(execute=True):  # the profile_changed signal, after commit
        services.occupation_save(
            actor=workers[0],
            worker=workers[0],
            code=WELDER,
            years_of_experience=Decimal(9),
            skill_ids=skill_ids(common_taxonomy[WELDER], essential=12),
        )
    stop_matching(workers[3])
    newcomer = new_worker(common_taxonomy, years="2", essential=4)  # consent given: marked at once

    refreshed = _served(worker_index(), query)
    fresh = WorkerIndex()
    # The query numbers skills with the process-wide vocabulary, which outlives earlier tests: share it.
    fresh.vocabulary = worker_index().vocabulary
    fresh.rebuild()
    assert refreshed == _served(fresh, query)
    assert refreshed[0][0] == workers[0].pk
    assert workers[3].pk not in [row[0] for row in refreshed]
    assert newcomer.pk in [row[0] for row in refreshed]


def test_changes_made_by_another_process_are_found_by_their_time(common_taxonomy):
    """No signal reaches this process (the callbacks of the test transaction never run): the poll finds
    the changed profile by ``changed_at`` and the sweep finds who stopped or started job matching."""
    workers = [new_worker(common_taxonomy, years=str(n), essential=n) for n in range(1, 4)]
    vacancy = published_vacancy(common_taxonomy)
    query = vacancy_catalogue().query_for(vacancy.id).query
    index = WorkerIndex()
    index.rebuild()
    services.occupation_save(
        actor=workers[0],
        worker=workers[0],
        code=WELDER,
        years_of_experience=Decimal(9),
        skill_ids=skill_ids(common_taxonomy[WELDER], essential=12),
    )
    stop_matching(workers[1])
    late = build_profile(new_worker(common_taxonomy, consent=False), common_taxonomy, consent=True)
    assert index.refresh(force=True) >= 3
    fresh = WorkerIndex()
    fresh.rebuild()
    assert _served(index, query) == _served(fresh, query)
    assert {row[0] for row in _served(index, query)} == {workers[0].pk, workers[2].pk, late.pk}


def test_a_worker_who_stops_job_matching_is_never_served(common_taxonomy):
    stays, leaves = new_worker(common_taxonomy, essential=2), new_worker(common_taxonomy, essential=6)
    vacancy = published_vacancy(common_taxonomy)
    query = vacancy_catalogue().query_for(vacancy.id).query
    assert [r[0] for r in _served(worker_index(), query)] == [leaves.pk, stays.pk]
    stop_matching(leaves)  # no signal, no poll yet: the check before serving removes them
    assert [r[0] for r in _served(worker_index(), query)] == [stays.pk]


def test_a_job_in_a_country_the_index_does_not_know_rebuilds_it(common_taxonomy):
    worker = new_worker(common_taxonomy, destinations=())
    assert worker_index().stats()["profiles"] == 1
    vacancy = published_vacancy(
        common_taxonomy, destination="KR", currency="KRW", pay="3000000", pay_usd="2200"
    )
    ranked = worker_index().workers_for(vacancy_catalogue().query_for(vacancy.id).query, 5)
    assert [ranked.worker_id(m) for m in ranked.result.results] == [worker.pk]


def test_an_unknown_occupation_code_is_explained_and_matched_by_its_group(common_taxonomy):
    worker = new_worker(common_taxonomy)
    query = VacancyQuery(vacancy_key="x", esco_code="7212.999", isco_unit="7212", destination="QA")
    ranked = worker_index().workers_for(query, 5)
    assert [n.code for n in ranked.result.notes][:1] == ["matching.note.unknown_occupation"]
    assert [ranked.worker_id(m) for m in ranked.result.results] == [worker.pk]
    assert ranked.result.results[0].explanation.components[0].message == "matching.occupation.unit_group"
