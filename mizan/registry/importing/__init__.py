"""An authority's licence list from a CSV file: every row is checked first, and only a file without a
single problem is saved, all in one transaction. Otherwise nothing is saved and the report says, for each
problem, the row (the header is row 1, as a spreadsheet shows it), the column and the reason.

Columns: licence_number, organisation_name, registration_number, kind (agency or employer), valid_from,
valid_to (may be empty: no end date), status (active, suspended, revoked, surrendered, or expired for a
licence whose end date has passed), and optionally address. Dates are written YYYY-MM-DD.
"""

from mizan.registry.importing.checking import licences_check
from mizan.registry.importing.reading import (
    COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    OPTIONAL,
    REQUIRED,
    ImportRefused,
    ImportReport,
    LicenceRow,
    Progress,
    RowProblem,
    read_rows,
    report_csv,
    template_csv,
)
from mizan.registry.importing.saving import licences_import

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "OPTIONAL",
    "REQUIRED",
    "ImportRefused",
    "ImportReport",
    "LicenceRow",
    "Progress",
    "RowProblem",
    "licences_check",
    "licences_import",
    "read_rows",
    "report_csv",
    "template_csv",
]
