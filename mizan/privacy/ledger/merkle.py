"""Merkle trees as in RFC 6962 (Certificate Transparency) §2.1, with RFC 9162's proof checks. Pure.

Leaves are the ledger's entry hashes in order: leaf ``i`` (from 0) is entry ``seq = i + 1``.

- leaf hash: ``SHA-256(0x00 || entry_hash)`` (the 32 bytes, not the hex text)
- node hash: ``SHA-256(0x01 || left || right)``
- the tree over n leaves splits at k, the largest power of two below n: ``MTH(D[0:n]) =
  node(MTH(D[0:k]), MTH(D[k:n]))``; the empty tree's hash is SHA-256 of nothing.

Proof generation takes ``subtree(start, end)``, a function giving the hash of leaves [start, end), so
the caller decides where hashes come from (a list in tests, the database and its cache on the server).
Every range it is asked for starts at a multiple of the smallest power of two >= its length.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

HASH_SIZE = 32
MAX_PROOF_LENGTH = 64  # a tree of 2**64 leaves needs at most 64 hashes per proof

Subtree = Callable[[int, int], bytes]


def leaf_hash(entry_hash: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry_hash).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def empty_root() -> bytes:
    return hashlib.sha256(b"").digest()


def split_point(size: int) -> int:
    """The largest power of two strictly smaller than ``size`` (size >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


class Frontier:
    """The right edge of a growing tree: one hash per complete subtree, largest first (O(log n) memory).

    ``append`` leaf hashes in order; ``root()`` is then the RFC 6962 hash of all of them.
    """

    __slots__ = ("_hashes", "_sizes", "size")

    def __init__(self) -> None:
        self._sizes: list[int] = []
        self._hashes: list[bytes] = []
        self.size = 0

    def append(self, leaf: bytes, weight: int = 1) -> None:
        """Add a leaf hash, or (``weight`` = 2**j, aligned) the hash of a complete subtree of 2**j leaves."""
        sizes, hashes = self._sizes, self._hashes
        size, value = weight, leaf
        while sizes and sizes[-1] == size:
            value = node_hash(hashes.pop(), value)
            size += sizes.pop()
        sizes.append(size)
        hashes.append(value)
        self.size += weight

    def root(self, tail: bytes | None = None) -> bytes:
        """The tree hash; ``tail`` is the hash of the leaves that close the tree (a partial block), if any."""
        if not self._hashes and tail is None:
            return empty_root()
        hashes = self._hashes
        value = tail if tail is not None else hashes[-1]
        for index in range(len(hashes) - (1 if tail is None else 0) - 1, -1, -1):
            value = node_hash(hashes[index], value)
        return value


def root_of(leaves: Iterable[bytes]) -> bytes:
    """The tree hash of a sequence of leaf hashes.

    Pairs neighbours level by level, carrying an odd last node up unchanged: for every size this gives
    the same tree as RFC 6962's split at the largest power of two (tests check it), with less work.
    """
    level = list(leaves)
    if not level:
        return empty_root()
    sha256 = hashlib.sha256
    while len(level) > 1:
        paired = [sha256(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def list_subtree(leaves: Sequence[bytes]) -> Subtree:
    """``subtree`` over an in-memory list of leaf hashes."""
    return lambda start, end: root_of(leaves[start:end])


# --- Proofs ---------------------------------------------------------------------------------------------


def inclusion_proof(index: int, size: int, subtree: Subtree) -> list[bytes]:
    """RFC 6962 §2.1.1 PATH(index, D[0:size]): the audit path, nearest sibling first."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size}")
    path: list[bytes] = []
    start, end = 0, size
    # Walk down from the root, noting the sibling of each step; the path lists them bottom-up.
    while end - start > 1:
        k = split_point(end - start)
        if index < start + k:
            path.append(subtree(start + k, end))
            end = start + k
        else:
            path.append(subtree(start, start + k))
            start += k
    path.reverse()
    return path


def consistency_proof(first: int, second: int, subtree: Subtree) -> list[bytes]:
    """RFC 6962 §2.1.2 PROOF(first, D[0:second]): empty when the sizes are equal."""
    if not 0 < first <= second:
        raise ValueError(f"no consistency proof from {first} to {second}")
    path: list[bytes] = []
    start, end, m, whole = 0, second, first, True
    while True:
        n = end - start
        if m == n:
            if not whole:
                path.append(subtree(start, end))
            break
        k = split_point(n)
        if m <= k:
            path.append(subtree(start + k, end))
            end = start + k
        else:
            path.append(subtree(start, start + k))
            start, m, whole = start + k, m - k, False
    path.reverse()
    return path


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2: is ``leaf`` (a leaf hash) at ``index`` in the tree of ``size`` with ``root``?"""
    if not 0 <= index < size or len(proof) > MAX_PROOF_LENGTH:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: is the tree of ``second`` leaves an extension of the one of ``first``?"""
    if not 0 < first <= second or len(proof) > MAX_PROOF_LENGTH:
        return False
    if first == second:
        return not proof and first_root == second_root
    if not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:  # a power of two: the old root is itself a node of the new tree
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0
