"""Forms of the matching pages: the recruiter's invitation (with the reason they must give) and the
worker's answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.matching.services import REASON_MAX


class InviteForm(forms.Form):
    handle = forms.CharField(max_length=32, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why do you invite this worker?"),
        help_text=_("A short reason in your own words. The worker will read it."),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_MAX}),
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("accept", _("Yes, I am interested")), ("decline", _("No, thank you"))]
    )
