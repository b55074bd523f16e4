"""The canonical encoding of entries, and the rule that entries never hold personal data."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.privacy.ledger import canonical
from mizan.privacy.ledger.canonical import LedgerDataError, clean_data


def test_a_worked_example_hashes_to_the_documented_value() -> None:
    # The example in docs/privacy/ledger.md, hashed here with nothing but hashlib.
    text = (
        '{"data":{"document":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","version":1},'
        '"kind":"contract.signed","prev_hash":"0000000000000000000000000000000000000000000000000000000000000000",'
        '"recorded_at":"2025-03-01T08:15:00.000000Z","seq":1,"subject":"contract:7d1f0c2a"}'
    )
    expected = hashlib.sha256(text.encode()).hexdigest()
    fields = {
        "seq": 1,
        "kind": "contract.signed",
        "subject": "contract:7d1f0c2a",
        "recorded_at": "2025-03-01T08:15:00.000000Z",
        "prev_hash": canonical.GENESIS_HASH,
    }
    data = {"version": 1, "document": canonical.hash_for("test")}
    assert canonical.entry_text(data_json=canonical.canonical_json(data), **fields) == text
    assert canonical.entry_hash(data=data, **fields) == expected
    assert expected == "bc5a69dbd99e33674e2f2feb7b85884076bfac36cfaa208067d9b0dfa2f9a86d"


ascii_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
values = st.one_of(st.none(), st.booleans(), st.integers(-(2**53) + 1, 2**53 - 1), ascii_text)


@given(
    st.integers(min_value=1, max_value=2**53),
    st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True), values, max_size=6),
    st.text(max_size=20),
    st.text(max_size=20),
)
def test_the_hand_built_encoding_equals_sorted_compact_json(
    seq: int, data: dict, kind: str, subject: str
) -> None:
    fields = {
        "seq": seq,
        "kind": kind,
        "subject": subject,
        "recorded_at": "2025-03-01T08:15:00.000001Z",
        "prev_hash": "ab" * 32,
    }
    by_hand = canonical.entry_text(data_json=canonical.canonical_json(data), **fields)
    generic = json.dumps({**fields, "data": data}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert by_hand == generic
    assert json.loads(by_hand) == {**fields, "data": data}


def test_times_are_utc_with_six_digits_of_microseconds() -> None:
    nepal = timezone(timedelta(hours=5, minutes=45))
    assert canonical.format_time(datetime(2025, 3, 1, 14, 0, tzinfo=nepal)) == "2025-03-01T08:15:00.000000Z"
    assert (
        canonical.format_time(datetime(2025, 3, 1, 8, 15, 0, 7, tzinfo=UTC)) == "2025-03-01T08:15:00.000007Z"
    )
    assert canonical.format_second(datetime(2025, 3, 1, 8, 15, 0, 999, tzinfo=UTC)) == "2025-03-01T08:15:00Z"
    with pytest.raises(ValueError, match="timezone-aware"):
        canonical.format_time(datetime(2025, 3, 1))


def test_hash_for_hashes_text_as_utf8_and_bytes_as_they_are() -> None:
    assert canonical.hash_for("नमस्ते") == hashlib.sha256("नमस्ते".encode()).hexdigest()
    assert canonical.hash_for(b"\x00\x01") == hashlib.sha256(b"\x00\x01").hexdigest()
    with pytest.raises(TypeError):
        canonical.hash_for(42)  # type: ignore[arg-type]


# --- The personal-data guard -------------------------------------------------------------------------


def test_ids_codes_hashes_and_numbers_are_accepted() -> None:
    data = {
        "contract_id": "6f1c2a4e-8d0b-4f7e-9a51-3c2b1d0e9f88",
        "document": canonical.hash_for("a contract"),
        "purpose": "job_matching",
        "country": "NP",
        "notice_version": 3,
        "amount_minor": 1_250_000,
        "accepted": True,
        "withdrawn_at": None,
        "signature": "MEUCIQD+/abc=",
    }
    assert clean_data(data) == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"to": "+977-981-234-5678"}, "phone"),
        ({"to": "9779812345678"}, "phone"),
        ({"ref": "tel:+9779812345678"}, "phone"),
        ({"card": "4111111111111111"}, "phone"),
        ({"who": 9779812345678}, "phone"),
        ({"contact": "ram@example.org"}, "'@'"),
        ({"reason": "he was late twice"}, "no spaces"),
        ({"summary": "x" * 129}, "longer than 128"),
        ({"phone_hash": canonical.hash_for("+9779812345678")}, "names personal data"),
        ({"passport_number": "PA1234567"}, "names personal data"),
        ({"name": "Ram"}, "names personal data"),
        ({"email": None}, "names personal data"),
        ({"date_of_birth": "1990-01-01"}, "names personal data"),
        ({"Amount": 1}, "lowercase"),
        ({"nested": {"a": 1}}, "dict is not allowed"),
        ({"ratio": 0.5}, "float is not allowed"),
        ({"big": 2**60}, "2\\*\\*53"),
        ({f"k{i}": i for i in range(17)}, "at most 16"),
    ],
)
def test_personal_data_and_free_text_are_refused(data: dict, reason: str) -> None:
    with pytest.raises(LedgerDataError, match=reason):
        clean_data(data)


def test_data_must_be_a_mapping() -> None:
    with pytest.raises(LedgerDataError, match="mapping"):
        clean_data([("a", 1)])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "subject", ["consent:6f1c2a4e", "contract:42", "rulepack:np-my:v3", "decision:a.b_c-d"]
)
def test_subjects_are_type_and_id(subject: str) -> None:
    canonical.check_subject(subject)


@pytest.mark.parametrize(
    "subject",
    ["consent", "Consent:1", "worker:+9779812345678", "worker:9779812345678", "consent: 1", "a:" + "x" * 129],
)
def test_bad_subjects_are_refused(subject: str) -> None:
    with pytest.raises(LedgerDataError):
        canonical.check_subject(subject)


@pytest.mark.parametrize("kind", ["consent", "Consent.given", "consent.", "consent given", "a." + "b" * 70])
def test_bad_kind_formats_are_refused(kind: str) -> None:
    with pytest.raises(LedgerDataError):
        canonical.check_kind_format(kind)
