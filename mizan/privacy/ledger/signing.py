"""The checkpoint signing key and the public keys whose checkpoints are trusted, from settings.

Settings already refused a missing or malformed key in production (config/settings.py, ledger section),
so reading it here cannot fail on a configured server.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

from mizan.privacy.ledger import keys, note


@lru_cache(maxsize=4)
def _private(text: str) -> Ed25519PrivateKey:
    return keys.parse_private_key(text)


@lru_cache(maxsize=4)
def _public(text: str) -> bytes:
    return keys.parse_public_key(text)


def private_key() -> Ed25519PrivateKey:
    return _private(settings.MIZAN_LEDGER_SIGNING_KEY)


def public_key() -> bytes:
    return keys.public_key_raw(private_key())


def origin() -> str:
    return str(settings.MIZAN_LEDGER_ORIGIN)


def previous_public_keys() -> list[bytes]:
    """Keys used before a rotation: their checkpoints still verify, nothing new is signed with them."""
    return [_public(text) for text in settings.MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS]


def trusted_keys() -> list[bytes]:
    return [public_key(), *previous_public_keys()]


def key_for(log_origin: str, key_id: str) -> bytes | None:
    """The trusted public key that ``key_id`` names for ``log_origin``, if any."""
    for raw in trusted_keys():
        if note.key_id(log_origin, raw) == key_id:
            return raw
    return None
