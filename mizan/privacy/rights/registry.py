"""Where later apps plug their data into the data-rights app, without editing it.

Register from your app's ``AppConfig.ready()``; each name once (``<app>`` or ``<app>.<what>``):

- ``register_exporter(name, fn)``: ``fn(worker) -> JSON value`` (dicts, lists, text, numbers, booleans,
  null; dates as ISO 8601 text). It appears in the worker's export under ``sections[name]``. The worker is
  the reader: give them everything you hold about them, decrypted.
- ``register_eraser(name, fn)``: ``fn(*, worker, keep) -> restore | None``, called inside the erasure's
  transaction BEFORE the worker's data key is destroyed. Delete the worker's rows whose data categories
  are not in ``keep`` (a frozenset of category codes a legal hold still requires); for what must be kept,
  read the clear values now and return a function that writes them again: it runs AFTER the old key was
  destroyed, so what it seals is sealed under a fresh key. Called again, with a smaller ``keep``, each
  time a hold ends; with an empty ``keep`` when the erasure finishes.
- ``register_purger(name, fn)``: ``fn(*, now) -> int`` deletes what has expired (ask
  ``retention.retention_period(key)``) and returns how many rows; run daily by ``mizan purge_expired``.
  Respect legal holds: ``mizan.privacy.rights.selectors.held_categories(worker)``.
- ``register_ledger_subjects(name, fn)``: ``fn(worker) -> iterable of ledger subjects`` (``"contract:<id>"``)
  of entries about the worker, listed in their export so they can check them against a checkpoint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Protocol

from mizan.accounts.models import User

Restore = Callable[[], None]


class Eraser(Protocol):
    def __call__(self, *, worker: User, keep: frozenset[str]) -> Restore | None: ...


class Purger(Protocol):
    def __call__(self, *, now: datetime) -> int: ...


Exporter = Callable[[User], Any]
LedgerSubjects = Callable[[User], Iterable[str]]

EXPORTERS: dict[str, Exporter] = {}
ERASERS: dict[str, Eraser] = {}
PURGERS: dict[str, Purger] = {}
LEDGER_SUBJECTS: dict[str, LedgerSubjects] = {}

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39})?$")


def _add(registry: dict[str, Any], kind: str, name: str, fn: Any) -> None:
    if not _NAME.match(name):
        raise ValueError(f"{kind} name {name!r} must be '<app>' or '<app>.<what>' (lowercase)")
    if name in registry:
        raise ValueError(f"{kind} {name!r} is registered twice")
    if not callable(fn):
        raise TypeError(f"{kind} {name!r} must be callable")
    registry[name] = fn


def register_exporter(name: str, fn: Exporter) -> None:
    _add(EXPORTERS, "exporter", name, fn)


def register_eraser(name: str, fn: Eraser) -> None:
    _add(ERASERS, "eraser", name, fn)


def register_purger(name: str, fn: Purger) -> None:
    _add(PURGERS, "purger", name, fn)


def register_ledger_subjects(name: str, fn: LedgerSubjects) -> None:
    _add(LEDGER_SUBJECTS, "ledger subjects", name, fn)


def unregister(name: str) -> None:
    """Forget ``name`` in every registry (tests)."""
    for registry in (EXPORTERS, ERASERS, PURGERS, LEDGER_SUBJECTS):
        registry.pop(name, None)
