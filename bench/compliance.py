"""Compliance engine throughput: offers evaluated per second on one core for full corridors.

Run: make bench   (or: MIZAN_ENV=test .venv/bin/python bench/compliance.py)
Target: >= 20,000 offers/s on one core (packs precompiled per corridor and day; evaluation runs only the
rule functions). Exit 1 when missed.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mizan.compliance.engine import evaluate, load_packs, offer_from_file  # noqa: E402
from mizan.compliance.engine.evaluate import corridor_of  # noqa: E402

TARGET = 20_000
ROUNDS = 5
PER_ROUND = 20_000
DAY = dt.date(2026, 1, 10)


def main() -> int:
    started = time.perf_counter()
    packs = load_packs([ROOT / "rulepacks"])
    load_ms = (time.perf_counter() - started) * 1000
    offers = [offer_from_file(path) for path in sorted((ROOT / "examples" / "offers").glob("*.*"))]
    for terms in offers:  # warm the per-corridor cache, as a running server would be
        evaluate(terms, packs, on=DAY)
    rules = [len(packs.compile(corridor_of(terms), DAY).rules) for terms in offers]
    rates = []
    for _ in range(ROUNDS):
        begin = time.perf_counter()
        for index in range(PER_ROUND):
            evaluate(offers[index % len(offers)], packs, on=DAY)
        rates.append(PER_ROUND / (time.perf_counter() - begin))
    median = statistics.median(rates)
    print(f"packs loaded and validated in {load_ms:.0f} ms")
    print(f"offers: {len(offers)} example corridors, {min(rules)} to {max(rules)} rules")
    print(
        f"evaluations/s (one core, median of {ROUNDS} x {PER_ROUND:,}): {median:,.0f} (min {min(rates):,.0f})"
    )
    met = median >= TARGET
    print(f"target >= {TARGET:,}/s: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
