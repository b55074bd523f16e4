"""Reading the ledger's public side: checkpoints, proofs, the public key, and a worker's reference check.

All of it is public by design (as in Certificate Transparency): only hashes, sizes and signatures leave
the server, never an entry's kind, subject or data. So these selectors take no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError, NotFound
from mizan.privacy.ledger import keys, merkle, note, signing
from mizan.privacy.ledger.canonical import format_second
from mizan.privacy.ledger.documents import CheckpointDoc, ConsistencyProofDoc, InclusionProofDoc
from mizan.privacy.ledger.models import Checkpoint, LedgerEntry
from mizan.privacy.ledger.tree import TreeReader


def checkpoint_newest() -> Checkpoint | None:
    return Checkpoint.objects.order_by("-tree_size").first()


def checkpoint_latest() -> Checkpoint:
    checkpoint = checkpoint_newest()
    if checkpoint is None:
        raise NotFound(_("No checkpoint has been signed yet."), code="no_checkpoint")
    return checkpoint


def checkpoint_get(tree_size: int) -> Checkpoint:
    checkpoint = Checkpoint.objects.filter(tree_size=tree_size).first()
    if checkpoint is None:
        raise NotFound(
            _("There is no checkpoint of %(size)s entries."), code="no_such_checkpoint", size=tree_size
        )
    return checkpoint


def checkpoint_document(checkpoint: Checkpoint) -> CheckpointDoc:
    return CheckpointDoc(
        origin=checkpoint.origin,
        tree_size=checkpoint.tree_size,
        root_hash=bytes.fromhex(checkpoint.root_hash),
        created_at=format_second(checkpoint.created_at),
        key_id=checkpoint.key_id,
        signature=keys.b64decode(checkpoint.signature),
    )


def checkpoint_signature_valid(checkpoint: Checkpoint) -> bool:
    """Is the stored checkpoint signed by a key this server trusts (the current one or a previous one)?"""
    public = signing.key_for(checkpoint.origin, checkpoint.key_id)
    if public is None:
        return False
    try:
        return checkpoint_document(checkpoint).check(public).valid
    except ValueError:
        return False


def inclusion_proof(seq: int, tree_size: int | None = None) -> InclusionProofDoc:
    """The audit path showing entry ``seq`` is in the checkpoint of ``tree_size`` (default: the latest)."""
    checkpoint = checkpoint_latest() if tree_size is None else checkpoint_get(tree_size)
    entry_hash = LedgerEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first()
    if entry_hash is None:
        raise NotFound(_("There is no entry number %(seq)s."), code="no_such_entry", seq=seq)
    if seq > checkpoint.tree_size:
        raise NotFound(
            _(
                "Entry %(seq)s came after the checkpoint of %(size)s entries. "
                "Ask again after the next checkpoint."
            ),
            code="not_in_checkpoint",
            seq=seq,
            size=checkpoint.tree_size,
        )
    path = TreeReader(checkpoint.tree_size).inclusion_proof(seq - 1)
    return InclusionProofDoc(
        origin=checkpoint.origin,
        seq=seq,
        tree_size=checkpoint.tree_size,
        entry_hash=bytes.fromhex(entry_hash),
        root_hash=bytes.fromhex(checkpoint.root_hash),
        audit_path=path,
    )


def consistency_proof(first: int, second: int) -> ConsistencyProofDoc:
    """The proof that the checkpoint of ``second`` entries extends the one of ``first`` unchanged."""
    if first > second:
        raise DomainError(_("The first checkpoint must not be larger than the second."), code="bad_range")
    old, new = checkpoint_get(first), checkpoint_get(second)
    proof = TreeReader(second).consistency_proof(first) if first < second else []
    return ConsistencyProofDoc(
        origin=new.origin,
        first_size=first,
        second_size=second,
        first_root=bytes.fromhex(old.root_hash),
        second_root=bytes.fromhex(new.root_hash),
        proof=proof,
    )


def public_key_document() -> dict[str, Any]:
    """What anyone needs to check checkpoints: the current key, and the keys used before a rotation."""
    log_origin = signing.origin()
    current = signing.public_key()

    def describe(raw: bytes) -> dict[str, Any]:
        return {
            "key_id": note.key_id(log_origin, raw),
            "public_key": keys.b64(raw),
            "public_key_pem": keys.public_key_pem(raw),
            "verifier_key": note.verifier_key(log_origin, raw),
        }

    return {
        "algorithm": "Ed25519",
        "origin": log_origin,
        **describe(current),
        "previous": [describe(raw) for raw in signing.previous_public_keys()],
    }


# --- A worker's reference: entry number and (the start of) its hash ------------------------------------

HASH_PREFIX = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass(frozen=True)
class ReferenceCheck:
    """``status``: included, pending (not in a checkpoint yet), not_found (no entry with this number
    and hash) or unconfirmed (the proof does not lead to the signed root: the ledger is damaged).
    When included, ``checkpoint`` and ``proof`` say where."""

    status: str
    seq: int
    checkpoint: Checkpoint | None = None
    proof: InclusionProofDoc | None = None


def normalise_hash(text: str) -> str:
    return "".join(text.split()).lower()


def reference_check(seq: int, hash_text: str) -> ReferenceCheck:
    """Is the entry a worker was given (number + hash, or at least its first 16 characters) in the
    latest signed checkpoint? The proof is computed and checked here, as a verifier would."""
    wanted = normalise_hash(hash_text)
    if not HASH_PREFIX.match(wanted):
        raise DomainError(
            _("The code has 16 to 64 characters: digits 0-9 and letters a-f."), code="bad_reference"
        )
    stored = LedgerEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first()
    if stored is None or not stored.startswith(wanted):
        return ReferenceCheck("not_found", seq)
    checkpoint = checkpoint_newest()
    if checkpoint is None or seq > checkpoint.tree_size:
        return ReferenceCheck("pending", seq, checkpoint)
    proof = inclusion_proof(seq, checkpoint.tree_size)
    leaf = merkle.leaf_hash(bytes.fromhex(stored))
    root = bytes.fromhex(checkpoint.root_hash)
    if not merkle.verify_inclusion(seq - 1, checkpoint.tree_size, leaf, proof.audit_path, root):
        return ReferenceCheck("unconfirmed", seq, checkpoint)
    return ReferenceCheck("included", seq, checkpoint, proof)
