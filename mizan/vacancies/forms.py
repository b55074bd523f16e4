"""Forms: the vacancy (one page of fieldsets, cost items as a formset), publishing with the warnings read,
and the job board's filters. Every form works without JavaScript."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.countries import country_choices, country_name, currency_name
from mizan.common.formatting import language_name
from mizan.common.widgets import LongSelect
from mizan.compliance.forms import COMMON_CURRENCIES, AmountField, DayField, currency_choices
from mizan.taxonomy.models import Occupation
from mizan.taxonomy.selectors import common_occupations
from mizan.vacancies.inputs import CostInput, LanguageNeed, VacancyInput
from mizan.vacancies.models import COST_CHOICES, LANGUAGE_CHOICES, SECTOR_CHOICES, CostItem, Terms, Vacancy

LANGUAGE_ROWS = 3
# Languages a job may need beyond Mizan's twelve (Chinese and Cantonese for Hong Kong, Korean, Japanese).
EXTRA_LANGUAGES = ("zh", "yue", "ko", "ja", "ta", "fr")
LEVEL_CHOICES = (("basic", _("A little")), ("good", _("Well")), ("fluent", _("Very well")))


class LongSelectMultiple(LongSelect):
    """A multiple <select> rendered in one pass (every country)."""

    allow_multiple_selected = True

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        from django.forms.utils import flatatt

        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name, "multiple": True})
        chosen = {str(item) for item in (value or [])}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(key), " selected" if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False


@lru_cache(maxsize=16)
def _language_choices(language: str) -> tuple[tuple[str, str], ...]:
    codes = [code for code, _name in LANGUAGE_CHOICES] + list(EXTRA_LANGUAGES)
    return (("", "—"), *sorted(((code, language_name(code, language)) for code in codes), key=lambda c: c[1]))


def _number(
    label: Any, *, minimum: int, maximum: int, decimals: int = 0, required: bool = True
) -> forms.Field:
    if decimals:
        return forms.DecimalField(
            label=label, min_value=minimum, max_value=maximum, decimal_places=decimals, required=required
        )
    return forms.IntegerField(label=label, min_value=minimum, max_value=maximum, required=required)


class VacancyForm(forms.Form):
    # The job
    posted_by = forms.ChoiceField(label=_("Post for"), required=False)
    employer = forms.ChoiceField(label=_("Employer"), widget=LongSelect)
    title = forms.CharField(label=_("Job title"), max_length=200)
    description = forms.CharField(
        label=_("About the job"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, required=False
    )
    text_language = forms.ChoiceField(label=_("Language of the title and the text"), choices=LANGUAGE_CHOICES)
    occupation = forms.ChoiceField(label=_("Type of work"), required=False, widget=LongSelect)
    occupation_code = forms.CharField(
        label=_("Or another occupation, by its ESCO code"),
        help_text=_("For example 7212.3 (welder). Leave empty if the type of work is in the list."),
        required=False,
        max_length=30,
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Decide from the type of work")), *SECTOR_CHOICES],
        required=False,
        help_text=_("The rules of some countries are different for domestic work."),
    )
    destination = forms.ChoiceField(label=_("Country of work"), widget=LongSelect)
    destination_region = forms.CharField(
        label=_("Region of work (ISO 3166-2 code)"),
        help_text=_("Only where the rules differ by region, for example TH-10 (Bangkok)."),
        required=False,
        max_length=6,
    )
    origins = forms.MultipleChoiceField(
        label=_("Countries the workers come from"),
        help_text=_("Each is checked on its own, with that country's rules."),
        widget=LongSelectMultiple(attrs={"size": 6}),
    )
    place_of_work = forms.CharField(label=_("Place of work (town or site)"), max_length=200)
    number_of_workers = _number(_("Number of workers"), minimum=1, maximum=100000)
    start_date = DayField(label=_("Start date"))
    apply_by = DayField(label=_("Last day to apply"), required=False)
    contract_months = _number(_("Contract length in months"), minimum=1, maximum=240)
    # Pay
    pay_amount = AmountField(label=_("Basic pay"), required=True)
    pay_currency = forms.ChoiceField(label=_("Currency"), widget=LongSelect)
    pay_period = forms.ChoiceField(label=_("The pay is for"), choices=Terms.Period.choices, initial="month")
    housing_allowance = AmountField(label=_("Money for housing a month, if housing is not given"))
    food_allowance = AmountField(label=_("Money for food a month, if food is not given"))
    transport_allowance = AmountField(label=_("Money for transport a month"))
    overtime_rate = _number(
        _("Overtime pay, times the normal pay (for example 1.25)"),
        minimum=1,
        maximum=10,
        decimals=2,
        required=False,
    )
    # Work and rest
    hours_per_day = _number(_("Working hours a day"), minimum=1, maximum=24, decimals=2)
    hours_per_week = _number(_("Working hours a week"), minimum=1, maximum=168, decimals=2)
    rest_days_per_week = _number(_("Days off a week"), minimum=0, maximum=7, decimals=1)
    annual_leave_days = _number(_("Paid holidays a year (days)"), minimum=0, maximum=366)
    # Housing and food
    accommodation_provided = forms.BooleanField(label=_("Housing is given free"), required=False)
    accommodation_description = forms.CharField(
        label=_("About the housing"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    food_provided = forms.BooleanField(label=_("Food is given free"), required=False)

    def __init__(
        self,
        *args: Any,
        language: str,
        posters: list[Organisation],
        employers: list[Organisation],
        destinations: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.posters = {str(o.id): o for o in posters}
        self.employers = {str(o.id): o for o in employers}
        cast(forms.ChoiceField, self.fields["posted_by"]).choices = [
            (key, o.name) for key, o in self.posters.items()
        ]
        if len(posters) <= 1:
            self.fields["posted_by"].widget = forms.HiddenInput()
        cast(forms.ChoiceField, self.fields["employer"]).choices = [
            ("", "—"),
            *((key, o.name) for key, o in self.employers.items()),
        ]
        self.occupations = {o.code: o for o, _title in common_occupations(language)}
        cast(forms.ChoiceField, self.fields["occupation"]).choices = [
            ("", "—"),
            *((o.code, f"{title} ({o.code})") for o, title in common_occupations(language)),
        ]
        named = [(code, country_name(code, language)) for code in destinations]
        cast(forms.ChoiceField, self.fields["destination"]).choices = [
            ("", "—"),
            *sorted(named, key=lambda pair: pair[1]),
        ]
        cast(forms.ChoiceField, self.fields["origins"]).choices = list(country_choices(language))
        cast(forms.ChoiceField, self.fields["pay_currency"]).choices = [
            ("", "—"),
            *currency_choices(language),
        ]
        languages = _language_choices(language)
        for number in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{number}"] = forms.ChoiceField(
                label=_("Language %(number)s") % {"number": number}, choices=languages, required=False
            )
            self.fields[f"level_{number}"] = forms.ChoiceField(
                label=_("How well, language %(number)s") % {"number": number},
                choices=[("", "—"), *LEVEL_CHOICES],
                required=False,
            )

    def language_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"language_{n}"], self[f"level_{n}"]) for n in range(1, LANGUAGE_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = (data.get("occupation_code") or "").strip()
        chosen = data.get("occupation")
        occupation = None
        if code:
            occupation = Occupation.objects.filter(code=code).first()
            if occupation is None:
                self.add_error("occupation_code", _("There is no occupation with this ESCO code."))
        elif chosen:
            occupation = self.occupations.get(chosen)
        else:
            self.add_error("occupation", _("Choose the type of work."))
        data["occupation_object"] = occupation
        for number in range(1, LANGUAGE_ROWS + 1):
            if bool(data.get(f"language_{number}")) != bool(data.get(f"level_{number}")):
                self.add_error(f"level_{number}", _("Give both the language and how well it is needed."))
        if data.get("posted_by") and data["posted_by"] not in self.posters:
            self.add_error("posted_by", _("Choose an organisation from the list."))
        return data

    def poster(self) -> Organisation | None:
        key = self.cleaned_data.get("posted_by") or next(iter(self.posters), None)
        return self.posters.get(key) if key else None

    def to_input(self, costs: list[CostInput]) -> VacancyInput:
        data = self.cleaned_data
        needs = [
            LanguageNeed(data[f"language_{n}"], data[f"level_{n}"])
            for n in range(1, LANGUAGE_ROWS + 1)
            if data.get(f"language_{n}") and data.get(f"level_{n}")
        ]
        return VacancyInput(
            employer=self.employers[data["employer"]],
            title=data["title"],
            description=data.get("description") or "",
            text_language=data["text_language"],
            occupation=data["occupation_object"],
            destination=data["destination"],
            destination_region=(data.get("destination_region") or "").strip().upper(),
            origins=list(data["origins"]),
            sector=data.get("sector") or None,
            place_of_work=data["place_of_work"],
            number_of_workers=data["number_of_workers"],
            start_date=data["start_date"],
            apply_by=data.get("apply_by"),
            contract_months=data["contract_months"],
            pay_amount=data["pay_amount"],
            pay_currency=data["pay_currency"],
            pay_period=data["pay_period"],
            housing_allowance=data.get("housing_allowance"),
            food_allowance=data.get("food_allowance"),
            transport_allowance=data.get("transport_allowance"),
            overtime_rate=data.get("overtime_rate"),
            hours_per_day=data["hours_per_day"],
            hours_per_week=data["hours_per_week"],
            rest_days_per_week=data["rest_days_per_week"],
            annual_leave_days=data["annual_leave_days"],
            accommodation_provided=data.get("accommodation_provided", False),
            accommodation_description=data.get("accommodation_description") or "",
            food_provided=data.get("food_provided", False),
            languages_needed=needs,
            costs=costs,
        )


def initial_from(vacancy: Vacancy) -> dict[str, Any]:
    terms = vacancy.terms
    initial: dict[str, Any] = {
        "posted_by": str(vacancy.posted_by_id),
        "employer": str(vacancy.employer_id),
        "occupation": vacancy.occupation.code,
        "origins": vacancy.origin_codes,
        "accommodation_description": terms.accommodation_description,
    }
    for name in (
        "title", "description", "text_language", "destination", "destination_region", "place_of_work",
        "number_of_workers", "start_date", "apply_by", "contract_months",
    ):  # fmt: skip
        initial[name] = getattr(vacancy, name)
    for name in (
        "pay_amount", "pay_currency", "pay_period", "housing_allowance", "food_allowance",
        "transport_allowance", "overtime_rate", "hours_per_day", "hours_per_week", "rest_days_per_week",
        "annual_leave_days", "accommodation_provided", "food_provided",
    ):  # fmt: skip
        initial[name] = getattr(terms, name)
    for number, need in enumerate(terms.languages_needed[:LANGUAGE_ROWS], start=1):
        initial[f"language_{number}"] = need.get("language")
        initial[f"level_{number}"] = need.get("level")
    return initial


class CostForm(forms.Form):
    category = forms.ChoiceField(label=_("Cost"), choices=[("", "—"), *COST_CHOICES], required=False)
    amount = AmountField(label=_("Amount"))
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    paid_by = forms.ChoiceField(
        label=_("Who pays"), choices=[("", "—"), *CostItem.PaidBy.choices], required=False
    )
    worker_amount = AmountField(label=_("The worker's part, if shared"))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["currency"]).choices = [
            ("", "—"),
            *((code, f"{currency_name(code, language)} ({code})") for code in COMMON_CURRENCIES),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [name for name in ("category", "amount", "currency", "paid_by") if data.get(name)]
        if filled and len(filled) < 4:
            raise ValidationError(
                _("Give the cost, the amount, the currency and who pays, or leave the row empty.")
            )
        return data

    def to_input(self) -> CostInput | None:
        data = self.cleaned_data
        if not data.get("category"):
            return None
        return CostInput(
            category=data["category"],
            amount=data["amount"],
            currency=data["currency"],
            paid_by=data["paid_by"],
            worker_amount=data.get("worker_amount"),
            note=data.get("note") or "",
        )


class _CostFormSet(forms.BaseFormSet):
    def costs(self) -> list[CostInput]:
        found = [form.to_input() for form in self.forms if form.is_valid()]
        return [cost for cost in found if cost is not None]


CostFormSet = forms.formset_factory(CostForm, formset=_CostFormSet, extra=3, max_num=30, absolute_max=30)


def cost_initial(vacancy: Vacancy) -> list[dict[str, Any]]:
    return [
        {
            "category": cost.category,
            "amount": cost.amount,
            "currency": cost.currency,
            "paid_by": cost.paid_by,
            "worker_amount": cost.worker_amount,
            "note": cost.note,
        }
        for cost in vacancy.costs.all()
    ]


class PublishForm(forms.Form):
    """Publishing: one box per warning, and the warnings shown (so a changed set is noticed)."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False)
    acknowledge = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple, required=False, label=_("Warnings")
    )

    def __init__(self, *args: Any, warnings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["acknowledge"]).choices = warnings
        self.fields["shown"].initial = ",".join(rule_id for rule_id, _text in warnings)

    def acknowledged(self) -> list[str]:
        return list(self.cleaned_data.get("acknowledge") or [])

    def shown_ids(self) -> list[str]:
        return [part for part in (self.cleaned_data.get("shown") or "").split(",") if part]


class BoardForm(forms.Form):
    """The job board's filters (GET)."""

    destination = forms.ChoiceField(label=_("Country of work"), required=False)
    occupation = forms.ChoiceField(label=_("Type of work"), required=False, widget=LongSelect)
    min_pay = AmountField(label=_("Lowest basic pay a month"))
    currency = forms.ChoiceField(label=_("Currency of this pay"), required=False)
    start_from = DayField(label=_("Starting from"), required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, language: str, destinations: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        named = sorted(
            ((code, country_name(code, language)) for code in destinations), key=lambda pair: pair[1]
        )
        cast(forms.ChoiceField, self.fields["destination"]).choices = [("", _("Any country")), *named]
        cast(forms.ChoiceField, self.fields["occupation"]).choices = [
            ("", _("Any work")),
            *((o.code, title) for o, title in common_occupations(language)),
        ]
        cast(forms.ChoiceField, self.fields["currency"]).choices = [
            ("", _("The job's own currency")),
            *((code, f"{currency_name(code, language)} ({code})") for code in COMMON_CURRENCIES),
        ]
