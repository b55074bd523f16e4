"""The lists a worker chooses from, with plain labels: kinds of work (sectors), languages, currencies."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mizan.common.countries import currency_name
from mizan.common.formatting import language_name
from mizan.compliance.engine.terms import Sector

# The same codes as a job offer's sector (mizan.compliance), so matching compares like with like.
SECTOR_LABELS: dict[str, Promise] = {
    Sector.DOMESTIC_WORK: _("Work in a family home"),
    Sector.CONSTRUCTION: _("Building and construction"),
    Sector.MANUFACTURING: _("Factory work"),
    Sector.AGRICULTURE: _("Farm work"),
    Sector.FISHING: _("Fishing"),
    Sector.HOSPITALITY: _("Hotels and restaurants"),
    Sector.CARE: _("Caring for old or sick people"),
    Sector.SERVICES: _("Shops, cleaning, security and other services"),
    Sector.OTHER: _("Other work"),
}
SECTORS: tuple[str, ...] = tuple(str(code) for code in SECTOR_LABELS)


def sector_choices() -> list[tuple[str, str]]:
    return [(str(code), str(label)) for code, label in SECTOR_LABELS.items()]


# Languages migrant workers commonly speak, offered on the page (the API takes any BCP 47 language).
COMMON_LANGUAGES: tuple[str, ...] = (
    "en", "ar", "ne", "hi", "bn", "ur", "si", "ta", "te", "ml", "kn", "mr", "gu", "pa", "or", "as",
    "mai", "bho", "new", "fil", "ceb", "ilo", "hil", "id", "jv", "su", "ms", "my", "shn", "rhg", "th",
    "lo", "km", "vi", "zh", "yue", "ja", "ko", "ru", "uz", "tg", "ky", "kk", "fa", "ps", "tr", "am",
    "ti", "om", "so", "sw", "fr", "pt", "es", "dv",
)  # fmt: skip


def language_choices() -> list[tuple[str, str]]:
    """(code, name in the reader's language), sorted by name."""
    return sorted(
        ((code, language_name(code)) for code in COMMON_LANGUAGES), key=lambda pair: pair[1].casefold()
    )


# Currencies of the destinations and origins Mizan serves first; the API takes any ISO 4217 code.
COMMON_CURRENCIES: tuple[str, ...] = (
    "QAR", "SAR", "AED", "KWD", "OMR", "BHD", "MYR", "SGD", "HKD", "TWD", "KRW", "JPY", "ILS", "JOD",
    "LBP", "USD", "EUR", "GBP", "NPR", "INR", "BDT", "PKR", "LKR", "PHP", "IDR", "MMK", "THB", "VND",
)  # fmt: skip


def currency_choices() -> list[tuple[str, str]]:
    return [(code, f"{currency_name(code)} ({code})") for code in COMMON_CURRENCIES]
