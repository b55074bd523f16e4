"""Appends from many writers at once never fork the chain: PostgreSQL locks the head row (SELECT … FOR
UPDATE); SQLite serialises writers with its IMMEDIATE write lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections, transaction

from mizan.privacy.ledger import ledger_append
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.ledger.verify import verify_ledger

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
WRITERS = 4
EACH = 25


def write(writer: int, start: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        start.wait()
        for number in range(EACH):
            with transaction.atomic():
                ledger_append(kind="consent.given", subject=f"consent:w{writer}-{number}", data={"n": number})
    except BaseException as error:  # reported by the test, not lost in the thread
        errors.append(error)
    finally:
        connections.close_all()


def run_writers() -> list[BaseException]:
    start, errors = threading.Barrier(WRITERS), []
    threads = [threading.Thread(target=write, args=(number, start, errors)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_on_postgresql_form_one_chain() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL row locks; SQLite is covered by the next test (make test-postgres runs this)")
    assert run_writers() == []
    assert list(LedgerEntry.objects.values_list("seq", flat=True)) == list(range(1, WRITERS * EACH + 1))
    report = verify_ledger()
    assert report.intact, report.problem
    assert report.entries == WRITERS * EACH


SQLITE_SCRIPT = """
import sys, threading
import django
django.setup()
from django.core.management import call_command
call_command("migrate", "ledger", verbosity=0)
sys.path.insert(0, sys.argv[1])
from tests.ledger.test_concurrency import WRITERS, EACH, run_writers
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.ledger.verify import verify_ledger
errors = run_writers()
seqs = list(LedgerEntry.objects.values_list("seq", flat=True))
report = verify_ledger()
print("errors", len(errors), [repr(e) for e in errors][:3])
print("sequence", seqs == list(range(1, WRITERS * EACH + 1)))
print("intact", report.intact, report.entries)
"""


def test_concurrent_appends_on_a_sqlite_file_form_one_chain(tmp_path: Path) -> None:
    # A file database (the test database may be in memory), with writers on their own connections.
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ledger.sqlite3'}",
        "MIZAN_ENV": "test",
        "MIZAN_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT, str(PROJECT_DIR)],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "errors 0 []" in done.stdout, done.stdout
    assert "sequence True" in done.stdout
    assert f"intact True {WRITERS * EACH}" in done.stdout
