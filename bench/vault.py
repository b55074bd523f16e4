"""Vault speed: seals and unseals per second, and what decryption adds to reading one worker's profile.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/vault.py)
Target: decrypting one worker's full PersonalDetails (10 sealed fields) adds <= 2 ms to reading it,
both with the data key already unwrapped in memory (warm) and without (cold: one more query + unwrap).
SQLite in a temporary file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MIZAN_ENV", "test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django
from _timing import median_ms

django.setup()

from django.core.management import call_command  # noqa: E402

from mizan.accounts.models import User  # noqa: E402
from mizan.privacy import vault  # noqa: E402
from mizan.privacy.vault import crypto, keys  # noqa: E402
from mizan.workers import services  # noqa: E402
from mizan.workers.catalogue import NAMES  # noqa: E402
from mizan.workers.models import PersonalDetails  # noqa: E402

TARGET_MS = 2.0
SEALS = 5000
READS = 2000
DETAILS = {
    "full_name": "Sita Kumari Rai",
    "date_of_birth": date(1994, 3, 14),
    "passport_number": "PA1234567",
    "national_id_number": "27-01-75-12345",
    "contact_email": "sita@example.org",
    "second_phone": "+9779812345678",
    "home_address": "Ward 4, Dharan\nSunsari, Koshi Province",
    "bank_name": "Nabil Bank",
    "bank_account_number": "0098123400017",
    "emergency_contact": "Ram Rai (brother), +9779800000001",
}


def per_second(count: int, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(count):
        action()
    return count / (time.perf_counter() - start)


def main() -> int:
    call_command("migrate", verbosity=0)
    worker = User.objects.create(kind=User.Kind.WORKER, phone="+9779812340000")
    services.personal_details_update(actor=worker, worker=worker, data=DETAILS)
    owner_id = worker.pk
    blob = vault.seal(worker, "PA1234567", context="bench.value")
    data_key_id = crypto.value_key_id(blob)
    data_key = keys._key_for_opening(data_key_id, owner_id)

    print(f"{'operation':<58}{'result':>16}")
    primitive = per_second(
        SEALS, lambda: crypto.seal_value(data_key, data_key_id, owner_id, "bench.value", b"PA1234567")
    )
    print(f"{'AES-256-GCM seal, key in hand (crypto only)':<58}{primitive:>12,.0f} /s")
    seals = per_second(SEALS, lambda: vault.seal(worker, "PA1234567", context="bench.value"))
    print(f"{'vault.seal (looks up the data key: 1 query)':<58}{seals:>12,.0f} /s")
    unseals = per_second(SEALS, lambda: vault.unseal(worker, blob, context="bench.value"))
    print(f"{'vault.unseal (data key cached)':<58}{unseals:>12,.0f} /s")

    def cold_unseal() -> None:
        keys.clear_key_cache()
        vault.unseal(worker, blob, context="bench.value")

    cold = per_second(SEALS // 5, cold_unseal)
    print(f"{'vault.unseal (cold: query + unwrap each time)':<58}{cold:>12,.0f} /s")

    def read_raw() -> None:
        details = PersonalDetails.objects.get(worker_id=owner_id)
        for name in NAMES:
            getattr(details, f"{name}_sealed")

    def read_clear() -> None:
        details = PersonalDetails.objects.get(worker_id=owner_id)
        for name in NAMES:
            getattr(details, name)

    def read_clear_cold() -> None:
        keys.clear_key_cache()
        read_clear()

    read_clear()  # warm the key cache
    baseline = median_ms(read_raw, READS)
    warm = median_ms(read_clear, READS)
    cold_read = median_ms(read_clear_cold, READS)
    print(f"{'profile read, no decryption (median)':<58}{baseline:>13.3f} ms")
    print(f"{'profile read, 10 fields decrypted, key cached (median)':<58}{warm:>13.3f} ms")
    print(f"{'profile read, 10 fields decrypted, key unwrapped (median)':<58}{cold_read:>13.3f} ms")
    extra_warm, extra_cold = warm - baseline, cold_read - baseline
    print(f"{'extra for decryption, warm / cold':<58}{extra_warm:>7.3f} / {extra_cold:.3f} ms")
    met = extra_warm <= TARGET_MS and extra_cold <= TARGET_MS
    print("targets:", "met" if met else "MISSED", f"(decryption adds <= {TARGET_MS} ms per profile read)")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
