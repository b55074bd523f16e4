"""The shape of an API token: ``mzn_<prefix>_<secret>``. Pure functions, no database.

The prefix (8 characters) is stored in clear so people can tell their tokens apart and so a lookup is an
indexed query; only a SHA-256 hash of the whole token is stored. A plain hash is enough here (unlike a
password) because the secret carries 256 bits of randomness: nothing is left to guess.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

PREFIX = "mzn_"
PREFIX_LENGTH = 8
SECRET_BYTES = 32
# Longer than any token we make; anything longer is refused before touching the database.
MAX_LENGTH = 100


@dataclass(frozen=True)
class NewToken:
    prefix: str
    clear_text: str
    hash: str


def token_hash(clear_text: str) -> str:
    return hashlib.sha256(clear_text.encode("utf-8")).hexdigest()


def generate() -> NewToken:
    prefix = secrets.token_urlsafe(6)  # 6 bytes encode to exactly 8 URL-safe characters
    clear_text = f"{PREFIX}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    return NewToken(prefix=prefix, clear_text=clear_text, hash=token_hash(clear_text))


def parse_prefix(clear_text: str) -> str | None:
    """The prefix of a well-formed token, else None. Positions are fixed because ``_`` may occur inside
    the URL-safe prefix and secret, so splitting on ``_`` would be wrong."""
    start, end = len(PREFIX), len(PREFIX) + PREFIX_LENGTH
    if (
        len(clear_text) > MAX_LENGTH
        or not clear_text.startswith(PREFIX)
        or len(clear_text) <= end + 1
        or clear_text[end] != "_"
    ):
        return None
    return clear_text[start:end]


def display(prefix: str) -> str:
    """How a token is shown to people once its secret is gone."""
    return f"{PREFIX}{prefix}_…"
