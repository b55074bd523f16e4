"""``mizan taxonomy import [--source DIR] [--only-common]``: load ESCO and the curated titles.

Prints what changed (a second run prints "0 added, 0 changed"); exit 1 with a one-line reason when a file
is missing or corrupt, in which case nothing is saved.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mizan.taxonomy.services import TaxonomyImportError, taxonomy_import


class Command(BaseCommand):
    help = "Import the ESCO occupations and skills and the curated occupation titles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["import"])
        parser.add_argument(
            "--source", type=Path, help="folder with the two ESCO CSV zips (default: taxonomy/esco-v1.1.1)"
        )
        parser.add_argument(
            "--only-common",
            action="store_true",
            help="only the common occupations, their ISCO groups and skills (fast; for demos and tests)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bar = _ProgressBar() if sys.stderr.isatty() else None
        try:
            result = taxonomy_import(
                source=options["source"], only_common=options["only_common"], progress=bar
            )
        except TaxonomyImportError as error:
            self.stderr.write(str(error.message))
            sys.exit(1)
        finally:
            if bar is not None:
                bar.close()
        for line in result.lines():
            self.stdout.write(line)


class _ProgressBar:
    """One bar per stage on the terminal: tqdm when installed, else a plain line redrawn in place."""

    def __init__(self) -> None:
        self.stage = ""
        self.bar: Any = None
        try:
            import tqdm
        except ImportError:  # pragma: no cover - tqdm is in the lock file
            self.tqdm: Any = None
        else:
            self.tqdm = tqdm.tqdm

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            if self.tqdm is not None and total:
                self.bar = self.tqdm(total=total, desc=stage, unit=" rows", leave=True)
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
        elif total:
            sys.stderr.write(f"\r{stage}: {done}/{total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif self.stage and self.tqdm is None:
            sys.stderr.write("\n")
