"""Signed checkpoints in the C2SP formats (signed-note, tlog-checkpoint), as Go's sumdb/note. Pure.

A checkpoint's text is ``<origin>\\n<tree size>\\n<base64 root hash>\\ntime <UTC time>\\n``; the
signature is Ed25519 over exactly those bytes. As a signed note it is followed by an empty line and
``— <origin> <base64(key hash ‖ signature)>\\n``, where the key hash is the first 4 bytes of
``SHA-256(<origin> ‖ "\\n" ‖ 0x01 ‖ public key)``. Tools that read Go's signed notes can check it with
the verifier key ``<origin>+<key hash hex>+<base64(0x01 ‖ public key)>``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mizan.privacy.ledger.keys import KEY_SIZE, KeyFormatError, b64

ED25519 = 0x01  # the signed-note algorithm byte for Ed25519
SIGNATURE_SIZE = 64
NAME_PATTERN = re.compile(r"^[^\s+]+$")
TIME_LINE = re.compile(r"^time (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$")
DASH = "\u2014"  # the em dash that starts a signature line


class NoteError(ValueError):
    """A note or checkpoint text is malformed (not: a signature that does not verify)."""


def check_name(name: str) -> None:
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise NoteError("a log name must be non-empty, with no spaces and no “+”")


def key_hash(name: str, public_raw: bytes) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([ED25519]) + public_raw).digest()[:4]


def key_id(name: str, public_raw: bytes) -> str:
    """The 8 hex digits that name a key for a log: the signed-note key hash."""
    return key_hash(name, public_raw).hex()


def verifier_key(name: str, public_raw: bytes) -> str:
    check_name(name)
    return f"{name}+{key_id(name, public_raw)}+{b64(bytes([ED25519]) + public_raw)}"


def parse_verifier_key(text: str) -> tuple[str, bytes]:
    """(name, raw public key) of a signed-note verifier key; KeyFormatError if it is not one."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3 or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
        raise KeyFormatError("not a verifier key (name+hash+key)")
    name, hash_hex, material = parts
    try:
        check_name(name)
        decoded = base64.b64decode(material, validate=True)
    except (NoteError, binascii.Error, ValueError) as exc:
        raise KeyFormatError("the verifier key cannot be read") from exc
    if len(decoded) != KEY_SIZE + 1 or decoded[0] != ED25519:
        raise KeyFormatError("the verifier key is not an Ed25519 key")
    raw = decoded[1:]
    if key_id(name, raw) != hash_hex:
        raise KeyFormatError("the verifier key's hash does not match its name and key")
    return name, raw


# --- Checkpoint text ---------------------------------------------------------------------------------


def checkpoint_text(origin: str, tree_size: int, root: bytes, timestamp: str) -> str:
    check_name(origin)
    if not TIME_LINE.match(f"time {timestamp}"):
        raise NoteError("a checkpoint time must look like 2025-03-01T08:15:00Z")
    return f"{origin}\n{tree_size}\n{b64(root)}\ntime {timestamp}\n"


def parse_checkpoint_text(text: str) -> tuple[str, int, bytes, str]:
    """(origin, tree size, root hash, time) of a checkpoint's text."""
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "":
        raise NoteError("a checkpoint has four lines: origin, size, root hash and time")
    origin, size_text, root_text, time_line = lines[:4]
    check_name(origin)
    if not re.fullmatch(r"0|[1-9]\d{0,19}", size_text):
        raise NoteError("the checkpoint's size is not a whole number")
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NoteError("the checkpoint's root hash is not base64") from exc
    if len(root) != 32:
        raise NoteError("the checkpoint's root hash is not 32 bytes")
    match = TIME_LINE.match(time_line)
    if not match:
        raise NoteError("the checkpoint's fourth line must be “time <UTC time>”")
    return origin, int(size_text), root, match.group(1)


# --- Signing and checking ----------------------------------------------------------------------------


def sign(text: str, private_key: Ed25519PrivateKey) -> bytes:
    return private_key.sign(text.encode("utf-8"))


def signature_valid(text: str, public_raw: bytes, signature: bytes) -> bool:
    if len(signature) != SIGNATURE_SIZE or len(public_raw) != KEY_SIZE:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, text.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True


def signed_note(text: str, name: str, hash_bytes: bytes, signature: bytes) -> str:
    """``text`` with its signature line (``hash_bytes``: the signer's 4-byte key hash), as a signed note."""
    check_name(name)
    if not text.endswith("\n"):
        raise NoteError("a note's text ends with a newline")
    return f"{text}\n{DASH} {name} {b64(hash_bytes + signature)}\n"


def split_note(note: str) -> tuple[str, list[tuple[str, bytes, bytes]]]:
    """(text, [(name, key hash, signature)]) of a signed note; NoteError if malformed."""
    text, separator, signatures = note.rpartition("\n\n")
    if not separator or not signatures.endswith("\n"):
        raise NoteError("a signed note is its text, an empty line, then signature lines")
    found: list[tuple[str, bytes, bytes]] = []
    for line in signatures[:-1].split("\n"):
        match = re.fullmatch(DASH + r" (\S+) ([A-Za-z0-9+/]+=*)", line)
        if not match:
            raise NoteError("a signature line is “— <name> <base64>”")
        try:
            blob = base64.b64decode(match.group(2), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise NoteError("a signature is not base64") from exc
        if len(blob) < 5:
            raise NoteError("a signature is too short")
        found.append((match.group(1), blob[:4], blob[4:]))
    return text + "\n", found


def open_note(note: str, name: str, public_raw: bytes) -> str | None:
    """The note's text if a signature by ``name`` with this key verifies, else None."""
    text, signatures = split_note(note)
    wanted = key_hash(name, public_raw)
    for signer, hash_bytes, signature in signatures:
        if signer == name and hash_bytes == wanted and signature_valid(text, public_raw, signature):
            return text
    return None
