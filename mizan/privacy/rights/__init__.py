"""A worker's data rights: export, correction, restriction and objection, erasure with legal holds, retention.

Design and operations: docs/privacy/rights.md. The interface other apps use, kept stable:

**Plug your app's data in** (from your ``AppConfig.ready()``; see ``registry``)::

    from mizan.privacy.rights.registry import (
        register_eraser, register_exporter, register_ledger_subjects, register_purger)

    register_exporter("wages", lambda worker: {...})              # a section of the worker's export
    register_eraser("wages", erase_wages)                          # fn(*, worker, keep) -> restore | None
    register_purger("wages", purge_wages)                          # fn(*, now) -> rows deleted
    register_ledger_subjects("hiring", lambda worker: [f"contract:{c.id}" for c in ...])

**Retention and holds**::

    from mizan.privacy.rights.retention import retention_period   # retention_period("contract") -> timedelta
    from mizan.privacy.rights.selectors import held_categories     # held_categories(worker) -> frozenset[str]
    from mizan.privacy.rights.services import legal_hold_place, legal_hold_release

    legal_hold_place(actor=None, worker=worker, reason="open_case", categories=["case_narrative"],
                     source_reference=f"case:{case.id}")          # actor None: your app's own rule
    legal_hold_release(actor=None, hold=hold)                      # the held data is then erased

**Erasure**: ``services.worker_erase(*, actor, worker, reference="") -> Erasure``.

Restrictions and objections reach every other app through ``processing_allowed`` (the consent app's hook),
so there is nothing to call for them.
"""
