"""Why a read was refused: a stable code, what the reader is told, and what the worker is told."""

from __future__ import annotations

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Reason(NamedTuple):
    to_reader: Promise  # the message of the PermissionDenied the reader gets
    to_worker: Promise  # finishes "… but was not allowed: <to_worker>."


UNKNOWN_PURPOSE = "unknown_purpose"
NO_CATEGORIES = "no_categories"
CATEGORY_NOT_ALLOWED = "category_not_allowed"
NOT_READABLE = "not_readable"
REFERENCE_NEEDED = "reference_needed"
NO_ORGANISATION = "no_organisation"
ORGANISATION_AMBIGUOUS = "organisation_ambiguous"
ROLE_NOT_ALLOWED = "role_not_allowed"
NOT_A_WORKER = "not_a_worker"
NO_CONSENT = "no_consent"
NO_RELATIONSHIP = "no_relationship"
RESTRICTED = "restricted"

REASONS: dict[str, Reason] = {
    UNKNOWN_PURPOSE: Reason(
        _("This is not a purpose for which a worker's data may be used."),
        _("they gave no allowed reason"),
    ),
    NO_CATEGORIES: Reason(
        _("Say which kinds of data you need."),
        _("they did not say what they wanted to see"),
    ),
    CATEGORY_NOT_ALLOWED: Reason(
        _("This kind of data may not be used for this purpose."),
        _("this kind of data may not be used for that"),
    ),
    NOT_READABLE: Reason(
        _("Nobody may look at one worker's data for this purpose; it is used only in anonymous counts."),
        _("nobody may look at one person's data for that"),
    ),
    REFERENCE_NEEDED: Reason(
        _("Name the case or inspection you need this for."),
        _("they did not name a case or inspection"),
    ),
    NO_ORGANISATION: Reason(
        _("Say which organisation you are acting for."),
        _("they did not say which organisation they act for"),
    ),
    ORGANISATION_AMBIGUOUS: Reason(
        _("You act for more than one organisation. Say which one you are acting for."),
        _("they did not say which organisation they act for"),
    ),
    ROLE_NOT_ALLOWED: Reason(
        _("Your role does not allow you to see this worker's data for this purpose."),
        _("their job does not allow it"),
    ),
    NOT_A_WORKER: Reason(
        _("This person is not a worker on Mizan."),
        _("this is not a worker's account"),
    ),
    NO_CONSENT: Reason(
        _("The worker has not agreed to this, or has stopped it."),
        _("you had not agreed to it"),
    ),
    NO_RELATIONSHIP: Reason(
        _("Your organisation has no contract with this worker."),
        _("they have no contract with you"),
    ),
    RESTRICTED: Reason(
        _("The worker has asked for their data not to be used like this."),
        _("you asked us not to use your data like this"),
    ),
}


def register_reason(code: str, reason: Reason) -> None:
    """A reason code of a restriction check (see hooks.py), with its two texts."""
    if code in REASONS:
        raise ValueError(f"refusal reason {code!r} is registered twice")
    REASONS[code] = reason


# A code nobody registered can only come from a restriction check: say so rather than fail.
def to_reader(code: str) -> Promise:
    return REASONS.get(code, REASONS[RESTRICTED]).to_reader


def to_worker(code: str) -> Promise:
    return REASONS.get(code, REASONS[RESTRICTED]).to_worker
