"""Top k by partial sort, with a deterministic tie order that favours nobody systematically.

Order: higher score first; equal scores by a hash of (salt, key), where the salt comes from the other side
of the match (the vacancy when ranking workers, the worker when ranking vacancies); then by key. The hash
is not derived from any personal fact, and because the salt changes from one vacancy to the next, no
worker (for instance the one registered last, with the largest key) is always placed after an equal one.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
_MASK = (1 << 64) - 1


def salt_for(key: int | str) -> int:
    """A stable 64-bit salt for a vacancy or worker key (the same across processes and restarts)."""
    return int.from_bytes(
        hashlib.blake2b(f"{type(key).__name__}:{key}".encode(), digest_size=8).digest(), "big"
    )


def key_bits(keys: npt.NDArray[np.int64]) -> U64:
    return np.asarray(keys, dtype=np.int64).view(np.uint64)


def tie_hash(bits: U64, salt: int) -> U64:
    """splitmix64(bits XOR salt): a well-mixed 64-bit value per key, vectorised."""
    with np.errstate(over="ignore"):
        z = bits ^ np.uint64(salt & _MASK)
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def order(scores: npt.NDArray[np.float64], hashes: U64, bits: U64) -> npt.NDArray[np.intp]:
    """All positions, best first."""
    return np.lexsort((bits, hashes, -scores))


def top_k(scores: npt.NDArray[np.float64], bits: U64, salt: int, k: int) -> npt.NDArray[np.intp]:
    """Positions of the k best, best first. Exact under ties: the k-th score's ties are cut by hash."""
    m = len(scores)
    if k <= 0 or m == 0:
        return np.empty(0, dtype=np.intp)
    if m <= k:
        chosen = np.arange(m)
    else:
        threshold = np.partition(scores, m - k)[m - k]
        above = np.flatnonzero(scores > threshold)
        ties = np.flatnonzero(scores == threshold)
        need = k - len(above)
        if need < len(ties):
            tie_order = np.lexsort((bits[ties], tie_hash(bits[ties], salt)))
            ties = ties[tie_order[:need]]
        chosen = np.concatenate([above, ties])
    ranked = order(scores[chosen], tie_hash(bits[chosen], salt), bits[chosen])
    return chosen[ranked]
