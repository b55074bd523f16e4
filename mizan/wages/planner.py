"""The savings and remittance planner: a month's budget, what to send home, and how long until a
recruitment debt is repaid and a savings goal reached. Pure Python and Decimal money (no Django)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal(0)
MAX_MONTHS = 600  # 50 years: past this, "never" is the honest answer


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PlanInput:
    """All amounts per month, in one currency. ``interest_percent`` is per month (e.g. 2 for 2%)."""

    income: Decimal
    living_costs: Decimal = ZERO
    send_home: Decimal = ZERO
    debt: Decimal = ZERO
    debt_payment: Decimal = ZERO
    interest_percent: Decimal = ZERO
    savings_goal: Decimal = ZERO

    def __post_init__(self) -> None:
        for name in ("income", "living_costs", "send_home", "debt", "debt_payment", "savings_goal"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise ValueError(f"{name} must be a Decimal of 0 or more")
        if not self.interest_percent.is_finite() or not ZERO <= self.interest_percent <= 100:
            raise ValueError("interest_percent must be between 0 and 100")


@dataclass(frozen=True)
class Plan:
    spent: Decimal  # living costs + sent home + debt payment, each month while the debt lasts
    left: Decimal  # what is left each month while the debt lasts (negative: more going out than in)
    left_after_debt: Decimal  # each month once the debt is repaid
    debt_months: int | None  # 0: no debt; None: never repaid at this payment
    debt_paid: Decimal  # everything paid on the debt until it is repaid (None -> 0)
    interest_paid: Decimal
    savings_months: int | None  # months until the savings goal is reached; None: never; 0: no goal
    sent_home_year: Decimal

    @property
    def overspent(self) -> bool:
        return self.left < 0


def _repay(debt: Decimal, payment: Decimal, rate: Decimal) -> tuple[int | None, Decimal, Decimal]:
    """Months to repay, total paid, interest paid (None, 0, 0 when the payment never repays it)."""
    if debt <= 0:
        return 0, ZERO, ZERO
    if payment <= 0 or payment <= _money(debt * rate):
        return None, ZERO, ZERO
    balance, paid, interest = debt, ZERO, ZERO
    for month in range(1, MAX_MONTHS + 1):
        charge = _money(balance * rate)
        interest += charge
        balance += charge
        step = min(payment, balance)
        balance -= step
        paid += step
        if balance <= 0:
            return month, paid, interest
    return None, ZERO, ZERO


def plan(data: PlanInput) -> Plan:
    rate = data.interest_percent / 100
    debt_months, debt_paid, interest = _repay(data.debt, data.debt_payment, rate)
    payment = data.debt_payment if data.debt > 0 else ZERO
    spent = data.living_costs + data.send_home + payment
    left = _money(data.income - spent)
    left_after = _money(data.income - data.living_costs - data.send_home)
    savings_months: int | None = 0
    if data.savings_goal > 0:
        savings_months = None
        saved = ZERO
        for month in range(1, MAX_MONTHS + 1):
            in_debt = debt_months is None or month <= debt_months
            saved += left if in_debt else left_after
            if saved >= data.savings_goal:
                savings_months = month
                break
    return Plan(
        spent=_money(spent),
        left=left,
        left_after_debt=left_after,
        debt_months=debt_months,
        debt_paid=_money(debt_paid),
        interest_paid=_money(interest),
        savings_months=savings_months,
        sent_home_year=_money(data.send_home * 12),
    )
