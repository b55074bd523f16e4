"""Writes of the job profile: what the worker may add, and a clear "no" for everything else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mizan.common.errors import NotFound, PermissionDenied
from mizan.profiles import services
from mizan.profiles.models import Preferences, Profile, ProfileLanguage, ProfileOccupation, ProfileSkill
from mizan.profiles.signals import profile_changed
from mizan.profiles.validation import ProfileInputError, UnknownOccupation
from mizan.taxonomy.models import OccupationSkill
from mizan.taxonomy.selectors import skills_for
from tests.factories import WorkerFactory
from tests.profiles.helpers import CLEANER, WELDER, skill_ids

pytestmark = pytest.mark.django_db


def test_the_first_kind_of_work_becomes_the_main_one(worker, common_taxonomy):
    services.profile_occupation_add(actor=worker, worker=worker, code=WELDER, years_of_experience="4.5")
    services.profile_occupation_add(actor=worker, worker=worker, code=CLEANER)
    rows = {row.occupation.code: row for row in ProfileOccupation.objects.select_related("occupation")}
    assert rows[WELDER].is_main
    assert not rows[CLEANER].is_main
    assert rows[WELDER].years_of_experience == Decimal("4.5")

    services.profile_occupation_add(actor=worker, worker=worker, code=CLEANER, is_main=True)
    assert ProfileOccupation.objects.get(is_main=True).occupation.code == CLEANER
    services.profile_occupation_remove(actor=worker, worker=worker, code=CLEANER)
    assert ProfileOccupation.objects.get().is_main  # the welder is the main work again


def test_an_unknown_esco_code_is_a_clear_400(worker, common_taxonomy):
    with pytest.raises(UnknownOccupation) as caught:
        services.profile_occupation_add(actor=worker, worker=worker, code="9999.99")
    assert caught.value.status == 400
    assert caught.value.code == "unknown_occupation"
    assert "We do not know this kind of work" in str(caught.value.message)
    assert not ProfileOccupation.objects.exists()


@pytest.mark.parametrize("years", ["-1", "60.5", "61", "abc", "NaN", "Infinity"])
def test_years_of_experience_must_be_0_to_60(worker, common_taxonomy, years):
    with pytest.raises(ProfileInputError) as caught:
        services.profile_occupation_add(actor=worker, worker=worker, code=WELDER, years_of_experience=years)
    assert caught.value.field == "years_of_experience"
    assert not ProfileOccupation.objects.exists()


def test_sixty_years_and_half_years_are_fine(worker, common_taxonomy):
    services.profile_occupation_add(actor=worker, worker=worker, code=WELDER, years_of_experience="60")
    services.profile_occupation_add(actor=worker, worker=worker, code=CLEANER, years_of_experience="0.5")
    assert sorted(ProfileOccupation.objects.values_list("years_of_experience", flat=True)) == [
        Decimal("0.5"),
        Decimal("60"),
    ]


def test_at_most_ten_kinds_of_work(worker, common_taxonomy):
    codes = sorted(common_taxonomy)[:11]
    for code in codes[:10]:
        services.profile_occupation_add(actor=worker, worker=worker, code=code)
    with pytest.raises(ProfileInputError) as caught:
        services.profile_occupation_add(actor=worker, worker=worker, code=codes[10])
    assert caught.value.code == "too_many_occupations"


def test_a_skill_must_belong_to_that_kind_of_work(worker, common_taxonomy):
    welder, cleaner = common_taxonomy[WELDER], common_taxonomy[CLEANER]
    services.profile_occupation_add(actor=worker, worker=worker, code=CLEANER)
    welder_only = (
        OccupationSkill.objects.filter(occupation=welder)
        .exclude(skill__occupation_links__occupation=cleaner)
        .values_list("skill_id", flat=True)
        .first()
    )
    with pytest.raises(ProfileInputError) as caught:
        services.skills_set(actor=worker, worker=worker, code=CLEANER, skill_ids=[welder_only])
    assert caught.value.code == "skill_not_of_occupation"
    assert str(caught.value.message) == "This skill does not belong to this kind of work."
    with pytest.raises(ProfileInputError):
        services.skills_set(actor=worker, worker=worker, code=CLEANER, skill_ids=["not a number"])
    assert not ProfileSkill.objects.exists()


def test_skills_are_set_exactly_and_may_be_emptied(worker, common_taxonomy):
    cleaner = common_taxonomy[CLEANER]
    essential, optional = skills_for(cleaner)
    services.profile_occupation_add(actor=worker, worker=worker, code=CLEANER)
    chosen = [essential[0].pk, essential[1].pk, optional[0].pk]
    assert services.skills_set(actor=worker, worker=worker, code=CLEANER, skill_ids=chosen) == sorted(chosen)
    services.skills_set(actor=worker, worker=worker, code=CLEANER, skill_ids=chosen[1:])
    assert set(ProfileSkill.objects.values_list("skill_id", flat=True)) == set(chosen[1:])
    services.skills_set(actor=worker, worker=worker, code=CLEANER, skill_ids=[])
    assert not ProfileSkill.objects.exists()


def test_skills_of_a_kind_of_work_not_in_the_profile_are_refused(worker, common_taxonomy):
    with pytest.raises(NotFound):
        services.skills_set(
            actor=worker, worker=worker, code=WELDER, skill_ids=skill_ids(common_taxonomy[WELDER])
        )


def test_only_the_worker_changes_their_profile(worker, recruiter, platform_admin, common_taxonomy):
    other = WorkerFactory()
    for actor in (recruiter, platform_admin, other):
        with pytest.raises(PermissionDenied):
            services.profile_occupation_add(actor=actor, worker=worker, code=WELDER)
        with pytest.raises(PermissionDenied):
            services.preferences_set(actor=actor, worker=worker, destinations=["QA"])
    assert not Profile.objects.exists()


def test_each_change_moves_changed_at_and_signals_once_committed(
    worker, common_taxonomy, django_capture_on_commit_callbacks
):
    received: list[object] = []

    def listener(sender: object, *, worker_id: object, **kwargs: object) -> None:
        received.append(worker_id)

    profile_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.occupation_save(
                actor=worker,
                worker=worker,
                code=WELDER,
                years_of_experience=3,
                skill_ids=skill_ids(common_taxonomy[WELDER]),
            )
        assert received == [worker.pk]  # one change, one signal
        first = Profile.objects.get().changed_at
        with django_capture_on_commit_callbacks(execute=True):
            services.language_set(actor=worker, worker=worker, code="ne", level=3)
        assert Profile.objects.get().changed_at > first
        assert received == [worker.pk, worker.pk]
        with django_capture_on_commit_callbacks(execute=True):
            services.language_set(actor=worker, worker=worker, code="ne", level=3)  # no change
        assert len(received) == 2
    finally:
        profile_changed.disconnect(listener)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("ne", "ne"),
        ("NE", "ne"),
        ("rhg", "rhg"),
        ("zh_hant_tw", "zh-Hant-TW"),
        ("pt-br", "pt-BR"),
        ("fil", "fil"),
    ],
)
def test_any_bcp_47_language_is_accepted(worker, given, kept):
    services.language_set(actor=worker, worker=worker, code=given, level=2)
    assert ProfileLanguage.objects.get().code == kept


@pytest.mark.parametrize("code", ["xx", "qqq", "", "english", "ne-", "1a"])
def test_an_unknown_language_is_refused(worker, code):
    with pytest.raises(ProfileInputError) as caught:
        services.language_set(actor=worker, worker=worker, code=code, level=1)
    assert caught.value.code == "unknown_language"


@pytest.mark.parametrize("level", [-1, 4, "high", None])
def test_the_level_is_one_of_four(worker, level):
    with pytest.raises(ProfileInputError) as caught:
        services.language_set(actor=worker, worker=worker, code="ne", level=level)
    assert caught.value.code == "level_unknown"


def test_languages_are_replaced_all_or_nothing(worker):
    services.language_set(actor=worker, worker=worker, code="ne", level=3)
    with pytest.raises(ProfileInputError):
        services.languages_replace(actor=worker, worker=worker, languages=[("en", 2), ("xx", 1)])
    assert list(ProfileLanguage.objects.values_list("code", flat=True)) == ["ne"]
    services.languages_replace(actor=worker, worker=worker, languages=[("en", 2), ("ar", 0)])
    assert sorted(ProfileLanguage.objects.values_list("code", "level")) == [("ar", 0), ("en", 2)]


def test_preferences_are_checked_and_saved(worker):
    services.preferences_set(
        actor=worker,
        worker=worker,
        destinations=["qa", "SA", "QA"],
        sectors=["construction", "construction"],
        min_monthly_pay="1200",
        currency="qar",
        available_from=dt.date(2027, 2, 1),
    )
    saved = Preferences.objects.get()
    assert saved.destinations == ["QA", "SA"]
    assert saved.sectors == ["construction"]
    assert (saved.min_monthly_pay, saved.currency) == (Decimal("1200.00"), "QAR")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"destinations": ["XX"]}, "unknown_country"),
        ({"sectors": ["mining"]}, "unknown_sector"),
        ({"min_monthly_pay": "1200"}, "currency_needed"),
        ({"min_monthly_pay": "1200", "currency": "ABC"}, "unknown_currency"),
        ({"min_monthly_pay": "-5", "currency": "QAR"}, "pay_invalid"),
        ({"min_monthly_pay": "lots", "currency": "QAR"}, "pay_invalid"),
        ({"available_from": dt.date(2099, 1, 1)}, "start_too_late"),
    ],
)
def test_bad_preferences_are_refused_and_nothing_changes(worker, changes, code):
    services.preferences_set(actor=worker, worker=worker, destinations=["MY"])
    with pytest.raises(ProfileInputError) as caught:
        services.preferences_set(actor=worker, worker=worker, **changes)
    assert caught.value.code == code
    assert Preferences.objects.get().destinations == ["MY"]


def test_replacing_every_kind_of_work_is_all_or_nothing(worker, common_taxonomy):
    welder = common_taxonomy[WELDER]
    services.occupation_save(actor=worker, worker=worker, code=CLEANER, years_of_experience=2, skill_ids=[])
    items = [
        services.OccupationInput(code=WELDER, years_of_experience=3, skill_ids=skill_ids(welder)),
        services.OccupationInput(code="0000.0"),
    ]
    with pytest.raises(UnknownOccupation):
        services.occupations_replace(actor=worker, worker=worker, occupations=items)
    assert list(ProfileOccupation.objects.values_list("occupation__code", flat=True)) == [CLEANER]

    services.occupations_replace(actor=worker, worker=worker, occupations=items[:1])
    row = ProfileOccupation.objects.get()
    assert (row.occupation.code, row.is_main, row.skills.count()) == (WELDER, True, 3)
