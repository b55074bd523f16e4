"""The personal details Mizan may ask a worker for, and why — the one list pages, API and checks share.

Data minimisation (ILO C181 art. 6; ILO Code of Practice on workers' personal data, 5 and 6): every
detail is optional, and each says in plain words when Mizan would need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Kind = Literal["text", "long_text", "date", "email", "phone", "document_number"]


@dataclass(frozen=True)
class Detail:
    name: str
    label: Promise
    why: Promise
    kind: Kind = "text"
    max_length: int = 200


DETAILS: tuple[Detail, ...] = (
    Detail(
        "full_name",
        _("Full name, as in your passport"),
        _("Only needed when you sign a contract or apply for a visa."),
        max_length=200,
    ),
    Detail(
        "date_of_birth",
        _("Date of birth"),
        _("Some jobs and countries have age rules. It is checked only when you apply for a job."),
        kind="date",
    ),
    Detail(
        "passport_number",
        _("Passport number"),
        _("Only needed when you sign a contract or apply for a visa. Nobody may keep your passport."),
        kind="document_number",
        max_length=20,
    ),
    Detail(
        "national_id_number",
        _("National ID number"),
        _("Only needed if the government asks for it for your work permit."),
        kind="document_number",
        max_length=40,
    ),
    Detail(
        "contact_email",
        _("Email address"),
        _("Only if you also want messages by email. We use your phone number first."),
        kind="email",
        max_length=254,
    ),
    Detail(
        "second_phone",
        _("Another phone number"),
        _("So we can still reach you if your phone is lost or switched off."),
        kind="phone",
        max_length=32,
    ),
    Detail(
        "home_address",
        _("Home address"),
        _("Only needed for a contract and for government records."),
        kind="long_text",
        max_length=500,
    ),
    Detail(
        "bank_name",
        _("Name of your bank"),
        _("Only needed so an employer can pay your wages into your own bank account."),
        max_length=120,
    ),
    Detail(
        "bank_account_number",
        _("Bank account number"),
        _("Only needed so an employer can pay your wages into your own bank account."),
        kind="document_number",
        max_length=40,
    ),
    Detail(
        "emergency_contact",
        _("Person to call in an emergency"),
        _("Their name and phone number, in case something happens to you."),
        max_length=300,
    ),
)

BY_NAME: dict[str, Detail] = {detail.name: detail for detail in DETAILS}
NAMES: tuple[str, ...] = tuple(BY_NAME)

# The consent registry's data category of each detail: what another person's read is checked against.
CATEGORY_OF: dict[str, str] = {
    "full_name": "identity",
    "passport_number": "identity",
    "national_id_number": "identity",
    "date_of_birth": "date_of_birth",
    "contact_email": "contact",
    "second_phone": "contact",
    "home_address": "contact",
    "emergency_contact": "contact",
    "bank_name": "bank",
    "bank_account_number": "bank",
}
