"""The entries as the worker sees them: problems found in plain cases, days in the workplace's zone."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from mizan.wages import timeline, wording
from mizan.wages.timeline import Entry
from tests.wages.helpers import at

NOW = at("2026-10-20 12:00")


@dataclass
class Ev:
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    utc_offset_minutes: int | None = None
    time_zone: str = ""
    recorded_at: dt.datetime | None = None
    created_at: dt.datetime = NOW
    replaces_id: uuid.UUID | None = None
    is_deletion: bool = False
    note: str = ""
    seq: int = 0
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    client_id: uuid.UUID = field(default_factory=uuid.uuid4)


def checked(*events: Ev, zone: str = "Asia/Hong_Kong") -> list[Entry]:
    entries = timeline.current_entries(events)
    timeline.check(entries, workplace_zone=zone, now=NOW)
    return entries


def codes(entry: Entry) -> set[str]:
    return {p.code for p in entry.problems}


def test_overlapping_entries_are_both_flagged_but_a_meal_inside_work_is_not() -> None:
    work = Ev("work", at("2026-10-05 08:00"), at("2026-10-05 18:00"))
    meal = Ev("meal_break", at("2026-10-05 12:00"), at("2026-10-05 12:30"))
    standby = Ev("standby", at("2026-10-05 17:00"), at("2026-10-05 22:00"))
    entries = checked(work, meal, standby)
    by_kind = {e.kind: codes(e) for e in entries}
    assert by_kind == {"work": {"overlap"}, "meal_break": set(), "standby": {"overlap"}}
    text = wording.problem_text(entries[0].problems[0])
    assert "counted twice" in text


def test_an_entry_in_the_future_is_flagged_and_not_counted() -> None:
    [entry] = checked(Ev("work", at("2026-10-25 08:00"), at("2026-10-25 10:00")))
    assert codes(entry) == {"future"}
    assert not entry.counted


def test_an_end_before_the_start_is_kept_flagged_and_not_counted() -> None:
    [entry] = checked(Ev("work", at("2026-10-05 08:00"), at("2026-10-05 07:00")))
    assert codes(entry) == {"end_before_start"}
    assert not entry.counted
    days = timeline.split_days(
        [entry],
        first=dt.date(2026, 10, 5),
        last=dt.date(2026, 10, 5),
        workplace_zone="Asia/Hong_Kong",
        now=NOW,
    )
    assert days[0].entries == [entry]
    assert days[0].minutes == {}


def test_a_phone_on_home_time_with_the_same_offset_is_explained_as_harmless() -> None:
    [entry] = checked(Ev("work", at("2026-10-05 08:00"), at("2026-10-05 10:00"), 480, "Asia/Manila"))
    assert codes(entry) == {"zone_name_differs"}
    assert "nothing changes" in wording.problem_text(entry.problems[0])


def test_a_phone_on_home_time_with_another_offset_is_explained_with_the_difference() -> None:
    # A Nepali worker in Qatar whose phone stayed on Kathmandu time (UTC+5:45, Qatar UTC+3).
    start = at("2026-10-05 08:00", "Asia/Qatar")
    [entry] = checked(
        Ev("work", start, start + dt.timedelta(hours=9), 345, "Asia/Kathmandu"), zone="Asia/Qatar"
    )
    [problem] = entry.problems
    assert problem.code == "zone_differs"
    assert problem.params["difference"] == 165
    text = wording.problem_text(problem)
    assert "Kathmandu" in text
    assert "Qatar" in text
    assert "2 h 45 min ahead" in text
    assert entry.counted  # the instants are right: the hours are the same


def test_a_clock_change_during_an_entry_is_explained_and_the_real_time_counted() -> None:
    # London: clocks go back on 25 October 2026 at 02:00 (BST -> GMT).
    start = at("2026-10-24 22:00", "Europe/London")
    end = at("2026-10-25 06:00", "Europe/London")
    [entry] = checked(Ev("work", start, end, created_at=end + dt.timedelta(days=1)), zone="Europe/London")
    assert codes(entry) == {"clock_changed"}
    days = timeline.split_days(
        [entry],
        first=dt.date(2026, 10, 24),
        last=dt.date(2026, 10, 25),
        workplace_zone="Europe/London",
        now=end + dt.timedelta(days=1),
    )
    assert [d.minutes.get("work") for d in days] == [120, 420]  # 9 real hours, though the clock says 8


def test_a_day_is_23_or_25_hours_on_clock_change_days() -> None:
    zone = timeline.zone_or_utc("Europe/London")
    starts, ends = timeline.day_bounds(dt.date(2026, 10, 25), zone)
    assert ends - starts == dt.timedelta(hours=25)
    starts, ends = timeline.day_bounds(dt.date(2026, 3, 29), zone)
    assert ends - starts == dt.timedelta(hours=23)


def test_a_typed_time_that_did_not_exist_or_came_twice_is_noticed() -> None:
    assert timeline.local_instant(dt.date(2026, 3, 29), dt.time(1, 30), "Europe/London")[1] == "gap"
    instant, odd = timeline.local_instant(dt.date(2026, 10, 25), dt.time(1, 30), "Europe/London")
    assert odd == "fold"
    assert instant == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    assert timeline.local_instant(dt.date(2026, 10, 5), dt.time(8, 0), "Asia/Hong_Kong") == (
        at("2026-10-05 08:00"),
        "",
    )


def test_an_entry_past_midnight_counts_on_both_days() -> None:
    [entry] = checked(Ev("work", at("2026-10-05 20:00"), at("2026-10-06 02:00")))
    days = timeline.split_days(
        [entry],
        first=dt.date(2026, 10, 5),
        last=dt.date(2026, 10, 6),
        workplace_zone="Asia/Hong_Kong",
        now=NOW,
    )
    assert [d.minutes["work"] for d in days] == [240, 120]


def test_an_entry_left_running_is_flagged_after_16_hours() -> None:
    [entry] = checked(Ev("work", NOW - dt.timedelta(hours=17)))
    assert codes(entry) == {"running_long"}
    assert entry.is_running
    assert "forget to press Stop" in wording.problem_text(entry.problems[0])


def test_two_versions_of_one_entry_made_apart_are_both_kept_and_flagged() -> None:
    original = Ev("work", at("2026-10-05 08:00"), at("2026-10-05 18:00"))
    one = Ev("work", at("2026-10-05 07:00"), at("2026-10-05 18:00"), replaces_id=original.id)
    other = Ev("work", at("2026-10-05 08:00"), at("2026-10-05 19:00"), replaces_id=original.id)
    entries = checked(original, one, other)
    assert {e.id for e in entries} == {one.id, other.id}
    assert all("forked" in codes(e) for e in entries)


def test_a_deletion_removes_the_entry_and_itself() -> None:
    original = Ev("work", at("2026-10-05 08:00"), at("2026-10-05 18:00"))
    deletion = Ev("work", original.starts_at, original.ends_at, replaces_id=original.id, is_deletion=True)
    assert checked(original, deletion) == []


def test_the_longest_rest_in_a_week() -> None:
    monday = dt.date(2026, 10, 5)
    events = [
        Ev("work", at(f"2026-10-{day:02d} 07:00"), at(f"2026-10-{day:02d} 21:00")) for day in range(5, 12)
    ]
    entries = checked(*events)
    zone = timeline.zone_or_utc("Asia/Hong_Kong")
    starts, ends = (
        timeline.day_bounds(monday, zone)[0],
        timeline.day_bounds(monday + dt.timedelta(days=6), zone)[1],
    )
    rest = timeline.longest_rest(entries, starts=starts, ends=ends, now=NOW)
    assert rest == dt.timedelta(hours=10)
    assert "longest rest was 10 hours" in wording.weekly_rest_text(600)
    assert timeline.longest_rest([], starts=starts, ends=ends, now=NOW) is None
