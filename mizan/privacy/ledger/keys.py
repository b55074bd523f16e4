"""Ed25519 keys for signing checkpoints: reading them from text, writing them out. Pure: no Django.

A private key is accepted as PEM (PKCS#8, "-----BEGIN PRIVATE KEY-----") or as the raw 32-byte seed in
base64. A public key as PEM ("-----BEGIN PUBLIC KEY-----"), the raw 32 bytes in base64, a signed-note
verifier key (``name+hash+base64``), or the JSON document of ``GET /api/v1/ledger/public-key``.
Errors never repeat the key's text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_SIZE = 32
VERIFIER_KEY = re.compile(r"^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$")


class KeyFormatError(ValueError):
    """The text is not an Ed25519 key in a form Mizan reads. The message says what is wrong."""


def _b64decode(text: str) -> bytes:
    compact = "".join(text.split())
    padded = compact + "=" * (-len(compact) % 4)
    try:
        if "-" in compact or "_" in compact:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFormatError("the key is neither PEM nor base64") from exc


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    """Strict standard base64 (raises binascii.Error, a ValueError)."""
    return base64.b64decode(text, validate=True)


def parse_private_key(text: str) -> Ed25519PrivateKey:
    text = (text or "").strip()
    if not text:
        raise KeyFormatError("the key is empty")
    if text.startswith("-----BEGIN"):
        if "PRIVATE KEY" not in text.split("\n", 1)[0]:
            raise KeyFormatError("the PEM block is not a private key")
        try:
            key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm, UnicodeEncodeError) as exc:
            raise KeyFormatError(
                "the PEM private key cannot be read (damaged, or protected by a password)"
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyFormatError("the private key is not an Ed25519 key")
        return key
    seed = _b64decode(text)
    if len(seed) != KEY_SIZE:
        raise KeyFormatError(f"a raw Ed25519 private key is {KEY_SIZE} bytes; this one is {len(seed)}")
    return Ed25519PrivateKey.from_private_bytes(seed)


def private_key_seed(key: Ed25519PrivateKey) -> str:
    """The key as base64 of its 32-byte seed (the form kept in settings)."""
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return b64(raw)


def private_key_pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def generate_private_key_pem() -> str:
    return private_key_pem(Ed25519PrivateKey.generate())


def public_key_raw(key: Ed25519PublicKey | Ed25519PrivateKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_pem(raw: bytes) -> str:
    return (
        Ed25519PublicKey.from_public_bytes(raw)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def _from_raw(raw: bytes) -> bytes:
    if len(raw) != KEY_SIZE:
        raise KeyFormatError(f"a raw Ed25519 public key is {KEY_SIZE} bytes; this one is {len(raw)}")
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise KeyFormatError("the bytes are not an Ed25519 public key") from exc
    return raw


def parse_public_key(text: str) -> bytes:
    """The raw 32 bytes of the public key in ``text`` (any of the accepted forms)."""
    text = (text or "").strip()
    if not text:
        raise KeyFormatError("the public key is empty")
    if text.startswith("{"):
        try:
            document: Any = json.loads(text)
        except ValueError as exc:
            raise KeyFormatError("the public key looks like JSON but cannot be read") from exc
        value = document.get("public_key") if isinstance(document, dict) else None
        if not isinstance(value, str):
            raise KeyFormatError("the JSON has no text field “public_key”")
        return parse_public_key(value)
    if text.startswith("-----BEGIN"):
        if "PUBLIC KEY" not in text.split("\n", 1)[0]:
            raise KeyFormatError("the PEM block is not a public key")
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except (ValueError, TypeError, UnsupportedAlgorithm, UnicodeEncodeError) as exc:
            raise KeyFormatError("the PEM public key cannot be read") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise KeyFormatError("the public key is not an Ed25519 key")
        return public_key_raw(key)
    try:
        return _from_raw(_b64decode(text))
    except KeyFormatError:
        if not VERIFIER_KEY.match(text):
            raise
    from mizan.privacy.ledger.note import parse_verifier_key  # note imports this module

    return parse_verifier_key(text)[1]
