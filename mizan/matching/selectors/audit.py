"""The ranking logs, for those who audit the algorithm: ids, positions and scores, never a profile.

- an auditing organisation's auditors (``matching.audit``) and platform operators: every log;
- an authority's inspectors and officers: the rankings of job offers in their country, or posted by an
  organisation of their country (the rankings of jobs for one worker name no country, so none).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import organisations_for
from mizan.common.errors import PermissionDenied
from mizan.matching.models import Direction, RankingLog
from mizan.matching.permissions import AUDIT
from mizan.vacancies.models import Vacancy

PER_PAGE = 50


def ranking_logs_for(*, actor: User) -> QuerySet[RankingLog]:
    """The logs the actor may audit, newest first; nobody to audit for: PermissionDenied."""
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in to audit rankings."))
    logs = RankingLog.objects.select_related("organisation").order_by("-created_at", "-id")
    if actor.is_superuser:
        return logs
    organisations = list(organisations_for(actor, AUDIT))
    if not organisations:
        raise PermissionDenied(_("You do not have permission to do this."))
    if any(o.kind == Organisation.Kind.AUDITOR for o in organisations):
        return logs
    countries = sorted({o.country for o in organisations})
    vacancies = Vacancy.objects.filter(Q(destination__in=countries) | Q(posted_by__country__in=countries))
    return logs.filter(direction=Direction.WORKERS_FOR_VACANCY).filter(
        Q(vacancy_id__in=vacancies.values("id")) | Q(organisation__country__in=countries)
    )
