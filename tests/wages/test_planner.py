"""The savings and remittance planner: Decimal sums, a debt that is never repaid said plainly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from mizan.accounts.models import User
from mizan.wages.planner import PlanInput, plan
from tests.roles import client_for
from tests.wages.helpers import terms_for

D = Decimal


def test_a_month_with_a_debt_and_a_savings_goal() -> None:
    result = plan(
        PlanInput(
            income=D("4990"),
            living_costs=D("800"),
            send_home=D("2500"),
            debt=D("3000"),
            debt_payment=D("1000"),
            savings_goal=D("2100"),
        )
    )
    assert result.spent == D("4300.00")
    assert result.left == D("690.00")
    assert result.debt_months == 3
    assert result.debt_paid == D("3000.00")
    assert result.interest_paid == D("0.00")
    assert result.left_after_debt == D("1690.00")
    assert result.savings_months == 4  # 3 x 690 = 2070, then 1690 more once the debt is paid
    assert result.sent_home_year == D("30000.00")


def test_interest_is_charged_each_month() -> None:
    result = plan(PlanInput(income=D("5000"), debt=D("1000"), debt_payment=D("510"), interest_percent=D("2")))
    # 1000 + 20 - 510 = 510; 510 + 10.20 - 510 = 10.20; 10.20 + 0.20 = 10.40, paid: interest 30.40
    assert result.debt_months == 3
    assert result.interest_paid == D("30.40")
    assert result.debt_paid == D("1030.40")


def test_a_payment_that_never_covers_the_interest_is_never() -> None:
    result = plan(
        PlanInput(income=D("3000"), debt=D("10000"), debt_payment=D("100"), interest_percent=D("5"))
    )
    assert result.debt_months is None


def test_overspending_is_shown() -> None:
    result = plan(
        PlanInput(income=D("1000"), living_costs=D("900"), send_home=D("300"), savings_goal=D("100"))
    )
    assert result.overspent
    assert result.left == D("-200.00")
    assert result.savings_months is None


def test_no_debt_and_no_goal() -> None:
    result = plan(PlanInput(income=D("1000")))
    assert (result.debt_months, result.savings_months, result.left) == (0, 0, D("1000.00"))


@pytest.mark.parametrize(
    "bad", [{"income": D("-1")}, {"income": D("1"), "interest_percent": D("101")}, {"income": D("NaN")}]
)
def test_bad_numbers_are_refused(bad: dict[str, Decimal]) -> None:
    with pytest.raises(ValueError, match="must be"):
        PlanInput(**bad)


@pytest.mark.django_db
def test_the_planner_page_starts_from_the_contract_and_explains(worker: User) -> None:
    terms_for(worker)
    client = client_for(worker)
    page = client.get(reverse("wages:planner")).content.decode()
    assert 'value="4990.00"' in page
    query = {
        "currency": "HKD",
        "income": "4990",
        "living_costs": "800",
        "send_home": "2500",
        "debt": "12000",
        "debt_payment": "50",
        "interest_percent": "1",
    }
    result = client.get(reverse("wages:planner"), query).content.decode()
    assert "never paid off" in result
    assert client.get(reverse("wages:planner"), {"income": "lots"}).status_code == 400
