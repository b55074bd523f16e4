"""Plain words for what verification finds and for malformed documents (codes from chain, documents)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROBLEMS: dict[str, Promise] = {
    "missing": _("Entry %(seq)s is missing: it was deleted, or the entries after it were renumbered."),
    "inserted": _("Entry %(seq)s was put in afterwards: the entry after it links to the entry before it."),
    "prev_mismatch": _(
        "Entry %(seq)s does not link to the entry before it: entries were reordered, or its link was changed."
    ),
    "hash_mismatch": _("Entry %(seq)s was changed: its content no longer matches its hash."),
    "unreadable": _("Entry %(seq)s cannot be read: a value in it was changed by hand."),
    "truncated": _(
        "Entries from %(seq)s on are missing: there are %(entries)s entries, but %(expected)s were recorded "
        "or signed. They were deleted, or the database was restored from an old backup."
    ),
    "appended_outside": _(
        "Entries from %(seq)s on were added without the application: there are %(entries)s entries, "
        "but the application wrote %(expected)s."
    ),
    "checkpoint_mismatch": _(
        "The first %(tree_size)s entries no longer match the signed checkpoint of %(tree_size)s entries: "
        "an entry after number %(after)s was changed, and the entries after it were rewritten to hide it."
    ),
    "checkpoint_signature": _(
        "The checkpoint of %(tree_size)s entries is not validly signed: it was changed."
    ),
    "checkpoint_key": _(
        "The checkpoint of %(tree_size)s entries names a key this server does not trust (%(key_id)s)."
    ),
    "cache_block": _(
        "The stored tree hash of entries %(first)s to %(last)s is wrong: it was changed. Proofs given "
        "out now may be wrong."
    ),
}

DOCUMENT_ERRORS: dict[str, Promise] = {
    "too_large": _("The file is too large for a ledger document (at most %(limit)s bytes)."),
    "not_json": _("The file is not JSON."),
    "not_object": _("The file is JSON, but not an object “{…}”."),
    "wrong_format": _("The document's “format” is “%(found)s”; expected %(expected)s."),
    "missing_field": _("The document has no “%(field)s”."),
    "bad_field": _("The document's “%(field)s” is not right: expected %(expected)s."),
    "origin_mismatch": _("The proof is for the log “%(proof)s” but the checkpoint is of “%(checkpoint)s”."),
    "size_mismatch": _(
        "The proof is for %(proof)s entries but the checkpoint signs %(checkpoint)s. Get the proof for "
        "this checkpoint."
    ),
}

CHECKS: dict[str, Promise] = {
    "checkpoint_valid": _("The checkpoint of %(tree_size)s entries is signed by this key."),
    "key_mismatch": _("The checkpoint was signed with another key (%(key_id)s, not %(expected)s)."),
    "bad_signature": _("The checkpoint's signature is not valid: the checkpoint was changed."),
    "note_mismatch": _("The checkpoint's signed note does not match its fields."),
    "included": _("Entry %(seq)s is in the signed checkpoint of %(tree_size)s entries."),
    "entry_mismatch": _("The proof is for another entry than the hash you gave for entry %(seq)s."),
    "leaf_mismatch": _("The proof's leaf hash does not come from its entry hash."),
    "root_mismatch": _("The proof leads to another root than the checkpoint of %(tree_size)s entries."),
    "proof_failed": _(
        "The proof does not show that entry %(seq)s is in the checkpoint of %(tree_size)s entries."
    ),
    "consistent": _(
        "The checkpoint of %(second)s entries extends the one of %(first)s entries without changing it."
    ),
    "not_consistent": _(
        "The checkpoint of %(second)s entries does not extend the one of %(first)s entries: "
        "history was changed."
    ),
}


def describe(table: dict[str, Promise], code: str, params: dict[str, Any] | None = None) -> str:
    message = table.get(code)
    if message is None:
        return code
    return str(message) % (params or {})
