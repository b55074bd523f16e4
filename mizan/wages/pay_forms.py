"""Forms of "My pay": the contract terms (once), the pay received for a period, the savings planner, and
the employer's review of a shared period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.dates import WEEKDAYS as DAY_NAMES
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.countries import country_choices
from mizan.common.widgets import LongSelect
from mizan.wages.forms import DateInput
from mizan.wages.models import PayPeriod, ReviewOutcome, Sector
from mizan.wages.services.pay import TermsData
from mizan.wages.zones import zone_choices, zone_for

DEDUCTION_CHOICES = [
    ("", _("(none)")),
    ("food", _("Food")),
    ("housing", _("Housing")),
    ("advance", _("Money paid to you in advance")),
    ("loan", _("A loan")),
    ("recruitment_fee", _("Agency or placement fee")),
    ("travel", _("Air ticket or travel")),
    ("medical", _("Medical check")),
    ("training", _("Training")),
    ("documents", _("Documents or visa")),
    ("tax", _("Tax")),
    ("social_security", _("Social security")),
    ("damage", _("Something broken")),
    ("penalty", _("A fine or penalty")),
    ("other", _("Something else")),
]
ROWS = 3


def _money(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, min_value=Decimal(0), max_digits=12, decimal_places=2, **kwargs)


class DeductionRows(forms.Form):
    """Up to ROWS deductions as kind/amount pairs (simpler on a phone than a formset)."""

    rows = ROWS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, self.rows + 1):
            self.fields[f"deduction_{i}_kind"] = forms.ChoiceField(
                label=_("Deduction %(number)s: what for") % {"number": i},
                choices=DEDUCTION_CHOICES,
                required=False,
            )
            self.fields[f"deduction_{i}_amount"] = _money(
                _("Deduction %(number)s: amount") % {"number": i}, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        rows = []
        for i in range(1, self.rows + 1):
            kind, amount = data.get(f"deduction_{i}_kind"), data.get(f"deduction_{i}_amount")
            if kind and amount is None:
                self.add_error(f"deduction_{i}_amount", _("Write the amount."))
            elif amount is not None and not kind:
                self.add_error(f"deduction_{i}_kind", _("Say what it was for."))
            elif kind:
                rows.append({"kind": kind, "amount": str(amount)})
        data["deductions"] = rows
        return data

    @staticmethod
    def initial_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for i, row in enumerate(rows[:ROWS], start=1):
            initial[f"deduction_{i}_kind"] = row.get("kind")
            initial[f"deduction_{i}_amount"] = row.get("amount")
        return initial


WEEKDAYS = [("", _("No fixed day")), *((str(i), name) for i, name in DAY_NAMES.items())]


class TermsForm(DeductionRows):
    destination = forms.ChoiceField(label=_("Country where you work"), widget=LongSelect)
    employer = forms.ModelChoiceField(
        label=_("Your employer, if it is on Mizan"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.EMPLOYER).order_by("name"),
        required=False,
        empty_label=_("Not on Mizan, or I don't know"),
    )
    sector = forms.ChoiceField(label=_("Kind of work"), choices=Sector.choices)
    time_zone = forms.ChoiceField(
        label=_("Time zone of your workplace"),
        required=False,
        help_text=_("Leave it empty to use the time of the country where you work."),
    )
    pay_amount = _money(_("Your pay, as the contract says"))
    currency = forms.CharField(label=_("Currency"), max_length=3, help_text=_("For example HKD, QAR or MYR."))
    pay_period = forms.ChoiceField(label=_("The pay is"), choices=PayPeriod.choices)
    hours_per_day = forms.DecimalField(
        label=_("Normal hours a day"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=24,
        decimal_places=2,
    )
    hours_per_week = forms.DecimalField(
        label=_("Normal hours a week"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=168,
        decimal_places=2,
    )
    rest_days_per_week = forms.IntegerField(
        label=_("Rest days a week"), required=False, min_value=0, max_value=7
    )
    rest_weekday = forms.ChoiceField(label=_("Your rest day"), choices=WEEKDAYS, required=False)
    overtime_rate = forms.DecimalField(
        label=_("Overtime pay, times the normal pay"),
        required=False,
        min_value=1,
        max_value=10,
        decimal_places=2,
        help_text=_("For example 1.5 if each extra hour is paid one and a half times."),
    )
    standby_counts_as_work = forms.BooleanField(label=_("Stand-by (on call) is paid as work"), required=False)
    food_provided = forms.BooleanField(label=_("Food is given to you free"), required=False)
    food_allowance = _money(_("Food allowance, if you get money for food"), required=False)
    housing_provided = forms.BooleanField(label=_("Housing is given to you free"), required=False)
    signed_on = forms.DateField(label=_("Day the contract was signed"), required=False, widget=DateInput())

    field_order = [
        "destination", "employer", "sector", "time_zone", "pay_amount", "currency", "pay_period",
        "hours_per_day", "hours_per_week", "rest_days_per_week", "rest_weekday", "overtime_rate",
        "standby_counts_as_work", "food_provided", "food_allowance", "housing_provided", "signed_on",
    ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["destination"]).choices = [
            ("", _("Choose a country")),
            *country_choices(),
        ]
        cast(forms.ChoiceField, self.fields["time_zone"]).choices = [
            ("", _("The country's time")),
            *zone_choices(),
        ]
        for i in range(1, ROWS + 1):
            self.fields[f"deduction_{i}_kind"].label = _(
                "Deduction the contract allows %(number)s: what for"
            ) % {"number": i}
            self.fields[f"deduction_{i}_amount"].label = _(
                "Deduction the contract allows %(number)s: amount"
            ) % {"number": i}

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        destination = data.get("destination") or ""
        if not data.get("time_zone"):
            data["time_zone"] = zone_for(destination)
            if destination and not data["time_zone"]:
                self.add_error("time_zone", _("Choose the time zone of your workplace."))
        return data

    def terms(self) -> TermsData:
        d = self.cleaned_data
        return TermsData(
            destination=d["destination"],
            currency=d["currency"],
            pay_amount=d["pay_amount"],
            pay_period=d["pay_period"],
            sector=d["sector"],
            time_zone=d["time_zone"],
            employer=d.get("employer"),
            hours_per_day=d.get("hours_per_day"),
            hours_per_week=d.get("hours_per_week"),
            rest_days_per_week=d.get("rest_days_per_week"),
            rest_weekday=int(d["rest_weekday"]) if d.get("rest_weekday") not in (None, "") else None,
            overtime_rate=d.get("overtime_rate"),
            standby_counts_as_work=d.get("standby_counts_as_work", False),
            food_provided=d.get("food_provided", False),
            food_allowance=d.get("food_allowance"),
            housing_provided=d.get("housing_provided", False),
            deductions=d["deductions"],
            signed_on=d.get("signed_on"),
        )


class PayReceivedForm(DeductionRows):
    received = _money(_("Pay you received for this period"))
    currency = forms.CharField(label=_("Currency"), max_length=3)
    paid_on = forms.DateField(label=_("Day you were paid"), required=False, widget=DateInput())

    field_order = ["received", "currency", "paid_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, ROWS + 1):
            self.fields[f"deduction_{i}_kind"].label = _("Money kept back %(number)s: what for") % {
                "number": i
            }
            self.fields[f"deduction_{i}_amount"].label = _("Money kept back %(number)s: amount") % {
                "number": i
            }


class PlannerForm(forms.Form):
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)
    income = _money(_("Pay you get each month"))
    living_costs = _money(_("What you spend each month (food, phone, transport, rent)"), required=False)
    send_home = _money(_("What you want to send home each month"), required=False)
    debt = _money(_("Recruitment debt you still owe"), required=False)
    debt_payment = _money(_("What you pay on the debt each month"), required=False)
    interest_percent = forms.DecimalField(
        label=_("Interest on the debt, percent a month"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
        help_text=_("Leave empty if there is no interest."),
    )
    savings_goal = _money(_("Savings goal"), required=False)


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Your answer"), choices=ReviewOutcome.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("What is wrong, if you disagree"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.CharField(
        label=_("Your version of the hours, if you disagree"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One line for each entry: kind, start and end, for example: "
            "work, 2026-10-03 08:00, 2026-10-03 20:00"
        ),
    )
