""" "My pay": contract terms typed once, pay received per period, and the statement from the calculator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from mizan.accounts.models import User
from mizan.wages.models import PayRecord, WageTerms
from mizan.wages.periods import parse_period
from mizan.wages.statement import build_statement
from tests.roles import client_for
from tests.wages.helpers import event, record, terms_for

pytestmark = pytest.mark.django_db

TERMS = {
    "destination": "HK",
    "sector": "domestic_work",
    "time_zone": "",
    "pay_amount": "4990",
    "currency": "hkd",
    "pay_period": "month",
    "rest_days_per_week": "1",
    "rest_weekday": "6",
    "food_provided": "on",
    "housing_provided": "on",
    "signed_on": "2025-01-10",
    "deduction_1_kind": "",
    "deduction_1_amount": "",
}


def month_of_long_days(worker: User) -> None:
    """October 2026: 15-hour days, Sundays off except the 11th (a missed rest day)."""
    events = []
    for day in range(1, 32):
        date = dt.date(2026, 10, day)
        if date.weekday() == 6 and day != 11:
            following = date + dt.timedelta(days=1)
            events.append(event("day_off", f"{date} 00:00", f"{following} 00:00"))
        else:
            events.append(event("work", f"{date} 06:30", f"{date} 21:30"))
    record(worker, *events)


def test_terms_are_typed_once_and_the_time_zone_follows_the_country(worker: User) -> None:
    client = client_for(worker)
    response = client.post(reverse("wages:terms"), TERMS)
    assert response.status_code == 302, response.content.decode()[:2000]
    terms = WageTerms.objects.get(worker=worker)
    assert (terms.currency, terms.time_zone, terms.pay_amount) == (
        "HKD",
        "Asia/Hong_Kong",
        Decimal("4990.00"),
    )
    form = client.get(reverse("wages:terms")).content.decode()
    assert 'value="4990.00"' in form


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"currency": "XYZ"}, "not a currency code"),
        ({"pay_amount": "-5"}, "greater than or equal to 0"),
        ({"deduction_1_kind": "food"}, "Write the amount"),
        ({"destination": "ZZ"}, "Select a valid choice"),
    ],
)
def test_bad_terms_are_explained_and_nothing_is_saved(
    worker: User, change: dict[str, str], message: str
) -> None:
    response = client_for(worker).post(reverse("wages:terms"), {**TERMS, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WageTerms.objects.filter(worker=worker).exists()


def test_the_statement_shows_the_shortfall_line_by_line_with_sources(worker: User) -> None:
    terms_for(worker)
    month_of_long_days(worker)
    client = client_for(worker)
    url = reverse("wages:statement", kwargs={"period": "2026-10"})
    saved = client.post(
        url,
        {
            "received": "4000",
            "currency": "HKD",
            "paid_on": "2026-11-01",
            "deduction_1_kind": "recruitment_fee",
            "deduction_1_amount": "990",
        },
    )
    assert saved.status_code == 302
    record_row = PayRecord.objects.get(worker=worker, period="2026-10")
    assert b"4000" not in bytes(record_row.received_sealed)  # sealed in the database
    page = client.get(url).content.decode()
    assert "less than is due" in page
    assert "Missing from your pay" in page
    assert "990.00" in page
    assert "Minimum Allowable Wage" in page  # each legal line names its source
    assert "rest" in page


def test_the_statement_counts_only_corrected_entries(worker: User) -> None:
    terms_for(worker)
    record(worker, event("work", "2026-10-05 08:00", "2026-10-05 07:00"))  # ends before it starts
    result = build_statement(worker=worker, period=parse_period("2026-10"), language="en")  # type: ignore[arg-type]
    assert result.left_out == 1
    page = client_for(worker).get(reverse("wages:statement", kwargs={"period": "2026-10"})).content.decode()
    assert "1 entry is not counted until you correct it" in page


def test_without_terms_the_statement_asks_for_them(worker: User) -> None:
    page = client_for(worker).get(reverse("wages:statement", kwargs={"period": "2026-W41"}))
    assert page.status_code == 200
    assert "Write your contract terms first" in page.content.decode()


def test_a_period_that_is_not_one_is_a_400(worker: User) -> None:
    for bad in ("2026-13", "2026-W54", "october"):
        response = client_for(worker).get(reverse("wages:statement", kwargs={"period": bad}))
        assert response.status_code == 400
