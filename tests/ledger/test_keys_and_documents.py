"""Keys, signed notes and the published JSON documents: exact formats, and clear errors for bad input."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mizan.privacy.ledger import keys, merkle, note
from mizan.privacy.ledger.documents import (
    CheckpointDoc,
    ConsistencyProofDoc,
    DocumentError,
    InclusionProofDoc,
    load_json,
    parse_proof,
)

# golang.org/x/mod/sumdb/note, note_test.go: an independent implementation's published signed note.
GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
)
GO_SIGNATURE = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
GO_NOTE = f"{GO_TEXT}\n— PeterNeumann {GO_SIGNATURE}\n"


def go_private_key() -> Ed25519PrivateKey:
    seed = base64.b64decode(GO_SIGNER.split("+", 4)[4])[1:]
    return keys.parse_private_key(base64.b64encode(seed).decode())


def test_signed_notes_match_gos_sumdb_note_byte_for_byte() -> None:
    private = go_private_key()
    public = keys.public_key_raw(private)
    assert note.verifier_key("PeterNeumann", public) == GO_VERIFIER
    signature = note.sign(GO_TEXT, private)
    assert (
        note.signed_note(GO_TEXT, "PeterNeumann", note.key_hash("PeterNeumann", public), signature) == GO_NOTE
    )
    assert note.open_note(GO_NOTE, "PeterNeumann", public) == GO_TEXT
    assert note.open_note(GO_NOTE.replace("cryptography", "cryptographY"), "PeterNeumann", public) is None
    assert keys.parse_public_key(GO_VERIFIER) == public


def test_checkpoint_text_round_trips() -> None:
    root = merkle.leaf_hash(b"x")
    text = note.checkpoint_text("mizan.example/ledger", 42, root, "2025-03-01T08:15:00Z")
    assert text == f"mizan.example/ledger\n42\n{keys.b64(root)}\ntime 2025-03-01T08:15:00Z\n"
    assert note.parse_checkpoint_text(text) == ("mizan.example/ledger", 42, root, "2025-03-01T08:15:00Z")
    for bad in ("x\n", text.replace("\n42\n", "\n-1\n"), text.replace("time ", "when "), text + "extra\n"):
        with pytest.raises(note.NoteError):
            note.parse_checkpoint_text(bad)
    with pytest.raises(note.NoteError, match="no spaces"):
        note.checkpoint_text("my log", 1, root, "2025-03-01T08:15:00Z")


# --- Keys -----------------------------------------------------------------------------------------------


def test_private_keys_are_read_from_pem_or_base64_seed() -> None:
    private = Ed25519PrivateKey.generate()
    pem = keys.private_key_pem(private)
    seed = keys.private_key_seed(private)
    assert keys.public_key_raw(keys.parse_private_key(pem)) == keys.public_key_raw(private)
    assert keys.public_key_raw(keys.parse_private_key(seed)) == keys.public_key_raw(private)
    urlsafe = base64.urlsafe_b64encode(base64.b64decode(seed)).decode().rstrip("=")
    assert keys.public_key_raw(keys.parse_private_key(urlsafe)) == keys.public_key_raw(private)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("not a key at all!", "neither PEM nor base64"),
        (base64.b64encode(b"short").decode(), "32 bytes"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "cannot be read"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not a private key"),
    ],
)
def test_bad_private_keys_are_refused_clearly(text: str, reason: str) -> None:
    with pytest.raises(keys.KeyFormatError, match=reason):
        keys.parse_private_key(text)


def test_a_truncated_pem_key_is_refused_without_echoing_it() -> None:
    pem = keys.generate_private_key_pem()
    truncated = pem[: len(pem) // 2] + "\n-----END PRIVATE KEY-----\n"
    with pytest.raises(keys.KeyFormatError) as caught:
        keys.parse_private_key(truncated)
    assert pem.splitlines()[1][:20] not in str(caught.value)


def test_an_rsa_key_is_not_an_ed25519_key() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        .decode()
    )
    with pytest.raises(keys.KeyFormatError, match="not an Ed25519"):
        keys.parse_private_key(pem)


def test_public_keys_are_read_in_every_published_form() -> None:
    raw = keys.public_key_raw(Ed25519PrivateKey.generate())
    forms = [
        keys.b64(raw),
        keys.public_key_pem(raw),
        note.verifier_key("mizan.example/ledger", raw),
        json.dumps({"algorithm": "Ed25519", "public_key": keys.b64(raw)}),
    ]
    assert all(keys.parse_public_key(form) == raw for form in forms)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("{}", "public_key"),
        ("{not json", "cannot be read"),
        (keys.b64(b"x" * 31), "32 bytes"),
        ("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "cannot be read"),
    ],
)
def test_bad_public_keys_are_refused_clearly(text: str, reason: str) -> None:
    with pytest.raises(keys.KeyFormatError, match=reason):
        keys.parse_public_key(text)


# --- Documents ------------------------------------------------------------------------------------------


def signed_checkpoint(private: Ed25519PrivateKey, size: int, root: bytes) -> CheckpointDoc:
    public = keys.public_key_raw(private)
    text = note.checkpoint_text("mizan.example/ledger", size, root, "2025-03-01T08:15:00Z")
    return CheckpointDoc(
        origin="mizan.example/ledger",
        tree_size=size,
        root_hash=root,
        created_at="2025-03-01T08:15:00Z",
        key_id=note.key_id("mizan.example/ledger", public),
        signature=note.sign(text, private),
    )


def test_a_checkpoint_document_round_trips_and_checks() -> None:
    private = Ed25519PrivateKey.generate()
    public = keys.public_key_raw(private)
    document = signed_checkpoint(private, 5, merkle.leaf_hash(b"r")).to_json()
    parsed = CheckpointDoc.from_json(json.loads(json.dumps(document)))
    assert parsed.check(public).valid
    assert note.open_note(document["note"], "mizan.example/ledger", public) == parsed.text
    other = keys.public_key_raw(Ed25519PrivateKey.generate())
    assert parsed.check(other).code == "key_mismatch"
    forged = CheckpointDoc.from_json({**document, "tree_size": 6})
    assert forged.check(public).code == "bad_signature"
    assert (
        CheckpointDoc.from_json({**document, "note": document["note"] + "x"}).check(public).code
        == "note_mismatch"
    )


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"format": "something-else"}, "wrong_format", None),
        ({"tree_size": None}, "bad_field", "tree_size"),
        ({"tree_size": 0}, "bad_field", "tree_size"),
        ({"tree_size": True}, "bad_field", "tree_size"),
        ({"root_hash": "ABC"}, "bad_field", "root_hash"),
        ({"signature": "not base64!"}, "bad_field", "signature"),
        ({"signature": keys.b64(b"short")}, "bad_field", "signature"),
        ({"key_id": "xyz"}, "bad_field", "key_id"),
        ({"created_at": "yesterday"}, "bad_field", "created_at"),
        ({"origin": "has space"}, "bad_field", "origin"),
        ({"note": 5}, "bad_field", "note"),
    ],
)
def test_malformed_checkpoints_name_what_is_wrong(change: dict, code: str, field: str | None) -> None:
    document = signed_checkpoint(Ed25519PrivateKey.generate(), 5, merkle.leaf_hash(b"r")).to_json()
    with pytest.raises(DocumentError) as caught:
        CheckpointDoc.from_json({**document, **change})
    assert caught.value.code == code
    if field:
        assert caught.value.params["field"] == field


def test_a_missing_field_is_named() -> None:
    document = signed_checkpoint(Ed25519PrivateKey.generate(), 5, merkle.leaf_hash(b"r")).to_json()
    del document["root_hash"]
    with pytest.raises(DocumentError) as caught:
        CheckpointDoc.from_json(document)
    assert (caught.value.code, caught.value.params) == ("missing_field", {"field": "root_hash"})


@pytest.mark.parametrize(
    ("text", "code"), [("[1]", "not_object"), ("{", "not_json"), ("x" * 70_000, "too_large")]
)
def test_unreadable_json_is_told_apart(text: str, code: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_json(text)
    assert caught.value.code == code


def tree(size: int) -> tuple[list[bytes], list[bytes]]:
    entries = [merkle.leaf_hash(bytes([i])) for i in range(size)]  # stand-ins for entry hashes
    return entries, [merkle.leaf_hash(entry) for entry in entries]


def test_inclusion_proof_documents_check_against_a_checkpoint() -> None:
    private = Ed25519PrivateKey.generate()
    entries, leaves = tree(7)
    checkpoint = signed_checkpoint(private, 7, merkle.root_of(leaves))
    path = merkle.inclusion_proof(3, 7, merkle.list_subtree(leaves))
    proof = InclusionProofDoc("mizan.example/ledger", 4, 7, entries[3], checkpoint.root_hash, path)
    parsed = parse_proof(json.loads(json.dumps(proof.to_json())))
    assert isinstance(parsed, InclusionProofDoc)
    assert parsed.check(checkpoint).valid
    assert parsed.check(checkpoint, entry_hash=entries[3]).valid
    assert parsed.check(checkpoint, entry_hash=entries[2]).code == "entry_mismatch"
    moved = InclusionProofDoc.from_json({**proof.to_json(), "seq": 5, "leaf_index": 4})
    assert moved.check(checkpoint).code == "proof_failed"
    relabelled = InclusionProofDoc.from_json({**proof.to_json(), "leaf_hash": leaves[0].hex()})
    assert relabelled.check(checkpoint).code == "leaf_mismatch"
    other_root = signed_checkpoint(private, 7, merkle.leaf_hash(b"other"))
    assert parsed.check(other_root).code == "root_mismatch"
    with pytest.raises(DocumentError) as caught:
        parsed.check(signed_checkpoint(private, 8, checkpoint.root_hash))
    assert caught.value.code == "size_mismatch"
    with pytest.raises(DocumentError, match="leaf_index"):
        InclusionProofDoc.from_json({**proof.to_json(), "leaf_index": 0})
    with pytest.raises(DocumentError, match="audit_path"):
        InclusionProofDoc.from_json({**proof.to_json(), "audit_path": ["zz"]})


def test_consistency_proof_documents_check_against_two_checkpoints() -> None:
    private = Ed25519PrivateKey.generate()
    _, leaves = tree(9)
    old = signed_checkpoint(private, 4, merkle.root_of(leaves[:4]))
    new = signed_checkpoint(private, 9, merkle.root_of(leaves))
    path = merkle.consistency_proof(4, 9, merkle.list_subtree(leaves))
    proof = ConsistencyProofDoc("mizan.example/ledger", 4, 9, old.root_hash, new.root_hash, path)
    parsed = parse_proof(proof.to_json())
    assert isinstance(parsed, ConsistencyProofDoc)
    assert parsed.check(old, new).valid
    rewritten = signed_checkpoint(private, 4, merkle.root_of([merkle.leaf_hash(b"x"), *leaves[1:4]]))
    lying = ConsistencyProofDoc.from_json({**proof.to_json(), "first_root": rewritten.root_hash.hex()})
    assert lying.check(rewritten, new).code == "not_consistent"
    with pytest.raises(DocumentError, match="first_size"):
        ConsistencyProofDoc.from_json({**proof.to_json(), "first_size": 10})
    with pytest.raises(DocumentError) as caught:
        parse_proof({"format": "mizan-ledger-checkpoint/1"})
    assert caught.value.code == "wrong_format"
