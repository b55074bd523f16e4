"""Keeping the job board lawful: published vacancies are checked again when the law changes (a rule-pack
version is published, or comes into force) and when the poster's licence or sanctions change. One that is
now against the rules, or whose poster may no longer recruit, is taken off the board; its owners are told
by email and see why on the vacancy's page."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from mizan.accounts.models import Membership, User
from mizan.compliance.packs import site_packs
from mizan.vacancies.checking import Statuses, run_check
from mizan.vacancies.models import Vacancy, VacancyCheck
from mizan.vacancies.records import locked, reasons_of, store_check, take_off
from mizan.vacancies.services import Status

logger = logging.getLogger(__name__)


@dataclass
class RecheckSummary:
    on: dt.date
    checked: int = 0
    unpublished: list[Vacancy] = field(default_factory=list)


def _published(destination: str | None, origin: str | None, sector: str | None) -> QuerySet[Vacancy]:
    found = Vacancy.objects.filter(status=Status.PUBLISHED)
    if destination:
        found = found.filter(destination=destination)
    if origin:
        found = found.filter(origins__country=origin)
    if sector:
        found = found.filter(sector=sector)
    return found.order_by("published_at", "id").distinct()


def vacancies_recheck(
    *,
    on: dt.date,
    destination: str | None = None,
    origin: str | None = None,
    sector: str | None = None,
) -> RecheckSummary:
    """Check every published vacancy (or those of one destination, origin or sector) against the rules in
    force ``on``. A system job: no actor. Each vacancy is its own transaction, so one failure stops
    nothing else; the owners' emails go after it commits."""
    summary = RecheckSummary(on=on)
    packs = site_packs()
    statuses: Statuses = {}  # each organisation's registry answer, asked once a run
    for vacancy_id in list(_published(destination, origin, sector).values_list("id", flat=True)):
        with transaction.atomic():
            vacancy = locked(Vacancy(id=vacancy_id))
            if vacancy.status != Status.PUBLISHED:
                continue
            result = run_check(vacancy, on=on, packs=packs, statuses=statuses)
            store_check(vacancy, result, VacancyCheck.Trigger.RECHECK)
            summary.checked += 1
            if result.blocked:
                take_off(vacancy, Status.UNPUBLISHED_BY_RECHECK, reasons_of(result))
                summary.unpublished.append(vacancy)
                transaction.on_commit(functools.partial(owners_notify, vacancy))
    return summary


def on_pack_published(pack_id: str, version: str) -> None:
    """Registered with the compliance app: re-check what the newly published version covers, if it is in
    force today (a version that starts later is picked up by the daily ``mizan vacancies_recheck``)."""
    try:
        today = dt.date.today()
        found = [v for v in site_packs().history(pack_id) if v.version == version]
        if not found or found[0].spec.effective_from > today or not found[0].in_force(today):
            return
        scope = found[0].spec.scope
        vacancies_recheck(on=today, destination=scope.destination, origin=scope.origin, sector=scope.sector)
    except (
        Exception
    ):  # never let the board's upkeep fail the authority's publication; the daily run catches up
        logger.exception("re-checking vacancies after %s %s was published failed", pack_id, version)


def owners(vacancy: Vacancy) -> list[User]:
    """The administrators of the posting organisation and of the employer, and the person who posted it."""
    organisations = {vacancy.posted_by_id, vacancy.employer_id}
    people = User.objects.filter(
        Q(
            memberships__organisation_id__in=organisations,
            memberships__role=Membership.Role.ADMIN,
            memberships__is_active=True,
        )
        | Q(id=vacancy.created_by_id),
        is_active=True,
        email__isnull=False,
    ).distinct()
    return list(people.order_by("email"))


def owners_notify(vacancy: Vacancy, people: Iterable[User] | None = None) -> int:
    """Email the owners that the vacancy was taken off the board, and where to see why."""
    sent = 0
    path = reverse("vacancies:manage_detail", kwargs={"vacancy_id": vacancy.id})
    for person in people if people is not None else owners(vacancy):
        with translation.override(person.preferred_language):
            subject = gettext("Job offer taken off the job board: %(title)s") % {"title": vacancy.title}
            body = gettext(
                "Mizan checked the job offer “%(title)s” again under the rules in force today. It is now "
                "against the rules, or the agency or employer may not recruit, so it is no longer shown to "
                "workers. Sign in to Mizan to see why and what to change, on the page %(address)s"
            ) % {"title": vacancy.title, "address": path}
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [str(person.email)])
            sent += 1
        except OSError:  # the notice is on the vacancy's page anyway; email is a courtesy
            logger.warning("could not email the owners of vacancy %s", vacancy.id)
    return sent
