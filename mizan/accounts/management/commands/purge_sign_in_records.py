from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mizan.accounts.services import sign_in_records_purge


class Command(BaseCommand):
    help = "Delete sign-in codes older than a day and finished throttles (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = sign_in_records_purge()
        self.stdout.write(f"Deleted {deleted} old sign-in records.")
