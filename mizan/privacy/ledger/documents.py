"""The JSON documents the ledger publishes, and how anyone checks them offline. Pure: no Django.

Three documents (all hashes lowercase hex unless said otherwise):

- checkpoint ``mizan-ledger-checkpoint/1``: origin, tree_size, root_hash, created_at, key_id, signature
  (base64 Ed25519 over the checkpoint text of mizan.privacy.ledger.note), note (the same as a signed note);
- inclusion proof ``mizan-ledger-inclusion-proof/1``: origin, seq, leaf_index (= seq - 1), tree_size,
  entry_hash, leaf_hash, root_hash, audit_path (nearest sibling first);
- consistency proof ``mizan-ledger-consistency-proof/1``: origin, first_size, second_size, first_root,
  second_root, proof.

Malformed input raises DocumentError; a well-formed document that does not prove its claim gives a
Check with ``valid`` False. Both carry a ``code`` (and ``params``) that the caller turns into words.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from typing import Any

from mizan.privacy.ledger import merkle, note
from mizan.privacy.ledger.canonical import HEX64

CHECKPOINT_FORMAT = "mizan-ledger-checkpoint/1"
INCLUSION_FORMAT = "mizan-ledger-inclusion-proof/1"
CONSISTENCY_FORMAT = "mizan-ledger-consistency-proof/1"
MAX_DOCUMENT_BYTES = 64 * 1024
MAX_SIZE = 2**63 - 1


class DocumentError(ValueError):
    """Malformed input: ``code`` says what kind, ``params`` the details (field names, formats)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code if not params else f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Check:
    valid: bool
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def load_json(text: str | bytes) -> dict[str, Any]:
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DocumentError("too_large", limit=MAX_DOCUMENT_BYTES)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise DocumentError("not_json") from exc
    if not isinstance(value, dict):
        raise DocumentError("not_object")
    return value


def _field(document: dict[str, Any], name: str) -> Any:
    if name not in document:
        raise DocumentError("missing_field", field=name)
    return document[name]


def _int(document: dict[str, Any], name: str, minimum: int) -> int:
    value = _field(document, name)
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_SIZE:
        raise DocumentError("bad_field", field=name, expected=f"a whole number >= {minimum}")
    return value


def _hex(document: dict[str, Any], name: str) -> bytes:
    value = _field(document, name)
    if not isinstance(value, str) or not HEX64.match(value):
        raise DocumentError("bad_field", field=name, expected="64 lowercase hexadecimal characters")
    return bytes.fromhex(value)


def _hex_list(document: dict[str, Any], name: str) -> list[bytes]:
    value = _field(document, name)
    if not isinstance(value, list) or len(value) > merkle.MAX_PROOF_LENGTH:
        raise DocumentError("bad_field", field=name, expected="a list of at most 64 hashes")
    if not all(isinstance(item, str) and HEX64.match(item) for item in value):
        raise DocumentError("bad_field", field=name, expected="hashes of 64 lowercase hexadecimal characters")
    return [bytes.fromhex(item) for item in value]


def _origin(document: dict[str, Any]) -> str:
    value = _field(document, "origin")
    try:
        note.check_name(value)
    except note.NoteError as exc:
        raise DocumentError("bad_field", field="origin", expected="a log name without spaces") from exc
    return str(value)


def _format(document: dict[str, Any], expected: str) -> None:
    if document.get("format") != expected:
        raise DocumentError("wrong_format", expected=expected, found=str(document.get("format"))[:80])


