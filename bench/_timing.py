"""What the benchmarks share (not a benchmark itself: `make bench` skips files starting with "_")."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(run: Callable[[], object], times: int) -> float:
    """Median wall time of ``times`` calls of ``run``, in milliseconds."""
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)
