"""Render time and transferred size of the shell's public pages.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/shell_pages.py)
Targets: every page <= 30 KB gzip with its CSS (also enforced by tests/test_page_weight.py);
median server render <= 25 ms on the 2-core development machine, SQLite.
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = ["/", "/language/", "/accounts/sign-in/", "/accounts/staff/sign-in/", "/accounts/staff/recover/"]
LANGUAGES = ["en", "ar", "my"]
ROUNDS = 200
TARGET_MS = 25.0
TARGET_BYTES = 30 * 1024


def main() -> int:
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    call_command("migrate", verbosity=0)
    css = Path(finders.find("mizan/mizan.css") or "").read_bytes()
    css_gz = len(gzip.compress(css, 6))
    failed = False
    print(f"{'page':<28}{'lang':<6}{'median ms':>10}{'p95 ms':>9}{'HTML+CSS gz':>13}")
    for path in PAGES:
        for language in LANGUAGES:
            client = Client()
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            timings = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            size = len(gzip.compress(response.content, 6)) + css_gz
            median = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[18]
            failed |= median > TARGET_MS or size > TARGET_BYTES
            print(f"{path:<28}{language:<6}{median:>10.2f}{p95:>9.2f}{size:>13,}")
    print(
        "targets:", "MISSED" if failed else "met", f"(median <= {TARGET_MS} ms, size <= {TARGET_BYTES:,} B)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
