from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.privacy.ledger.selectors import HASH_PREFIX, normalise_hash


class ReferenceForm(forms.Form):
    """A reference a worker was given for a record: the entry's number and its code (hash)."""

    entry = forms.IntegerField(
        label=_("Entry number"),
        min_value=1,
        max_value=2**63 - 1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Code"),
        max_length=100,
        help_text=_(
            "The long code of letters a-f and digits printed next to the number. The first 16 are enough."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_hash(self.cleaned_data["code"])
        if not HASH_PREFIX.match(code):
            raise forms.ValidationError(
                _("The code has 16 to 64 characters: digits 0-9 and letters a-f."), code="bad_reference"
            )
        return code
