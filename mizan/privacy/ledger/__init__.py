"""The tamper-evident ledger: an append-only hash chain of accountable events with signed Merkle checkpoints.

Other apps call ``ledger_append`` (inside their ``transaction.atomic()``) and ``hash_for``::

    from mizan.privacy.ledger import hash_for, ledger_append

The names are loaded on first use, so importing this package (as Django does at start-up, or as the
pure offline verifier does) pulls in no models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mizan.privacy.ledger.canonical import LedgerDataError, hash_for
    from mizan.privacy.ledger.services import KINDS, ledger_append, register_kind

__all__ = ["KINDS", "LedgerDataError", "hash_for", "ledger_append", "register_kind"]


def __getattr__(name: str) -> Any:
    if name in ("hash_for", "LedgerDataError"):
        from mizan.privacy.ledger import canonical

        return getattr(canonical, name)
    if name in ("KINDS", "ledger_append", "register_kind"):
        from mizan.privacy.ledger import services

        return getattr(services, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
