"""Every text the calculator can produce has an English template, and every template renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

from mizan.wages.engine import LABELS, MESSAGES, render, unknown_params

ENGINE = Path(__file__).resolve().parents[2] / "mizan" / "wages" / "engine"
SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in sorted(ENGINE.glob("*.py")))


def test_every_literal_message_key_has_a_template() -> None:
    keys = set(re.findall(r'"(wages\.(?:line|deduction|headline)\.[a-z_.]+)"', SOURCE))
    assert keys, "no keys found: the pattern is wrong"
    missing = sorted(key for key in keys if key not in MESSAGES and not key.endswith("."))
    assert missing == []


def test_every_problem_code_has_a_template() -> None:
    codes = set(re.findall(r'Problem\(\s*"([a-z_]+)"', SOURCE)) | set(
        re.findall(r'\.add\(\s*"([a-z_]+)"', SOURCE)
    )
    assert {"overlap", "future", "timezone_differs", "clock_change", "no_rate"} <= codes
    assert sorted(code for code in codes if f"wages.problem.{code}" not in MESSAGES) == []


def test_every_could_not_check_code_has_a_template() -> None:
    codes = set(re.findall(r'cannot_check\(\s*"([a-z_]+)', SOURCE))
    codes |= {"minimum_wage", "hours", "overtime", "weekly_rest", "rest_day_pay", "holidays", "holiday_pay"}
    codes |= {"scope", "destination", "currency", "allowance_provided", "signing_date"}
    missing = [code for code in sorted(codes) if unknown_params(code, "HK")[0] not in MESSAGES]
    assert missing == []


def test_law_notes_have_a_line_template() -> None:
    notes = set(re.findall(r'Sourced\("([a-z_]+)", by_signing', SOURCE))
    assert notes == {"minimum_by_signing_date", "signing_date_needed"}
    assert "wages.line.minimum_by_signing_date" in MESSAGES


def test_every_template_renders_with_its_own_placeholders() -> None:
    for key, template in MESSAGES.items():
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
        params = {name: next(iter(LABELS[name])) if name in LABELS else "HKD 10.00" for name in names}
        text = render(key, params)
        assert "{" not in text, key
        assert text.strip(), key


def test_labels_turn_codes_into_words() -> None:
    assert render(
        "wages.line.allowance.law", {"allowance": "food", "minimum": "HKD 1236.00", "country": "HK"}
    ) == ("In HK you must get food free or at least HKD 1,236.00 a month for it.")
    assert render("wages.could_not_check", {"what": "sick pay"}) == "Could not check: sick pay."
