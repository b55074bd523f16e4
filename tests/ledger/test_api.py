"""The public ledger API: documents that verify, problems for bad input, and who may call it (everyone)."""

from __future__ import annotations

import pytest
from django.test import Client

from mizan.privacy.ledger import keys, merkle, note, signing
from mizan.privacy.ledger.documents import CheckpointDoc, ConsistencyProofDoc, InclusionProofDoc
from mizan.privacy.ledger.services import checkpoint_create
from tests.api.conftest import assert_problem
from tests.ledger.helpers import append, bulk_chain
from tests.personas import Personas
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

BASE = "/api/v1/ledger"


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def two_checkpoints() -> tuple[int, int]:
    bulk_chain(5)
    first = checkpoint_create()
    append(4)
    second = checkpoint_create()
    return first.tree_size, second.tree_size


def test_the_latest_checkpoint_verifies_with_the_published_key(
    client: Client, two_checkpoints: tuple
) -> None:
    document = client.get(f"{BASE}/checkpoints/latest").json()
    key = client.get(f"{BASE}/public-key").json()
    assert key["algorithm"] == "Ed25519"
    assert key["verifier_key"] == note.verifier_key(
        signing.origin(), keys.parse_public_key(key["public_key"])
    )
    assert keys.parse_public_key(key["public_key_pem"]) == keys.parse_public_key(key["public_key"])
    checkpoint = CheckpointDoc.from_json(document)
    assert checkpoint.tree_size == 9
    assert checkpoint.check(keys.parse_public_key(key["public_key"])).valid
    assert client.get(f"{BASE}/checkpoints/5").json()["tree_size"] == 5


def test_an_inclusion_proof_holds_only_hashes_and_verifies(client: Client, two_checkpoints: tuple) -> None:
    response = client.get(f"{BASE}/entries/3/proof", {"checkpoint": 5})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        *("format", "origin", "seq", "leaf_index", "tree_size"),
        *("entry_hash", "leaf_hash", "root_hash", "audit_path"),
    }
    assert "contract" not in response.content.decode()  # no kind, subject or data leaves the server
    proof = InclusionProofDoc.from_json(body)
    checkpoint = CheckpointDoc.from_json(client.get(f"{BASE}/checkpoints/5").json())
    assert proof.check(checkpoint).valid
    latest = client.get(f"{BASE}/entries/3/proof").json()
    assert latest["tree_size"] == 9


def test_a_consistency_proof_links_two_checkpoints(client: Client, two_checkpoints: tuple) -> None:
    body = client.get(f"{BASE}/checkpoints/9/consistency", {"first": 5}).json()
    proof = ConsistencyProofDoc.from_json(body)
    first = CheckpointDoc.from_json(client.get(f"{BASE}/checkpoints/5").json())
    second = CheckpointDoc.from_json(client.get(f"{BASE}/checkpoints/9").json())
    assert proof.check(first, second).valid
    assert merkle.verify_consistency(5, 9, first.root_hash, second.root_hash, proof.proof)
    same = client.get(f"{BASE}/checkpoints/9/consistency", {"first": 9}).json()
    assert same["proof"] == []


def test_problems_for_what_does_not_exist(client: Client) -> None:
    assert_problem(client.get(f"{BASE}/checkpoints/latest"), 404, "no_checkpoint")
    assert_problem(client.get(f"{BASE}/entries/1/proof"), 404, "no_checkpoint")
    append(2)
    checkpoint_create()
    append(1)
    assert_problem(client.get(f"{BASE}/checkpoints/7"), 404, "no_such_checkpoint")
    assert_problem(client.get(f"{BASE}/entries/9/proof"), 404, "no_such_entry")
    body = assert_problem(client.get(f"{BASE}/entries/3/proof"), 404, "not_in_checkpoint")
    assert "after the checkpoint of 2 entries" in body["detail"]
    assert_problem(client.get(f"{BASE}/entries/1/proof", {"checkpoint": 3}), 404, "no_such_checkpoint")
    assert_problem(client.get(f"{BASE}/checkpoints/2/consistency", {"first": 3}), 400, "bad_range")


@pytest.mark.parametrize(
    "path",
    [
        "/checkpoints/0",
        "/entries/0/proof",
        "/entries/1/proof?checkpoint=abc",
        "/entries/1/proof?checkpoint=-4",
        "/checkpoints/2/consistency",
        "/checkpoints/2/consistency?first=x",
        "/checkpoints/99999999999999999999999",
    ],
)
def test_malformed_numbers_are_422_problems(client: Client, path: str) -> None:
    assert_problem(client.get(BASE + path), 422, "validation_failed")


def test_words_are_not_sizes(client: Client) -> None:
    assert_problem(client.get(f"{BASE}/checkpoints/newest"), 422)


def test_everyone_may_read_the_public_ledger(personas: Personas, two_checkpoints: tuple) -> None:
    for url in [
        f"{BASE}/checkpoints/latest",
        f"{BASE}/checkpoints/5",
        f"{BASE}/checkpoints/9/consistency?first=5",
        f"{BASE}/entries/2/proof?checkpoint=9",
        f"{BASE}/public-key",
    ]:
        assert_role_matrix(personas, url, everyone(200))


def test_writing_is_not_offered(client: Client, two_checkpoints: tuple) -> None:
    response = client.post(f"{BASE}/checkpoints/latest", {})
    assert_problem(response, 405, "method_not_allowed")
