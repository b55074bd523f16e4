"""Plain sentences for the worker, in the active language: who saw their data, and who may see it."""

from __future__ import annotations

from collections.abc import Iterable

from babel.lists import format_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Membership, Organisation, User
from mizan.common import formatting
from mizan.privacy.consent import reasons
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.consent.purposes import CATEGORIES, PURPOSES, Purpose

OTHER_DATA = _("other data")
FOR_AN_UNKNOWN_REASON = _("for a reason that is not allowed")


def join(items: Iterable[str]) -> str:
    """ "a, b and c" in the reader's language."""
    listed = list(items)
    return format_list(listed, locale=formatting.current_locale()) if listed else ""


def data_phrase(codes: Iterable[str]) -> str:
    return join(str(CATEGORIES[c].yours) if c in CATEGORIES else str(OTHER_DATA) for c in codes)


def person_name(user: User) -> str:
    return user.display_name or gettext("Someone")


def organisation_name(organisation: Organisation) -> str:
    if organisation.is_demo:
        return gettext("%(name)s (demo)") % {"name": organisation.name}
    return organisation.name


def describe(record: AccessRecord) -> str:
    """ "On 3 May 2025, Asha at Himalaya Recruitment looked at your skills …, to consider you for a job.\""""
    purpose = PURPOSES.get(record.purpose)
    params = {
        "date": formatting.day(record.at),
        "person": person_name(record.actor),
        "data": data_phrase(record.categories),
        "reason": str(purpose.reason) if purpose else str(FOR_AN_UNKNOWN_REASON),
    }
    if record.organisation is not None:
        params["organisation"] = organisation_name(record.organisation)
    elif record.actor.is_superuser:
        params["organisation"] = gettext("Mizan")
    at_organisation = "organisation" in params
    if record.is_granted:
        if at_organisation:
            text = gettext("On %(date)s, %(person)s at %(organisation)s looked at %(data)s, %(reason)s.")
        else:
            text = gettext("On %(date)s, %(person)s looked at %(data)s, %(reason)s.")
        return text % params
    params["why"] = str(reasons.to_worker(record.reason))
    if at_organisation:
        text = gettext(
            "On %(date)s, %(person)s at %(organisation)s tried to look at %(data)s, %(reason)s, "
            "but was not allowed: %(why)s."
        )
    else:
        text = gettext(
            "On %(date)s, %(person)s tried to look at %(data)s, %(reason)s, but was not allowed: %(why)s."
        )
    return text % params


def readers(purpose: Purpose) -> list[tuple[str, str]]:
    """(organisation kind, the roles in it) that may read under ``purpose``, in the reader's language."""
    rows = []
    for kind in Organisation.Kind:
        roles = purpose.readers.get(kind.value)
        if roles:
            names = [str(role.label) for role in Membership.Role if role.value in roles]
            rows.append((str(kind.label), join(names)))
    return rows


def who_can_see(purpose: Purpose) -> str:
    """The sentence that introduces who may see data under ``purpose``."""
    if not purpose.readable:
        return gettext("No person sees your own answers. They are only counted together with many others.")
    if not purpose.readers:
        return gettext(
            "Only Mizan's own staff, when it is needed to run your account or when you ask for help."
        )
    if purpose.organisation_bound and purpose.needs_consent:
        return gettext("Only the one organisation you name, and in it only these people:")
    if purpose.organisation_bound:
        return gettext("Only the organisation you have the contract with, and in it only these people:")
    return gettext("These people, and only while they work for such an organisation:")
