"""Signed checkpoints, proofs from the database, and key rotation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mizan.common.errors import DomainError
from mizan.privacy.ledger import keys, merkle, note, selectors, signing
from mizan.privacy.ledger.models import Checkpoint, MerkleBlock
from mizan.privacy.ledger.services import checkpoint_create
from mizan.privacy.ledger.tree import BLOCK, LedgerBrokenError, TreeReader
from mizan.privacy.ledger.verify import verify_ledger
from tests.ledger.helpers import TABLE, append, bulk_chain, chain_hashes, extend_chain, raw

pytestmark = pytest.mark.django_db


def leaves(count: int) -> list[bytes]:
    return [merkle.leaf_hash(bytes.fromhex(value)) for value in chain_hashes(count)]


def test_a_checkpoint_signs_the_root_of_every_entry() -> None:
    hashes = bulk_chain(5)
    checkpoint = checkpoint_create(now=datetime(2025, 3, 1, 8, 15, 30, 123, tzinfo=UTC))
    assert checkpoint.tree_size == 5
    assert checkpoint.root_hash == merkle.root_of(merkle.leaf_hash(bytes.fromhex(h)) for h in hashes).hex()
    document = selectors.checkpoint_document(checkpoint)
    assert document.created_at == "2025-03-01T08:15:30Z"
    assert document.origin == signing.origin()
    assert document.check(signing.public_key()).valid
    assert selectors.checkpoint_signature_valid(checkpoint)
    assert note.open_note(document.to_json()["note"], document.origin, signing.public_key()) == document.text


def test_nothing_new_gives_the_same_checkpoint_and_an_empty_ledger_none() -> None:
    with pytest.raises(DomainError) as caught:
        checkpoint_create()
    assert caught.value.code == "ledger_empty"
    append(2)
    first = checkpoint_create()
    assert checkpoint_create().pk == first.pk
    append(1)
    assert checkpoint_create().tree_size == 3
    assert Checkpoint.objects.count() == 2


def test_a_damaged_chain_is_never_signed() -> None:
    append(4)
    checkpoint_create()
    append(3)
    raw(f"UPDATE {TABLE} SET subject = %s WHERE seq = 6", ["contract:changed"])  # noqa: S608
    with pytest.raises(LedgerBrokenError) as caught:
        checkpoint_create()
    assert caught.value.params == {"seq": 6}
    assert Checkpoint.objects.count() == 1


def test_a_new_checkpoint_must_extend_the_last_one() -> None:
    bulk_chain(BLOCK + 3)
    checkpoint_create()
    extend_chain(BLOCK + 9)
    # Someone changes the cached tree hash: the new root would not extend the signed one, so no signing.
    raw(f"UPDATE {MerkleBlock._meta.db_table} SET hash = %s WHERE number = 0", ["ab" * 32])  # noqa: S608
    with pytest.raises(LedgerBrokenError) as caught:
        checkpoint_create()
    assert "no longer matches its last signed checkpoint" in str(caught.value.message)
    assert Checkpoint.objects.count() == 1


@pytest.mark.parametrize("size", [1, 2, 3, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK + 5])
def test_roots_and_proofs_from_the_database_match_the_rfc_tree(size: int) -> None:
    bulk_chain(size)
    checkpoint = checkpoint_create()
    expected = leaves(size)
    assert checkpoint.root_hash == merkle.root_of(expected).hex()
    assert MerkleBlock.objects.count() == size // BLOCK
    reader = TreeReader(size)
    root = bytes.fromhex(checkpoint.root_hash)
    for index in {0, size // 2, size - 1}:
        proof = reader.inclusion_proof(index)
        assert proof == merkle.inclusion_proof(index, size, merkle.list_subtree(expected))
        assert merkle.verify_inclusion(index, size, expected[index], proof, root)


def test_incremental_checkpoints_extend_each_other_consistently() -> None:
    bulk_chain(BLOCK + 10)
    first = checkpoint_create()
    extend_chain(2 * BLOCK + 39)
    second = checkpoint_create()
    assert second.root_hash == merkle.root_of(leaves(2 * BLOCK + 39)).hex()
    proof = selectors.consistency_proof(first.tree_size, second.tree_size)
    assert merkle.verify_consistency(
        first.tree_size,
        second.tree_size,
        bytes.fromhex(first.root_hash),
        bytes.fromhex(second.root_hash),
        proof.proof,
    )
    assert verify_ledger().intact


def test_reference_checks_for_the_page() -> None:
    hashes = bulk_chain(6)
    assert selectors.reference_check(3, hashes[2]).status == "pending"
    checkpoint_create()
    append(1)
    assert selectors.reference_check(3, hashes[2]).status == "included"
    assert selectors.reference_check(3, hashes[2][:16].upper()).status == "included"
    assert selectors.reference_check(3, hashes[3]).status == "not_found"
    assert selectors.reference_check(99, hashes[2]).status == "not_found"
    assert (
        selectors.reference_check(7, selectors.LedgerEntry.objects.get(seq=7).entry_hash).status == "pending"
    )
    with pytest.raises(DomainError):
        selectors.reference_check(3, "abc")


def test_old_checkpoints_stay_valid_after_a_key_rotation(settings: pytest.FixtureRequest) -> None:
    append(3)
    old = checkpoint_create()
    old_public = signing.public_key()
    settings.MIZAN_LEDGER_SIGNING_KEY = keys.private_key_seed(Ed25519PrivateKey.generate())  # type: ignore[attr-defined]
    # Without the old public key the old checkpoint names an unknown key…
    report = verify_ledger()
    assert report.problem is not None
    assert report.problem.code == "checkpoint_key"
    # …listed as a previous key, it verifies, and new checkpoints use the new key.
    settings.MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS = [keys.b64(old_public)]  # type: ignore[attr-defined]
    append(1)
    new = checkpoint_create()
    assert new.key_id != old.key_id
    assert verify_ledger().intact
    assert selectors.checkpoint_signature_valid(old)
    assert [key["public_key"] for key in selectors.public_key_document()["previous"]] == [
        keys.b64(old_public)
    ]
