"""``mizan registry import-licences FILE --authority ORG_ID``: an authority's licence list from CSV.

Every row is checked first; with any problem nothing is saved, the report (row, field, reason) is printed
as CSV on standard error and the exit code is 1. A progress bar is shown on a terminal. Run by a platform
operator: the authority is named by its id (``mizan registry authorities`` lists them).
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from mizan.accounts.models import Organisation
from mizan.api.problems import formatted
from mizan.common.errors import DomainError
from mizan.registry import importing


class Command(BaseCommand):
    help = "The registry of recruiters: import an authority's licence list (CSV), list the authorities."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        imports = actions.add_parser("import-licences", help="check and import a licence list (CSV)")
        imports.add_argument("file", help="the CSV file (UTF-8; columns in docs/registry.md)")
        imports.add_argument("--authority", required=True, help="the id of the issuing authority")
        imports.add_argument(
            "--check", action="store_true", help="check the file and print the report, but save nothing"
        )
        actions.add_parser("authorities", help="list the authorities and their ids")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "authorities":
            for authority in Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY).order_by(
                "country"
            ):
                self.stdout.write(f"{authority.pk}  {authority.country}  {authority.name}")
            return
        self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        try:
            authority_id = uuid.UUID(options["authority"])
        except ValueError:
            raise CommandError(f"{options['authority']}: not an organisation id (a UUID)") from None
        authority = Organisation.objects.filter(pk=authority_id, kind=Organisation.Kind.AUTHORITY).first()
        if authority is None:
            raise CommandError(
                f"{authority_id}: no authority with this id (see `mizan registry authorities`)"
            )
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if path.stat().st_size > importing.MAX_BYTES:
            raise CommandError(f"{path}: the file is too large (at most 5 MB and 50,000 rows); split it")
        data = path.read_bytes()
        bars: dict[str, tqdm[Any]] = {}

        def progress(stage: str, done: int, total: int) -> None:
            bar = bars.get(stage)
            if bar is None:
                for earlier in bars.values():
                    earlier.close()  # one bar at a time: checking, then saving
                label = "checking" if stage == "check" else "saving"
                # disable=None: drawn only on a terminal, so logs and pipes stay clean
                bar = bars[stage] = tqdm(total=total, desc=label, unit="row", file=sys.stderr, disable=None)
            bar.update(done - bar.n)

        try:
            if options["check"]:
                report = importing.licences_check(
                    data, authority_country=authority.country, progress=progress
                )
            else:
                report = importing.licences_import(
                    actor=None, authority=authority, data=data, progress=progress
                )
        except DomainError as error:
            raise CommandError(f"{path}: {formatted(error.message, error.params)}") from None
        finally:
            for bar in bars.values():
                bar.close()
        if not report.ok:
            self.stderr.write(importing.report_csv(report.problems), ending="")
            self.stderr.write(
                f"{path}: {len(report.problems)} problem(s) in {report.rows_with_problems} of "
                f"{report.total} rows; nothing was saved."
            )
            sys.exit(1)
        if options["check"]:
            self.stdout.write(f"{path}: all {report.total} rows are right (nothing saved: --check).")
            return
        self.stdout.write(
            f"{path}: {report.total} rows: {report.created} licences added, {report.updated} changed, "
            f"{report.unchanged} unchanged; {report.organisations_created} organisations added."
        )
