"""Forms: "check a job offer" (plain words, every field optional) and the authority's pack forms."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError as PydanticError

from mizan.common.countries import country_choices, currency_name
from mizan.common.widgets import LongSelect
from mizan.compliance.checking import DATE_RANGE_MESSAGE, EARLIEST, LATEST
from mizan.compliance.engine import OfferTerms
from mizan.compliance.validation import MAX_YAML_CHARS

MAX_AMOUNT = Decimal("999999999999")  # a trillion in any currency is a typing mistake

# Currencies of the corridors Mizan knows, first; then every other one.
COMMON_CURRENCIES = (
    "QAR", "SAR", "AED", "KWD", "BHD", "OMR", "JOD", "LBP", "HKD", "SGD", "MYR", "THB", "KRW", "JPY",
    "NPR", "INR", "BDT", "PKR", "LKR", "PHP", "IDR", "MMK", "USD", "EUR",
)  # fmt: skip

SECTORS = (
    ("", _("I do not know")),
    ("domestic_work", _("Domestic work, in a family's home")),
    ("care", _("Care of sick or old people")),
    ("construction", _("Construction")),
    ("manufacturing", _("Factory work")),
    ("agriculture", _("Farm work")),
    ("fishing", _("Fishing")),
    ("hospitality", _("Hotel or restaurant")),
    ("services", _("Cleaning, security, shops or other services")),
    ("other", _("Other work")),
)
PERIODS = (("monthly", _("a month")), ("daily", _("a day")), ("hourly", _("an hour")))
NOT_SURE = ("", _("I am not sure"))
YES_NO = (("yes", _("Yes")), ("no", _("No")), NOT_SURE)
GIVEN = (
    ("free", _("Given free")),
    ("money", _("Money instead")),
    ("none", _("Neither")),
    NOT_SURE,
)
FEE_STATUS = (
    ("paid", _("I paid it already")),
    ("asked", _("They ask me to pay it")),
    ("owed", _("It will be taken from my pay")),
)
HOLDERS = (
    ("worker", _("I keep it myself")),
    ("employer", _("The employer")),
    ("recruiter", _("The recruitment agency")),
    ("other", _("Someone else")),
    NOT_SURE,
)
# The ILO indicators of forced labour, as a worker would say them.
INDICATORS = (
    ("deception", _("I was lied to about the job, the pay or the conditions")),
    ("restriction_of_movement", _("I am not allowed to go out or to leave the job")),
    ("isolation", _("I am kept away from other people, or my phone is taken")),
    ("physical_sexual_violence", _("Someone hits, hurts or sexually abuses me")),
    ("intimidation_threats", _("Someone threatens me or my family")),
    ("retention_of_identity_documents", _("Someone keeps my passport or ID card and will not give it back")),
    ("withholding_of_wages", _("My pay is held back or not paid")),
    ("debt_bondage", _("I must work to pay off a debt to the agency or the employer")),
    ("abusive_conditions", _("The work or the place I live is dangerous or degrading")),
    ("excessive_overtime", _("I must work far too many hours")),
    ("abuse_of_vulnerability", _("Someone uses my difficult situation against me")),
)
FEE_FIELDS = (
    ("fee_agency", "recruitment_fee", _("Agency or placement fee")),
    ("fee_medical", "medical", _("Medical check")),
    ("fee_visa", "visa_permit", _("Visa or work permit")),
    ("fee_travel", "travel", _("Air ticket or travel")),
    ("fee_training", "training", _("Training or orientation")),
    ("fee_other", "other", _("Other costs")),
)


def _ascii_digits(text: str) -> str:
    """Digits of any script (Devanagari, Arabic-Indic, Bengali ...) as ASCII; everything else unchanged."""
    return "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in text)


class AmountField(forms.CharField):
    """A sum of money as people type it: 15000, 15,000, 15 000, or in their own digits; never negative."""

    default_error_messages = {
        "invalid": _("Please write a number, like 1500 or 1500.50."),
        "negative": _("Please write 0 or more."),
        "too_big": _("This number is too big. Please check it."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": "12"})

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        text = _ascii_digits(text).replace(",", "").replace(" ", "").replace("\u00a0", "").replace("'", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not amount.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if amount < 0:
            raise ValidationError(self.error_messages["negative"], code="negative")
        if amount > MAX_AMOUNT:
            raise ValidationError(self.error_messages["too_big"], code="too_big")
        return amount.quantize(Decimal("0.01"))


class DayField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"])
        super().__init__(**kwargs)
        self.widget.format = "%Y-%m-%d"

    def clean(self, value: Any) -> dt.date | None:
        day: dt.date | None = super().clean(value)
        if day is not None and not EARLIEST <= day <= LATEST:
            raise ValidationError(DATE_RANGE_MESSAGE, code="range")
        return day


@lru_cache(maxsize=16)
def currency_choices(language: str) -> tuple[tuple[str, str], ...]:
    others = sorted(
        (
            c.alpha_3
            for c in pycountry.currencies
            if c.alpha_3 not in COMMON_CURRENCIES and not c.alpha_3.startswith("X")
        ),
        key=lambda code: currency_name(code, language).casefold(),
    )
    return tuple(
        (code, f"{currency_name(code, language)} ({code})") for code in (*COMMON_CURRENCIES, *others)
    )


@lru_cache(maxsize=16)
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    return (("", "—"), *country_choices(language))


def _radio(choices: Any, label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(choices=choices, label=label, required=False, widget=forms.RadioSelect)


class CheckForm(forms.Form):
    """Everything is optional: what is not given is reported as "could not check"."""

    origin = forms.ChoiceField(label=_("Where are you from?"), required=False, widget=LongSelect)
    destination = forms.ChoiceField(label=_("Where is the job?"), required=False, widget=LongSelect)
    region = forms.ChoiceField(
        label=_("City or province of the job"),
        required=False,
        help_text=_("Only if it is in this list: some rules are different there."),
    )
    sector = forms.ChoiceField(label=_("What kind of work is it?"), choices=SECTORS, required=False)
    pay = AmountField(label=_("Pay, without food and housing"))
    currency = forms.ChoiceField(label=_("Which money is the pay in?"), required=False, widget=LongSelect)
    period = forms.ChoiceField(label=_("The pay is for"), choices=PERIODS, required=False, initial="monthly")
    food = _radio(GIVEN, _("Food"))
    food_money = AmountField(label=_("Money for food a month, if given instead"))
    housing = _radio(GIVEN, _("A place to live"))
    housing_money = AmountField(label=_("Money for housing a month, if given instead"))
    hours = forms.DecimalField(
        label=_("Hours of work a day"), required=False, min_value=0, max_value=24, decimal_places=1
    )
    days_off = forms.TypedChoiceField(
        label=_("Days off a week"),
        choices=[NOT_SURE, *((str(n), str(n)) for n in range(8))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    paid_nothing = forms.BooleanField(
        label=_("I did not pay and nobody asked me to pay anything"), required=False
    )
    fee_agency = AmountField(label=FEE_FIELDS[0][2])
    fee_medical = AmountField(label=FEE_FIELDS[1][2])
    fee_visa = AmountField(label=FEE_FIELDS[2][2])
    fee_travel = AmountField(label=FEE_FIELDS[3][2])
    fee_training = AmountField(label=FEE_FIELDS[4][2])
    fee_other = AmountField(label=FEE_FIELDS[5][2])
    fee_currency = forms.ChoiceField(
        label=_("Which money did you pay in?"), required=False, widget=LongSelect
    )
    fee_status = _radio(FEE_STATUS, _("Have you paid?"))
    passport = _radio(HOLDERS, _("Who keeps your passport?"))
    id_card = _radio(HOLDERS, _("Who keeps your ID card or work permit?"))
    age = forms.IntegerField(label=_("Your age"), required=False, min_value=0, max_value=120)
    contract = _radio(YES_NO, _("Did you get a written contract?"))
    contract_readable = _radio(YES_NO, _("Is it in a language you can read?"))
    contract_arabic = forms.BooleanField(label=_("It is also written in Arabic"), required=False)
    licensed = _radio(YES_NO, _("Does the recruitment agency have a government licence?"))
    licence = forms.CharField(
        label=_("The agency's licence number, if you know it"), required=False, max_length=80
    )
    indicators = forms.MultipleChoiceField(
        label=_("Is any of this happening to you?"),
        choices=INDICATORS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    on = DayField(
        label=_("Check with the rules of this day"),
        required=False,
        help_text=_("Leave empty for today. Give the day you signed to check an old contract."),
    )

    def __init__(self, *args: Any, regions: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        countries = _countries(language)
        self.fields["origin"].choices = countries  # type: ignore[attr-defined]
        self.fields["destination"].choices = countries  # type: ignore[attr-defined]
        currencies = (("", "—"), *currency_choices(language))
        self.fields["currency"].choices = currencies  # type: ignore[attr-defined]
        self.fields["fee_currency"].choices = currencies  # type: ignore[attr-defined]
        self.fields["region"].choices = [("", "—"), *(regions or [])]  # type: ignore[attr-defined]

    def terms(self) -> OfferTerms | None:
        """The offer in the engine's terms; None (with the errors added to the form) if it does not fit."""
        data = self.cleaned_data
        offer: dict[str, Any] = {}
        for name in ("origin", "destination", "sector"):
            if data.get(name):
                offer[name] = data[name]
        if data.get("region"):
            offer["destination_region"] = data["region"]
        currency = data.get("currency") or None
        if data.get("pay") is not None:
            offer["pay"] = {
                "amount": data["pay"],
                "currency": currency,
                "period": data.get("period") or "monthly",
            }
        allowances: dict[str, Any] = {}
        for kind, choice, money in (("food", "food", "food_money"), ("housing", "housing", "housing_money")):
            given = data.get(choice)
            if given == "free":
                allowances[kind] = {"provided": True}
            elif given == "money":
                allowances[kind] = {"amount": data.get(money), "currency": currency}
            elif given == "none":
                allowances[kind] = {"amount": Decimal(0), "currency": currency}
        if allowances:
            offer["allowances"] = allowances
        hours, days_off = data.get("hours"), data.get("days_off")
        if hours is not None:
            offer["hours"] = {"per_day": hours}
            if days_off is not None:
                offer["hours"]["per_week"] = hours * (7 - days_off)
        if days_off is not None:
            offer["rest"] = {"days_per_week": days_off}
        fees = [
            {
                "category": category,
                "amount": data[name],
                "currency": data.get("fee_currency") or currency,
                "paid_by": "worker",
                "paid_to": "recruiter" if category == "recruitment_fee" else None,
                "status": data.get("fee_status") or "paid",
                "deducted_from_wages": data.get("fee_status") == "owed",
            }
            for name, category, _label in FEE_FIELDS
            if data.get(name)
        ]
        if fees:
            offer["fees"] = fees
        elif data.get("paid_nothing"):
            offer["fees"] = []
        documents = {
            f"{kind}_held_by": data[field]
            for kind, field in (("passport", "passport"), ("identity", "id_card"))
            if data.get(field)
        }
        if documents:
            offer["documents"] = documents
        reader = (get_language() or "en").split("-")[0]
        worker: dict[str, Any] = {}
        if data.get("age") is not None:
            worker["age"] = data["age"]
        contract: dict[str, Any] = {}
        if data.get("contract"):
            contract["written"] = data["contract"] == "yes"
        readable = data.get("contract_readable")
        if readable and data.get("contract") != "no":
            languages = {reader} if readable == "yes" else {"und"}  # und: a language not named
            if data.get("contract_arabic"):
                languages = (languages | {"ar"}) if readable == "yes" else {"ar"}
            contract["languages"] = sorted(languages)
            worker["languages"] = [reader]
        if contract:
            offer["contract"] = contract
        if worker:
            offer["worker"] = worker
        recruiter: dict[str, Any] = {}
        if data.get("licensed"):
            recruiter["licensed"] = data["licensed"] == "yes"
        if data.get("licence"):
            recruiter["licence_number"] = data["licence"].strip()
        if recruiter:
            offer["recruiter"] = recruiter
        offer["indicators"] = list(data.get("indicators") or [])
        try:
            return OfferTerms.model_validate(offer)
        except PydanticError as error:
            for item in error.errors():
                field = "region" if "destination_region" in str(item.get("msg", "")) else None
                self.add_error(field, _("The city or province is not in the country of the job."))
            return None


