"""The export: everything about the worker, decrypted for them, and nothing about anyone else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from mizan.accounts.models import User
from mizan.common.errors import PermissionDenied
from mizan.privacy.rights import registry, services
from mizan.privacy.rights.export import export_for, export_json
from mizan.privacy.rights.schemas import SCHEMA_NAME, SCHEMA_VERSION, MyDataExport
from tests.consent.helpers import agency, give, read
from tests.factories import WorkerFactory
from tests.rights.conftest import ADDRESS, BANK_ACCOUNT, PASSPORT, add_document, fill_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_workers(worker_with_data: User, personas: Any, hold_on: Any) -> tuple[User, User]:
    """The persona worker with data of every kind, and another worker with data of their own."""
    worker = worker_with_data
    other = WorkerFactory(display_name="Other Person Zeta")
    fill_details(
        other, passport_number="ZZ0000001", home_address="Other Street 12", bank_account_number="999"
    )
    add_document(other, name="other-secret.pdf")
    for who in (worker, other):
        give(who)
        read(personas.recruiter, who)
        services.correction_request_create(actor=who, item="other", what_is_wrong=f"About {who.display_name}")
        services.restriction_set(actor=who, worker=who, kind="object_statistics", on=True)
    hold_on(worker, ["contract_terms"], source_reference="contract:77")
    hold_on(other, ["bank"], source_reference="contract:88")
    give(worker, "recruitment", agency(personas))
    return worker, other


def test_the_export_holds_everything_about_the_worker(two_workers: tuple[User, User]) -> None:
    worker, _other = two_workers
    document = export_json(export_for(actor=worker, worker=worker))

    assert document["schema"] == SCHEMA_NAME
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["account"]["phone"] == worker.phone
    assert document["account"]["name"] == worker.display_name
    values = document["personal_details"]["values"]
    assert values["passport_number"] == PASSPORT
    assert values["home_address"] == ADDRESS
    assert values["bank_account_number"] == BANK_ACCOUNT
    assert values["date_of_birth"] == "1991-07-23"
    assert [d["name"] for d in document["documents"]] == ["contract.pdf"]
    assert {c["purpose"] for c in document["consents"]} == {"job_matching", "recruitment"}
    assert len(document["access_records"]) == 1
    assert "looked at your skills" in document["access_records"][0]["sentence"]
    assert document["correction_requests"][0]["what_is_wrong"] == f"About {worker.display_name}"
    assert [r["kind"] for r in document["restrictions"]] == ["object_statistics"]
    assert document["legal_holds"][0]["categories"] == ["contract_terms"]
    assert "We must keep your work contract" in document["legal_holds"][0]["sentence"]
    subjects = {e["subject"] for e in document["ledger"]}
    assert {f"consent:{c['id']}" for c in document["consents"]} <= subjects
    assert f"legal_hold:{document['legal_holds'][0]['id']}" in subjects
    assert all(len(e["entry_hash"]) == 64 for e in document["ledger"])


def test_the_export_holds_nothing_of_other_workers(two_workers: tuple[User, User]) -> None:
    worker, other = two_workers
    text = json.dumps(export_json(export_for(actor=worker, worker=worker)), ensure_ascii=False)
    for foreign in (
        other.phone,
        str(other.id),
        "Other Person Zeta",
        "ZZ0000001",
        "Other Street 12",
        "other-secret.pdf",
        "contract:88",
    ):
        assert foreign not in text, foreign
    assert worker.phone in text  # the search works


def test_only_the_worker_may_export(two_workers: tuple[User, User], personas: Any) -> None:
    worker, other = two_workers
    for actor in (other, personas.platform_admin, personas.recruiter):
        with pytest.raises(PermissionDenied):
            export_for(actor=actor, worker=worker)


def test_the_document_matches_its_published_schema(two_workers: tuple[User, User]) -> None:
    worker, _other = two_workers
    document = export_json(export_for(actor=worker, worker=worker))
    again = MyDataExport.model_validate(document)
    assert export_json(again) == document


@pytest.fixture
def example_section() -> Iterator[None]:
    registry.register_exporter("example", lambda worker: {"pay_periods": [{"worker": str(worker.id)}]})
    registry.register_ledger_subjects("example", lambda worker: [f"payslip:{worker.id}"])
    yield
    registry.unregister("example")


def test_later_apps_add_their_section_through_the_registry(
    two_workers: tuple[User, User], example_section: None
) -> None:
    worker, _other = two_workers
    document = export_json(export_for(actor=worker, worker=worker))
    assert document["sections"]["example"] == {"pay_periods": [{"worker": str(worker.id)}]}


def test_a_name_is_registered_once() -> None:
    registry.register_exporter("cases", lambda worker: [])
    try:
        with pytest.raises(ValueError, match="twice"):
            registry.register_exporter("cases", lambda worker: [])
        with pytest.raises(ValueError, match="lowercase"):
            registry.register_exporter("Cases!", lambda worker: [])
    finally:
        registry.unregister("cases")


def test_the_download_is_an_uncached_attachment(two_workers: tuple[User, User], client_as: Any) -> None:
    worker, _other = two_workers
    response = client_as(worker).get("/my-data/export.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mizan-my-data-')
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["personal_details"]["values"]["passport_number"] == PASSPORT


def test_the_readable_page_shows_the_same_data(two_workers: tuple[User, User], client_as: Any) -> None:
    worker, _other = two_workers
    response = client_as(worker).get("/my-data/export/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for shown in (worker.phone, PASSPORT, "contract.pdf", f"About {worker.display_name}", "We must keep"):
        assert shown in text, shown
    assert "ZZ0000001" not in text
