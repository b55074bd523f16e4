from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.api.scopes import DESCRIPTIONS

EXPIRY_CHOICES = [
    ("30", _("In 30 days")),
    ("90", _("In 90 days")),
    ("365", _("In one year")),
    ("", _("Never (revoke it yourself)")),
]


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name, so you know where it is used"), max_length=100)
    scopes = forms.MultipleChoiceField(
        label=_("What the token may do"),
        choices=[(str(scope), description) for scope, description in DESCRIPTIONS.items()],
        widget=forms.CheckboxSelectMultiple,
    )
    expires_in_days = forms.ChoiceField(label=_("Stops working"), choices=EXPIRY_CHOICES, required=False)
