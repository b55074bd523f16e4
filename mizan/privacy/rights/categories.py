"""What a legal hold can keep: the data categories of the purpose registry, plus two kinds of records
that prove what others did (so an open dispute about them can stop their routine deletion)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.privacy.consent.purposes import CATEGORIES
from mizan.privacy.consent.wording import join

ACCESS_RECORDS = "access_records"
CONSENTS = "consents"

# code -> (label, "your …" form)
RECORDS: dict[str, tuple[Promise, Promise]] = {
    ACCESS_RECORDS: (_("The list of who saw your data"), _("the list of who saw your data")),
    CONSENTS: (_("Your permissions and when you gave or stopped them"), _("the record of your permissions")),
}


def holdable() -> list[tuple[str, str]]:
    """(code, label) of everything a hold can keep, in a stable order."""
    return [(code, str(c.label)) for code, c in CATEGORIES.items()] + [
        (code, str(texts[0])) for code, texts in RECORDS.items()
    ]


def is_holdable(code: str) -> bool:
    return code in CATEGORIES or code in RECORDS


def label(code: str) -> str:
    if code in CATEGORIES:
        return str(CATEGORIES[code].label)
    return str(RECORDS[code][0]) if code in RECORDS else code


def phrase(codes: Iterable[str]) -> str:
    """ "your work contract and the list of who saw your data" in the active language."""
    parts = []
    for code in codes:
        if code in CATEGORIES:
            parts.append(str(CATEGORIES[code].yours))
        elif code in RECORDS:
            parts.append(str(RECORDS[code][1]))
    return join(parts)


def ledger_value(codes: Iterable[str]) -> str:
    """Codes joined by ":" for a ledger entry; a SHA-256 of that when too long for one entry value."""
    import hashlib

    text = ":".join(sorted(codes))
    return text if len(text) <= 128 else "sha256:" + hashlib.sha256(text.encode()).hexdigest()
