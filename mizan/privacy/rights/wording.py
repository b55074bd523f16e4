"""Plain sentences for the worker about their rights: why something is kept, what a request's status is."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mizan.common import formatting
from mizan.privacy.rights.categories import phrase
from mizan.privacy.rights.models import HoldReason, LegalHold

# Finishes "We must keep your work contract until …, because <because>."
BECAUSE: dict[str, Promise] = {
    HoldReason.OPEN_CASE: _("your complaint is still being handled"),
    HoldReason.LEGAL_CLAIM: _("a claim or dispute about your work is not finished yet"),
    HoldReason.RECORDS_DUTY: _(
        "the law says records of work contracts, hours and pay must be kept for some years"
    ),
    HoldReason.AUTHORITY_ORDER: _("a court or labour authority ordered us to keep it"),
}


def hold_sentence(hold: LegalHold) -> str:
    """ "We must keep your work contract until 3 May 2027, because …" in the active language."""
    params = {
        "data": phrase(sorted(hold.categories)),
        "because": str(BECAUSE.get(hold.reason, hold.get_reason_display())),
    }
    if hold.until is None:
        return gettext("We must keep %(data)s until this is finished, because %(because)s.") % params
    params["date"] = formatting.day(hold.until)
    return gettext("We must keep %(data)s until %(date)s, because %(because)s.") % params


def duration(days: int) -> str:
    """ "3 years", "6 months", "10 days" in the active language (whole years and months when exact)."""
    if days and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days and days % 30 == 0:
        months = days // 30
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def retention_sentences() -> list[str]:
    """How long the records a worker sees on these pages are kept, from the settings in force."""
    from mizan.privacy.rights.retention import retention_days

    return [
        gettext(
            "If you do not use your account for %(time)s, we close it and erase your data, "
            "as if you had asked."
        )
        % {"time": duration(retention_days("inactive_accounts"))},
        gettext("The list of who saw your data: %(time)s after each look. It shows what others did.")
        % {"time": duration(retention_days("access_records"))},
        gettext("Your permissions: %(time)s after you stop them, so we can show what you agreed to.")
        % {"time": duration(retention_days("consents"))},
        gettext("Your correction requests: %(time)s after we answer them.")
        % {"time": duration(retention_days("correction_requests"))},
    ]
