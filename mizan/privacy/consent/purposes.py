"""The purposes for which Mizan may use a worker's personal data: the registry, in code.

Standard: the ILO Code of Practice on the Protection of Workers' Personal Data (1997): data are used only
for the purposes they were collected for (5.2), only for reasons directly relevant to the worker's
employment (5.1), and workers are told which data are collected, the rules and their rights (5.8).
Everything a worker is told about a purpose (the privacy notice page, the API, the "who saw my data"
sentences) is generated from this module, so the notice cannot drift from what the code allows.

Changing the text of a notice (or what it covers) needs a higher ``notice_version``: consents given to an
older notice no longer count, and ``tests/consent/test_notice_versions.py`` fails until the version is
bumped and ``mizan notice_hashes --write`` has recorded the new text's hash in ``notice_hashes.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Membership, Organisation

Kind = Organisation.Kind
Role = Membership.Role


# --- Kinds of data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    """A kind of personal data. ``yours`` is its name as used in a sentence to the worker."""

    code: str
    label: Promise
    yours: Promise
    sensitive: bool  # stored encrypted by the vault


_CATEGORIES = (
    Category("identity", _("Name and identity papers"), _("your name and identity papers"), True),
    Category("date_of_birth", _("Date of birth"), _("your date of birth"), True),
    Category("contact", _("Phone number and address"), _("your phone number and address"), True),
    Category("bank", _("Bank details"), _("your bank details"), True),
    Category("documents", _("Documents you uploaded"), _("your documents"), True),
    Category(
        "skills_experience", _("Skills and work experience"), _("your skills and work experience"), False
    ),
    Category(
        "preferences", _("The jobs and countries you want"), _("the jobs and countries you want"), False
    ),
    Category(
        "case_narrative", _("What you told us in a complaint"), _("what you told us in a complaint"), True
    ),
    Category("contract_terms", _("Your work contract"), _("your work contract"), False),
    Category("work_hours_pay", _("Your working hours and pay"), _("your working hours and pay"), True),
    Category(
        "equality_data",
        _("Facts about you used only to check for unfair treatment, such as sex and nationality"),
        _("the facts you gave to check for unfair treatment"),
        True,
    ),
)
CATEGORIES: MappingProxyType[str, Category] = MappingProxyType({c.code: c for c in _CATEGORIES})


# --- Legal bases --------------------------------------------------------------------------------------


class LegalBasis(models.TextChoices):
    """Why Mizan may use data at all. Only CONSENT lets the worker say no (and stop) for that purpose."""

    CONSENT = "consent", _("Your agreement")
    CONTRACT = "contract", _("A contract with you")
    LEGAL_OBLIGATION = "legal_obligation", _("A duty under the law")
    VITAL_INTEREST = "vital_interest", _("To protect your life or safety")
    # Not one of the ILO code's named grounds: counts of many people that name nobody. Kept apart so
    # that nothing else can hide behind it; no person may read one worker's data under it.
    PUBLIC_INTEREST = "public_interest", _("Anonymous counts in the public interest")


CAN_SAY_NO: dict[str, Promise] = {
    LegalBasis.CONSENT: _(
        "Yes. You decide. You can stop at any time, with one tap, on the “My permissions” page."
    ),
    LegalBasis.CONTRACT: _(
        "This is needed to give you your account or to carry out your contract. Without it we cannot."
    ),
    LegalBasis.LEGAL_OBLIGATION: _(
        "No. The law requires it. But every time someone looks, you can see it on “Who saw my data”."
    ),
    LegalBasis.VITAL_INTEREST: _(
        "It is used only when your life or safety may be in danger. Every time someone looks, you can see it."
    ),
    LegalBasis.PUBLIC_INTEREST: _(
        "Nobody sees your own answers, only counts of many people. You can ask us to leave you out."
    ),
}


# --- Purposes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Purpose:
    """One reason to use a worker's data, with everything the worker is told about it."""

    code: str
    notice_version: int
    title: Promise
    what: Promise  # what Mizan does with the data, in plain words
    why: Promise  # why it is needed
    reason: Promise  # finishes "… looked at your skills, <reason>": "to consider you for a job"
    kept_for: Promise
    legal_basis: LegalBasis
    categories: frozenset[str]
    # organisation kind -> roles that may read under this purpose (registered as a permission action)
    readers: MappingProxyType[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    organisation_bound: bool = False  # only for one named organisation (the worker's choice or contract)
    readable: bool = True  # False: only counts of many workers, no person may read one worker's data
    needs_reference: bool = False  # the reader must name the case or inspection they read for
    retention: str = ""  # key of the retention period (see docs/privacy/consent.md)

    @property
    def needs_consent(self) -> bool:
        return self.legal_basis == LegalBasis.CONSENT

    @property
    def action(self) -> str:
        """The permission action (mizan.accounts.permissions) a reader needs under this purpose."""
        return f"personal_data.{self.code}"

    @property
    def can_say_no(self) -> Promise:
        return CAN_SAY_NO[self.legal_basis]

    def notice_fingerprint(self) -> str:
        """SHA-256 of the English notice and of what it covers; changes whenever the notice does."""
        with translation.override("en"):
            content: dict[str, Any] = {
                "title": str(self.title),
                "what": str(self.what),
                "why": str(self.why),
                "reason": str(self.reason),
                "kept_for": str(self.kept_for),
                "can_say_no": str(self.can_say_no),
                "legal_basis": str(self.legal_basis),
                "categories": sorted(self.categories),
                "category_labels": [str(CATEGORIES[code].label) for code in sorted(self.categories)],
                "readers": {kind: sorted(roles) for kind, roles in sorted(self.readers.items())},
                "organisation_bound": self.organisation_bound,
                "readable": self.readable,
            }
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _readers(kinds: Mapping[str, Iterable[str]]) -> MappingProxyType[str, frozenset[str]]:
    # str(): Kind and Role members are str enums; keep plain strings in the registry.
    return MappingProxyType(
        {str(kind): frozenset(str(role) for role in roles) for kind, roles in kinds.items()}
    )


_HIRERS: dict[str, set[str]] = {
    Kind.AGENCY: {Role.ADMIN, Role.RECRUITER},
    Kind.EMPLOYER: {Role.ADMIN, Role.HIRING_MANAGER},
}

_PURPOSES = (
    Purpose(
        code="account",
        notice_version=1,
        title=_("Your Mizan account"),
        what=_("We keep your phone number and name so you can sign in and we can send you messages."),
        why=_("We need this to give you an account. It is part of our agreement with you."),
        reason=_("to help with your account"),
        kept_for=_("While you have an account. When you close it, we delete it."),
        legal_basis=LegalBasis.CONTRACT,
        categories=frozenset({"identity", "contact"}),
        retention="account",
    ),
    Purpose(
        code="job_matching",
        notice_version=1,
        title=_("Job matching"),
        what=_(
            "Recruiters and employers can find you by your skills and the jobs you want. "
            "They do not see your name, photo or phone number."
        ),
        why=_("So that jobs can find you. Only if you turn it on."),
        reason=_("to see if you fit a job"),
        kept_for=_("Until you turn it off. Then nobody can find you this way."),
        legal_basis=LegalBasis.CONSENT,
        categories=frozenset({"skills_experience", "preferences"}),
        readers=_readers(_HIRERS),
        retention="job_matching",
    ),
    Purpose(
        code="recruitment",
        notice_version=1,
        title=_("Recruitment by an agency or employer you choose"),
        what=_(
            "One recruitment agency or employer that you name can see your details, documents and "
            "skills, to consider you for a job."
        ),
        why=_("So they can offer you a job. Only the one you named, and only if you agree."),
        reason=_("to consider you for a job"),
        kept_for=_("Until you stop it, or until the hiring ends. Then only what the law requires."),
        legal_basis=LegalBasis.CONSENT,
        categories=frozenset(
            {"identity", "date_of_birth", "contact", "documents", "skills_experience", "preferences"}
        ),
        readers=_readers(_HIRERS),
        organisation_bound=True,
        retention="recruitment",
    ),
    Purpose(
        code="contract",
        notice_version=1,
        title=_("Your work contract"),
        what=_(
            "The agency or employer you signed a contract with can see what they need to carry it out: "
            "your details, documents, bank details, hours and pay."
        ),
        why=_("To carry out the contract you signed: to pay you and keep the records the law asks for."),
        reason=_("to carry out your work contract"),
        kept_for=_("While the contract runs, then as long as the law requires (for example for pay claims)."),
        legal_basis=LegalBasis.CONTRACT,
        categories=frozenset(
            {"identity", "date_of_birth", "contact", "bank", "documents", "contract_terms", "work_hours_pay"}
        ),
        readers=_readers(_HIRERS),
        organisation_bound=True,
        retention="contract",
    ),
    Purpose(
        code="case_handling",
        notice_version=1,
        title=_("Help with a complaint or question"),
        what=_(
            "The support organisation or labour office you choose can read your complaint and the "
            "records it needs, to help you."
        ),
        why=_(
            "So they can help you and act on your complaint. Only the one you named, and only if you agree."
        ),
        reason=_("to help with your complaint or question"),
        kept_for=_("Until your case is closed, then as long as the law requires."),
        legal_basis=LegalBasis.CONSENT,
        categories=frozenset(
            {"identity", "contact", "case_narrative", "documents", "contract_terms", "work_hours_pay"}
        ),
        readers=_readers(
            {
                Kind.NGO: {Role.ADMIN, Role.CASEWORKER},
                Kind.AUTHORITY: {Role.CASEWORKER, Role.INSPECTOR},
            }
        ),
        organisation_bound=True,
        retention="case_handling",
    ),
    Purpose(
        code="legal_obligation",
        notice_version=1,
        title=_("Inspections and licence checks required by law"),
        what=_(
            "A labour inspector or licensing officer can check your contract, hours and pay, "
            "to see that the law was followed. They must name the inspection."
        ),
        why=_("The law gives them this power, to protect workers."),
        reason=_("for an inspection or licence check required by law"),
        kept_for=_("Only as long as the law requires."),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        categories=frozenset({"identity", "date_of_birth", "documents", "contract_terms", "work_hours_pay"}),
        readers=_readers({Kind.AUTHORITY: {Role.INSPECTOR, Role.OFFICER}}),
        needs_reference=True,
        retention="legal_obligation",
    ),
    Purpose(
        code="emergency",
        notice_version=1,
        title=_("Emergencies"),
        what=_(
            "If your life or safety may be in danger, a caseworker or labour inspector can find how "
            "to reach you and what you told us. They must name the case."
        ),
        why=_("To protect you when you may not be able to ask for help yourself."),
        reason=_("to protect your life or safety"),
        kept_for=_("Only as long as the emergency and its case need it."),
        legal_basis=LegalBasis.VITAL_INTEREST,
        categories=frozenset({"identity", "contact", "case_narrative"}),
        readers=_readers({Kind.NGO: {Role.CASEWORKER}, Kind.AUTHORITY: {Role.INSPECTOR, Role.CASEWORKER}}),
        needs_reference=True,
        retention="case_handling",
    ),
    Purpose(
        code="statistics",
        notice_version=1,
        title=_("Anonymous counts"),
        what=_(
            "We count things across many workers, such as fees paid or hours worked. "
            "Small groups are never shown, so nobody can be recognised."
        ),
        why=_("To show governments and the public where workers are treated unfairly."),
        reason=_("to count anonymously"),
        kept_for=_("Only the counts are kept, and they name nobody."),
        legal_basis=LegalBasis.PUBLIC_INTEREST,
        categories=frozenset({"skills_experience", "preferences", "contract_terms", "work_hours_pay"}),
        readable=False,
        retention="statistics",
    ),
    Purpose(
        code="equality_monitoring",
        notice_version=1,
        title=_("Checking for unfair treatment"),
        what=_(
            "If you choose to tell us facts like your sex or nationality, we use them only to check "
            "that job matching and hiring treat everyone fairly. Recruiters and employers never see them."
        ),
        why=_("So that unfair treatment can be found and stopped. Only if you agree."),
        reason=_("to check that nobody is treated unfairly"),
        kept_for=_("Until you stop it. Then we delete what you told us."),
        legal_basis=LegalBasis.CONSENT,
        categories=frozenset({"equality_data"}),
        readable=False,
        retention="equality_monitoring",
    ),
)

_BY_CODE: dict[str, Purpose] = {p.code: p for p in _PURPOSES}
PURPOSES: MappingProxyType[str, Purpose] = MappingProxyType(_BY_CODE)  # read-only view of the registry


def get_purpose(code: str) -> Purpose | None:
    return PURPOSES.get(code)


def consent_purposes(*, organisation_bound: bool | None = None) -> list[Purpose]:
    """Purposes that need the worker's consent (optionally only those bound, or not, to an organisation)."""
    return [
        purpose
        for purpose in PURPOSES.values()
        if purpose.needs_consent
        and (organisation_bound is None or purpose.organisation_bound == organisation_bound)
    ]


def _check_registry() -> None:
    # Fails at import, so a typo in the registry can never reach a running server.
    for purpose in PURPOSES.values():
        unknown = purpose.categories - CATEGORIES.keys()
        if unknown:
            raise ValueError(f"purpose {purpose.code!r} names unknown categories {sorted(unknown)}")
        if purpose.notice_version < 1:
            raise ValueError(f"purpose {purpose.code!r} needs a notice version >= 1")
        if not purpose.readable and purpose.readers:
            raise ValueError(f"purpose {purpose.code!r} is not readable but names readers")
        if purpose.organisation_bound and not purpose.readers:
            raise ValueError(f"purpose {purpose.code!r} is bound to an organisation but names no readers")


_check_registry()
