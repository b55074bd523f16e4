"""The public ledger page: plain words, the latest checkpoint, and a worker's reference check."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mizan.privacy.ledger.services import checkpoint_create
from tests.ledger.helpers import TABLE, append, bulk_chain, raw
from tests.personas import Personas
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

URL = reverse("ledger:index")


def text(response: object) -> str:
    return " ".join(response.content.decode().split())  # type: ignore[attr-defined]


def test_before_any_checkpoint_the_page_says_so(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert "No summary has been signed yet." in text(response)
    assert "<h1>" in response.content.decode()


def test_the_latest_checkpoint_is_shown_with_its_signature_checked(client: Client) -> None:
    bulk_chain(1234)
    checkpoint = checkpoint_create()
    page = text(client.get(URL))
    assert "1,234" in page
    assert checkpoint.root_hash in page
    assert "Valid: signed with this server's key." in page
    raw("UPDATE ledger_checkpoint SET root_hash = %s", ["ab" * 32])
    assert "Not valid. The summary may have been changed." in text(client.get(URL))


def test_a_worker_checks_a_reference_in_the_signed_checkpoint(client: Client) -> None:
    hashes = bulk_chain(5)
    checkpoint_create()
    page = text(client.get(URL, {"entry": 4, "code": hashes[3]}))
    assert "Yes. Entry 4 is in the signed record." in page
    assert "/api/v1/ledger/entries/4/proof?checkpoint=5" in page
    # The first 16 characters, in capitals and with spaces, are enough.
    spaced = " ".join(hashes[3][i : i + 4] for i in range(0, 16, 4)).upper()
    assert "Yes. Entry 4" in text(client.get(URL, {"entry": 4, "code": spaced}))
    assert "We did not find an entry with this number and code." in text(
        client.get(URL, {"entry": 4, "code": hashes[2]})
    )


def test_an_entry_newer_than_the_checkpoint_is_pending(client: Client) -> None:
    bulk_chain(2)
    checkpoint_create()
    entry = append(1)[0]
    assert "not yet in a signed summary" in text(client.get(URL, {"entry": 3, "code": entry.entry_hash}))


def test_a_damaged_ledger_does_not_confirm_a_reference(client: Client) -> None:
    hashes = bulk_chain(4)
    checkpoint_create()
    raw(f"UPDATE {TABLE} SET entry_hash = %s WHERE seq = 1", ["ee" * 32])  # noqa: S608
    page = text(client.get(URL, {"entry": 2, "code": hashes[1]}))
    assert "does not match the signed summary" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"entry": "x", "code": "0123456789abcdef"}, "Enter a whole number."),
        ({"entry": "0", "code": "0123456789abcdef"}, "greater than or equal to 1"),
        ({"entry": "3", "code": "xyz"}, "The code has 16 to 64 characters"),
        ({"entry": "3", "code": ""}, "This field is required."),
        ({"entry": "3"}, "This field is required."),
        ({"entry": "99999999999999999999", "code": "0123456789abcdef"}, "less than or equal to"),
    ],
)
def test_bad_input_is_a_400_with_the_reason_beside_the_field(
    client: Client, query: dict, message: str
) -> None:
    response = client.get(URL, query)
    assert response.status_code == 400
    assert message in text(response)


def test_everyone_may_open_the_page(personas: Personas) -> None:
    hashes = bulk_chain(3)
    checkpoint_create()
    assert_role_matrix(personas, URL, everyone(200))
    assert_role_matrix(personas, f"{URL}?entry=2&code={hashes[1]}", everyone(200))
    assert_role_matrix(personas, f"{URL}?entry=2&code=no", everyone(400))
