"""The import file: its columns, limits and report, and reading it (size, encoding, CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.common.errors import DomainError
from mizan.registry.models import Licence

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
REQUIRED = (
    "licence_number",
    "organisation_name",
    "registration_number",
    "kind",
    "valid_from",
    "valid_to",
    "status",
)
OPTIONAL = ("address",)
COLUMNS = (*REQUIRED, *OPTIONAL)
CHUNK = 500  # values per "IN (…)" query

KINDS = {
    "agency": Organisation.Kind.AGENCY,
    "recruitment agency": Organisation.Kind.AGENCY,
    "employer": Organisation.Kind.EMPLOYER,
}
STATUSES = {
    "active": Licence.Status.ACTIVE,
    "valid": Licence.Status.ACTIVE,
    "expired": Licence.Status.ACTIVE,  # recorded as active; its end date says it expired
    "suspended": Licence.Status.SUSPENDED,
    "revoked": Licence.Status.REVOKED,
    "surrendered": Licence.Status.SURRENDERED,
}

Progress = Callable[[str, int, int], None]  # (stage "check" or "save", rows done, rows in all)


class ImportRefused(DomainError):
    """The file as a whole cannot be read: too large, not UTF-8, not CSV, no header. Nothing is saved."""

    code = "import_refused"


@dataclass(frozen=True)
class RowProblem:
    row: int
    field: str
    reason: Any  # a lazy translated message, already filled in


@dataclass
class LicenceRow:
    row: int
    number: str
    key: str
    organisation_name: str
    registration_number: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    status: str
    address: str


@dataclass
class ImportReport:
    total: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    rows: list[LicenceRow] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_with_problems(self) -> int:
        return len({problem.row for problem in self.problems})

    @property
    def good_rows(self) -> int:
        return self.total - self.rows_with_problems

    def add(self, row: int, column: str, reason: Any) -> None:
        self.problems.append(RowProblem(row, column, reason))


def report_csv(problems: Iterable[RowProblem]) -> str:
    """The problems as CSV (row, field, reason) for the person to fix their file with."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["row", "field", "reason"])
    for problem in problems:
        writer.writerow([problem.row, problem.field, force_str(problem.reason)])
    return out.getvalue()


def template_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow(
        [
            "1234/079",
            "Example Recruitment Pvt. Ltd.",
            "REG-0001",
            "agency",
            "2025-07-17",
            "2027-07-16",
            "active",
            "Kathmandu",
        ]
    )
    return out.getvalue()


# --- Reading ----------------------------------------------------------------------------------------


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("The file is too large. It can be at most 5 MB and 50,000 rows: split it into smaller files."),
            code="too_large",
        )
    try:
        return data.decode("utf-8-sig")  # a byte-order mark (Excel's "CSV UTF-8") is dropped
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            _(
                "The file is not in UTF-8. In your spreadsheet, save it as “CSV UTF-8” and try again "
                "(the problem is near byte %(position)s)."
            ),
            code="encoding",
            position=exc.start,
        ) from None


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (normalised names) and the non-empty rows as (row number, {column: value})."""
    text = _text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ImportRefused(_("The file is empty. The first row must name the columns."), code="empty")
        names = [cell.strip().lower().replace(" ", "_") for cell in header]
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportRefused(
                    _("The file has more than 50,000 rows. Split it into smaller files."),
                    code="too_many_rows",
                )
            rows.append(
                (number, {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(names)})
            )
    except csv.Error as exc:
        raise ImportRefused(
            _("The file is not a CSV file that can be read (near row %(row)s)."),
            code="not_csv",
            row=reader.line_num,
        ) from exc
    return names, rows
