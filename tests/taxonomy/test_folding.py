"""``fold``: any script to plain lower-case Latin words."""

from __future__ import annotations

import pytest

from mizan.taxonomy.folding import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Café-Owner", "cafe owner"),
        ("  HOUSE   maid!! ", "house maid"),
        ("\uff37\uff25\uff2c\uff24\uff25\uff32", "welder"),  # full-width letters
        ("वेल्डर", "veldr"),
        ("ওয়েল্ডার", "oyeldar"),  # the transliteration's inner apostrophe is dropped, not a word break
        ("عاملة منزلية", "mlh mnzlyh"),
        ("", ""),
        ("—!?", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["Café-Owner", "घरेलु कामदार", "ช่างเชื่อม", "ဂဟေဆော်သူ", "ගෘහ සේවිකාව"])
def test_fold_is_stable(text: str) -> None:
    folded = fold(text)
    assert folded
    assert folded.isascii()
    assert fold(folded) == folded
