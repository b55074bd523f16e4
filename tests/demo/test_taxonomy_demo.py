"""The taxonomy's demo loader: the common occupations, once."""

from __future__ import annotations

import pytest

from mizan.demo.taxonomy import demo_taxonomy_load
from mizan.taxonomy.models import Occupation, OccupationTitle

pytestmark = pytest.mark.django_db


def test_demo_loads_the_common_occupations_once() -> None:
    added = demo_taxonomy_load(organisations={})
    common = Occupation.objects.filter(is_common=True).count()
    assert common >= 60
    assert Occupation.objects.count() == common  # only the common ones: fast
    assert OccupationTitle.objects.count() == common * 12
    assert added > common
    assert demo_taxonomy_load(organisations={}) == 0
