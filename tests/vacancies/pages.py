"""The vacancies pages, for the shared weight, header, accessibility, right-to-left and 320 px checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mizan.vacancies.inputs import CostInput
from tests.pages import Page
from tests.personas import Personas
from tests.vacancies.factories import posted


def _board(personas: Personas) -> dict[str, Any]:
    for number in range(3):
        posted(personas, number_of_workers=number + 1)
    return {}


def _published(personas: Personas) -> dict[str, Any]:
    return {"vacancy_id": posted(personas).id}


def _blocked(personas: Personas) -> dict[str, Any]:
    vacancy = posted(
        personas,
        publish=False,
        pay_amount=Decimal("800"),
        hours_per_day=Decimal("10"),
        hours_per_week=Decimal("60"),
        costs=[CostInput("recruitment_fee", Decimal("80000"), "NPR", "worker")],
    )
    return {"vacancy_id": vacancy.id}


def _with_warning(personas: Personas) -> dict[str, Any]:
    return {"vacancy_id": posted(personas, publish=False, hours_per_week=Decimal("48")).id}


PAGES: list[Page] = [
    Page("vacancies:board", kwargs=_board, label="three jobs"),
    Page(
        "vacancies:board", kwargs=_board, query="destination=QA&min_pay=1000&currency=USD", label="filtered"
    ),
    Page("vacancies:detail", kwargs=_published),
    Page("vacancies:manage", kwargs=_board, persona="recruiter"),
    Page("vacancies:new", persona="recruiter"),
    Page("vacancies:edit", kwargs=_published, persona="recruiter"),
    Page("vacancies:manage_detail", kwargs=_blocked, persona="recruiter", label="blocked"),
    Page("vacancies:manage_detail", kwargs=_with_warning, persona="recruiter", label="warning"),
]
