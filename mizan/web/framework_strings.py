"""Django's own messages that people see on Mizan's pages, listed so they enter Mizan's catalogue.

Django ships no Sinhala or Filipino translations, and its wording is not always plain. Listing these
messages here lets makemessages extract them, so every language has them, in Mizan's plain words; at run
time Django looks in Mizan's catalogue first. Nothing calls this function.
"""

from django.utils.translation import gettext_noop, ngettext


def _catalogue() -> None:  # pragma: no cover - read by makemessages, never run
    gettext_noop("This field is required.")
    gettext_noop("Enter a valid email address.")
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices.")
    gettext_noop("Email")
    gettext_noop("New password")
    gettext_noop("New password confirmation")
    gettext_noop("The two password fields didn’t match.")
    gettext_noop("This password is too common.")
    gettext_noop("This password is entirely numeric.")
    gettext_noop("The password is too similar to the %(verbose_name)s.")
    gettext_noop("Your password can’t be too similar to your other personal information.")
    gettext_noop("Your password can’t be a commonly used password.")
    gettext_noop("Your password can’t be entirely numeric.")
    ngettext(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        12,
    )
    ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        12,
    )
    ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        12,
    )
