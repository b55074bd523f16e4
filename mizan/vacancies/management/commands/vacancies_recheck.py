"""``mizan vacancies_recheck [--on DATE]``: check every published vacancy against the rule packs in force
that day; take those now against the rules (or whose poster may no longer recruit) off the job board and
email their owners. Meant for a daily schedule, like ``mizan rulepacks_review``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.vacancies.recheck import vacancies_recheck


def _day(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on: {text!r} is not a date (YYYY-MM-DD)") from None
    if not dt.date(1990, 1, 1) <= day <= dt.date(2100, 12, 31):
        raise CommandError(f"--on: {text} is outside 1990-2100")
    return day


class Command(BaseCommand):
    help = "Check published vacancies against the rules in force; unpublish those now against the rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--on", default=None, help="the day whose rules apply (YYYY-MM-DD; default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = _day(options["on"]) if options["on"] else dt.date.today()
        summary = vacancies_recheck(on=day)
        for vacancy in summary.unpublished:
            self.stdout.write(f"unpublished {vacancy.id} ({vacancy.destination}): {vacancy.title}")
        self.stdout.write(
            f"{summary.checked} published vacancies checked against the rules of {day}; "
            f"{len(summary.unpublished)} taken off the job board."
        )
