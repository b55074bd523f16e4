"""Ledger: appends per second on SQLite and PostgreSQL, and `mizan ledger verify` over 1,000,000 entries.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/ledger.py [--entries N] [--appends N])
Without DATABASE_URL it measures SQLite in a temporary file, then PostgreSQL in a throwaway cluster
(scripts/with-postgres; skipped with a note when PostgreSQL is not installed). With a postgres://
DATABASE_URL it measures that server only, and refuses unless its ledger tables are empty.
Target: `mizan ledger verify` (the command, in its own process) over 1,000,000 entries <= 10 s on each
database. Its peak memory is shown at 100,000 and at 1,000,000 entries: it should not grow. Appends,
checkpoint and proof times are reported without a target.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
GIVEN_URL = os.environ.get("DATABASE_URL", "")
if not GIVEN_URL.startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='mizan-bench-')}/ledger.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from mizan.privacy.ledger import ledger_append, merkle  # noqa: E402
from mizan.privacy.ledger.canonical import (  # noqa: E402
    GENESIS_HASH,
    canonical_json,
    entry_hash,
    format_time,
    hash_for,
)
from mizan.privacy.ledger.models import Checkpoint, LedgerEntry, LedgerHead, MerkleBlock  # noqa: E402
from mizan.privacy.ledger.selectors import inclusion_proof  # noqa: E402
from mizan.privacy.ledger.services import checkpoint_create  # noqa: E402
from mizan.privacy.ledger.verify import verify_ledger  # noqa: E402

VERIFY_TARGET_S = 10.0
TABLES = [model._meta.db_table for model in (LedgerEntry, Checkpoint, LedgerHead, MerkleBlock)]


# `mizan ledger verify`, in a process of its own that reports its peak memory on the way out.
CLI_VERIFY = """
import resource, sys
from mizan.cli import main
try:
    main(["ledger", "verify"])
finally:
    print("PEAK_KIB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def cli_verify() -> tuple[float, float]:
    """Run `mizan ledger verify` as a separate process: (wall seconds, its peak memory in MiB)."""
    started = time.perf_counter()
    command = [sys.executable, "-c", CLI_VERIFY]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"mizan ledger verify failed: {done.stdout}{done.stderr}")
    peak_kib = int(done.stderr.rsplit("PEAK_KIB", 1)[1].split()[0])
    return seconds, peak_kib / 1024


def _empty_tables() -> None:
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608  (fixed table names)


def bench_appends(count: int) -> float:
    """Appends per second, each in its own transaction as an app would write them."""
    started = time.perf_counter()
    for number in range(count):
        with transaction.atomic():
            ledger_append(
                kind="consent.given",
                subject=f"consent:{number:08x}-bench",
                data={"purpose": "job_matching", "notice_version": 3, "document": hash_for(str(number))},
            )
    return count / (time.perf_counter() - started)


def bulk_load(entries: int, start: int) -> float:
    """Write a valid chain of ``entries`` entries after entry ``start`` quickly (bulk INSERT)."""
    time_field = LedgerEntry._meta.get_field("recorded_at")
    last = LedgerEntry.objects.filter(seq=start).values_list("entry_hash", flat=True).first()
    prev = last or GENESIS_HASH
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    sql = (
        f"INSERT INTO {LedgerEntry._meta.db_table} "  # noqa: S608  (fixed table name)
        "(seq, kind, subject, data_json, recorded_at, prev_hash, entry_hash) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    started = time.perf_counter()
    batch: list[tuple[object, ...]] = []
    for seq in range(start + 1, start + entries + 1):
        moment += timedelta(microseconds=7919)
        data = {"contract": f"c-{seq:x}", "document": hash_for(seq.to_bytes(8, "big")), "version": 1}
        digest = entry_hash(
            seq=seq,
            kind="contract.signed",
            subject=f"contract:{seq:x}",
            data=data,
            recorded_at=format_time(moment),
            prev_hash=prev,
        )
        batch.append(
            (
                seq,
                "contract.signed",
                f"contract:{seq:x}",
                canonical_json(data),
                time_field.get_db_prep_save(moment, connection),
                prev,
                digest,
            )
        )
        prev = digest
        if len(batch) == 20_000:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, batch)
            batch = []
    with transaction.atomic(), connection.cursor() as cursor:
        if batch:
            cursor.executemany(sql, batch)
        cursor.execute(f"DELETE FROM {LedgerHead._meta.db_table}")  # noqa: S608
    with transaction.atomic():
        LedgerHead.objects.create(id=1, seq=start + entries, entry_hash=prev)
    return time.perf_counter() - started


