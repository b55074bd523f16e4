from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mizan.accounts.phones import region_choices
from mizan.common.widgets import LongSelect

# A sensible first guess for the phone's country from the language chosen; the person can change it.
REGION_FOR_LANGUAGE = {
    "ne": "NP", "bn": "BD", "hi": "IN", "ur": "PK", "si": "LK", "fil": "PH",
    "id": "ID", "my": "MM", "ms": "MY", "th": "TH", "ar": "SA",
}  # fmt: skip


class PhoneForm(forms.Form):
    region = forms.ChoiceField(label=_("Country of your phone number"), widget=LongSelect)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["region"])
        field.choices = region_choices()
        field.initial = REGION_FOR_LANGUAGE.get(get_language() or "", settings.MIZAN_DEFAULT_PHONE_REGION)


def _code_widget() -> forms.TextInput:
    """A short code typed from a message or an app: numeric keypad, autofill, left to right."""
    return forms.TextInput(
        attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "code-input", "dir": "ltr"}
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the message"),
        max_length=12,
        widget=_code_widget(),
    )


def _pin_widget(autocomplete: str) -> forms.PasswordInput:
    return forms.PasswordInput(
        attrs={"inputmode": "numeric", "autocomplete": autocomplete, "class": "code-input", "dir": "ltr"}
    )


class PinSetForm(forms.Form):
    pin = forms.CharField(
        label=_("New PIN (4 to 6 numbers)"), max_length=6, widget=_pin_widget("new-password")
    )
    pin_again = forms.CharField(
        label=_("Type the PIN again"), max_length=6, widget=_pin_widget("new-password")
    )


class PinSignInForm(PhoneForm):
    pin = forms.CharField(label=_("PIN"), max_length=6, widget=_pin_widget("current-password"))


class StaffSignInForm(forms.Form):
    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        max_length=16,
        widget=_code_widget(),
    )


class NameForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
