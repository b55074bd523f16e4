"""What the ledger API gives: the published documents (see mizan.privacy.ledger.documents)."""

from __future__ import annotations

from typing import Literal

from ninja import Schema
from pydantic import Field

HexHash = Field(description="SHA-256, 64 lowercase hexadecimal characters.")


class CheckpointOut(Schema):
    format: Literal["mizan-ledger-checkpoint/1"]
    origin: str = Field(description="The log's name; also the signer's name in the signed note.")
    tree_size: int = Field(description="How many entries the checkpoint covers (entries 1 … tree_size).")
    root_hash: str = HexHash
    created_at: str = Field(description="When it was signed, UTC, to the second.")
    key_id: str = Field(description="The signing key's 4-byte hash (signed-note key hash), hex.")
    signature: str = Field(description="Base64 Ed25519 signature over the checkpoint text.")
    note: str = Field(description="The same checkpoint as a C2SP signed note.")


class InclusionProofOut(Schema):
    format: Literal["mizan-ledger-inclusion-proof/1"]
    origin: str
    seq: int = Field(description="The entry's number.")
    leaf_index: int = Field(description="seq - 1: the leaf's place in the tree.")
    tree_size: int = Field(description="The size of the checkpoint the proof is for.")
    entry_hash: str = HexHash
    leaf_hash: str = Field(description="SHA-256(0x00 ‖ entry hash bytes), hex.")
    root_hash: str = Field(description="The checkpoint's root hash, hex.")
    audit_path: list[str] = Field(description="Sibling hashes from the leaf up (RFC 6962 PATH), hex.")


class ConsistencyProofOut(Schema):
    format: Literal["mizan-ledger-consistency-proof/1"]
    origin: str
    first_size: int
    second_size: int
    first_root: str = HexHash
    second_root: str = HexHash
    proof: list[str] = Field(description="RFC 6962 PROOF(first, D[second]), hex.")


class KeyOut(Schema):
    key_id: str
    public_key: str = Field(description="The raw 32-byte Ed25519 public key, base64.")
    public_key_pem: str
    verifier_key: str = Field(description="The key as a signed-note verifier key (name+hash+key).")


class PublicKeyOut(KeyOut):
    algorithm: Literal["Ed25519"]
    origin: str
    previous: list[KeyOut] = Field(description="Keys rotated out; their checkpoints stay valid.")
