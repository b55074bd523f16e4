"""The plain words for the time log: durations, time zones and the problems found in entries."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.wages.models import EventKind
from mizan.wages.timeline import Problem


def duration(minutes: int) -> str:
    """``7 h 30 min``; ``45 min``; ``8 h``."""
    minutes = max(0, int(minutes))
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
    if hours:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(minutes)s min") % {"minutes": rest}


def kind_label(code: str) -> str:
    try:
        return str(EventKind(code).label)
    except ValueError:
        return code


def _int(params: dict[str, Any], name: str) -> int:
    value = params.get(name)
    return value if isinstance(value, int) else 0


def place(zone: str) -> str:
    """``Asia/Hong_Kong`` -> ``Hong Kong``: the city a time zone is named after."""
    return zone.rsplit("/", 1)[-1].replace("_", " ") if zone else "UTC"


def _zone_sentence(params: dict[str, Any]) -> str:
    difference = _int(params, "difference")
    values = {
        "phone": place(str(params.get("phone_zone") or "")) if params.get("phone_zone") else _("another"),
        "workplace": place(str(params.get("workplace_zone") or "")),
        "difference": duration(abs(difference)),
    }
    if difference > 0:
        text = _(
            "Your phone was on %(phone)s time, %(difference)s ahead of %(workplace)s time where you work. "
            "We show every time in %(workplace)s time, so it may look different from your phone. "
            "The hours counted are the same."
        )
    else:
        text = _(
            "Your phone was on %(phone)s time, %(difference)s behind %(workplace)s time where you work. "
            "We show every time in %(workplace)s time, so it may look different from your phone. "
            "The hours counted are the same."
        )
    return text % values


def problem_text(problem: Problem, kind_of_other: str = "") -> str:
    params = problem.params
    code = problem.code
    if code == "end_before_start":
        return _(
            "The end is before the start. The phone's clock may have changed while this was running. "
            "Please correct the times. Until then this entry is not counted."
        )
    if code == "future":
        return _(
            "This entry is in the future. Check the date and time, then correct it. "
            "Until then it is not counted."
        )
    if code == "phone_clock_ahead":
        return _(
            "Your phone's clock was ahead of the real time when you wrote this. "
            "Check that the times are right."
        )
    if code == "zone_differs":
        return _zone_sentence(params)
    if code == "zone_name_differs":
        return _(
            "Your phone was on %(phone)s time, not %(workplace)s time. Both show the same hour, "
            "so nothing changes. We always count in %(workplace)s time."
        ) % {
            "phone": place(str(params.get("phone_zone") or "")),
            "workplace": place(str(params.get("workplace_zone") or "")),
        }
    if code == "clock_changed":
        return _(
            "The clocks were changed during this entry (by %(difference)s). We counted the real time that "
            "passed, not what the clock shows."
        ) % {"difference": duration(abs(_int(params, "difference")))}
    if code == "running_long":
        return _(
            "This has been running for %(duration)s. Did you forget to press Stop? "
            "If so, correct the end time."
        ) % {"duration": duration(_int(params, "minutes"))}
    if code == "long":
        return _("This entry is %(duration)s long. Check that the times are right.") % {
            "duration": duration(_int(params, "minutes"))
        }
    if code == "overlap":
        return _(
            "This entry overlaps another one (%(kind)s). "
            "That time is counted twice until you correct one of them."
        ) % {"kind": kind_of_other or kind_label(str(params.get("kind") or ""))}
    if code == "forked":
        return _(
            "This entry was changed in two places at the same time. "
            "Both versions are kept: delete the wrong one."
        )
    return _("Check this entry.")


def problems_of(problems: list[Problem]) -> list[str]:
    seen: set[str] = set()
    texts = []
    for problem in problems:
        text = problem_text(problem)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def weekly_rest_text(longest_minutes: int | None) -> str:
    if longest_minutes is None:
        return _("No work written down this week.")
    if longest_minutes >= 24 * 60:
        return _("You had at least one rest of 24 hours in a row this week.")
    return ngettext(
        "You did not have a rest of 24 hours in a row this week. Your longest rest was %(hours)s hour.",
        "You did not have a rest of 24 hours in a row this week. Your longest rest was %(hours)s hours.",
        longest_minutes // 60,
    ) % {"hours": longest_minutes // 60}
