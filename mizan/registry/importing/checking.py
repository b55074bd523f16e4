"""Checking every row of an import file, alone and against the registry. Saves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.registry.importing.reading import (
    CHUNK,
    COLUMNS,
    KINDS,
    REQUIRED,
    STATUSES,
    ImportReport,
    LicenceRow,
    Progress,
    read_rows,
)
from mizan.registry.models import Licence
from mizan.registry.search import number_key
from mizan.registry.services import (
    EARLIEST,
    LATEST,
    stopping_sanctions,
)


def _date(report: ImportReport, row: int, column: str, value: str, *, required: bool) -> dt.date | None:
    if not value:
        if required:
            report.add(row, column, _("This is required."))
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        report.add(
            row,
            column,
            _("“%(value)s” is not a date. Write it as YYYY-MM-DD, for example 2025-07-16.")
            % {"value": value[:40]},
        )
        return None
    if not EARLIEST <= day <= LATEST:
        report.add(row, column, _("The date must be between 1950 and 2100."))
        return None
    return day


def _check_row(report: ImportReport, row: int, cells: dict[str, str], today: dt.date) -> LicenceRow | None:
    before = len(report.problems)
    for column in ("licence_number", "organisation_name", "registration_number", "kind", "status"):
        if not cells.get(column):
            report.add(row, column, _("This is required."))
    number = " ".join(cells.get("licence_number", "").split())
    if number and (not number_key(number) or len(number) > 80):
        report.add(
            row, "licence_number", _("The licence number must have letters or digits, at most 80 characters.")
        )
    name = " ".join(cells.get("organisation_name", "").split())
    if len(name) > 200:
        report.add(row, "organisation_name", _("The name is too long (at most 200 characters)."))
    registration = cells.get("registration_number", "")
    if len(registration) > 80:
        report.add(
            row, "registration_number", _("The registration number is too long (at most 80 characters).")
        )
    kind = KINDS.get(cells.get("kind", "").casefold())
    if cells.get("kind") and kind is None:
        report.add(
            row,
            "kind",
            _("“%(value)s” is not a kind. Write agency or employer.") % {"value": cells["kind"][:40]},
        )
    status_text = cells.get("status", "").casefold()
    status = STATUSES.get(status_text)
    if status_text and status is None:
        report.add(
            row,
            "status",
            _(
                "“%(value)s” is not a licence status. "
                "Write active, suspended, revoked, surrendered or expired."
            )
            % {"value": cells["status"][:40]},
        )
    valid_from = _date(report, row, "valid_from", cells.get("valid_from", ""), required=True)
    valid_to = _date(report, row, "valid_to", cells.get("valid_to", ""), required=False)
    if valid_from and valid_to and valid_to < valid_from:
        report.add(row, "valid_to", _("The end date is before the start date."))
    if status_text == "expired" and (valid_to is None or valid_to >= today):
        report.add(row, "status", _("The status says expired, but the end date has not passed."))
    address = " ".join(cells.get("address", "").split())
    if len(address) > 300:
        report.add(row, "address", _("The address is too long (at most 300 characters)."))
    if len(report.problems) > before or valid_from is None or kind is None or status is None:
        return None
    return LicenceRow(
        row, number, number_key(number), name, registration, kind, valid_from, valid_to, status, address
    )


def chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _check_against_registry(
    report: ImportReport, rows: list[LicenceRow], country: str, today: dt.date
) -> None:
    registrations = sorted({row.registration_number for row in rows})
    organisations: dict[str, Organisation] = {}
    for chunk in chunks(registrations):
        for organisation in Organisation.objects.filter(country=country, registration_number__in=chunk):
            organisations[organisation.registration_number] = organisation
    licences: dict[str, Licence] = {}
    for chunk in chunks(sorted({row.key for row in rows})):
        for licence in Licence.objects.filter(country=country, number_key__in=chunk).select_related(
            "organisation", "status_sanction"
        ):
            licences[licence.number_key] = licence
    sanctioned: dict[str, bool] = {}
    for row in rows:
        found = organisations.get(row.registration_number)
        if found is not None and found.kind != row.kind:
            report.add(
                row.row,
                "kind",
                _("The registry has this registration number as “%(kind)s”, not “%(value)s”.")
                % {
                    "kind": Organisation.Kind(organisation.kind).label,
                    "value": Organisation.Kind(row.kind).label,
                },
            )
        existing = licences.get(row.key)
        if existing is not None and existing.organisation.registration_number != row.registration_number:
            report.add(
                row.row,
                "licence_number",
                _("This licence number belongs to another organisation in the registry (“%(name)s”).")
                % {"name": existing.organisation.name},
            )
        if found is not None and row.status == Licence.Status.ACTIVE:
            if found.registration_number not in sanctioned:
                sanctioned[found.registration_number] = bool(stopping_sanctions(found, country, today))
            if sanctioned[found.registration_number]:
                report.add(
                    row.row,
                    "status",
                    _(
                        "This organisation is under a sanction, so its licence cannot be active. "
                        "Lift the sanction first."
                    ),
                )


def licences_check(data: bytes, *, authority_country: str, progress: Progress | None = None) -> ImportReport:
    """Read and check every row; saves nothing. ImportRefused when the file as a whole cannot be read."""
    names, raw = read_rows(data)
    report = ImportReport(total=len(raw))
    missing = [column for column in REQUIRED if column not in names]
    for column in missing:
        report.add(1, column, _("This column is missing. The first row must name every column."))
    if missing:
        return report
    today = timezone.localdate()
    seen_numbers: dict[str, int] = {}
    seen_organisations: dict[str, tuple[int, str, str]] = {}
    for done, (row_number, cells) in enumerate(raw, start=1):
        row = _check_row(report, row_number, cells, today)
        if row is not None:
            if row.key in seen_numbers:
                report.add(
                    row.row,
                    "licence_number",
                    _("The same licence number is also on row %(row)s.") % {"row": seen_numbers[row.key]},
                )
                row = None
            else:
                seen_numbers[row.key] = row.row
        if row is not None:
            first = seen_organisations.setdefault(
                row.registration_number, (row.row, row.organisation_name, row.kind)
            )
            if first[1:] != (row.organisation_name, row.kind):
                report.add(
                    row.row,
                    "registration_number",
                    _("This registration number is on row %(row)s with another name or kind.")
                    % {"row": first[0]},
                )
                row = None
        if row is not None:
            report.rows.append(row)
        if progress and (done % 500 == 0 or done == len(raw)):
            progress("check", done, len(raw))
    _check_against_registry(report, report.rows, authority_country, today)
    report.problems.sort(
        key=lambda problem: (problem.row, COLUMNS.index(problem.field) if problem.field in COLUMNS else 99)
    )
    return report
