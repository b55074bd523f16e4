"""Taxonomy: the full ESCO import, a second (no-change) import, and occupation search.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/taxonomy.py)
Measures on SQLite in a temporary file (or on DATABASE_URL when it is set to an empty PostgreSQL database).
Targets: full import into an empty database <= 30 s (about 5 s on an idle 2-core machine);
a second import (nothing to change) <= 5 s;
search over all 3,007 occupations with their labels and the curated titles <= 40 ms per query (median);
rebuilding the in-memory search list <= 2 s. Exit 1 when a target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
_TMP = tempfile.mkdtemp(prefix="mizan-bench-")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/taxonomy.sqlite3"

import django  # noqa: E402
from _timing import median_ms  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from mizan.taxonomy import search  # noqa: E402
from mizan.taxonomy.selectors import occupation_search  # noqa: E402
from mizan.taxonomy.services import taxonomy_import  # noqa: E402

IMPORT_TARGET_S = 30.0
REIMPORT_TARGET_S = 5.0
SEARCH_TARGET_MS = 40.0
BUILD_TARGET_S = 2.0
QUERIES = [
    "welder",
    "weldr",
    "hous maid",
    "electrician",
    "domestic worker",
    "घरेलु कामदार",
    "عاملة منزلية",
    "वेल्डर",
    "রাজমিস্ত্রি",
    "kasambahay",
    "tukang las",
    "ช่างเชื่อม",
    "truck driver",
    "security gard",
    "software developer",
    "xyzzy",
]


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    first = taxonomy_import()
    full_s = time.perf_counter() - started
    started = time.perf_counter()
    second = taxonomy_import()
    again_s = time.perf_counter() - started
    search._index = None
    started = time.perf_counter()
    index = search.search_index()
    build_s = time.perf_counter() - started
    per_query = [median_ms(lambda q=q: occupation_search(q, "en"), 15) for q in QUERIES]
    median = sorted(per_query)[len(per_query) // 2]

    print(f"database: {connection.vendor}")
    print(
        f"full import: {full_s:.1f} s ({first.added:,} rows added, "
        f"{first.dropped_relations} relations dropped)"
    )
    print(f"second import: {again_s:.1f} s ({second.added} added, {second.changed} changed)")
    print(f"search list: {len(index.names):,} folded names, built in {build_s * 1000:.0f} ms")
    print(
        f"search: median {median:.1f} ms per query, slowest {max(per_query):.1f} ms ({len(QUERIES)} queries)"
    )
    checks = [
        ("full import", full_s <= IMPORT_TARGET_S, f"<= {IMPORT_TARGET_S:.0f} s"),
        (
            "second import",
            again_s <= REIMPORT_TARGET_S and second.added + second.changed == 0,
            "<= 5 s, no change",
        ),
        ("search", median <= SEARCH_TARGET_MS, f"<= {SEARCH_TARGET_MS:.0f} ms"),
        ("search list build", build_s <= BUILD_TARGET_S, f"<= {BUILD_TARGET_S:.0f} s"),
    ]
    for name, met, target in checks:
        print(f"target {name} {target}: {'met' if met else 'MISSED'}")
    return 0 if all(met for _name, met, _target in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
