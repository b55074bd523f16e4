"""The languages Mizan speaks. Pure data: settings, templates and tests all read it from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, lower case as Django uses it
    english_name: str
    endonym: str  # the language's name in itself: what a person looks for on the chooser
    rtl: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English"),
    Language("ar", "Arabic", "العربية", rtl=True),
    Language("ne", "Nepali", "नेपाली"),
    Language("bn", "Bengali", "বাংলা"),
    Language("hi", "Hindi", "हिन्दी"),
    Language("ur", "Urdu", "اردو", rtl=True),
    Language("si", "Sinhala", "සිංහල"),
    Language("fil", "Filipino", "Filipino"),
    Language("id", "Indonesian", "Bahasa Indonesia"),
    Language("my", "Burmese", "မြန်မာ"),
    Language("ms", "Malay", "Bahasa Melayu"),
    Language("th", "Thai", "ไทย"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
DEFAULT = "en"


def is_supported(code: str | None) -> bool:
    return code in BY_CODE


def babel_locale(code: str) -> str:
    """Babel's name for a Django language code (they agree for all twelve, kept as one place to change)."""
    return code.replace("-", "_")
