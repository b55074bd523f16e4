"""``mizan notice_hashes``: check that each changed privacy notice got a new version; ``--write`` records."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.privacy.consent import notices


class Command(BaseCommand):
    help = "Check (or with --write, record) the fingerprint of each purpose's notice against its version."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--write", action="store_true", help="Record the current versions and fingerprints."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        unbumped = notices.unbumped()
        if unbumped:
            raise CommandError("notice text changed without a new version:\n  " + "\n  ".join(unbumped))
        if options["write"]:
            notices.write()
            self.stdout.write(f"recorded {len(notices.current())} notices in {notices.HASH_FILE}")
            return
        unrecorded = notices.unrecorded()
        if unrecorded:
            raise CommandError("notice_hashes.json is out of date:\n  " + "\n  ".join(unrecorded))
        self.stdout.write("every notice's version matches its text")
