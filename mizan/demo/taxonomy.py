"""Demo data for the taxonomy: the real ESCO occupations and skills (not synthetic) with the curated titles.

Loads the common occupations only (about 5,500 rows, a second or two) unless the full ESCO data is
already in the database (``mizan taxonomy import``), in which case it refreshes that instead. Adds
nothing on a second run.
"""

from __future__ import annotations

from mizan.accounts.models import Organisation
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.services import taxonomy_import

# ESCO v1.1.1 has 3,007 occupations; the common list about 60. More than this means a full import ran.
FULL_IMPORT_FROM = 1000


def demo_taxonomy_load(*, organisations: dict[str, Organisation]) -> int:
    """Import the taxonomy for the demo; returns how many rows were added (0 when already there)."""
    full = Occupation.objects.count() >= FULL_IMPORT_FROM
    return taxonomy_import(only_common=not full).added
