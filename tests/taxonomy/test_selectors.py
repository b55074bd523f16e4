"""Selectors: titles with their fallbacks, the common list, search in any script, skills, ISCO path."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mizan.taxonomy import selectors
from mizan.taxonomy.models import IscoGroup, Occupation, OccupationTitle

Taxonomy = dict[str, Occupation]


def first_code(query: str, language: str = "en") -> str | None:
    results = selectors.occupation_search(query, language)
    return results[0][0].code if results else None


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("घरेलु कामदार", "9111.1"),  # Nepali: domestic worker
        ("घरेलू कामगार", "9111.1"),  # Hindi: domestic worker
        ("वेल्डर", "7212.3"),  # Hindi / Nepali: welder
        ("রাজমিস্ত্রি", "7112.1"),  # Bengali: mason
        ("গৃহকর্মী", "9111.1"),  # Bengali: domestic worker
        ("عاملة منزلية", "9111.1"),  # Arabic: domestic worker (woman)
        ("سائق شاحنة", "8332.2"),  # Arabic: truck driver
        ("ช่างเชื่อม", "7212.3"),  # Thai: welder
        ("kasambahay", "9111.1"),
        ("tukang las", "7212.3"),
        ("weldr", "7212.3"),  # misspelt
        ("hous maid", "9111.1"),  # misspelt and split
        ("securty guard", "5414.1"),
        ("ELECTRICIAN", "7411.1"),
        ("7212.3", "7212.3"),  # an ESCO code
    ],
)
def test_search_finds_the_occupation_in_any_script(common_taxonomy: Taxonomy, query: str, code: str) -> None:
    assert first_code(query) == code


def test_search_gives_titles_in_the_requested_language(common_taxonomy: Taxonomy) -> None:
    results = selectors.occupation_search("weldr", "ne", limit=3)
    assert results[0] == (common_taxonomy["7212.3"], "वेल्डर")
    assert len(results) <= 3


@pytest.mark.parametrize("query", ["", " ", "x", "xyzzy qwv", "!!!"])
def test_search_without_a_match_is_empty(common_taxonomy: Taxonomy, query: str) -> None:
    assert selectors.occupation_search(query, "en") == []


def test_search_sees_a_changed_taxonomy(common_taxonomy: Taxonomy) -> None:
    assert first_code("kasambahay") == "9111.1"
    OccupationTitle.objects.filter(language="fil").delete()
    assert first_code("kasambahay") is None


def test_occupation_title_falls_back_to_english_then_esco(common_taxonomy: Taxonomy) -> None:
    cleaner = common_taxonomy["9111.1"]
    assert selectors.occupation_title(cleaner, "ne") == "घरेलु कामदार"
    assert selectors.occupation_title(cleaner, "en") == "Domestic worker"
    OccupationTitle.objects.filter(occupation=cleaner, language="si").delete()
    assert selectors.occupation_title(cleaner, "si") == "Domestic worker"
    other = Occupation.objects.create(
        uri="http://example.org/x", code="7212.9", isco_group_id="7212", preferred_label="rare welder"
    )
    assert selectors.occupation_title(other, "ar") == "rare welder"


def test_occupation_titles_is_one_query(common_taxonomy: Taxonomy) -> None:
    occupations = list(common_taxonomy.values())
    with CaptureQueriesContext(connection) as queries:
        titles = selectors.occupation_titles(occupations, "bn")
    assert len(queries) == 1
    assert titles[common_taxonomy["7212.3"].pk] == "ওয়েল্ডার"
    assert len(titles) == len(occupations)
    assert selectors.occupation_titles([], "bn") == {}


def test_common_occupations_are_sorted_by_their_title(common_taxonomy: Taxonomy) -> None:
    for language in ("en", "ne", "ar"):
        pairs = selectors.common_occupations(language)
        assert len(pairs) == len(common_taxonomy)
        keys = [selectors.sort_key(title) for _occupation, title in pairs]
        assert keys == sorted(keys)
    english = [title for _occupation, title in selectors.common_occupations("en")]
    assert english.index("Baker") < english.index("Welder")


def test_skills_for_splits_essential_and_optional(common_taxonomy: Taxonomy) -> None:
    essential, optional = selectors.skills_for(common_taxonomy["7212.3"])
    assert essential
    assert optional
    assert not {skill.pk for skill in essential} & {skill.pk for skill in optional}
    labels = [skill.preferred_label for skill in essential]
    assert labels == sorted(labels)


def test_isco_path_goes_from_major_group_to_unit_group(common_taxonomy: Taxonomy) -> None:
    path = selectors.isco_path("7212.3")
    assert [group.code for group in path] == ["7", "72", "721", "7212"]
    assert all(isinstance(group, IscoGroup) for group in path)
    assert selectors.isco_path("7212") == path
    assert selectors.isco_path("abc") == []
