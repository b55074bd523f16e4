"""The shared ``common_taxonomy`` fixture gives the curated occupations with skills and titles."""

from __future__ import annotations

import pytest

from mizan.taxonomy.models import Occupation, OccupationSkill, OccupationTitle


@pytest.mark.parametrize("round_", range(3))
def test_fixture_gives_common_occupations_by_code(
    common_taxonomy: dict[str, Occupation], round_: int
) -> None:
    welder = common_taxonomy["7212.3"]
    assert welder.preferred_label == "welder"
    assert welder.is_common
    assert welder.isco_group_id == "7212"
    assert len(common_taxonomy) == Occupation.objects.count() >= 60
    assert OccupationSkill.objects.filter(occupation=welder, relation="essential").exists()
    assert OccupationTitle.objects.filter(occupation=welder).count() == 12
