"""The real ESCO v1.1.1 files in taxonomy/: the full import, twice, and the only-common subset."""

from __future__ import annotations

import pytest

from mizan.taxonomy import selectors
from mizan.taxonomy.models import IscoGroup, Occupation, OccupationSkill, OccupationTitle, Skill
from mizan.taxonomy.services import DEFAULT_COMMON_FILE, taxonomy_import
from mizan.taxonomy.source import read_common

pytestmark = pytest.mark.django_db


def test_full_import_of_the_real_files_then_nothing_changes() -> None:
    first = taxonomy_import()
    assert IscoGroup.objects.count() == 619
    assert Occupation.objects.count() == 3007
    assert Skill.objects.count() == 13896
    # 123,855 relations in the file, less the 67 that name a deprecated occupation.
    assert first.dropped_relations == 67
    assert OccupationSkill.objects.count() == 123855 - 67
    assert (
        OccupationSkill.objects.filter(relation="essential").count()
        + OccupationSkill.objects.filter(relation="optional").count()
        == 123855 - 67
    )
    common = len(read_common(DEFAULT_COMMON_FILE))
    assert Occupation.objects.filter(is_common=True).count() == common
    assert OccupationTitle.objects.count() == common * 12
    assert IscoGroup.objects.get(code="7212").parent.parent.parent.code == "7"  # type: ignore[union-attr]

    second = taxonomy_import()
    assert (second.added, second.changed, second.removed) == (0, 0, 0)

    # Search reaches every ESCO occupation through its English labels, typos included.
    found = selectors.occupation_search("sofware developer", "en", limit=5)
    assert "2512.4" in [occupation.code for occupation, _title in found]


def test_only_common_import_of_the_real_files() -> None:
    result = taxonomy_import(only_common=True)
    common = read_common(DEFAULT_COMMON_FILE)
    assert Occupation.objects.count() == len(common) == result.occupations.added
    assert set(Occupation.objects.values_list("code", flat=True)) == {row.code for row in common}
    # Every ISCO group on the way down to each occupation's unit group, and nothing else.
    expected_groups = {
        code[:length]
        for code in Occupation.objects.values_list("isco_group_id", flat=True)
        for length in range(1, 5)
    }
    assert set(IscoGroup.objects.values_list("code", flat=True)) == expected_groups
    # Exactly the skills the common occupations need (essential or optional).
    assert Skill.objects.count() == OccupationSkill.objects.values("skill").distinct().count() > 1000
    welder = Occupation.objects.get(code="7212.3")
    assert welder.skill_links.filter(relation="essential").count() >= 10
    assert welder.skill_links.filter(relation="optional").count() >= 5
