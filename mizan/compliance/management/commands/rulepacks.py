"""``mizan rulepacks validate [PATH …]``: check rule packs and the rate table (exit 0 valid, 1 invalid)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.compliance.engine import validate_files

DEFAULT_DIR = Path(settings.BASE_DIR) / "rulepacks"


class Command(BaseCommand):
    help = "Validate rule packs: prints file:line: reason for every problem; exit 1 if any pack is invalid."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["validate"])
        parser.add_argument("paths", nargs="*", help="pack files or folders (default: rulepacks/)")

    def handle(self, *args: Any, **options: Any) -> None:
        paths = [Path(path) for path in options["paths"]] or [DEFAULT_DIR]
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path}: no such file or folder")
        versions, rates, errors = validate_files(paths)
        for error in errors:
            self.stderr.write(str(error))
        if errors:
            self.stderr.write(f"{len(errors)} problem(s) found.")
            sys.exit(1)
        packs = len({version.id for version in versions})
        self.stdout.write(
            f"OK: {packs} packs, {len(versions)} versions, "
            f"{sum(len(v.rules) for v in versions)} rules" + (", rate table" if rates else "") + "."
        )
