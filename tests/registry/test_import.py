"""Importing an authority's licence list: all rows checked first; one broken row and nothing is saved."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from mizan.accounts.models import Organisation
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.ledger.models import LedgerEntry
from mizan.registry import importing
from mizan.registry.models import Licence, Sanction
from tests.registry.helpers import authority_staff, days, licence, recruiter, sanction

pytestmark = pytest.mark.django_db

HEADER = "licence_number,organisation_name,registration_number,kind,valid_from,valid_to,status,address\n"


def csv_bytes(*rows: str, header: str = HEADER, bom: bool = False) -> bytes:
    text = header + "".join(row + "\n" for row in rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def future(n: int = 400) -> str:
    return days(n).isoformat()


def past(n: int = 100) -> str:
    return days(-n).isoformat()


def good_file(bom: bool = False) -> bytes:
    return csv_bytes(
        f"1234/079,Everest Manpower,REG-1,agency,{past()},{future()},active,Kathmandu",
        f"1235/079,Sagarmatha Jobs,REG-2,agency,{past()},,active,",
        f"1236/079,Everest Manpower,REG-1,agency,{past(900)},{past(30)},expired,Kathmandu",
        f"EMP-7,Gorkha Foods,REG-3,employer,{past()},{future()},suspended,",
        bom=bom,
    )


def problems(report: importing.ImportReport) -> list[tuple[int, str]]:
    return [(problem.row, problem.field) for problem in report.problems]


def test_a_good_file_creates_every_licence_and_organisation_in_one_go(officer, authority):
    existing = recruiter("Sagarmatha Jobs", registration_number="REG-2")
    before = LedgerEntry.objects.count()
    report = importing.licences_import(actor=officer, authority=None, data=good_file(bom=True))
    assert report.ok, report.problems
    assert (report.total, report.created, report.updated, report.organisations_created) == (4, 4, 0, 2)
    assert Licence.objects.count() == 4
    everest = Organisation.objects.get(registration_number="REG-1", country="NP")
    assert (everest.name, everest.kind, everest.created_by) == ("Everest Manpower", "agency", officer)
    assert Licence.objects.get(number="1235/079").organisation == existing
    assert Licence.objects.get(number="1235/079").valid_to is None
    assert Licence.objects.get(number="EMP-7").status == "suspended"
    assert all(found.issuing_authority == authority for found in Licence.objects.all())
    assert LedgerEntry.objects.count() == before + 4


def test_importing_the_same_file_again_changes_nothing_and_a_changed_row_updates(officer, authority):
    importing.licences_import(actor=officer, authority=None, data=good_file())
    again = importing.licences_import(actor=officer, authority=None, data=good_file())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = csv_bytes(f"1234/079,Everest Manpower,REG-1,agency,{past()},{future(800)},active,Kathmandu")
    report = importing.licences_import(actor=officer, authority=None, data=changed)
    assert (report.created, report.updated) == (0, 1)
    assert Licence.objects.get(number="1234/079").valid_to == days(800)


def test_broken_rows_give_a_report_and_nothing_is_saved(officer, authority):
    other = recruiter("Someone Else", registration_number="REG-9")
    licence(other, "9999/079")
    data = csv_bytes(
        f"1234/079,Everest Manpower,REG-1,agency,{past()},{future()},active,",  # right
        f"1235/079,Sagarmatha Jobs,REG-2,agency,2025-13-45,{future()},active,",  # bad date
        f"1236/079,Gorkha Jobs,REG-4,agency,{past()},{future()},sleeping,",  # unknown status
        f"1234-079,Everest Manpower,REG-1,agency,{past()},{future()},active,",  # same number as row 2
        f",Nameless,REG-5,agency,{past()},{future()},active,",  # missing number
        f"9999/079,Everest Manpower,REG-1,agency,{past()},{future()},active,",  # another's number
        f"1237/079,Mountain Jobs,REG-6,shop,{future(10)},{past()},active,",  # bad kind, dates reversed
        f"1238/079,Valley Jobs,REG-7,agency,{past()},{future()},expired,",  # expired but not ended
    )
    before = (Licence.objects.count(), Organisation.objects.count(), LedgerEntry.objects.count())
    report = importing.licences_import(actor=officer, authority=None, data=data)
    assert not report.ok
    assert problems(report) == [
        (3, "valid_from"),
        (4, "status"),
        (5, "licence_number"),
        (6, "licence_number"),
        (7, "licence_number"),
        (8, "kind"),
        (8, "valid_to"),
        (9, "status"),
    ]
    assert "row 2" in str(report.problems[2].reason)
    assert "Someone Else" in str(report.problems[4].reason)
    assert (report.total, report.good_rows) == (8, 1)
    assert (Licence.objects.count(), Organisation.objects.count(), LedgerEntry.objects.count()) == before


def test_a_sanctioned_organisation_cannot_be_imported_as_active(officer, authority):
    agency = recruiter("Everest Manpower", registration_number="REG-1")
    sanction(agency, Sanction.Kind.SUSPENSION)
    report = importing.licences_import(
        actor=officer,
        authority=None,
        data=csv_bytes(f"1234/079,Everest Manpower,REG-1,agency,{past()},,active,"),
    )
    assert problems(report) == [(2, "status")]
    assert not Licence.objects.exists()


def test_same_registration_number_with_another_name_or_kind_is_a_problem(officer, authority):
    data = csv_bytes(
        f"1,Everest Manpower,REG-1,agency,{past()},,active,",
        f"2,Everest Man Power,REG-1,agency,{past()},,active,",
    )
    assert problems(importing.licences_import(actor=officer, authority=None, data=data)) == [
        (3, "registration_number")
    ]
    recruiter("Kathmandu Foods", registration_number="REG-8", kind="employer")
    data = csv_bytes(f"3,Kathmandu Foods,REG-8,agency,{past()},,active,")
    assert problems(importing.licences_import(actor=officer, authority=None, data=data)) == [(2, "kind")]


def test_a_missing_column_is_reported_on_row_1(officer, authority):
    data = (
        b"licence_number,organisation_name,kind,valid_from,valid_to,status\n1,X,agency,2025-01-01,,active\n"
    )
    report = importing.licences_import(actor=officer, authority=None, data=data)
    assert problems(report) == [(1, "registration_number")]


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message(officer, authority):
    data = HEADER.encode() + "1,Café Jobs,REG-1,agency,2025-01-01,,active,\n".encode("latin-1")
    with pytest.raises(importing.ImportRefused) as refused:
        importing.licences_import(actor=officer, authority=None, data=data)
    assert refused.value.code == "encoding"
    assert "UTF-8" in str(refused.value.message)


def test_a_file_too_large_or_with_too_many_rows_is_refused(officer, authority, monkeypatch):
    big = HEADER.encode() + b"x" * importing.MAX_BYTES
    with pytest.raises(importing.ImportRefused) as refused:
        importing.licences_import(actor=officer, authority=None, data=big)
    assert refused.value.code == "too_large"
    monkeypatch.setattr(importing.reading, "MAX_ROWS", 3)
    rows = [f"{n},Agency {n},REG-{n},agency,{past()},,active," for n in range(4)]
    with pytest.raises(importing.ImportRefused) as refused:
        importing.licences_import(actor=officer, authority=None, data=csv_bytes(*rows))
    assert refused.value.code == "too_many_rows"
    with pytest.raises(importing.ImportRefused) as refused:
        importing.licences_import(actor=officer, authority=None, data=b"")
    assert refused.value.code == "empty"
    assert not Licence.objects.exists()


def test_semicolons_and_blank_lines_are_understood(officer, authority):
    data = HEADER.replace(",", ";").encode() + f"\n1;Everest;REG-1;Agency;{past()};;Active;\n\n".encode()
    report = importing.licences_import(actor=officer, authority=None, data=data)
    assert report.ok, report.problems
    assert report.created == 1


def test_only_the_authority_s_staff_may_import(personas, authority):
    for persona in ("inspector", "agency_admin", "auditor", "worker"):
        with pytest.raises(PermissionDenied):
            importing.licences_import(actor=personas[persona], authority=None, data=good_file())
    qatar_officer = authority_staff("QA")
    with pytest.raises(PermissionDenied):
        importing.licences_import(actor=qatar_officer, authority=authority, data=good_file())
    assert not Licence.objects.exists()


def test_the_import_page_shows_the_report_and_offers_it_as_csv(client_as, authority):
    client = client_as("officer")
    url = reverse("registry:import")
    assert client.get(url).status_code == 200
    broken = csv_bytes("1,Everest,REG-1,agency,not-a-date,,active,")
    response = client.post(url, {"file": io_file(broken)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "valid_from" in page
    assert "<progress" in page
    report = client.get(reverse("registry:import_report"))
    assert report.status_code == 200
    assert report["Content-Type"].startswith("text/csv")
    assert "attachment" in report["Content-Disposition"]
    assert list(csv.reader(io.StringIO(report.content.decode()))) == [
        ["row", "field", "reason"],
        ["2", "valid_from", "“not-a-date” is not a date. Write it as YYYY-MM-DD, for example 2025-07-16."],
    ]
    response = client.post(url, {"file": io_file(good_file())})
    assert response.status_code == 200
    assert "The licence list is saved" in response.content.decode()
    assert Licence.objects.count() == 4
    assert client.get(reverse("registry:import_report")).status_code == 404  # the old report is gone


def test_the_import_page_refuses_a_file_that_is_not_utf8(client_as, authority):
    response = client_as("officer").post(reverse("registry:import"), {"file": io_file(b"\xff\xfe\x00bad")})
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()


def test_the_template_downloads(client_as, authority):
    response = client_as("officer").get(reverse("registry:import_template"))
    assert response.status_code == 200
    header = response.content.decode().splitlines()[0]
    assert header.split(",") == list(importing.COLUMNS)


def io_file(data: bytes, name: str = "licences.csv") -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


# --- The command line ----------------------------------------------------------------------------------


def test_the_command_imports_a_good_file(tmp_path: Path, authority, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(good_file())
    call_command("registry", "import-licences", str(path), "--authority", str(authority.pk))
    assert "4 licences added" in capsys.readouterr().out
    assert Licence.objects.count() == 4


def test_the_command_exits_1_with_the_report_and_saves_nothing(tmp_path: Path, authority, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(f"1,Everest,REG-1,agency,{past()},,sleeping,"))
    with pytest.raises(SystemExit) as exit_code:
        call_command("registry", "import-licences", str(path), "--authority", str(authority.pk))
    assert exit_code.value.code == 1
    error = capsys.readouterr().err
    assert "2,status," in error
    assert "nothing was saved" in error
    assert not Licence.objects.exists()


def test_the_command_refuses_bad_arguments_without_a_traceback(tmp_path: Path, authority):
    from django.core.management import CommandError

    path = tmp_path / "list.csv"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("registry", "import-licences", str(path), "--authority", str(authority.pk))
    with pytest.raises(CommandError, match="no such file"):
        call_command(
            "registry", "import-licences", str(tmp_path / "none.csv"), "--authority", str(authority.pk)
        )
    with pytest.raises(CommandError, match="not an organisation id"):
        call_command("registry", "import-licences", str(path), "--authority", "ministry")
    agency = recruiter()
    with pytest.raises(CommandError, match="no authority"):
        call_command("registry", "import-licences", str(path), "--authority", str(agency.pk))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(("stream", "drawn"), [(Terminal, True), (Pipe, False)])
def test_the_command_draws_a_progress_bar_only_on_a_terminal(
    tmp_path: Path, authority, monkeypatch, stream, drawn
):
    """tqdm with disable=None: a bar on a terminal; nothing when standard error is a file or a pipe."""
    path = tmp_path / "list.csv"
    path.write_bytes(good_file())
    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    call_command("registry", "import-licences", str(path), "--authority", str(authority.pk))
    output = err.getvalue()
    assert ("checking" in output and "saving" in output and "4/4" in output) is drawn, output


def test_import_refused_is_a_domain_error():
    assert issubclass(importing.ImportRefused, DomainError)
