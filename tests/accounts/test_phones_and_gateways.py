from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.accounts.gateways import OutgoingMessage
from mizan.accounts.gateways.file import FileGateway
from mizan.accounts.phones import normalise
from mizan.common.errors import DomainError


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("9812345678", "NP", "+9779812345678"),
        ("+63 917 123 4567", None, "+639171234567"),
        ("0917 123 4567", "PH", "+639171234567"),
        ("+880 1712-345678", "QA", "+8801712345678"),
    ],
)
def test_numbers_are_normalised_to_e164(raw, region, e164):
    assert normalise(raw, region) == e164


@given(st.text(max_size=40))
def test_any_text_either_normalises_or_raises_a_domain_error(raw):
    try:
        result = normalise(raw, "NP")
    except DomainError:
        return
    assert result.startswith("+")
    assert result[1:].isdigit()


def test_the_file_gateway_keeps_each_message_as_a_json_line(tmp_path):
    gateway = FileGateway(tmp_path)
    gateway.send(OutgoingMessage(to="+9779812345678", body="नमस्ते 123456", language="ne", purpose="sign_in"))
    gateway.send(OutgoingMessage(to="+9779812345678", body="second", language="ne", purpose="sign_in"))
    messages = gateway.messages_to("+9779812345678")
    assert [m["body"] for m in messages] == ["नमस्ते 123456", "second"]
