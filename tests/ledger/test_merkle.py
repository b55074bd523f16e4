"""The Merkle tree against RFC 6962: hand-computed roots, the published test vectors, and properties."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.privacy.ledger import merkle


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def reference_mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 §2.1 MTH, written straight from the RFC (recursive split at the largest power of two)."""
    n = len(leaves)
    if n == 0:
        return sha(b"")
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return sha(b"\x01" + reference_mth(leaves[:k]) + reference_mth(leaves[k:]))


def leaves_of(count: int) -> list[bytes]:
    return [merkle.leaf_hash(sha(str(i).encode())) for i in range(count)]


# --- Hand-computed small trees ---------------------------------------------------------------------------


def test_leaf_and_node_hashes_use_the_rfc_prefixes() -> None:
    entry = sha(b"entry")
    assert merkle.leaf_hash(entry) == sha(b"\x00" + entry)
    assert merkle.node_hash(b"L" * 32, b"R" * 32) == sha(b"\x01" + b"L" * 32 + b"R" * 32)
    assert merkle.empty_root() == bytes.fromhex(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_roots_of_trees_of_one_to_five_leaves_by_hand() -> None:
    a, b, c, d, e = (merkle.leaf_hash(sha(letter)) for letter in (b"a", b"b", b"c", b"d", b"e"))

    def node(left: bytes, right: bytes) -> bytes:
        return sha(b"\x01" + left + right)

    assert merkle.root_of([a]) == a
    assert merkle.root_of([a, b]) == node(a, b)
    assert merkle.root_of([a, b, c]) == node(node(a, b), c)  # split at 2, c is promoted
    assert merkle.root_of([a, b, c, d]) == node(node(a, b), node(c, d))
    assert merkle.root_of([a, b, c, d, e]) == node(node(node(a, b), node(c, d)), e)


def test_the_audit_path_of_a_leaf_in_a_tree_of_five_by_hand() -> None:
    leaves = leaves_of(5)
    a, b, c, d, e = leaves
    subtree = merkle.list_subtree(leaves)
    ab, cd = merkle.node_hash(a, b), merkle.node_hash(c, d)
    assert merkle.inclusion_proof(2, 5, subtree) == [d, ab, e]
    assert merkle.inclusion_proof(4, 5, subtree) == [merkle.node_hash(ab, cd)]
    assert merkle.consistency_proof(3, 5, subtree) == [c, d, ab, e]


# --- The RFC 6962 test vectors (certificate-transparency, Trillian, Go's sumdb/tlog) ----------------------

VECTOR_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
VECTOR_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
VECTOR_HASHES = [merkle.leaf_hash(bytes.fromhex(leaf)) for leaf in VECTOR_LEAVES]


@pytest.mark.parametrize("size", range(1, 9))
def test_published_roots(size: int) -> None:
    assert merkle.root_of(VECTOR_HASHES[:size]).hex() == VECTOR_ROOTS[size - 1]
    frontier = merkle.Frontier()
    for leaf in VECTOR_HASHES[:size]:
        frontier.append(leaf)
    assert frontier.root().hex() == VECTOR_ROOTS[size - 1]


def test_published_inclusion_proofs() -> None:
    subtree = merkle.list_subtree(VECTOR_HASHES)
    path = [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]
    proof = merkle.inclusion_proof(5, 8, subtree)
    assert [item.hex() for item in proof] == path
    root = bytes.fromhex(VECTOR_ROOTS[7])
    assert merkle.verify_inclusion(5, 8, VECTOR_HASHES[5], proof, root)
    assert not merkle.verify_inclusion(4, 8, VECTOR_HASHES[5], proof, root)
    three = merkle.list_subtree(VECTOR_HASHES[:3])
    assert merkle.inclusion_proof(2, 3, three) == [bytes.fromhex(VECTOR_ROOTS[1])]


def test_published_consistency_proofs() -> None:
    subtree = merkle.list_subtree(VECTOR_HASHES)
    proof = merkle.consistency_proof(6, 8, subtree)
    assert [item.hex() for item in proof] == [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]
    roots = [bytes.fromhex(root) for root in VECTOR_ROOTS]
    assert merkle.verify_consistency(6, 8, roots[5], roots[7], proof)
    assert not merkle.verify_consistency(6, 8, roots[4], roots[7], proof)
    five = merkle.list_subtree(VECTOR_HASHES[:5])
    two_to_five = merkle.consistency_proof(2, 5, five)
    assert [item.hex() for item in two_to_five] == [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ]
    assert merkle.verify_consistency(2, 5, roots[1], roots[4], two_to_five)


# --- Properties -------------------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=300))
def test_the_fast_root_is_the_rfc_root(size: int) -> None:
    leaves = leaves_of(size)
    assert merkle.root_of(leaves) == reference_mth(leaves)


@given(st.integers(min_value=1, max_value=300), st.data())
def test_the_frontier_gives_the_root_at_every_size_and_with_a_partial_tail(
    size: int, data: st.DataObject
) -> None:
    leaves = leaves_of(size)
    frontier = merkle.Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.root() == reference_mth(leaves)
    # Blocks of 4 as weighted leaves plus a partial tail, as `verify` folds 1024-leaf blocks.
    whole = size - size % 4
    blocks = merkle.Frontier()
    for start in range(0, whole, 4):
        blocks.append(merkle.root_of(leaves[start : start + 4]), 4)
    tail = merkle.root_of(leaves[whole:]) if size % 4 else None
    assert blocks.root(tail) == reference_mth(leaves)


@settings(max_examples=150)
@given(st.integers(min_value=1, max_value=130), st.data())
def test_every_inclusion_proof_verifies_and_any_change_fails(size: int, data: st.DataObject) -> None:
    leaves = leaves_of(size)
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    root = reference_mth(leaves)
    proof = merkle.inclusion_proof(index, size, merkle.list_subtree(leaves))
    assert merkle.verify_inclusion(index, size, leaves[index], proof, root)
    # Another leaf, index or root fails. (The size is bound by the signed checkpoint, not by the path.)
    assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"other"), proof, root)
    assert not merkle.verify_inclusion(index, size, leaves[index], proof, sha(b"root"))
    if size > 1:
        other = data.draw(st.integers(min_value=0, max_value=size - 1).filter(lambda i: i != index))
        assert not merkle.verify_inclusion(other, size, leaves[index], proof, root)
    # A changed, dropped or added hash fails.
    if proof:
        position = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        flipped = bytearray(proof[position])
        flipped[data.draw(st.integers(min_value=0, max_value=31))] ^= 1 << data.draw(st.integers(0, 7))
        altered = [*proof[:position], bytes(flipped), *proof[position + 1 :]]
        assert not merkle.verify_inclusion(index, size, leaves[index], altered, root)
        assert not merkle.verify_inclusion(index, size, leaves[index], proof[:-1], root)
    assert not merkle.verify_inclusion(index, size, leaves[index], [*proof, sha(b"extra")], root)


