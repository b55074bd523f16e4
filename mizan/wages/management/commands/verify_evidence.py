"""``mizan verify_evidence FILE``: is this proof of hours and pay unchanged, and in the ledger?

Exit 0: unchanged and recorded (the entry is intact); 1: changed, never recorded, or its ledger entry is
damaged; 2: the file cannot be read or is not a Mizan proof file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.common.errors import DomainError
from mizan.wages.services.evidence import verify_evidence


class Command(BaseCommand):
    help = "Check a proof of hours and pay (the JSON file) against the ledger."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            content = path.read_bytes()
            result = verify_evidence(content)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=2) from error
        except DomainError as error:
            raise CommandError(str(error), returncode=2) from error
        if result.status == "unreadable":
            raise CommandError(f"{path} is not a Mizan proof file.", returncode=2)
        if result.status == "not_found":
            raise CommandError(
                f"CHANGED or never recorded: no ledger entry has this file's hash {result.digest}.",
                returncode=1,
            )
        if not result.entry_intact or result.entry is None:
            raise CommandError(
                "The ledger entry of this file is damaged. Run “mizan ledger verify”.", returncode=1
            )
        layout = " (only spaces or line ends differ)" if result.status == "layout_changed" else ""
        where = ""
        if (
            result.reference is not None
            and result.reference.status == "included"
            and result.reference.checkpoint
        ):
            where = f", in the signed checkpoint of {result.reference.checkpoint.tree_size} entries"
        elif result.reference is not None and result.reference.status == "pending":
            where = ", not yet in a signed checkpoint"
        self.stdout.write(
            f"UNCHANGED{layout}. Ledger entry {result.entry.seq}{where}. SHA-256 {result.digest}"
        )
