"""Bad or awkward time entries: overlaps, entries in the future or back to front, times without a zone, a
phone on another time zone, clock changes. Each is counted once, in workplace time, and explained."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from mizan.wages.engine import ContractTerms, Entry, EntryKind, Payment, PayPeriod, Period, calculate, render
from tests.wages.test_engine_support import NOW, at, law, money, problems, run

HK = "Asia/Hong_Kong"
WEEK = Period(dt.date(2026, 3, 2), dt.date(2026, 3, 8), HK)
MONDAY = dt.date(2026, 3, 2)


def terms() -> ContractTerms:
    return ContractTerms(
        pay=money("5100", "HKD"),
        pay_period=PayPeriod.MONTH,
        normal_hours_per_day=Decimal(8),
        rest_days_per_week=1,
        overtime_rate=Decimal("1.5"),
    )


def hk(entries: list[Entry], **kwargs: object):  # type: ignore[no-untyped-def]
    return run(entries, terms(), WEEK, law("HK", "domestic_work", WEEK.start), **kwargs)


def work(entry_id: str, start: dt.datetime, end: dt.datetime, kind: EntryKind = EntryKind.WORK) -> Entry:
    return Entry(entry_id, kind, start, end)


def test_overlapping_entries_count_once_and_the_later_one_wins() -> None:
    first = work("a", at(HK, MONDAY, 8), at(HK, MONDAY, 12))
    second = work("b", at(HK, MONDAY, 11, 30), at(HK, MONDAY, 14))  # 30 minutes over "a"
    statement = hk([first, second])
    assert statement.hours["worked"] == Decimal(6)  # 08:00-14:00, not 6.5
    (overlap,) = [p for p in statement.problems if p.code == "overlap"]
    assert overlap.entry_ids == ("a", "b")
    assert overlap.params == {"kept": "b", "dropped": "a", "minutes": "30"}
    assert "30 minutes" in render(overlap.message_key, overlap.params)


def test_work_logged_over_rest_keeps_the_later_entry_and_says_so() -> None:
    rest = work("rest", at(HK, MONDAY, 0), at(HK, MONDAY + dt.timedelta(days=1), 0), EntryKind.DAY_OFF)
    later_work = work("w", at(HK, MONDAY, 10), at(HK, MONDAY, 12))
    statement = hk([rest, later_work])
    assert statement.hours["worked"] == Decimal(2)
    assert problems(statement)["overlap"] == ("rest", "w")
    # The other way round the day off, recorded later, wins over the work.
    statement = hk([later_work, rest])
    assert statement.hours["worked"] == 0
    assert problems(statement)["overlap"] == ("w", "rest")


def test_a_meal_break_inside_a_shift_is_not_a_problem() -> None:
    shift = work("w", at(HK, MONDAY, 8), at(HK, MONDAY, 18))
    meal = work("m", at(HK, MONDAY, 12), at(HK, MONDAY, 13), EntryKind.MEAL_BREAK)
    statement = hk([meal, shift])  # the break wins whatever the order
    assert statement.hours["worked"] == Decimal(9)
    assert statement.hours["overtime_contract"] == Decimal(1)
    assert statement.problems == ()


def test_entries_in_the_future_are_left_out_and_named() -> None:
    now = at(HK, MONDAY, 12)
    past = work("past", at(HK, MONDAY, 7), at(HK, MONDAY, 9))
    running = work("running", at(HK, MONDAY, 10), at(HK, MONDAY, 14))
    future = work(
        "future", at(HK, MONDAY + dt.timedelta(days=1), 8), at(HK, MONDAY + dt.timedelta(days=1), 12)
    )
    statement = calculate(
        entries=[past, running, future],
        terms=terms(),
        period=WEEK,
        law=law("HK", "domestic_work", WEEK.start),
        now=now,
    )
    assert statement.hours["worked"] == Decimal(4)  # 2 + the 2 hours of "running" before noon
    found = problems(statement)
    assert found["future"] == ("future",)
    assert found["future_part"] == ("running",)
    assert found["period_not_over"] == ()
    assert statement.counted_until == MONDAY
    # The basic pay counts the days up to today: 5,100 x 1/31 = 164.52.
    assert statement.totals.due_contract == Decimal("164.52")


def test_back_to_front_and_outside_entries_are_not_counted() -> None:
    backwards = work("backwards", at(HK, MONDAY, 12), at(HK, MONDAY, 8))
    empty = work("empty", at(HK, MONDAY, 12), at(HK, MONDAY, 12))
    outside = work("outside", at(HK, dt.date(2026, 2, 27), 8), at(HK, dt.date(2026, 2, 27), 12))
    straddle = work("straddle", at(HK, dt.date(2026, 3, 1), 22), at(HK, MONDAY, 2))
    statement = hk([backwards, empty, outside, straddle])
    found = problems(statement)
    assert found["bad_range"] == ("backwards", "empty")
    assert found["outside_period"] == ("outside",)
    assert found["partly_outside"] == ("straddle",)
    assert statement.hours["worked"] == Decimal(2)  # 00:00-02:00 on the first day


def test_a_time_without_a_zone_is_read_as_workplace_time() -> None:
    naive = work("naive", dt.datetime(2026, 3, 2, 8), dt.datetime(2026, 3, 2, 12))
    statement = hk([naive])
    assert statement.hours["worked"] == Decimal(4)
    assert problems(statement)["no_offset"] == ("naive",)


def test_a_phone_on_home_time_is_converted_to_workplace_time() -> None:
    # The phone is on Nepal time (UTC+05:45); 05:15 in Kathmandu is 07:30 in Hong Kong.
    kathmandu = ZoneInfo("Asia/Kathmandu")
    start = dt.datetime(2026, 3, 2, 5, 15, tzinfo=kathmandu)
    entry = work("np", start, start + dt.timedelta(hours=10))
    statement = hk([entry])
    assert statement.hours["worked"] == Decimal(10)
    (problem,) = [p for p in statement.problems if p.code == "timezone_differs"]
    assert problem.entry_ids == ("np",)
    assert problem.params == {"entry_offset": "UTC+05:45", "workplace_offset": "UTC+08:00", "zone": HK}
    # The day is the Hong Kong day, and 2 hours are over the contract's 8 a day.
    assert statement.hours["overtime_contract"] == Decimal(2)


def test_a_phone_on_a_zone_that_changes_its_clocks_counts_the_real_time() -> None:
    # A worker in Hong Kong whose phone is on London time: the clocks there went forward on 29 March 2026
    # at 01:00 GMT. 23:00 GMT to 09:00 BST shows 10 hours on the clock but is 9 real hours.
    london = ZoneInfo("Europe/London")
    period = Period(dt.date(2026, 3, 23), dt.date(2026, 3, 29), HK)
    entry = work(
        "night",
        dt.datetime(2026, 3, 28, 23, 0, tzinfo=london),
        dt.datetime(2026, 3, 29, 9, 0, tzinfo=london),
    )
    statement = run([entry], terms(), period, law("HK", "domestic_work", period.start))
    assert statement.hours["worked"] == Decimal(9)
    assert statement.hours["days_worked"] == Decimal(1)  # 07:00-16:00 on Sunday 29 March in Hong Kong
    assert "timezone_differs" in problems(statement)
    assert "clock_change" not in problems(statement)  # Hong Kong itself has no clock change


def test_a_clock_change_in_the_workplace_zone_is_named_and_hours_are_real() -> None:
    # A workplace with daylight saving time (Europe/London, the engine is not tied to the packs' zones):
    # a night shift from 22:00 on 28 March to 06:00 on 29 March 2026 is 7 real hours (01:00 -> 02:00).
    zone = "Europe/London"
    period = Period(dt.date(2026, 3, 23), dt.date(2026, 3, 29), zone)
    entry = work("night", at(zone, dt.date(2026, 3, 28), 22), at(zone, dt.date(2026, 3, 29), 6))
    statement = run([entry], terms(), period, law("GB", None, period.start))
    assert statement.hours["worked"] == Decimal(7)
    assert statement.hours["days_worked"] == Decimal(2)
    clock = [p for p in statement.problems if p.code == "clock_change"]
    assert [(p.params["date"], p.params["hours"]) for p in clock] == [("2026-03-29", "23")]
    assert "destination" in statement.could_not_check  # no rule pack for GB


def test_a_night_shift_is_split_at_midnight_into_two_days() -> None:
    shift = work("n", at(HK, MONDAY, 20), at(HK, MONDAY + dt.timedelta(days=1), 6))
    statement = hk([shift])
    assert statement.hours["days_worked"] == Decimal(2)
    # 4 hours on Monday, 6 on Tuesday: under 8 on each day, so no daily overtime.
    assert statement.hours["overtime_contract"] == 0


def test_a_payment_in_another_currency_without_a_rate_is_named_not_lost() -> None:
    statement = hk([], received=[Payment(money("100", "USD"), dt.date(2026, 3, 9))])
    assert statement.totals.received == 0
    (problem,) = [p for p in statement.problems if p.code == "no_rate"]
    assert problem.params["amount"] == "USD 100.00"


def test_the_same_input_gives_the_same_statement() -> None:
    entries = [
        work("a", at(HK, MONDAY, 8), at(HK, MONDAY, 20)),
        work("b", at(HK, MONDAY, 19), at(HK, MONDAY, 22)),
    ]
    first = hk(entries).to_dict()
    second = calculate(
        entries=list(entries), terms=terms(), period=WEEK, law=law("HK", "domestic_work", WEEK.start), now=NOW
    ).to_dict()
    assert first == second


def test_a_clock_change_at_midnight_in_beirut() -> None:
    # Lebanon moves its clocks from 00:00 to 01:00 on 29 March 2026: that day has 23 hours. A night shift
    # from 22:00 on the 28th to 06:00 on the 29th is 2 hours on the 28th and 5 real hours on the 29th.
    zone = "Asia/Beirut"
    period = Period(dt.date(2026, 3, 23), dt.date(2026, 3, 29), zone)
    entry = work("night", at(zone, dt.date(2026, 3, 28), 22), at(zone, dt.date(2026, 3, 29), 6))
    statement = run([entry], terms(), period, law("LB", "domestic_work", period.start))
    assert statement.hours["worked"] == Decimal(7)
    assert statement.hours["days_worked"] == Decimal(2)
    assert [
        (p.params["date"], p.params["hours"]) for p in statement.problems if p.code == "clock_change"
    ] == [("2026-03-29", "23")]
    # Lebanon's 10-hour daily maximum (LB.DW.SUC2009.HOURS) is not passed on either day.
    assert all(line.code != "over_daily_maximum" for line in statement.lines)


def test_rest_is_checked_only_once_the_week_is_over() -> None:
    # 08:00-10:00 every day: the free stretches are 22 hours, never 24 in a row, so the rest day is missed.
    entries = [
        work(f"d{n}", at(HK, MONDAY + dt.timedelta(days=n), 8), at(HK, MONDAY + dt.timedelta(days=n), 10))
        for n in range(7)
    ]
    rules = law("HK", "domestic_work", WEEK.start)

    def rest(now: dt.datetime):  # type: ignore[no-untyped-def]
        return calculate(entries=entries, terms=terms(), period=WEEK, law=rules, now=now).rest

    early = rest(at(HK, dt.date(2026, 3, 8), 12))  # Sunday noon: the week is not over, not checked
    assert early.weeks[0].complete is False
    assert early.rest_days_owed == 0
    over = rest(at(HK, dt.date(2026, 3, 9), 0))  # Monday 00:00: the week is over
    assert over.weeks[0].complete is True
    assert over.rest_days_owed == 1


def test_a_time_at_the_edge_of_the_calendar_is_refused_not_a_crash() -> None:
    edge = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    statement = hk([work("edge", edge, edge + dt.timedelta(minutes=30))])
    assert problems(statement)["bad_range"] == ("edge",)
