"""Legal holds: who may place them, what they may name, and the ledger trail."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from mizan.accounts.models import User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.ledger.models import LedgerEntry
from mizan.privacy.rights import selectors, services
from mizan.privacy.rights.services.holds import HoldAlreadyReleased
from mizan.privacy.rights.wording import hold_sentence

pytestmark = pytest.mark.django_db


def test_only_operators_or_another_apps_rule_place_a_hold(worker: User, personas: Any, hold_on: Any) -> None:
    for person in (worker, personas.agency_admin, personas.inspector, personas.caseworker):
        with pytest.raises(PermissionDenied):
            hold_on(worker, ["bank"], actor=person)
    by_staff = hold_on(worker, ["bank"], actor=personas.platform_admin)
    by_rule = hold_on(worker, ["case_narrative"], reason="open_case", source_reference="case:abc")
    assert by_staff.created_by == personas.platform_admin
    assert by_rule.created_by is None
    entries = LedgerEntry.objects.filter(kind="legal_hold.placed").order_by("seq")
    assert [e.data["by"] for e in entries] == ["staff", "system"]
    assert all(e.data["worker"] == str(worker.id) for e in entries)
    assert "abc" not in entries[1].data_json  # the source reference only as a hash


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"categories": []}, "categories_missing"),
        ({"categories": ["souls"]}, "category_unknown"),
        ({"reason": "because"}, "reason_unknown"),
        ({"source_reference": "Maya Gurung's case"}, "source_reference_invalid"),
        ({"until": date(2000, 1, 1)}, "until_past"),
    ],
)
def test_a_bad_hold_is_refused(worker: User, hold_on: Any, kwargs: dict[str, Any], code: str) -> None:
    kwargs.setdefault("categories", ["bank"])
    categories = kwargs.pop("categories")
    with pytest.raises(DomainError) as caught:
        hold_on(worker, categories, **kwargs)
    assert caught.value.code == code


def test_a_hold_ends_on_its_date_or_when_released(worker: User, hold_on: Any, personas: Any) -> None:
    today = timezone.localdate()
    dated = hold_on(worker, ["bank"], until=today + timedelta(days=10))
    open_ended = hold_on(worker, ["access_records"], reason="legal_claim", source_reference="case:2")
    assert selectors.held_categories(worker) == {"bank", "access_records"}
    assert selectors.held_categories(worker, today=today + timedelta(days=11)) == {"access_records"}
    services.legal_hold_release(actor=personas.platform_admin, hold=open_ended)
    assert selectors.held_categories(worker) == {"bank"}
    with pytest.raises(HoldAlreadyReleased):
        services.legal_hold_release(actor=personas.platform_admin, hold=open_ended)
    assert dated.is_active_on(today)


def test_the_sentence_says_what_until_when_and_why(worker: User, hold_on: Any) -> None:
    dated = hold_on(worker, ["contract_terms", "work_hours_pay"], until=date(2099, 1, 31))
    assert hold_sentence(dated) == (
        "We must keep your work contract and your working hours and pay until January 31, 2099, because the "
        "law says records of work contracts, hours and pay must be kept for some years."
    )
    open_ended = hold_on(worker, ["access_records"], reason="open_case", source_reference="case:3")
    assert hold_sentence(open_ended) == (
        "We must keep the list of who saw your data until this is finished, because your complaint is "
        "still being handled."
    )
