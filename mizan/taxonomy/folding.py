"""Fold text in any script to plain lower-case Latin words, so that searches match across scripts,
case, accents and punctuation: ``fold("Café-Owner")`` is ``"cafe owner"``, ``fold("वेल्डर")`` is
``"veldr"``. Pure: no Django. Reused wherever names are searched (occupations, recruiters)."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Marks that transliterations put inside words (Arabic ain as `, Bengali y' …): dropped, not word breaks.
_INNER = re.compile("['`\u2019\u02bc]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; "" for text with no letters or digits."""
    # NFKC first so compatibility forms (full-width letters, ligatures) transliterate like their plain ones.
    latin = anyascii(unicodedata.normalize("NFKC", text)).casefold()
    return _NON_WORD.sub(" ", _INNER.sub("", latin)).strip()
