"""How long each kind of record is kept: the periods in settings (MIZAN_RETENTION_DAYS), read in one place.

The table with the reasons for each default is in docs/privacy/rights.md. Other apps ask here rather than
reading settings, so a missing key fails loudly (a system check also fails at start-up):

    from mizan.privacy.rights.retention import retention_period
    expired = Contract.objects.filter(ended_at__lt=timezone.now() - retention_period("contract"))
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from mizan.privacy.consent.purposes import PURPOSES

# Records this app purges itself (the purpose keys come from the consent registry).
RECORD_KEYS = (
    "sign_in_codes",
    "access_records",
    "consents",
    "inactive_accounts",
    "correction_requests",
    "legal_holds",
)


def retention_days(key: str) -> int:
    """Days kept for ``key``; KeyError names the missing setting."""
    table: dict[str, int] = settings.MIZAN_RETENTION_DAYS
    if key not in table:
        raise KeyError(f"no retention period {key!r} in settings.MIZAN_RETENTION_DAYS")
    return int(table[key])


def retention_period(key: str) -> timedelta:
    return timedelta(days=retention_days(key))


def required_keys() -> list[str]:
    return [*RECORD_KEYS, *sorted({p.retention for p in PURPOSES.values() if p.retention})]


@register()
def check_retention_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every purpose names a retention key with a period, and every period is a whole number of days."""
    table = getattr(settings, "MIZAN_RETENTION_DAYS", None)
    if not isinstance(table, dict):
        return [Error("settings.MIZAN_RETENTION_DAYS must be a dict of days", id="rights.E001")]
    problems: list[CheckMessage] = []
    for purpose in PURPOSES.values():
        if not purpose.retention:
            problems.append(Error(f"purpose {purpose.code!r} names no retention key", id="rights.E002"))
    for key in required_keys():
        value = table.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(
                Error(f"MIZAN_RETENTION_DAYS[{key!r}] must be a whole number of days ≥ 0", id="rights.E003")
            )
    return problems
