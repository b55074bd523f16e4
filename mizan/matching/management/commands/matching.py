"""``mizan matching rebuild``: build the matching index from the database and say what is in it.

Each server process builds and refreshes its own index on first use (mizan/matching/adapter.py); this
command builds one the same way, to check the data and measure the build: it prints the profiles indexed,
the published vacancies, the memory used and the time taken. A progress bar shows on a terminal.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from mizan.matching.adapter import vacancy_catalogue, worker_index


class Command(BaseCommand):
    help = "Build the matching index from the database and print what it holds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"])

    def handle(self, *args: Any, **options: Any) -> None:
        bar = tqdm(desc="profiles", unit=" profiles", file=sys.stderr, disable=None)
        try:
            stats = worker_index().rebuild(progress=bar.update)
        finally:
            bar.close()
        clock = time.perf_counter()
        vacancy_catalogue().reset()
        vacancies = vacancy_catalogue().current().vacancies
        vacancy_seconds = time.perf_counter() - clock
        self.stdout.write(
            f"{stats.profiles} profiles indexed ({stats.skills} skills, {stats.corridors} destinations, "
            f"{stats.nbytes / 1_048_576:.1f} MiB) in {stats.seconds:.2f} s"
        )
        self.stdout.write(f"{len(vacancies)} published vacancies read in {vacancy_seconds:.2f} s")
