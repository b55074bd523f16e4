"""Forms of the worker's own pages. They check only form-level things; the services check the rest."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from mizan.privacy.vault.files import ACCEPT
from mizan.workers.catalogue import DETAILS, Detail
from mizan.workers.models import IdentityDocument

_PART_LABELS = (_("Day"), _("Month"), _("Year"))


class DayMonthYearWidget(forms.MultiWidget):
    """Three labelled boxes (day, month by name, year): no calendar widget, no JavaScript."""

    template_name = "workers/widgets/day_month_year.html"
    use_fieldset = True

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        months = [("", "—"), *((str(number), name) for number, name in MONTHS.items())]
        widgets = [
            forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": "2", "autocomplete": "bday-day", "size": "2"}
            ),
            forms.Select(choices=months, attrs={"autocomplete": "bday-month"}),
            forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": "4", "autocomplete": "bday-year", "size": "4"}
            ),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], _PART_LABELS, strict=True):
            subwidget["label"] = label
        return context


class DayMonthYearField(forms.MultiValueField):
    widget = DayMonthYearWidget

    def __init__(self, **kwargs: Any) -> None:
        fields = (
            forms.IntegerField(min_value=1, max_value=31, required=False),
            forms.TypedChoiceField(choices=[(str(n), n) for n in range(1, 13)], coerce=int, required=False),
            forms.IntegerField(min_value=1000, max_value=9999, required=False),
        )
        kwargs.update(require_all_fields=False, required=False)
        kwargs.setdefault("error_messages", {"invalid": _("Please give the day, the month and the year.")})
        super().__init__(fields, **kwargs)

    def compress(self, data_list: list[Any]) -> date | None:
        parts = list(data_list or [])
        if not any(part not in (None, "") for part in parts):
            return None
        if len(parts) != 3 or any(part in (None, "") for part in parts):
            raise forms.ValidationError(_("Please give the day, the month and the year."), code="incomplete")
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError as exc:
            raise forms.ValidationError(
                _("This date does not exist. Please check the day and the month."), code="invalid"
            ) from exc


def _form_field(detail: Detail) -> forms.Field:
    common: dict[str, Any] = {"label": detail.label, "help_text": detail.why, "required": False}
    if detail.kind == "date":
        return DayMonthYearField(**common)
    attrs: dict[str, str] = {}
    widget: forms.Widget
    if detail.kind == "long_text":
        widget = forms.Textarea(attrs={"rows": "3", "autocomplete": "street-address"})
    elif detail.kind == "email":
        widget = forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"})
    elif detail.kind == "phone":
        widget = forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
        )
    else:
        if detail.name == "full_name":
            attrs["autocomplete"] = "name"
        elif detail.kind == "document_number":
            attrs.update(autocomplete="off", dir="ltr", spellcheck="false")
        widget = forms.TextInput(attrs=attrs)
    # Lengths are checked by the service (with a plain message) rather than cut off by the browser.
    return forms.CharField(widget=widget, strip=True, **common)


class PersonalDetailsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for detail in DETAILS:
            self.fields[detail.name] = _form_field(detail)


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is this document?"), choices=[("", "—"), *IdentityDocument.Kind.choices]
    )
    file = forms.FileField(
        label=_("Photo or PDF file"),
        help_text=_(
            "A photo (JPEG, PNG or WEBP) or a PDF file. Hidden information in photos, like the place "
            "where they were taken, is removed before the file is kept."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
