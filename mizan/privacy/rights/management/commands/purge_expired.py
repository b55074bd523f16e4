"""``mizan purge_expired``: the daily retention run (docs/privacy/rights.md, docs/operations.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mizan.privacy.rights.services.purge import purge_expired


class Command(BaseCommand):
    help = (
        "Delete what has outlived its retention period (MIZAN_RETENTION_DAYS_*), finish erasures whose "
        "legal holds ended, erase accounts unused for years. Safe to run again; prints counts only."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = purge_expired()
        for step, count in report.counts.items():
            self.stdout.write(f"{step}: {count}")
        if not report.ok:
            failed = ", ".join(f"{step} ({count})" for step, count in report.failures.items())
            raise CommandError(f"Some steps failed and will be tried again on the next run: {failed}")
        self.stdout.write(self.style.SUCCESS("Purge done."))
