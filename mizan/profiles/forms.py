"""Forms of the job profile pages. They check only form-level things (a number is a number); the services
check the rest and their messages are shown beside the field they name."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.common.countries import country_choices
from mizan.common.widgets import LongSelect
from mizan.privacy.vault.files import ACCEPT
from mizan.profiles.choices import currency_choices, language_choices, sector_choices
from mizan.profiles.models import MAX_YEARS, LanguageLevel
from mizan.workers.forms import DayMonthYearField, DayMonthYearWidget

# Where most workers Mizan serves first go; any other country can be added one at a time.
COMMON_DESTINATIONS = (
    "QA",
    "SA",
    "AE",
    "KW",
    "OM",
    "BH",
    "MY",
    "SG",
    "HK",
    "TW",
    "KR",
    "JP",
    "IL",
    "JO",
    "MV",
)


class DateWidget(DayMonthYearWidget):
    """Day, month, year boxes that are not a birthday (no birthday autofill)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        for widget in self.widgets:
            widget.attrs["autocomplete"] = "off"


class DateField(DayMonthYearField):
    widget = DateWidget


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for your work"),
        help_text=_("Type a word, like “welder”, “cook” or “driver”, in your language or in English."),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )


class OccupationForm(forms.Form):
    """Tick skills (the occupation's essential ones first, then the others) and say how many years."""

    years_of_experience = forms.DecimalField(
        label=_("How many years have you done this work?"),
        help_text=_("A number like 3, or 0.5 for six months."),
        min_value=Decimal(0),
        max_value=MAX_YEARS,
        decimal_places=1,
        initial=Decimal(0),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5", "min": "0", "max": "60"}),
    )
    essential = forms.TypedMultipleChoiceField(
        label=_("Main skills for this work"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    other = forms.TypedMultipleChoiceField(
        label=_("Other skills"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    is_main = forms.BooleanField(label=_("This is my main work"), required=False)

    def __init__(
        self,
        *args: Any,
        essential: Sequence[tuple[int, str]] = (),
        optional: Sequence[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["essential"].choices = list(essential)  # type: ignore[attr-defined]
        self.fields["other"].choices = list(optional)  # type: ignore[attr-defined]
        if not essential:
            del self.fields["essential"]
        if not optional:
            del self.fields["other"]

    def skill_ids(self) -> list[int]:
        return [*self.cleaned_data.get("essential", []), *self.cleaned_data.get("other", [])]


class LanguageForm(forms.Form):
    code = forms.ChoiceField(label=_("Language"), widget=LongSelect)
    level = forms.TypedChoiceField(
        label=_("How well do you speak it?"),
        choices=LanguageLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", "—"), *language_choices()]  # type: ignore[attr-defined]


class CertificateForm(forms.Form):
    title = forms.CharField(
        label=_("What is the certificate for?"),
        help_text=_("For example: “Welding, level 2” or “Caregiver training”."),
        strip=True,
    )
    issuer = forms.ChoiceField(
        label=_("Who gave it to you?"),
        help_text=_("If the organisation is on this list, you can ask it to confirm your certificate."),
        required=False,
        widget=LongSelect,
    )
    issuer_name = forms.CharField(
        label=_("Or write the name of the school or organisation"), required=False, strip=True
    )
    number = forms.CharField(
        label=_("Certificate number (if it has one)"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "spellcheck": "false"}),
    )
    issued_on = DateField(label=_("Date on the certificate"))
    file = forms.FileField(
        label=_("Photo or PDF of the certificate"),
        help_text=_(
            "A photo (JPEG, PNG or WEBP) or a PDF file. Hidden information in photos, like the place "
            "where they were taken, is removed before the file is kept."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, issuers: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].choices = [("", _("Not on this list")), *issuers]  # type: ignore[attr-defined]


class PreferencesForm(forms.Form):
    destinations = forms.MultipleChoiceField(
        label=_("Countries where you want to work"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    another_destination = forms.ChoiceField(label=_("Another country"), required=False, widget=LongSelect)
    sectors = forms.MultipleChoiceField(
        label=_("Kinds of work you want"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    min_monthly_pay = forms.DecimalField(
        label=_("The lowest pay you would take, each month"),
        help_text=_("Jobs that pay less are not shown to you. Employers do not see this number."),
        required=False,
        min_value=Decimal(0),
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "min": "0"}),
    )
    currency = forms.ChoiceField(label=_("Money"), required=False)
    available_from = DateField(label=_("When can you start?"))

    def __init__(self, *args: Any, chosen: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(country_choices())
        shown = list(dict.fromkeys([*COMMON_DESTINATIONS, *chosen]))
        self.fields["destinations"].choices = sorted(  # type: ignore[attr-defined]
            ((code, names.get(code, code)) for code in shown), key=lambda pair: pair[1]
        )
        self.fields["another_destination"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]
        self.fields["sectors"].choices = sector_choices()  # type: ignore[attr-defined]
        self.fields["currency"].choices = [("", "—"), *currency_choices()]  # type: ignore[attr-defined]

    def chosen_destinations(self) -> list[str]:
        chosen = list(self.cleaned_data.get("destinations") or [])
        extra = self.cleaned_data.get("another_destination")
        if extra and extra not in chosen:
            chosen.append(extra)
        return chosen


class DecisionForm(forms.Form):
    """An issuer's answer to a request to confirm a certificate."""

    decision = forms.ChoiceField(
        label=_("Is this certificate yours?"),
        choices=[
            ("confirm", _("Yes, we gave this certificate")),
            ("reject", _("No, we cannot confirm it")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A short note for the worker (optional)"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
