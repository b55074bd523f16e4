"""factory-boy factories for accounts: users, organisations, memberships.

Other apps keep their own factories next to their tests (tests/<app>/factories.py) and build on these.
"""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.hashers import make_password

from mizan.accounts.models import Membership, Organisation, User

TEST_PASSWORD = "correct horse battery staple"  # long enough for the staff password validators


class UserFactory(factory.django.DjangoModelFactory):
    """A worker: signs in by phone, has no email and no usable password."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    kind = User.Kind.WORKER
    phone = factory.Sequence(lambda n: f"+97798{n:08d}")  # Nepal mobile numbers, valid E.164
    email = None
    display_name = factory.Faker("name")
    preferred_language = "en"
    password = factory.LazyFunction(lambda: make_password(None))


class WorkerFactory(UserFactory):
    pass


class StaffUserFactory(UserFactory):
    """A person acting for an organisation: email and password (TEST_PASSWORD), no phone."""

    kind = User.Kind.STAFF
    phone = None
    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    password = factory.LazyFunction(lambda: make_password(TEST_PASSWORD))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = Organisation.Kind.AGENCY
    country = "NP"
    registration_number = factory.Sequence(lambda n: f"REG-{n:06d}")
    is_demo = False


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(StaffUserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.ADMIN
    is_active = True


def member(kind: str, role: str, **user_fields: Any) -> User:
    """A staff user who holds ``role`` in a new organisation of ``kind``."""
    membership = MembershipFactory(
        user=StaffUserFactory(**user_fields), organisation=OrganisationFactory(kind=kind), role=role
    )
    return membership.user
