"""The engine's results in the reader's language: explanations, notes, reasons, empty states.

The engine speaks in message keys with parameters (``mizan.matching.engine.messages``, whose English
templates are collected by ``makemessages`` through ``gettext_noop``); here they are rendered with
``gettext`` in the active language, as ``mizan.compliance.presenting`` does for findings. Codes in the
parameters (countries, languages) become names in the reader's language. Call inside the reader's
language (views and the API already are).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.common import formatting
from mizan.common.countries import country_name
from mizan.matching.engine.explain import Explanation
from mizan.matching.engine.messages import LABELS, MESSAGES, render
from mizan.matching.engine.records import Note

# Strength of a match in words, from the score (points of 100): the page shows words, not decimals.
STRONG, GOOD = 70.0, 45.0
STRENGTHS = {
    "strong": _("Strong match"),
    "good": _("Good match"),
    "partial": _("Partial match"),
}
PAY_FILTER = "matching.filter.pay"
PAY_UNCHECKED = _("The pay could not be compared with the worker's own minimum (no exchange rate).")
NOBODY_OPTED_IN = _(
    "No worker has turned on job matching yet. Workers choose for themselves whether recruiters may "
    "find them."
)
NOT_PUBLISHED = _("This job is not on the job board. Publish it first: only then can workers be invited.")
NONE_RELATED = _(
    "Some workers meet the conditions of this job, but none has done this kind of work or has its skills."
)
POINTS = _("%(points)s of %(max_points)s points")


# A recruiter reads language levels without "own language": whose mother tongue a language is would hint at
# where the worker comes from, and no job asks for more than "speaks well" (convert.LANGUAGE_LEVELS).
RECRUITER_LANGUAGE_LEVELS = {
    0: _("a few words"),
    1: _("can talk"),
    2: _("speaks well"),
    3: _("speaks well"),
}


def recruiter_level(level: int) -> int:
    return min(int(level), 2)


def recruiter_level_label(level: int) -> str:
    return str(RECRUITER_LANGUAGE_LEVELS.get(recruiter_level(level), RECRUITER_LANGUAGE_LEVELS[0]))


def strength(score: float) -> str:
    return "strong" if score >= STRONG else "good" if score >= GOOD else "partial"


def strength_label(score: float) -> str:
    return str(STRENGTHS[strength(score)])


def _localised(params: Mapping[str, str]) -> dict[str, str]:
    """Country and language codes the engine's labels do not know, as names (the rest: ``render``)."""
    found = {}
    for name, value in params.items():
        if name == "country" and value and value not in LABELS["country"]:
            value = country_name(value)
        elif name == "languages":
            value = ",".join(
                code if code in LABELS["languages"] else formatting.language_name(code)
                for code in value.split(",")
                if code
            )
        found[name] = value
    return found


def text(code: str, params: Mapping[str, str] | None = None) -> str:
    """One engine message in the reader's language (an unknown key is shown as it is)."""
    return render(code, _localised(params or {}), translate=gettext)


def note_text(note: Note) -> str:
    return text(note.code, note.params)


def is_engine_message(code: str) -> bool:
    return code in MESSAGES


def points_text(points: float, max_points: float, locale: Locale | None = None) -> str:
    found = locale or formatting.current_locale()
    return gettext(str(POINTS)) % {
        "points": format_decimal(Decimal(str(round(points, 1))), locale=found),
        "max_points": format_decimal(Decimal(str(round(max_points, 1))), locale=found),
    }


@dataclass(frozen=True)
class Line:
    code: str  # the component: occupation, essential_skills, …
    text: str
    points: float
    max_points: float
    points_text: str


@dataclass(frozen=True)
class ExplanationView:
    lines: tuple[Line, ...]  # why the score is what it is, one line per part
    checks: tuple[str, ...]  # the yes/no checks passed
    missing_skills: tuple[str, ...]  # skills the job needs that the profile does not list
    essential_covered: int
    essential_total: int


def explanation_view(
    explanation: Explanation,
    *,
    pay_checked: bool = True,
    skill_label: Callable[[int], str | None] = lambda _id: None,
    missing_limit: int = 8,
) -> ExplanationView:
    locale = formatting.current_locale()
    lines = tuple(
        Line(
            component.code,
            text(component.message, component.params),
            component.points,
            component.max_points,
            points_text(component.points, component.max_points, locale),
        )
        for component in explanation.components
    )
    checks = tuple(
        str(PAY_UNCHECKED) if note.code == PAY_FILTER and not pay_checked else note_text(note)
        for note in explanation.filters_passed
    )
    missing = [label for label in (skill_label(s) for s in explanation.missing_skill_ids) if label]
    essential = next((c for c in explanation.components if c.code == "essential_skills"), None)
    params = essential.params if essential is not None else {}
    return ExplanationView(
        lines=lines,
        checks=checks,
        missing_skills=tuple(sorted(missing, key=str.casefold)[:missing_limit]),
        essential_covered=int(params.get("covered", 0) or 0),
        essential_total=int(params.get("total", 0) or 0),
    )


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    count: int


def reasons(filtered_out: Mapping[str, int]) -> tuple[Reason, ...]:
    """Why workers (or jobs) were left out, with how many: only reasons that left someone out."""
    return tuple(Reason(code, text(code), count) for code, count in filtered_out.items() if count)


def empty_text(reason: str | None, considered: int) -> str:
    """Why a list is empty, in words."""
    if reason is None:
        return ""
    if reason == "matching.empty.no_profiles" or (reason == "matching.empty.no_eligible" and considered == 0):
        return str(NOBODY_OPTED_IN)
    if reason == "matching.empty.not_published":
        return str(NOT_PUBLISHED)
    if reason == "matching.empty.none_related":
        return str(NONE_RELATED)
    return text(reason)
