"""Master keys and the blind-index key: their text format, parsing and (outside production) generation.

Pure Python, no Django: config/settings.py imports this to fail closed at start-up on a bad key.

Master keyring (``MIZAN_VAULT_MASTER_KEYS`` or a file named by ``MIZAN_VAULT_MASTER_KEYS_FILE``)::

    k2026:9mJ0l0d3...base64 of 32 random bytes...=,k2025:Qm9vb...=

Entries are separated by commas or new lines; blank lines and lines starting with ``#`` are ignored.
Each entry is ``<key id>:<base64 of exactly 32 bytes>``; the FIRST entry is the current key (new data
keys are wrapped with it), the others stay readable until ``mizan vault rotate`` has re-wrapped
everything. Index key (``MIZAN_VAULT_INDEX_KEY`` / ``_FILE``): base64 of 32 bytes, never a master key.
Error messages never repeat key material.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

KEY_BYTES = 32
KEY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
MASTER_KEYS_FILE = "vault_master_keys"
INDEX_KEY_FILE = "vault_index_key"


class KeyringError(ValueError):
    """A key or keyring is missing, malformed, truncated or inconsistent."""


@dataclass(frozen=True)
class MasterKey:
    id: str
    key: bytes = b""

    def __repr__(self) -> str:  # never print key material, not even in a traceback
        return f"MasterKey({self.id!r})"


@dataclass(frozen=True)
class Keyring:
    keys: tuple[MasterKey, ...]

    @property
    def current(self) -> MasterKey:
        return self.keys[0]

    def get(self, key_id: str) -> MasterKey | None:
        return next((key for key in self.keys if key.id == key_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(key.id for key in self.keys)


def decode_key(text: str, *, what: str) -> bytes:
    """Base64 (standard or URL-safe alphabet, padding required) of exactly 32 bytes."""
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    try:
        raw = base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyringError(f"{what} is not valid base64 (is the file cut short or edited?)") from exc
    if len(raw) != KEY_BYTES:
        raise KeyringError(f"{what} must be {KEY_BYTES} bytes once decoded, not {len(raw)}")
    return raw


def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def parse_master_keys(text: str | None) -> Keyring:
    """The keyring in ``text``; KeyringError says which entry is wrong and why."""
    if text is None or not text.strip():
        raise KeyringError("no master key given")
    entries = [
        entry.strip()
        for line in text.splitlines()
        if not line.strip().startswith("#")
        for entry in line.split(",")
        if entry.strip()
    ]
    if not entries:
        raise KeyringError("no master key given")
    keys: list[MasterKey] = []
    for number, entry in enumerate(entries, start=1):
        key_id, sep, encoded = entry.partition(":")
        key_id = key_id.strip()
        if not sep:
            raise KeyringError(f"entry {number} is not in the form <key id>:<base64 key>")
        if not KEY_ID.fullmatch(key_id):
            raise KeyringError(
                f"entry {number}: the key id must be 1-32 letters, digits, '.', '_' or '-' "
                "and start with a letter or digit"
            )
        key = decode_key(encoded, what=f"entry {number} (key id {key_id!r})")
        if any(existing.id == key_id for existing in keys):
            raise KeyringError(f"entry {number}: key id {key_id!r} appears twice")
        if any(secrets.compare_digest(existing.key, key) for existing in keys):
            raise KeyringError(f"entry {number}: key {key_id!r} repeats the key of another id")
        keys.append(MasterKey(key_id, key))
    return Keyring(tuple(keys))


def parse_index_key(text: str | None, keyring: Keyring | None = None) -> bytes:
    if text is None or not text.strip():
        raise KeyringError("no index key given")
    key = decode_key(text, what="the index key")
    if keyring and any(secrets.compare_digest(master.key, key) for master in keyring.keys):
        raise KeyringError("the index key must not be one of the master keys")
    return key


def new_master_key_entry(key_id: str) -> str:
    if not KEY_ID.fullmatch(key_id):
        raise KeyringError("a key id must be 1-32 letters, digits, '.', '_' or '-'")
    return f"{key_id}:{encode_key(secrets.token_bytes(KEY_BYTES))}"


def new_index_key() -> str:
    return encode_key(secrets.token_bytes(KEY_BYTES))


def _create_once(path: Path, content: str) -> str:
    """Write ``content`` to ``path`` unless it exists; atomic, so parallel processes agree on one key."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        temporary.write_text(content + "\n", encoding="utf-8")
        temporary.chmod(0o600)
        try:
            os.link(temporary, path)  # fails if another process made it first; then theirs wins
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text(encoding="utf-8")


def development_keys(data_dir: Path) -> tuple[str, str]:
    """(master keyring, index key) made once per checkout in ``data_dir``; never used in production."""
    master = _create_once(data_dir / MASTER_KEYS_FILE, new_master_key_entry("dev1"))
    index = _create_once(data_dir / INDEX_KEY_FILE, new_index_key())
    return master, index
