"""How a ledger entry becomes bytes to hash, and what an entry may carry. Pure: no Django.

The canonical encoding of an entry is the JSON text of the object
``{"data", "kind", "prev_hash", "recorded_at", "seq", "subject"}`` with keys sorted, no whitespace, strings
escaped as JSON requires and nothing more (non-ASCII left as UTF-8), integers in decimal, encoded as
UTF-8. For the values an entry can hold (ASCII strings, integers within ±(2**53 - 1), booleans, null)
this is exactly RFC 8785 (JSON Canonicalization Scheme). ``entry_hash`` is SHA-256 of those bytes, in
lowercase hexadecimal. docs/privacy/ledger.md has a worked example.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from json.encoder import encode_basestring  # the C encoder when available
from typing import Any

GENESIS_HASH = "0" * 64  # the prev_hash of entry 1
MAX_SAFE_INTEGER = 2**53 - 1  # beyond this JSON numbers lose precision in other languages

KIND_PATTERN = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")
SUBJECT_PATTERN = re.compile(r"^[a-z][a-z0-9_]*:[A-Za-z0-9._:-]{1,128}$")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# Codes, ids, hashes and base64: no spaces (free text), no "@" (email addresses).
VALUE_PATTERN = re.compile(r"^[A-Za-z0-9._:/+=-]*$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")

MAX_KEYS = 16
MAX_STRING = 128
# 8 to 19 digits, alone or with phone punctuation: a phone, identity or payment-card number.
_SEPARATORS = str.maketrans("", "", "+-./()")
_PHONE_LIKE = re.compile(r"^\d{8,19}$")
# Keys that name personal data. Such data must not enter the ledger even hashed: a hash of a phone or
# passport number is reversed by trying every number. Refer to the record that holds it instead.
_PERSONAL_FRAGMENTS = ("phone", "mobile", "email", "passport", "address", "birth", "nationality")
_PERSONAL_WORDS = frozenset({"name", "names", "dob", "religion", "ethnicity"})

Value = str | int | bool | None


class LedgerDataError(ValueError):
    """The caller tried to record something an entry must not hold. A programming error, not bad input."""


def hash_for(value: str | bytes) -> str:
    """SHA-256 of ``value`` (text is encoded as UTF-8, as it is), lowercase hex: what goes into ``data``."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"hash_for takes str or bytes, not {type(value).__name__}")
    return hashlib.sha256(value).hexdigest()


def format_time(moment: datetime) -> str:
    """``2025-03-01T08:15:00.000000Z``: UTC, always six digits of microseconds."""
    if moment.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def format_second(moment: datetime) -> str:
    """``2025-03-01T08:15:00Z``: UTC to the second (checkpoint times)."""
    if moment.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical_json(value: Any) -> str:
    """RFC 8785 text for the values entries use (no floats; integers within ±(2**53 - 1))."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def entry_text(*, seq: int, kind: str, subject: str, data_json: str, recorded_at: str, prev_hash: str) -> str:
    """The canonical encoding of an entry whose data is already canonical JSON text (``data_json``): the
    same as ``canonical_json`` of the six fields, built by hand (keys in sorted order) because
    ``mizan ledger verify`` runs it a million times."""
    return (
        '{"data":'
        + data_json
        + ',"kind":'
        + encode_basestring(kind)
        + ',"prev_hash":'
        + encode_basestring(prev_hash)
        + ',"recorded_at":'
        + encode_basestring(recorded_at)
        + ',"seq":'
        + str(int(seq))
        + ',"subject":'
        + encode_basestring(subject)
        + "}"
    )


def entry_hash(*, seq: int, kind: str, subject: str, data: Any, recorded_at: str, prev_hash: str) -> str:
    """SHA-256 (hex) of the canonical encoding of an entry; ``data`` is the data mapping."""
    text = entry_text(
        seq=seq,
        kind=kind,
        subject=subject,
        data_json=canonical_json(data),
        recorded_at=recorded_at,
        prev_hash=prev_hash,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- What an entry may hold -------------------------------------------------------------------------


def _phone_like(text: str) -> bool:
    return any(_PHONE_LIKE.match(part.translate(_SEPARATORS)) for part in text.split(":"))


def check_kind_format(kind: str) -> None:
    if not isinstance(kind, str) or not KIND_PATTERN.match(kind) or len(kind) > 64:
        raise LedgerDataError(f"ledger kind {kind!r} must look like 'area.event' (lowercase, dotted)")


def check_subject(subject: str) -> None:
    """``<type>:<opaque id>``, e.g. ``consent:6f1c…``: an id, never a name, phone or document number."""
    if not isinstance(subject, str) or not SUBJECT_PATTERN.match(subject):
        raise LedgerDataError(
            f"ledger subject {subject!r} must be '<type>:<id>' (type lowercase; id letters, digits, . _ : -)"
        )
    if _phone_like(subject.split(":", 1)[1]):
        raise LedgerDataError(
            "ledger subject looks like a phone, identity or card number; use the record's id"
        )


def check_key(key: object) -> None:
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise LedgerDataError(f"ledger data key {key!r} must be lowercase letters, digits and _ (≤ 40)")
    words = set(key.split("_"))
    if words & _PERSONAL_WORDS or any(fragment in key for fragment in _PERSONAL_FRAGMENTS):
        raise LedgerDataError(
            f"ledger data key {key!r} names personal data; the ledger never holds it, not even "
            "hashed (a hash of a phone or passport number can be reversed by trying every number). "
            "Refer to the record by its id instead."
        )


def check_value(key: str, value: object) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise LedgerDataError(f"ledger data {key!r}: integers must be within ±(2**53 - 1)")
        if _PHONE_LIKE.match(str(abs(value))):
            raise LedgerDataError(
                f"ledger data {key!r}: a number of 8 or more digits looks like a phone, identity or "
                "card number; record an id or a hash instead"
            )
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise LedgerDataError(
                f"ledger data {key!r}: text longer than {MAX_STRING} characters; record hash_for(text)"
            )
        if not VALUE_PATTERN.match(value):
            raise LedgerDataError(
                f"ledger data {key!r}: only codes, ids and hashes (letters, digits and . _ : / + = -); "
                "no spaces (free text) and no '@' (email addresses). Record hash_for(text) instead"
            )
        if _phone_like(value):
            raise LedgerDataError(
                f"ledger data {key!r}: looks like a phone, identity or card number; record an id instead"
            )
        return
    raise LedgerDataError(
        f"ledger data {key!r}: {type(value).__name__} is not allowed; use text, an integer, a boolean or None"
    )


def clean_data(data: Mapping[str, Value]) -> dict[str, Value]:
    """A plain dict copy of ``data`` after checking every rule; raises LedgerDataError."""
    if not isinstance(data, Mapping):
        raise LedgerDataError("ledger data must be a mapping of keys to values")
    if len(data) > MAX_KEYS:
        raise LedgerDataError(f"ledger data has {len(data)} keys; at most {MAX_KEYS}")
    for key, value in data.items():
        check_key(key)
        check_value(key, value)
    return dict(data)