# --- Checkpoints ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckpointDoc:
    origin: str
    tree_size: int
    root_hash: bytes
    created_at: str
    key_id: str
    signature: bytes
    note: str | None = None

    @property
    def text(self) -> str:
        return note.checkpoint_text(self.origin, self.tree_size, self.root_hash, self.created_at)

    @property
    def signed_note(self) -> str:
        return note.signed_note(self.text, self.origin, bytes.fromhex(self.key_id), self.signature)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CHECKPOINT_FORMAT,
            "origin": self.origin,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash.hex(),
            "created_at": self.created_at,
            "key_id": self.key_id,
            "signature": base64.b64encode(self.signature).decode("ascii"),
            "note": self.signed_note,
        }

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> CheckpointDoc:
        _format(document, CHECKPOINT_FORMAT)
        created_at = _field(document, "created_at")
        if not isinstance(created_at, str) or not note.TIME_LINE.match(f"time {created_at}"):
            raise DocumentError(
                "bad_field", field="created_at", expected="a UTC time like 2025-03-01T08:15:00Z"
            )
        key_id = _field(document, "key_id")
        if not isinstance(key_id, str) or not re.fullmatch(r"[0-9a-f]{8}", key_id):
            raise DocumentError("bad_field", field="key_id", expected="8 lowercase hexadecimal characters")
        signature_text = _field(document, "signature")
        try:
            signature = base64.b64decode(str(signature_text), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DocumentError("bad_field", field="signature", expected="base64") from exc
        if not isinstance(signature_text, str) or len(signature) != note.SIGNATURE_SIZE:
            raise DocumentError(
                "bad_field", field="signature", expected="a base64 Ed25519 signature (64 bytes)"
            )
        signed = document.get("note")
        if signed is not None and not isinstance(signed, str):
            raise DocumentError("bad_field", field="note", expected="text")
        return cls(
            origin=_origin(document),
            tree_size=_int(document, "tree_size", 1),
            root_hash=_hex(document, "root_hash"),
            created_at=created_at,
            key_id=key_id,
            signature=signature,
            note=signed,
        )

    def check(self, public_raw: bytes) -> Check:
        """Is this checkpoint signed by the key ``public_raw``?"""
        expected_id = note.key_id(self.origin, public_raw)
        if self.key_id != expected_id:
            return Check(False, "key_mismatch", {"key_id": self.key_id, "expected": expected_id})
        if not note.signature_valid(self.text, public_raw, self.signature):
            return Check(False, "bad_signature")
        if self.note is not None and self.note != self.signed_note:
            return Check(False, "note_mismatch")
        return Check(True, "checkpoint_valid", {"tree_size": self.tree_size})


# --- Proofs ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InclusionProofDoc:
    origin: str
    seq: int
    tree_size: int
    entry_hash: bytes
    root_hash: bytes
    audit_path: list[bytes]
    leaf_hash: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INCLUSION_FORMAT,
            "origin": self.origin,
            "seq": self.seq,
            "leaf_index": self.seq - 1,
            "tree_size": self.tree_size,
            "entry_hash": self.entry_hash.hex(),
            "leaf_hash": merkle.leaf_hash(self.entry_hash).hex(),
            "root_hash": self.root_hash.hex(),
            "audit_path": [item.hex() for item in self.audit_path],
        }

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> InclusionProofDoc:
        _format(document, INCLUSION_FORMAT)
        seq = _int(document, "seq", 1)
        if "leaf_index" in document and document["leaf_index"] != seq - 1:
            raise DocumentError("bad_field", field="leaf_index", expected="seq - 1")
        tree_size = _int(document, "tree_size", 1)
        if seq > tree_size:
            raise DocumentError("bad_field", field="seq", expected="at most tree_size")
        return cls(
            origin=_origin(document),
            seq=seq,
            tree_size=tree_size,
            entry_hash=_hex(document, "entry_hash"),
            root_hash=_hex(document, "root_hash"),
            audit_path=_hex_list(document, "audit_path"),
            leaf_hash=_hex(document, "leaf_hash") if "leaf_hash" in document else None,
        )

    def check(self, checkpoint: CheckpointDoc, *, entry_hash: bytes | None = None) -> Check:
        """Does this proof show the entry is in ``checkpoint`` (whose signature the caller checked)?"""
        if self.origin != checkpoint.origin:
            raise DocumentError("origin_mismatch", proof=self.origin, checkpoint=checkpoint.origin)
        if self.tree_size != checkpoint.tree_size:
            raise DocumentError("size_mismatch", proof=self.tree_size, checkpoint=checkpoint.tree_size)
        if entry_hash is not None and entry_hash != self.entry_hash:
            return Check(False, "entry_mismatch", {"seq": self.seq})
        leaf = merkle.leaf_hash(self.entry_hash)
        if self.leaf_hash is not None and self.leaf_hash != leaf:
            return Check(False, "leaf_mismatch", {"seq": self.seq})
        if self.root_hash != checkpoint.root_hash:
            return Check(False, "root_mismatch", {"tree_size": self.tree_size})
        if not merkle.verify_inclusion(
            self.seq - 1, self.tree_size, leaf, self.audit_path, checkpoint.root_hash
        ):
            return Check(False, "proof_failed", {"seq": self.seq, "tree_size": self.tree_size})
        return Check(True, "included", {"seq": self.seq, "tree_size": self.tree_size})


@dataclass(frozen=True)
class ConsistencyProofDoc:
    origin: str
    first_size: int
    second_size: int
    first_root: bytes
    second_root: bytes
    proof: list[bytes]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CONSISTENCY_FORMAT,
            "origin": self.origin,
            "first_size": self.first_size,
            "second_size": self.second_size,
            "first_root": self.first_root.hex(),
            "second_root": self.second_root.hex(),
            "proof": [item.hex() for item in self.proof],
        }

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> ConsistencyProofDoc:
        _format(document, CONSISTENCY_FORMAT)
        first, second = _int(document, "first_size", 1), _int(document, "second_size", 1)
        if first > second:
            raise DocumentError("bad_field", field="first_size", expected="at most second_size")
        return cls(
            origin=_origin(document),
            first_size=first,
            second_size=second,
            first_root=_hex(document, "first_root"),
            second_root=_hex(document, "second_root"),
            proof=_hex_list(document, "proof"),
        )

    def check(self, first: CheckpointDoc, second: CheckpointDoc) -> Check:
        """Does the log of ``second`` extend the log of ``first`` without changing it?"""
        for checkpoint, size in ((first, self.first_size), (second, self.second_size)):
            if checkpoint.origin != self.origin:
                raise DocumentError("origin_mismatch", proof=self.origin, checkpoint=checkpoint.origin)
            if checkpoint.tree_size != size:
                raise DocumentError("size_mismatch", proof=size, checkpoint=checkpoint.tree_size)
        if (self.first_root, self.second_root) != (first.root_hash, second.root_hash):
            return Check(False, "root_mismatch", {"tree_size": self.second_size})
        if not merkle.verify_consistency(
            self.first_size, self.second_size, first.root_hash, second.root_hash, self.proof
        ):
            return Check(False, "not_consistent", {"first": self.first_size, "second": self.second_size})
        return Check(True, "consistent", {"first": self.first_size, "second": self.second_size})


def parse_proof(document: dict[str, Any]) -> InclusionProofDoc | ConsistencyProofDoc:
    kind = document.get("format")
    if kind == INCLUSION_FORMAT:
        return InclusionProofDoc.from_json(document)
    if kind == CONSISTENCY_FORMAT:
        return ConsistencyProofDoc.from_json(document)
    raise DocumentError(
        "wrong_format", expected=f"{INCLUSION_FORMAT} or {CONSISTENCY_FORMAT}", found=str(kind)[:80]
    )
