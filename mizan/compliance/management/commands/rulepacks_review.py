"""``mizan rulepacks_review [--on DATE]``: alert authorities about packs past their review date. Meant for a
daily schedule; an alert is made once per pack version, so running it again adds nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mizan.compliance.services import review_alerts_create


class Command(BaseCommand):
    help = "Create review alerts (and email the authority's admins) for pack versions past review_by."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="the day (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        created = review_alerts_create(on=options["on"] or dt.date.today())
        for alert in created:
            self.stdout.write(
                f"{alert.jurisdiction} {alert.pack_id} {alert.version}: review was due {alert.review_by}"
            )
        self.stdout.write(f"{len(created)} new review alert(s).")
