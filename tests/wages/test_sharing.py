"""Stage 2: an employer sees a worker's log only while the worker shares it, co-signs or disputes it (both
versions kept); a support organisation reads it with the worker's consent; inspectors see counts only."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from mizan.accounts.models import Organisation, User
from mizan.common.errors import DomainError, NotFound, PermissionDenied
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.consent.services import consent_give
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.rights.services.restrictions import restriction_set
from mizan.wages.models import EmployerReview, SharedLogRead
from mizan.wages.periods import Period, parse_period
from mizan.wages.selectors.shared import shared_log
from mizan.wages.services import sharing as services
from tests.factories import MembershipFactory, OrganisationFactory, StaffUserFactory
from tests.personas import Personas
from tests.roles import assert_role_matrix, client_for, everyone
from tests.wages.helpers import event, record, terms_for

pytestmark = pytest.mark.django_db


def october() -> Period:
    period = parse_period("2026-10")
    assert period is not None
    return period


def employer_org(personas: Personas) -> Organisation:
    return personas.employer.memberships.get().organisation


def logged(personas: Personas) -> User:
    worker = personas.worker
    terms_for(worker, employer=employer_org(personas))
    record(worker, event("work", "2026-10-05 08:00", "2026-10-05 20:00", note="private note"))
    return worker


def log_url(personas: Personas) -> str:
    kwargs = {"org_id": employer_org(personas).pk, "worker_id": personas.worker.pk}
    return reverse("wages:employer_log", kwargs=kwargs) + "?period=2026-10"


def test_the_employer_sees_nothing_without_the_workers_sharing(personas: Personas) -> None:
    logged(personas)
    assert_role_matrix(
        personas, log_url(personas), everyone(403, anonymous=302, employer=404, platform_admin=404)
    )
    with pytest.raises(NotFound):
        shared_log(
            actor=personas.employer,
            organisation=employer_org(personas),
            worker=personas.worker,
            period=october(),
        )
    assert not SharedLogRead.objects.exists()


def test_while_shared_the_employer_reads_the_log_and_the_worker_sees_the_read(personas: Personas) -> None:
    worker = logged(personas)
    sharing = services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    assert LedgerEntry.objects.filter(kind="wages.shared", subject=f"wage_sharing:{sharing.pk}").exists()
    assert_role_matrix(
        personas, log_url(personas), everyone(403, anonymous=302, employer=200, platform_admin=200)
    )
    page = client_for(personas.employer).get(log_url(personas)).content.decode()
    assert "12 h" in page
    assert "private note" not in page  # notes are the worker's own
    assert SharedLogRead.objects.filter(worker=worker, reader=personas.employer).exists()
    mine = client_for(worker).get(reverse("wages:sharing")).content.decode()
    assert "Who looked at my hours" in mine
    assert "Employer" in mine
    services.sharing_withdraw(actor=worker, sharing=sharing)
    assert client_for(personas.employer).get(log_url(personas)).status_code == 404
    with pytest.raises(DomainError):
        services.sharing_withdraw(actor=worker, sharing=sharing)


def test_another_employer_sees_nothing(personas: Personas) -> None:
    worker = logged(personas)
    services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    stranger = StaffUserFactory()
    MembershipFactory(user=stranger, organisation=OrganisationFactory(kind="employer"), role="admin")
    with pytest.raises(PermissionDenied):
        shared_log(actor=stranger, organisation=employer_org(personas), worker=worker, period=october())


def test_a_worker_who_asked_to_restrict_processing_is_not_shown(personas: Personas) -> None:
    worker = logged(personas)
    services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    restriction_set(actor=worker, worker=worker, kind="restrict", on=True)
    assert client_for(personas.employer).get(log_url(personas)).status_code == 403


def test_sharing_only_with_an_employer_and_only_once(personas: Personas) -> None:
    worker = logged(personas)
    agency = personas.agency_admin.memberships.get().organisation
    with pytest.raises(DomainError):
        services.sharing_give(actor=worker, worker=worker, organisation=agency)
    services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    with pytest.raises(DomainError) as twice:
        services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    assert twice.value.code == "already_shared"
    page = client_for(worker).post(reverse("wages:sharing"), {"organisation": str(employer_org(personas).pk)})
    assert page.status_code == 400
    assert "already share" in page.content.decode()


def test_co_signing_and_disputing_keep_both_versions(personas: Personas) -> None:
    worker = logged(personas)
    services.sharing_give(actor=worker, worker=worker, organisation=employer_org(personas))
    client = client_for(personas.employer)
    review_url = reverse(
        "wages:employer_review", kwargs={"org_id": employer_org(personas).pk, "worker_id": worker.pk}
    )
    signed = client.post(review_url, {"period": "2026-10", "outcome": "signed"})
    assert signed.status_code == 302
    disputed = client.post(
        review_url,
        {
            "period": "2026-10",
            "outcome": "disputed",
            "comment": "She stopped at 18:00",
            "version": "work, 2026-10-05 08:00, 2026-10-05 18:00",
        },
    )
    assert disputed.status_code == 302
    reviews = list(EmployerReview.objects.filter(worker=worker).order_by("created_at"))
    assert [r.outcome for r in reviews] == ["signed", "disputed"]
    assert reviews[0].entries_hash == reviews[1].entries_hash  # the worker's version is unchanged
    assert json.loads(reviews[1].employer_version)[0]["ends_at"].startswith("2026-10-05T10:00:00")  # 18:00 HK
    assert LedgerEntry.objects.filter(kind="wages.reviewed").count() == 2
    mine = client_for(worker).get(reverse("wages:sharing")).content.decode()
    assert "She stopped at 18:00" in mine
    assert "Their version" in mine
    empty = client.post(review_url, {"period": "2026-10", "outcome": "disputed"})
    assert empty.status_code == 400
    bad = client.post(review_url, {"period": "2026-10", "outcome": "disputed", "version": "work at noon"})
    assert bad.status_code == 400
    assert "Line 1" in bad.content.decode()


def test_a_support_organisation_reads_with_the_workers_consent_recorded(personas: Personas) -> None:
    worker = logged(personas)
    ngo = personas.caseworker.memberships.get().organisation
    url = reverse("wages:employer_log", kwargs={"org_id": ngo.pk, "worker_id": worker.pk}) + "?period=2026-10"
    client = client_for(personas.caseworker)
    assert client.get(url).status_code == 403
    assert AccessRecord.objects.filter(worker=worker, outcome="refused").exists()
    consent_give(worker=worker, purpose="case_handling", organisation=ngo, method="web")
    assert client.get(url).status_code == 200
    assert AccessRecord.objects.filter(worker=worker, outcome="granted", purpose="case_handling").exists()
    listing = client.get(reverse("wages:employer")).content.decode()
    assert str(worker.pk) in listing


def test_the_shared_hours_list_is_for_employers_and_case_handlers(personas: Personas) -> None:
    assert_role_matrix(
        personas,
        reverse("wages:employer"),
        everyone(403, anonymous=302, employer=200, caseworker=200, inspector=200, platform_admin=200),
    )


def _authority(country: str) -> User:
    inspector = StaffUserFactory()
    MembershipFactory(
        user=inspector, organisation=OrganisationFactory(kind="authority", country=country), role="inspector"
    )
    return inspector


def _workers_of(employer: Organisation, count: int, *, long_weeks: bool) -> list[User]:
    from tests.factories import WorkerFactory

    workers = []
    for _ in range(count):
        worker = WorkerFactory()
        terms_for(worker, employer=employer)
        end = "22:00" if long_weeks else "17:00"
        record(
            worker, *[event("work", f"2026-10-{d:02d} 08:00", f"2026-10-{d:02d} {end}") for d in range(5, 12)]
        )
        workers.append(worker)
    return workers


def test_inspectors_see_counts_per_employer_with_small_groups_hidden(personas: Personas) -> None:
    from mizan.wages.selectors.stats import hours_by_employer

    big = OrganisationFactory(kind="employer", country="HK", name="Big household agency employer")
    small = OrganisationFactory(kind="employer", country="HK", name="Small employer")
    abroad = OrganisationFactory(kind="employer", country="QA", name="Qatar employer")
    workers = _workers_of(big, 6, long_weeks=True)
    _workers_of(small, 3, long_weeks=True)
    _workers_of(abroad, 5, long_weeks=True)
    restriction_set(actor=workers[0], worker=workers[0], kind="object_statistics", on=True)
    inspector = _authority("HK")
    rows = {row.organisation.name: row for row in hours_by_employer(actor=inspector, month=october())}
    assert set(rows) == {"Big household agency employer", "Small employer"}
    assert rows["Big household agency employer"].shown
    assert rows["Big household agency employer"].workers.value == 5  # the objector is left out
    assert rows["Big household agency employer"].over_hours.value == 5  # 7 x 14 h = 98 h
    assert rows["Big household agency employer"].no_weekly_rest.value == 5
    assert not rows["Small employer"].shown
    assert rows["Small employer"].workers.suppressed
    page = client_for(inspector).get(reverse("wages:inspector"), {"month": "2026-10"}).content.decode()
    assert "fewer than 5 workers: not shown" in page
    for worker in workers:
        assert worker.display_name not in page
    assert client_for(inspector).get(reverse("wages:inspector"), {"month": "Oct"}).status_code == 400


def test_only_inspectors_see_the_counts(personas: Personas) -> None:
    assert_role_matrix(
        personas, reverse("wages:inspector"), everyone(403, anonymous=302, inspector=200, platform_admin=200)
    )


def test_a_month_with_a_cell_of_one_to_four_is_shown_as_fewer_than_five() -> None:
    from mizan.wages.selectors.stats import cell

    assert cell(0).value == 0
    assert cell(3).suppressed
    assert cell(5).value == 5


def test_dates_in_the_employers_version_are_workplace_time() -> None:
    from mizan.wages.views.employer import _version

    [row] = _version("work, 2026-10-05 08:00, 2026-10-05 18:00", "Asia/Hong_Kong")
    assert dt.datetime.fromisoformat(row["starts_at"]) == dt.datetime(2026, 10, 5, 0, tzinfo=dt.UTC)
