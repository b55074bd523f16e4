"""Correction requests: the worker asks (sealed text), staff answer; a restriction can cover the wait."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.accounts.models import User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.consent.models import AccessRecord
from mizan.privacy.rights import restrictions, selectors, services
from mizan.privacy.rights.models import CorrectionRequest, Restriction
from mizan.privacy.rights.services.corrections import MAX_OPEN, AlreadyClosed
from tests.rights.test_restrictions import refusal

pytestmark = pytest.mark.django_db


def ask(worker: User, **kwargs: Any) -> CorrectionRequest:
    kwargs.setdefault("item", "account")
    kwargs.setdefault("what_is_wrong", "My name is spelt Maya Gurang, it is Maya Gurung")
    return services.correction_request_create(actor=worker, **kwargs)


def test_the_text_is_sealed_and_only_staff_close_it(worker: User, personas: Any) -> None:
    request = ask(worker, should_be="Maya Gurung")
    raw = bytes(CorrectionRequest.objects.get(pk=request.pk).what_is_wrong_sealed)
    assert b"Gurang" not in raw
    assert CorrectionRequest.objects.get(pk=request.pk).what_is_wrong.endswith("Maya Gurung")

    for outsider in (worker, personas.agency_admin, personas.inspector):
        with pytest.raises(PermissionDenied):
            services.correction_request_close(actor=outsider, request=request, outcome="done")
    closed = services.correction_request_close(
        actor=personas.platform_admin, request=request, outcome="done", response="Corrected the name."
    )
    assert closed.status == "done"
    assert closed.closed_by == personas.platform_admin
    with pytest.raises(AlreadyClosed):
        services.correction_request_close(actor=personas.platform_admin, request=request, outcome="done")


def test_a_refusal_needs_a_reason(worker: User, personas: Any) -> None:
    request = ask(worker)
    with pytest.raises(DomainError) as caught:
        services.correction_request_close(actor=personas.platform_admin, request=request, outcome="refused")
    assert caught.value.code == "reason_needed"
    services.correction_request_close(
        actor=personas.platform_admin,
        request=request,
        outcome="refused",
        response="The passport shows Gurang.",
    )
    request.refresh_from_db()
    assert request.status == "refused"
    assert request.response == "The passport shows Gurang."


def test_restricting_while_the_request_is_handled_ends_with_the_answer(worker: User, personas: Any) -> None:
    request = ask(worker, restrict=True)
    assert refusal(worker, "statistics") == restrictions.RESTRICTED
    services.correction_request_close(actor=personas.platform_admin, request=request, outcome="done")
    assert refusal(worker, "statistics") is None
    assert not Restriction.objects.filter(worker=worker, ended_at__isnull=True).exists()


def test_a_restriction_the_worker_set_themself_outlives_the_answer(worker: User, personas: Any) -> None:
    services.restriction_set(actor=worker, worker=worker, kind="restrict", on=True)
    request = ask(worker, restrict=True)
    services.correction_request_close(actor=personas.platform_admin, request=request, outcome="done")
    assert refusal(worker, "statistics") == restrictions.RESTRICTED


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"item": "nonsense"}, "item_unknown"),
        ({"what_is_wrong": "   "}, "what_is_wrong_missing"),
        ({"what_is_wrong": "x" * 2001}, "text_too_long"),
        ({"should_be": "y" * 2001}, "text_too_long"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(worker: User, fields: dict[str, str], code: str) -> None:
    with pytest.raises(DomainError) as caught:
        ask(worker, **fields)
    assert caught.value.code == code
    assert not CorrectionRequest.objects.exists()


def test_too_many_open_requests_are_refused(worker: User) -> None:
    for _ in range(MAX_OPEN):
        ask(worker)
    with pytest.raises(DomainError) as caught:
        ask(worker)
    assert caught.value.code == "too_many_open"


def test_staff_reading_a_request_is_recorded_for_the_worker(worker: User, personas: Any) -> None:
    request = ask(worker)
    assert list(selectors.open_corrections_for_staff(actor=personas.platform_admin)) == [request]
    selectors.correction_for_staff(actor=personas.platform_admin, request_id=request.id)
    record = AccessRecord.objects.get(worker=worker)
    assert record.actor == personas.platform_admin
    assert record.purpose == "account"
    assert record.reference == f"correction:{request.id}"
