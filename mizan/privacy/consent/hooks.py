"""Checks that apps above this one plug into ``processing_allowed`` (they import us; we cannot import them).

Two kinds, both asked for many workers at once so a shortlist of 50 costs one query per check:

- **Restrictions** (the data-rights app: "restrict processing", "object to profiling"): given worker ids, a
  purpose and an organisation, return the workers for whom processing must stop, each with a reason
  code. Register with ``register_restriction("rights.restriction", check)`` from the app's ``ready()``.
- **Relationships** (the hiring app, for ``contract``): an organisation-bound purpose that does not rest on
  consent needs proof that the organisation has that relationship with the worker (a signed contract).
  ``register_relationship("contract", check)``; the check returns the worker ids that have it. Until one is
  registered, nobody has the relationship, so such reads are refused: the guard fails closed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from uuid import UUID

from mizan.accounts.models import Organisation
from mizan.privacy.consent.purposes import PURPOSES, Purpose

# (worker ids, purpose, organisation or None) -> {worker id: reason code} for the workers to leave out
RestrictionCheck = Callable[[Collection[UUID], Purpose, Organisation | None], Mapping[UUID, str]]
# (worker ids, organisation) -> the worker ids that have the relationship with the organisation
RelationshipCheck = Callable[[Collection[UUID], Organisation], Collection[UUID]]

RESTRICTIONS: dict[str, RestrictionCheck] = {}
RELATIONSHIPS: dict[str, RelationshipCheck] = {}


def register_restriction(name: str, check: RestrictionCheck) -> None:
    if name in RESTRICTIONS:
        raise ValueError(f"restriction check {name!r} is registered twice")
    RESTRICTIONS[name] = check


def unregister_restriction(name: str) -> None:
    RESTRICTIONS.pop(name, None)


def register_relationship(purpose_code: str, check: RelationshipCheck) -> None:
    purpose = PURPOSES.get(purpose_code)
    if purpose is None or not purpose.organisation_bound or purpose.needs_consent:
        raise ValueError(f"{purpose_code!r} is not an organisation-bound purpose without consent")
    if purpose_code in RELATIONSHIPS:
        raise ValueError(f"relationship check for {purpose_code!r} is registered twice")
    RELATIONSHIPS[purpose_code] = check


def unregister_relationship(purpose_code: str) -> None:
    RELATIONSHIPS.pop(purpose_code, None)
