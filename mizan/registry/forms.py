"""Forms of the registry: the public search box and the authorities' and auditors' forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.registry.importing import MAX_BYTES
from mizan.registry.models import Licence, Sanction
from mizan.registry.services import EARLIEST, LATEST


class DayField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()})
    default_error_messages = {"invalid": _("Write the date as YYYY-MM-DD, for example 2025-07-16.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"])
        super().__init__(**kwargs)
        self.widget.format = "%Y-%m-%d"

    def clean(self, value: Any) -> dt.date | None:
        day: dt.date | None = super().clean(value)
        if day is not None and not EARLIEST <= day <= LATEST:
            raise ValidationError(_("The date must be between 1950 and 2100."), code="range")
        return day


def add_authority_field(form: forms.Form, authorities: list[Organisation]) -> None:
    """A choice of authority, only for people who act for more than one (platform administrators)."""
    if len(authorities) > 1:
        form.fields["authority"] = forms.ModelChoiceField(
            label=_("Authority"),
            queryset=Organisation.objects.filter(pk__in=[authority.pk for authority in authorities]),
            empty_label=None,
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name of the agency or employer, or its licence number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )


def _reason(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=2000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


PUBLIC_REASON = _("Everyone can read it on the public record. Do not write the names of workers.")


class LicenceForm(forms.Form):
    """A new licence. The organisation is found by its registration number in your country, or added."""

    organisation_name = forms.CharField(label=_("Name of the agency or employer"), max_length=200)
    registration_number = forms.CharField(
        label=_("Company registration number"),
        max_length=80,
        help_text=_("If no organisation in your country has this number, a new one is added."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (Organisation.Kind.AGENCY, _("Recruitment agency")),
            (Organisation.Kind.EMPLOYER, _("Employer")),
        ],
        widget=forms.RadioSelect,
        initial=Organisation.Kind.AGENCY,
    )
    number = forms.CharField(label=_("Licence number"), max_length=80)
    valid_from = DayField(label=_("Valid from"))
    valid_to = DayField(
        label=_("Valid until"), required=False, help_text=_("Leave empty if it has no end date.")
    )
    address = forms.CharField(label=_("Office address (optional)"), max_length=300, required=False)

    def __init__(self, *args: Any, authorities: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_authority_field(self, authorities)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("The end date is before the start date."))
        return data


class LicenceChangeForm(forms.Form):
    ACTIONS = (
        ("suspend", _("Suspend")),
        ("revoke", _("Revoke")),
        ("reinstate", _("Make valid again")),
        ("renew", _("Renew with new dates")),
        ("surrender", _("The holder gave it up")),
    )
    action = forms.ChoiceField(label=_("Change"), choices=ACTIONS, widget=forms.RadioSelect)
    valid_from = DayField(label=_("New start date (to renew)"), required=False)
    valid_to = DayField(label=_("New end date (to renew)"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        help_text=PUBLIC_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "renew" and not data.get("valid_to"):
            self.add_error("valid_to", _("Give the new end date of the licence."))
        if data.get("action") not in (None, "renew") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Write the reason. It is shown on the recruiter's public record."))
        return data


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of sanction"), choices=Sanction.Kind.choices, widget=forms.RadioSelect
    )
    starts_on = DayField(label=_("Starts on"))
    ends_on = DayField(label=_("Ends on"), required=False, help_text=_("Leave empty: until it is lifted."))
    reason = _reason(_("Reason"), PUBLIC_REASON)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end date is before the start date."))
        return data


class LiftForm(forms.Form):
    reason = _reason(_("Why is it lifted?"), PUBLIC_REASON)


class CertificationForm(forms.Form):
    standard = forms.CharField(
        label=_("Standard"),
        max_length=120,
        help_text=_("For example IRIS, or the name of a national scheme."),
    )
    level = forms.CharField(label=_("Level or result (optional)"), max_length=80, required=False)
    valid_from = DayField(label=_("Valid from"))
    valid_to = DayField(label=_("Valid until"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("The end date is before the start date."))
        return data


class WithdrawForm(forms.Form):
    reason = _reason(_("Why is it withdrawn?"), PUBLIC_REASON)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Licence list (CSV file)"),
        help_text=_("At most 5 MB and 50,000 rows, in UTF-8."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args: Any, authorities: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_authority_field(self, authorities)

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _(
                    "The file is too large. It can be at most 5 MB and 50,000 rows: "
                    "split it into smaller files."
                ),
                code="too_large",
            )
        data: bytes = upload.read()
        return data


class ManageFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or licence number"), max_length=200, required=False)


LICENCE_STATUS_CHOICES = Licence.Status.choices