def run(entries: int, appends: int) -> dict[str, object]:
    call_command("migrate", verbosity=0)
    if LedgerEntry.objects.exists() or Checkpoint.objects.exists():
        raise SystemExit("The ledger tables of this database are not empty; benchmark refused.")
    tenth = entries // 10
    try:
        rate = bench_appends(appends)
        loaded = bulk_load(tenth - appends, appends)
        checkpoint_create()
        small_cli_s, small_peak = cli_verify()
        loaded += bulk_load(entries - tenth, tenth)
        started = time.perf_counter()
        checkpoint = checkpoint_create()
        checkpoint_s = time.perf_counter() - started
        timings = []
        for seq in random.sample(range(1, entries + 1), 100):
            started = time.perf_counter()
            proof = inclusion_proof(seq)
            timings.append((time.perf_counter() - started) * 1000)
            leaf = merkle.leaf_hash(proof.entry_hash)
            root = bytes.fromhex(checkpoint.root_hash)
            assert merkle.verify_inclusion(seq - 1, proof.tree_size, leaf, proof.audit_path, root)
        report = verify_ledger()
        if not report.intact or report.entries != entries:
            raise SystemExit(f"verify did not pass: {report}")
        cli_s, peak = cli_verify()
    finally:
        if GIVEN_URL.startswith("postgres"):
            _empty_tables()
    return {
        "database": f"{connection.vendor} {connection.get_database_version()}",
        "appends_per_s": round(rate),
        "bulk_load_s": round(loaded, 1),
        "checkpoint_s": round(checkpoint_s, 2),
        "proof_median_ms": round(statistics.median(timings), 2),
        "verify_s": round(report.seconds, 2),
        "cli_s": round(cli_s, 2),
        "cli_peak_mib": round(peak),
        "small_entries": tenth,
        "small_cli_s": round(small_cli_s, 2),
        "small_cli_peak_mib": round(small_peak),
        "entries": entries,
    }


def _print(result: dict[str, object]) -> bool:
    rows = [
        ("appends per second, one transaction each", f"{result['appends_per_s']:,}"),
        (f"bulk load of {result['entries']:,} valid entries (s)", result["bulk_load_s"]),
        (f"checkpoint over {result['entries']:,} (90% new) (s)", result["checkpoint_s"]),
        ("inclusion proof, median of 100 (ms)", result["proof_median_ms"]),
        (f"verify {result['entries']:,} entries, in process (s)", result["verify_s"]),
        (f"mizan ledger verify, {result['entries']:,} entries (s)", result["cli_s"]),
        ("  its peak memory (MiB)", result["cli_peak_mib"]),
        (f"mizan ledger verify, {result['small_entries']:,} entries (s)", result["small_cli_s"]),
        ("  its peak memory (MiB)", result["small_cli_peak_mib"]),
    ]
    print(f"-- {result['database']}")
    for label, value in rows:
        print(f"  {label:<48}{value!s:>10}")
    return float(str(result["cli_s"])) <= VERIFY_TARGET_S


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="Print one JSON line (used for the child run).")
    parser.add_argument("--no-postgres", action="store_true")
    options = parser.parse_args()
    result = run(options.entries, options.appends)
    if options.json:
        print(json.dumps(result))
        return 0
    met = _print(result)
    if not GIVEN_URL.startswith("postgres") and not options.no_postgres:
        met &= _postgres(options)
    print(
        "targets:",
        "met" if met else "MISSED",
        f"(mizan ledger verify of {options.entries:,} entries <= {VERIFY_TARGET_S} s, each database)",
    )
    return 0 if met else 1


def _postgres(options: argparse.Namespace) -> bool:
    script = PROJECT_DIR / "scripts" / "with-postgres"
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        print("-- postgresql: not installed here, skipped")
        return True
    command = [
        str(script),
        sys.executable,
        __file__,
        "--json",
        f"--entries={options.entries}",
        f"--appends={options.appends}",
    ]
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)  # noqa: S603
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        print("-- postgresql: FAILED\n" + done.stdout[-2000:] + done.stderr[-2000:])
        return False
    return _print(json.loads(lines[-1]))


if __name__ == "__main__":
    raise SystemExit(main())
