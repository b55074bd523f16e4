"""The ``common_taxonomy`` fixture: the common occupations (with their ISCO groups, skills and titles in
all 12 languages) imported into the test database, for every app that needs real occupations.

    def test_something(common_taxonomy):
        welder = common_taxonomy["7212.3"]            # an Occupation, keyed by ESCO code

The ESCO files are parsed once per test process (``mizan.taxonomy.source`` caches the parsed rows at
module level); each test then only writes the ~5,500 rows of the only-common import.
"""

from __future__ import annotations

import pytest

from mizan.taxonomy.models import Occupation
from mizan.taxonomy.services import taxonomy_import


@pytest.fixture
def common_taxonomy(db: None) -> dict[str, Occupation]:
    """Runs ``taxonomy_import(only_common=True)`` and returns the common occupations by ESCO code."""
    taxonomy_import(only_common=True)
    return {occupation.code: occupation for occupation in Occupation.objects.filter(is_common=True)}
