"""The Merkle tree over the stored entries: subtree hashes for roots and proofs, from the database.

Complete blocks of 1024 leaves have their hash cached (MerkleBlock), so a root or a proof over a million
entries reads about a thousand cached hashes and at most two blocks' entries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError
from mizan.privacy.ledger import merkle
from mizan.privacy.ledger.models import LedgerEntry, MerkleBlock

BLOCK = 1024


class LedgerBrokenError(DomainError):
    status = 409
    code = "ledger_broken"


def _broken(seq: int) -> LedgerBrokenError:
    return LedgerBrokenError(
        _("The ledger is damaged near entry %(seq)s. Run “mizan ledger verify”."), seq=seq
    )


def leaves(start: int, end: int) -> list[bytes]:
    """Leaf hashes of leaves [start, end) (entries start + 1 … end)."""
    rows = list(
        LedgerEntry.objects.filter(seq__gt=start, seq__lte=end)
        .order_by("seq")
        .values_list("seq", "entry_hash")
    )
    if len(rows) != end - start or (rows and (rows[0][0] != start + 1 or rows[-1][0] != end)):
        raise _broken(start + 1)
    try:
        return [merkle.leaf_hash(bytes.fromhex(entry_hash)) for _seq, entry_hash in rows]
    except ValueError as exc:
        raise _broken(start + 1) from exc


class TreeReader:
    """``subtree(start, end)`` for the tree of the first ``size`` entries, using cached blocks."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._blocks: dict[int, bytes] | None = None

    def _cached(self, index: int) -> bytes | None:
        if self._blocks is None:
            rows = MerkleBlock.objects.filter(number__lt=self.size // BLOCK).values_list("number", "hash")
            self._blocks = {index: bytes.fromhex(value) for index, value in rows}
        return self._blocks.get(index)

    def subtree(self, start: int, end: int) -> bytes:
        if not 0 <= start < end <= self.size:
            raise ValueError(f"no subtree [{start}, {end}) in a tree of {self.size}")
        size = end - start
        if size == BLOCK and start % BLOCK == 0:
            cached = self._cached(start // BLOCK)
            if cached is not None:
                return cached
        if size <= BLOCK:
            return merkle.root_of(leaves(start, end))
        k = merkle.split_point(size)
        return merkle.node_hash(self.subtree(start, start + k), self.subtree(start + k, end))

    def root(self) -> bytes:
        return self.subtree(0, self.size) if self.size else merkle.empty_root()

    def inclusion_proof(self, index: int) -> list[bytes]:
        return merkle.inclusion_proof(index, self.size, self.subtree)

    def consistency_proof(self, first: int) -> list[bytes]:
        return merkle.consistency_proof(first, self.size, self.subtree)


class BlockBuilder:
    """Collects leaf hashes in order from leaf ``start`` (a multiple of BLOCK) and stores each full block."""

    def __init__(self, start: int) -> None:
        assert start % BLOCK == 0
        self.index = start // BLOCK
        self.pending: list[bytes] = []
        self._new: list[MerkleBlock] = []

    def add(self, leaves_in_order: Iterable[bytes]) -> None:
        for leaf in leaves_in_order:
            self.pending.append(leaf)
            if len(self.pending) == BLOCK:
                self._new.append(MerkleBlock(number=self.index, hash=merkle.root_of(self.pending).hex()))
                self.index += 1
                self.pending = []
                if len(self._new) >= 500:
                    self.flush()

    def flush(self) -> None:
        MerkleBlock.objects.bulk_create(self._new, ignore_conflicts=True)
        self._new = []


def next_block_start() -> int:
    """The first leaf not yet covered by a cached block."""
    last = MerkleBlock.objects.order_by("-number").values_list("number", flat=True).first()
    return 0 if last is None else (last + 1) * BLOCK
