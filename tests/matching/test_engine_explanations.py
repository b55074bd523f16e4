"""Explanations: one sentence per component, keys that exist, parameters that fill them, plain English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mizan.matching.engine import MESSAGES, MatchIndex, OccupationClaim, render
from mizan.matching.engine.explain import FILTER_REASONS
from tests.matching.engine_support import profile, vacancy

ENGINE = Path(__file__).resolve().parents[2] / "mizan" / "matching" / "engine"


def explanation(worker=None, job=None):
    result = MatchIndex.build([worker or profile()]).workers_for(job or vacancy(), 1)
    return result.results[0].explanation


def sentences(worker=None, job=None) -> dict[str, str]:
    return {c.code: render(c.message, c.params) for c in explanation(worker, job).components}


def test_every_component_reads_as_a_sentence() -> None:
    words = sentences(profile(skill_ids=(1, 2, 3), languages={"ne": 3}))
    assert words == {
        "occupation": "Same occupation as the job.",
        "essential_skills": "Skills the job needs: has 3 of 4.",
        "optional_skills": "Extra skills that help in the job: has 0 of 2.",
        "experience": "Years of work in this kind of occupation: 4.",
        "languages": "Does not yet speak well enough: English.",
        "certificates": "Certificates checked with whoever issued them: 1.",
        "preferences": "Wants to work in Qatar and wants this kind of work.",
    }


def test_missing_skills_and_the_matched_occupation_are_given() -> None:
    claims = (OccupationClaim("5120.1", "5120", 9.0), OccupationClaim("7212.1", "7212", 2.5))
    found = explanation(profile(occupations=claims, skill_ids=(2, 4)))
    assert found.missing_skill_ids == (1, 3)
    assert found.matched_occupation == "7212.1"
    words = {c.code: render(c.message, c.params) for c in found.components}
    assert words["occupation"] == "A very similar occupation (the same ISCO group 7212)."
    assert words["experience"] == "Years of work in this kind of occupation: 2.5."


def test_sentences_for_the_other_cases() -> None:
    minor = sentences(profile(occupations=(OccupationClaim("7214.2", "7214", 0.0),)))
    assert minor["occupation"] == "A related occupation (the same wider ISCO group 721)."
    assert minor["experience"] == "No years of work in this kind of occupation listed."
    other = sentences(profile(occupations=(OccupationClaim("5120.1", "5120", 3.0),), skill_ids=(1,)))
    assert other["occupation"] == "A different kind of occupation."
    none = sentences(profile(skill_ids=()), vacancy(optional_skill_ids=(), languages_needed={}))
    assert none["essential_skills"] == "No skills listed in the profile yet."
    assert none["optional_skills"] == "The job lists no extra skills."
    assert none["languages"] == "The job needs no particular language."
    assert sentences(profile(), vacancy(esco_code=None, isco_unit=None))["occupation"] == (
        "The job gives no occupation, so this was not compared."
    )
    assert sentences(profile(), vacancy(essential_skill_ids=()))["essential_skills"] == (
        "The job lists no skills it needs."
    )
    prefs = sentences(profile(destinations=frozenset({"SA"}), sectors=frozenset({"care"})))
    assert prefs["preferences"] == "Chose other countries and other kinds of work."


def test_render_translates_template_and_labels() -> None:
    catalogue = {
        "Does not yet speak well enough: {languages}.": "Abhi nahin: {languages}.",
        "English": "Angrezi",
    }

    def translate(text: str) -> str:
        return catalogue.get(text, text)

    text = render("matching.languages.some", {"languages": "en,ar,xx"}, translate)
    assert text == "Abhi nahin: Angrezi, Arabic, xx."
    assert render("no.such.key", {}) == "no.such.key"
    assert render("matching.skills_essential", {}) == MESSAGES["matching.skills_essential"]


def _keys_in_source() -> set[str]:
    found: set[str] = set()
    for path in ENGINE.glob("*.py"):
        if path.name != "messages.py":
            found |= set(re.findall(r'"(matching\.[a-z_]+(?:\.[a-z_]+)*)"', path.read_text(encoding="utf-8")))
    return found


def test_every_key_the_engine_uses_has_a_sentence() -> None:
    used = _keys_in_source() | set(FILTER_REASONS)
    assert used, "no keys found"
    assert sorted(used - set(MESSAGES)) == []
    # And no sentence is left unused.
    assert sorted(set(MESSAGES) - used) == []


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_sentences_are_short_and_end_with_a_full_stop(key: str) -> None:
    text = MESSAGES[key]
    assert text.endswith("."), key
    assert len(text) <= 120, key
