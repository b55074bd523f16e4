"""taxonomy/common_occupations.yaml: the curated kinds of work and their titles in all 12 languages."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
import yaml

from mizan.common.languages import LANGUAGES
from mizan.taxonomy.services import DEFAULT_COMMON_FILE, DEFAULT_SOURCE
from mizan.taxonomy.source import CLASSIFICATION_ZIP, GROUPS

ENTRIES = yaml.safe_load(DEFAULT_COMMON_FILE.read_text(encoding="utf-8"))["occupations"]
CODES = [str(entry["code"]) for entry in ENTRIES]


def esco_codes() -> dict[str, str]:
    with (
        zipfile.ZipFile(DEFAULT_SOURCE / CLASSIFICATION_ZIP) as zipped,
        zipped.open("occupations_en.csv") as raw,
    ):
        return {row["code"]: row["preferredLabel"] for row in csv.DictReader(io.TextIOWrapper(raw, "utf-8"))}


def test_the_list_is_about_sixty_distinct_occupations_that_exist_in_esco() -> None:
    assert 55 <= len(CODES) <= 80
    assert len(set(CODES)) == len(CODES)
    known = esco_codes()
    assert [code for code in CODES if code not in known] == []
    for code, label in [
        ("9111.1", "domestic cleaner"),
        ("5152.2", "domestic housekeeper"),
        ("7212.3", "welder"),
        ("9313.1", "building construction worker"),
        ("5414.1", "security guard"),
    ]:
        assert code in CODES
        assert known[code] == label


def test_the_header_says_the_translations_are_the_projects_own() -> None:
    header = DEFAULT_COMMON_FILE.read_text(encoding="utf-8").split("occupations:", 1)[0]
    assert "THE TRANSLATIONS ARE THE PROJECT'S OWN" in header


@pytest.mark.parametrize("entry", ENTRIES, ids=CODES)
def test_every_occupation_has_a_title_in_all_twelve_languages(entry: dict[str, object]) -> None:
    assert entry["group"] in GROUPS
    for language in LANGUAGES:
        names = entry.get(language.code)
        assert isinstance(names, list), f"{entry['code']} has no {language.code} names"
        assert names, f"{entry['code']} has no {language.code} title"
        assert all(isinstance(name, str) and name.strip() for name in names)
        assert len(names[0]) <= 200
    english = entry["en"][0]  # type: ignore[index]
    for language in LANGUAGES:
        if language.code not in {
            "en",
            "fil",
            "id",
            "ms",
        }:  # Latin-script languages may borrow the English word
            title = entry[language.code][0]  # type: ignore[index]
            assert title != english, f"{entry['code']} {language.code} title is the English one"
            assert not title.isascii(), f"{entry['code']} {language.code} title is not in its own script"


def test_titles_are_written_as_workers_say_them() -> None:
    by_code = {str(entry["code"]): entry for entry in ENTRIES}
    assert by_code["9111.1"]["ne"][0] == "घरेलु कामदार"
    assert by_code["9111.1"]["ar"][0] == "عامل/عاملة منزلية"
    assert by_code["9111.1"]["fil"][0] == "Kasambahay"
