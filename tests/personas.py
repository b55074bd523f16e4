"""One person per role, the cast of every role matrix.

``PERSONAS`` names them; ``Personas`` builds each on first use inside a test (so a test pays only for the
people it meets) and keeps people of the same organisation kind in one organisation, so the agency's admin
and its recruiter are colleagues, and the inspector and the officer work for the same authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.models import Membership, Organisation, User
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory, WorkerFactory


@dataclass(frozen=True)
class PersonaSpec:
    name: str
    organisation_kind: str | None = None  # None: no membership
    role: str | None = None
    worker: bool = False
    is_staff: bool = False
    is_superuser: bool = False


_SPECS = (
    PersonaSpec("worker", worker=True),
    PersonaSpec("agency_admin", Organisation.Kind.AGENCY, Membership.Role.ADMIN),
    PersonaSpec("recruiter", Organisation.Kind.AGENCY, Membership.Role.RECRUITER),
    PersonaSpec("employer", Organisation.Kind.EMPLOYER, Membership.Role.HIRING_MANAGER),
    PersonaSpec("inspector", Organisation.Kind.AUTHORITY, Membership.Role.INSPECTOR),
    PersonaSpec("officer", Organisation.Kind.AUTHORITY, Membership.Role.OFFICER),
    PersonaSpec("caseworker", Organisation.Kind.NGO, Membership.Role.CASEWORKER),
    PersonaSpec("auditor", Organisation.Kind.AUDITOR, Membership.Role.AUDITOR),
    PersonaSpec("outsider"),
    PersonaSpec("platform_admin", is_staff=True, is_superuser=True),
)
SPECS: dict[str, PersonaSpec] = {spec.name: spec for spec in _SPECS}
PERSONAS: tuple[str, ...] = tuple(SPECS)
# "anonymous" is not a persona but every role matrix has a row for it.
ANONYMOUS = "anonymous"
EVERYONE: tuple[str, ...] = (ANONYMOUS, *PERSONAS)


def needs_second_factor(user: User) -> bool:
    return user.kind != User.Kind.WORKER


def confirmed_totp_device(user: User) -> TOTPDevice:
    """The user's confirmed TOTP device, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    return device


class Personas:
    """A lazy cast: ``personas["inspector"]`` or ``personas.inspector`` creates the person once per test."""

    def __init__(self) -> None:
        self._users: dict[str, User] = {}
        self._organisations: dict[str, Organisation] = {}

    def organisation(self, kind: str) -> Organisation:
        if kind not in self._organisations:
            self._organisations[kind] = OrganisationFactory(
                kind=kind, name=f"Test {Organisation.Kind(kind).label.lower()}"
            )
        return self._organisations[kind]

    def __getitem__(self, name: str) -> User:
        if name not in SPECS:
            raise KeyError(f"no persona {name!r}; the personas are {', '.join(PERSONAS)}")
        if name not in self._users:
            self._users[name] = self._make(SPECS[name])
        return self._users[name]

    def __getattr__(self, name: str) -> User:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def all(self) -> dict[str, User]:
        return {name: self[name] for name in PERSONAS}

    def _make(self, spec: PersonaSpec) -> User:
        display_name = spec.name.replace("_", " ").title()
        if spec.worker:
            return WorkerFactory(display_name=display_name)
        user = StaffUserFactory(
            display_name=display_name,
            email=f"{spec.name}@example.org",
            is_staff=spec.is_staff,
            is_superuser=spec.is_superuser,
        )
        if spec.organisation_kind and spec.role:
            MembershipFactory(
                user=user, organisation=self.organisation(spec.organisation_kind), role=spec.role
            )
        confirmed_totp_device(user)
        return user
