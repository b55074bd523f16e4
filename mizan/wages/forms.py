"""Forms of the time log. Times are typed as the workplace clock shows them and turned into instants in
the workplace's time zone, so a phone set to home time cannot shift them."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.wages import timeline
from mizan.wages.models import WHOLE_DAY_KINDS, EventKind
from mizan.wages.services.events import NOTE_MAX, EntryFields


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class EntryForm(forms.Form):
    """An entry written after the fact (or corrected). ``zone`` is the workplace's time zone."""

    kind = forms.ChoiceField(label=_("What was it?"), choices=EventKind.choices)
    day = forms.DateField(label=_("Day"), widget=DateInput())
    start = forms.TimeField(
        label=_("From"),
        required=False,
        widget=TimeInput(),
        help_text=_("Leave the times empty for a whole day off or sick day."),
    )
    end = forms.TimeField(
        label=_("To"),
        required=False,
        widget=TimeInput(),
        help_text=_("If you stopped after midnight, write that time: it is counted on the next day."),
    )
    note = forms.CharField(
        label=_("Note (private: it is shown only to you and in proofs you make)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.notices: list[str] = []

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        kind, day = data.get("kind"), data.get("day")
        start, end = data.get("start"), data.get("end")
        if not kind or not day:
            return data
        if start is None and end is None:
            if kind not in WHOLE_DAY_KINDS:
                raise forms.ValidationError(_("Write when it started and when it ended."))
            data["starts_at"], data["ends_at"] = timeline.day_bounds(day, timeline.zone_or_utc(self.zone))
            return data
        if start is None or end is None:
            raise forms.ValidationError(_("Write both times, or leave both empty for a whole day."))
        end_day = day + dt.timedelta(days=1) if end <= start else day
        starts_at, odd_start = timeline.local_instant(day, start, self.zone)
        ends_at, odd_end = timeline.local_instant(end_day, end, self.zone)
        for odd in {odd_start, odd_end} - {""}:
            self.notices.append(
                str(
                    _("The clocks were moved forward that night, so one of these times did not exist.")
                    if odd == "gap"
                    else _(
                        "The clocks were moved back that night, so one of these times came twice. "
                        "We took the first."
                    )
                )
            )
        data["starts_at"], data["ends_at"] = starts_at, ends_at
        return data

    def entry(self) -> EntryFields:
        data = self.cleaned_data
        return EntryFields(
            kind=data["kind"], starts_at=data["starts_at"], ends_at=data["ends_at"], note=data["note"]
        )


def entry_initial(
    *, kind: str, starts_at: dt.datetime, ends_at: dt.datetime | None, note: str, zone: str
) -> dict[str, Any]:
    tz = timeline.zone_or_utc(zone)
    start = starts_at.astimezone(tz)
    initial: dict[str, Any] = {"kind": kind, "day": start.date(), "note": note}
    if kind in WHOLE_DAY_KINDS and ends_at is not None and (start.time() == dt.time(0)):
        return initial
    initial["start"] = start.time().replace(second=0, microsecond=0)
    if ends_at is not None:
        initial["end"] = ends_at.astimezone(tz).time().replace(second=0, microsecond=0)
    return initial


class DayForm(forms.Form):
    """``?date=2026-10-03`` on the day and week pages."""

    date = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