@settings(max_examples=150)
@given(st.integers(min_value=1, max_value=130), st.data())
def test_every_consistency_proof_verifies_and_any_change_fails(second: int, data: st.DataObject) -> None:
    leaves = leaves_of(second)
    first = data.draw(st.integers(min_value=1, max_value=second))
    old, new = reference_mth(leaves[:first]), reference_mth(leaves)
    proof = merkle.consistency_proof(first, second, merkle.list_subtree(leaves))
    assert merkle.verify_consistency(first, second, old, new, proof)
    if first == second:
        assert proof == []
        assert not merkle.verify_consistency(first, second, old, sha(b"changed"), proof)
        return
    assert not merkle.verify_consistency(first, second, sha(b"rewritten history"), new, proof)
    assert not merkle.verify_consistency(first, second, old, sha(b"other"), proof)
    position = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
    altered = [*proof[:position], sha(b"forged"), *proof[position + 1 :]]
    assert not merkle.verify_consistency(first, second, old, new, altered)
    assert not merkle.verify_consistency(first, second, old, new, proof[:-1])
    assert not merkle.verify_consistency(first, second, old, new, [])
    # A different history of the same size has another old root, which the proof cannot reach.
    forged = [merkle.leaf_hash(b"forged"), *leaves[1:]]
    assert not merkle.verify_consistency(first, second, reference_mth(forged[:first]), new, proof)


def test_bad_proof_requests_are_refused() -> None:
    subtree = merkle.list_subtree(leaves_of(4))
    with pytest.raises(ValueError, match="not in a tree"):
        merkle.inclusion_proof(4, 4, subtree)
    with pytest.raises(ValueError, match="no consistency proof"):
        merkle.consistency_proof(0, 4, subtree)
    with pytest.raises(ValueError, match="no consistency proof"):
        merkle.consistency_proof(5, 4, subtree)
    assert not merkle.verify_inclusion(0, 0, b"x" * 32, [], b"x" * 32)
    assert not merkle.verify_inclusion(0, 2, b"x" * 32, [b"y" * 32] * 65, b"x" * 32)
    assert not merkle.verify_consistency(0, 3, b"x" * 32, b"x" * 32, [b"x" * 32])
    assert not merkle.verify_consistency(3, 2, b"x" * 32, b"x" * 32, [b"x" * 32])
