"""``mizan ledger verify``: recompute the whole chain and tree, and compare with every signed checkpoint.

One pass in ``seq`` order with constant memory: each entry's hash is recomputed from its content and
linked to the one before (chain.walk); leaf hashes fold into 1024-leaf blocks and a frontier of block
hashes, which gives the tree root at every checkpoint's size. Checkpoints stored here and checkpoints
published elsewhere (passed in) must match; fewer entries than a signed size is truncation.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field

from mizan.privacy.ledger import merkle, signing
from mizan.privacy.ledger.chain import CHUNK_SIZE, ChainError, Problem, walk
from mizan.privacy.ledger.documents import CheckpointDoc
from mizan.privacy.ledger.models import Checkpoint, LedgerHead, MerkleBlock
from mizan.privacy.ledger.selectors import checkpoint_document
from mizan.privacy.ledger.tree import BLOCK


@dataclass
class Report:
    entries: int = 0
    checkpoints: int = 0
    published: int = 0
    latest: int = 0
    seconds: float = 0.0
    problem: Problem | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


@dataclass
class _Target:
    root: bytes
    published: bool


@dataclass
class _Targets:
    """Signed roots to meet, by tree size, and the largest size that matched so far."""

    by_size: dict[int, list[_Target]] = field(default_factory=dict)
    matched: int = 0

    def add(self, size: int, root: bytes, *, published: bool) -> None:
        self.by_size.setdefault(size, []).append(_Target(root, published))


def _signed_checkpoints(published: Sequence[CheckpointDoc], targets: _Targets) -> Problem | None:
    documents = [(checkpoint_document(row), False) for row in Checkpoint.objects.order_by("tree_size")]
    documents += [(document, True) for document in published]
    for document, is_published in documents:
        key = signing.key_for(document.origin, document.key_id)
        params = {"tree_size": document.tree_size, "key_id": document.key_id, "published": is_published}
        if key is None:
            return Problem("checkpoint_key", None, params)
        if not document.check(key).valid:
            return Problem("checkpoint_signature", None, params)
        targets.add(document.tree_size, document.root_hash, published=is_published)
    return None


def verify_ledger(*, published: Sequence[CheckpointDoc] = (), chunk_size: int = CHUNK_SIZE) -> Report:
    started = time.perf_counter()
    report = Report(published=len(published))
    report.problem = _verify(report, published, chunk_size)
    report.seconds = time.perf_counter() - started
    return report


def _verify(report: Report, published: Sequence[CheckpointDoc], chunk_size: int) -> Problem | None:
    targets = _Targets()
    problem = _signed_checkpoints(published, targets)
    if problem:
        return problem
    sizes = sorted(targets.by_size)
    report.checkpoints = len(sizes)
    report.latest = sizes[-1] if sizes else 0
    cached = {
        index: bytes.fromhex(value) for index, value in MerkleBlock.objects.values_list("number", "hash")
    }
    frontier = merkle.Frontier()
    block: list[bytes] = []
    count = 0
    next_target = 0
    root_of = merkle.root_of
    try:
        with closing(walk(chunk_size=chunk_size)) as leaves:
            for leaf in leaves:
                block.append(leaf)
                count += 1
                if len(block) == BLOCK:
                    block_hash = root_of(block)
                    index = count // BLOCK - 1
                    if index in cached and cached[index] != block_hash:
                        return Problem("cache_block", None, {"first": index * BLOCK + 1, "last": count})
                    frontier.append(block_hash, BLOCK)
                    block = []
                if next_target < len(sizes) and count == sizes[next_target]:
                    root = frontier.root(root_of(block) if block else None)
                    if any(target.root != root for target in targets.by_size[count]):
                        return Problem(
                            "checkpoint_mismatch", None, {"tree_size": count, "after": targets.matched}
                        )
                    targets.matched = count
                    next_target += 1
    except ChainError as exc:
        report.entries = count
        return exc.problem
    report.entries = count
    if sizes and count < sizes[-1]:
        return Problem("truncated", count + 1, {"entries": count, "expected": sizes[-1]})
    if cached and max(cached) >= count // BLOCK:
        # The tree cache covers entries that are no longer there.
        return Problem("truncated", count + 1, {"entries": count, "expected": (max(cached) + 1) * BLOCK})
    head = LedgerHead.objects.filter(pk=1).values_list("seq", flat=True).first()
    if head is not None and head > count:
        return Problem("truncated", count + 1, {"entries": count, "expected": head})
    if head is not None and head < count:
        return Problem("appended_outside", head + 1, {"entries": count, "expected": head})
    return None