# --- Authority forms ----------------------------------------------------------------------------


class ProposalForm(forms.Form):
    yaml_text = forms.CharField(
        label=_("The new version, as YAML"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "dir": "ltr", "class": "yaml"}),
        max_length=MAX_YAML_CHARS,
        help_text=_("One version of one pack. Change what the law changed and give the new dates."),
    )
    upload = forms.FileField(
        label=_("Or upload a YAML file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml"}),
    )
    note = forms.CharField(
        label=_("What changed in the law, and where it is written"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("upload")
        if upload:
            if upload.size > MAX_YAML_CHARS * 4:
                raise ValidationError(_("The file is too large."), code="too_large")
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(_("The file is not UTF-8 text."), code="encoding") from None
            data["source_name"] = upload.name
        elif (data.get("yaml_text") or "").strip():
            data["text"] = data["yaml_text"]
            data["source_name"] = str(_("form"))
        else:
            raise ValidationError(_("Type the new version or upload a file."), code="empty")
        return data


class WageChangeForm(forms.Form):
    rule = forms.ChoiceField(label=_("Minimum wage"))
    amount = AmountField(label=_("New amount"), required=True)
    effective_from = DayField(label=_("From this day"))
    review_by = DayField(label=_("Check the law again by"), required=False, help_text=_("Usually in a year."))
    citation_title = forms.CharField(label=_("Name of the law or notice"), max_length=300, min_length=3)
    citation_url = forms.URLField(
        label=_("Web address where it is published"), max_length=500, assume_scheme="https"
    )
    citation_article = forms.CharField(
        label=_("Article or clause (optional)"), max_length=200, required=False
    )
    note = forms.CharField(
        label=_("Note for the person who approves"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, rules: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = rules  # type: ignore[attr-defined]

    def clean_amount(self) -> Decimal:
        amount: Decimal | None = self.cleaned_data.get("amount")
        if amount is None or amount <= 0:
            raise ValidationError(_("Please write an amount above 0."), code="positive")
        return amount

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, review = data.get("effective_from"), data.get("review_by")
        if start and review and review <= start:
            self.add_error("review_by", _("Give a day after the start."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it not accepted?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
