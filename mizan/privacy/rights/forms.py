"""Forms of the data-rights pages. Plain words; every field labelled."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.privacy.rights.categories import holdable
from mizan.privacy.rights.models import CorrectionItem, CorrectionStatus, HoldReason, RestrictionKind
from mizan.privacy.rights.services.corrections import TEXT_MAX


class CorrectionForm(forms.Form):
    item = forms.ChoiceField(
        label=_("What is wrong?"), choices=CorrectionItem.choices, widget=forms.RadioSelect
    )
    what_is_wrong = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    should_be = forms.CharField(
        label=_("What should it be? (if you know)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    restrict = forms.BooleanField(
        label=_("Until you answer, keep my data but do not use it."),
        required=False,
    )


class RestrictionForm(forms.Form):
    kind = forms.ChoiceField(choices=RestrictionKind.choices)
    on = forms.TypedChoiceField(choices=[("1", "on"), ("0", "off")], coerce=lambda value: value == "1")


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand: my account and my data will be erased, and this cannot be undone."),
        error_messages={"required": _("Please tick the box to show you understand.")},
    )


class CloseCorrectionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Answer"),
        choices=[(CorrectionStatus.DONE, _("Corrected")), (CorrectionStatus.REFUSED, _("Not corrected"))],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("What you did, or why not (the worker reads this)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PlaceHoldForm(forms.Form):
    phone = forms.CharField(label=_("Worker's phone number"), max_length=32)
    reason = forms.ChoiceField(label=_("Why the data must be kept"), choices=HoldReason.choices)
    categories = forms.MultipleChoiceField(
        label=_("What must be kept"), choices=(), widget=forms.CheckboxSelectMultiple
    )
    source_reference = forms.CharField(
        label=_("What requires it (a reference, no names)"),
        max_length=120,
        help_text=_("For example case:6f1c2a or order:HK-LD-2025-117"),
    )
    until = forms.DateField(
        label=_("Keep until (leave empty: until the matter is finished)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = holdable()  # type: ignore[attr-defined]
        self.fields["until"].widget.attrs["min"] = timezone.localdate().isoformat()


class StaffEraseForm(forms.Form):
    phone = forms.CharField(label=_("Worker's phone number"), max_length=32)
    reference = forms.CharField(
        label=_("Reference of the worker's checked request"),
        max_length=80,
        help_text=_("The ticket or letter number. Letters, numbers and - _ / . : only."),
    )
    confirm = forms.BooleanField(
        label=_("I checked that the worker asked for this, and that this cannot be undone."),
        error_messages={"required": _("Please tick the box to confirm.")},
    )
