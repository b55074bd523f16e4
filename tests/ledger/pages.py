"""The ledger's pages, for the shared weight, header, accessibility and layout checks."""

from __future__ import annotations

from typing import Any

from tests.ledger.helpers import chain_hashes
from tests.pages import Page
from tests.personas import Personas

# bulk_chain is deterministic, so the reference of entry 3 is known before the database exists.
ENTRY_3 = chain_hashes(3)[2]


def _signed_ledger(personas: Personas) -> dict[str, Any]:
    from mizan.privacy.ledger.services import checkpoint_create
    from tests.ledger.helpers import bulk_chain

    bulk_chain(5)
    checkpoint_create()
    return {}


# The page with bad input answers 400, which the shared checks do not take; tests/browser/test_ledger.py
# runs axe-core on it instead.
PAGES: list[Page] = [
    Page("ledger:index", label="empty"),
    Page("ledger:index", kwargs=_signed_ledger, label="signed"),
    Page("ledger:index", kwargs=_signed_ledger, query=f"entry=3&code={ENTRY_3}", label="included"),
    Page("ledger:index", kwargs=_signed_ledger, query="entry=3&code=0123456789abcdef", label="not found"),
    Page("ledger:index", persona="worker", label="signed in"),
]
