"""Legal yes/no eligibility for a corridor: the age limits of the rule packs, never a score.

A corridor's law may require a minimum (or maximum) age. Age is a protected attribute: it is not in a
profile, matching never sees it, and it must never raise or lower a ranking. It is checked only as "may
this person legally go there?", from the worker's sealed date of birth (mizan.workers), and only by
someone allowed to read that date:

- the worker themself (their own pages): yes or no;
- an organisation the worker named under "recruitment" (which covers the date of birth), through the
  access guard, so the read is recorded on the worker's "Who saw my data": yes or no;
- anyone else, and the matching machine (``job_matching`` does not cover the date of birth): ``None``,
  "unknown". Matching treats unknown as not blocking; the check is made again, for real, when the worker
  applies and an agency they named may read the date.
"""

from __future__ import annotations

import datetime as dt

from mizan.accounts.models import Organisation, User
from mizan.compliance.engine import Corridor, OfferTerms, Severity
from mizan.compliance.engine.terms import Worker
from mizan.compliance.packs import site_packs
from mizan.privacy.consent.selectors import processing_allowed
from mizan.privacy.vault.errors import VaultError
from mizan.workers.selectors import personal_details_for

AGE_RULE = "minimum_age"
READ_PURPOSE = "recruitment"  # the purpose under which an organisation may read the date of birth


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _birth_date(worker: User, actor: User | None, organisation: Organisation | None) -> dt.date | None:
    if actor is None:
        return None
    is_self = actor.is_authenticated and actor.pk == worker.pk
    if not is_self and (
        organisation is None
        or not processing_allowed(worker=worker, purpose=READ_PURPOSE, organisation=organisation)
    ):
        return None
    try:
        data = personal_details_for(
            actor=actor,
            worker=worker,
            purpose=READ_PURPOSE,
            categories=["date_of_birth"],
            organisation=organisation,
        )
    except VaultError:
        return None
    value = data.values.get("date_of_birth")
    return value if isinstance(value, dt.date) else None


def eligibility(
    worker: User,
    *,
    destination: str,
    on: dt.date,
    origin: str | None = None,
    sector: str | None = None,
    actor: User | None = None,
    organisation: Organisation | None = None,
) -> dict[str, bool | None]:
    """{"minimum_age": True | False | None} when the corridor's packs in force ``on`` have an age rule
    (``{}`` when none applies): True may go, False may not (a rule says violation), None unknown (no
    date of birth, or ``actor`` may not read it; without ``actor`` it is always unknown).

    Give ``origin`` and ``sector`` when known: rules limited to them are checked only then. A refused
    read raises PermissionDenied from the access guard (recorded). Never use the answer in a score.
    """
    corridor = Corridor(origin=origin, destination=destination, sector=sector, worker_category=None)
    rules = [rule for rule in site_packs().compile(corridor, on).rules if rule.ctx.rule.kind == AGE_RULE]
    if not rules:
        return {}
    birth = _birth_date(worker, actor, organisation)
    if birth is None or birth > on:
        return {AGE_RULE: None}
    terms = OfferTerms(worker=Worker(age=min(age_on(birth, on), 120)))
    for rule in rules:
        if any(
            finding.severity is Severity.VIOLATION for finding in rule.check(terms, rule.params, rule.ctx)
        ):
            return {AGE_RULE: False}
    return {AGE_RULE: True}
