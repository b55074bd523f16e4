"""The byte formats of the vault and the AES-256-GCM operations on them. No database here.

Sealed value (what a model stores)::

    0x01 | data key id (16 bytes, a UUID) | nonce (12 bytes) | ciphertext + GCM tag (16 bytes)

    AAD = b"mizan.vault.value.v1" 0x00 owner id (16 bytes) 0x00 context (UTF-8) 0x00 header (first 17 bytes)

Wrapped data key (what DataKey.wrapped holds)::

    0x01 | length of master key id (1 byte) | master key id (ASCII) | nonce (12) | 32-byte key + tag (16)

    AAD = b"mizan.vault.datakey.v1" 0x00 data key id (16) 0x00 owner id (16) 0x00 header

The AAD binds a value to its owner and field ("context") and a wrapped key to its row and owner, so a
blob copied to another person, another field or another row fails authentication instead of decrypting.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mizan.privacy.vault.errors import CorruptBlobError, DecryptionError, UnknownKeyError
from mizan.privacy.vault.keyring import KEY_BYTES, Keyring

VALUE_VERSION = 1
WRAP_VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
_VALUE_HEADER = 1 + 16
VALUE_OVERHEAD = _VALUE_HEADER + NONCE_BYTES + TAG_BYTES
_CONTEXT = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+(#[0-9a-f-]{1,64})?")


def check_context(context: str) -> bytes:
    """A context names the field a value belongs to: ``app.field`` (lower case, dotted)."""
    if not isinstance(context, str) or len(context) > 120 or not _CONTEXT.fullmatch(context):
        raise ValueError(f"vault context must look like 'app.field', not {context!r}")
    return context.encode("ascii")


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


# --- Values -------------------------------------------------------------------------------------------


def _value_aad(owner_id: UUID, context: bytes, header: bytes) -> bytes:
    return b"mizan.vault.value.v1\x00" + owner_id.bytes + b"\x00" + context + b"\x00" + header


def seal_value(data_key: bytes, data_key_id: UUID, owner_id: UUID, context: str, plain: bytes) -> bytes:
    header = bytes([VALUE_VERSION]) + data_key_id.bytes
    nonce = secrets.token_bytes(NONCE_BYTES)
    aad = _value_aad(owner_id, check_context(context), header)
    return header + nonce + AESGCM(data_key).encrypt(nonce, plain, aad)


def value_key_id(blob: bytes) -> UUID:
    """The data key a sealed value names; CorruptBlobError when it is not a sealed value at all."""
    if len(blob) < VALUE_OVERHEAD:
        raise CorruptBlobError(f"sealed value too short ({len(blob)} bytes; at least {VALUE_OVERHEAD})")
    if blob[0] != VALUE_VERSION:
        raise CorruptBlobError(f"unknown sealed value format version {blob[0]}")
    return UUID(bytes=bytes(blob[1:_VALUE_HEADER]))


def open_value(data_key: bytes, owner_id: UUID, context: str, blob: bytes) -> bytes:
    value_key_id(blob)
    start = _VALUE_HEADER + NONCE_BYTES
    header, nonce, body = blob[:_VALUE_HEADER], blob[_VALUE_HEADER:start], blob[start:]
    aad = _value_aad(owner_id, check_context(context), header)
    try:
        return AESGCM(data_key).decrypt(nonce, body, aad)
    except InvalidTag as exc:
        raise DecryptionError(
            "sealed value does not authenticate: altered, cut short, or sealed for another owner or field"
        ) from exc


# --- Wrapped data keys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WrappedKey:
    master_key_id: str
    header: bytes
    nonce: bytes
    body: bytes


def _wrap_aad(data_key_id: UUID, owner_id: UUID, header: bytes) -> bytes:
    return b"mizan.vault.datakey.v1\x00" + data_key_id.bytes + b"\x00" + owner_id.bytes + b"\x00" + header


def parse_wrapped(wrapped: bytes) -> WrappedKey:
    if len(wrapped) < 2 or wrapped[0] != WRAP_VERSION:
        raise CorruptBlobError("wrapped data key has an unknown format or is empty")
    id_length = wrapped[1]
    header_length = 2 + id_length
    if len(wrapped) != header_length + NONCE_BYTES + KEY_BYTES + TAG_BYTES:
        raise CorruptBlobError(f"wrapped data key has the wrong length ({len(wrapped)} bytes)")
    try:
        master_key_id = bytes(wrapped[2:header_length]).decode("ascii")
    except UnicodeDecodeError as exc:
        raise CorruptBlobError("wrapped data key names an unreadable master key id") from exc
    return WrappedKey(
        master_key_id=master_key_id,
        header=bytes(wrapped[:header_length]),
        nonce=bytes(wrapped[header_length : header_length + NONCE_BYTES]),
        body=bytes(wrapped[header_length + NONCE_BYTES :]),
    )


def wrap_key(keyring: Keyring, data_key: bytes, data_key_id: UUID, owner_id: UUID) -> tuple[str, bytes]:
    """(master key id, wrapped bytes) for ``data_key`` under the keyring's current master key."""
    master = keyring.current
    encoded_id = master.id.encode("ascii")
    header = bytes([WRAP_VERSION, len(encoded_id)]) + encoded_id
    nonce = secrets.token_bytes(NONCE_BYTES)
    body = AESGCM(master.key).encrypt(nonce, data_key, _wrap_aad(data_key_id, owner_id, header))
    return master.id, header + nonce + body


def unwrap_key(keyring: Keyring, wrapped: bytes, data_key_id: UUID, owner_id: UUID) -> bytes:
    parsed = parse_wrapped(wrapped)
    master = keyring.get(parsed.master_key_id)
    if master is None:
        raise UnknownKeyError(
            f"data key {data_key_id} is wrapped with master key {parsed.master_key_id!r}, "
            f"which is not in the keyring (ids: {', '.join(keyring.ids)})"
        )
    try:
        return AESGCM(master.key).decrypt(
            parsed.nonce, parsed.body, _wrap_aad(data_key_id, owner_id, parsed.header)
        )
    except InvalidTag as exc:
        raise DecryptionError(
            f"data key {data_key_id} does not unwrap with master key {master.id!r}: "
            "wrong key file, or the wrapped key was altered"
        ) from exc


# --- Blind index --------------------------------------------------------------------------------------


def normalise_for_index(value: str) -> str:
    """Letters and digits only, compatibility-folded and case-folded: 'n 123-456' == 'N123456'."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return "".join(char for char in folded if unicodedata.category(char)[0] in "LN")


def blind_index_with(index_key: bytes, value: str, context: str) -> str:
    normalised = normalise_for_index(value)
    if not normalised:
        raise ValueError("nothing to index: the value has no letters or digits")
    message = b"mizan.vault.index.v1\x00" + check_context(context) + b"\x00" + normalised.encode("utf-8")
    return hmac.new(index_key, message, hashlib.sha256).hexdigest()
