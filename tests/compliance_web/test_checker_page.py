"""The public "check a job offer" page: the engine's corpus cases, filled in as a worker would, give the
expected cited findings in several languages; bad answers give the form back with messages (400)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.compliance_web.conftest import CASES_BY_NAME
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

RESULT = reverse("compliance:result")
FEE_FIELD = {
    "recruitment_fee": "fee_agency",
    "medical": "fee_medical",
    "visa_permit": "fee_visa",
    "travel": "fee_travel",
    "training": "fee_training",
}
HOLDER = {"worker": "worker", "employer": "employer", "recruiter": "recruiter"}


def offer_to_query(offer: dict[str, Any], on: dt.date, reader: str) -> list[tuple[str, str]]:
    """What a worker reading the page in ``reader`` would answer for a corpus offer."""
    query: list[tuple[str, str]] = [("on", on.isoformat())]
    for name in ("origin", "destination", "sector"):
        if offer.get(name):
            query.append((name, offer[name]))
    if offer.get("destination_region"):
        query.append(("region", offer["destination_region"]))
    pay = offer.get("pay") or {}
    if pay.get("amount"):
        query += [("pay", str(pay["amount"])), ("currency", pay["currency"]), ("period", pay["period"])]
    for kind, money in (("food", "food_money"), ("housing", "housing_money")):
        allowance = (offer.get("allowances") or {}).get(kind)
        if allowance is None:
            continue
        if allowance.get("provided"):
            query.append((kind, "free"))
        elif Decimal(str(allowance.get("amount") or 0)) == 0:
            query.append((kind, "none"))
        else:
            query += [(kind, "money"), (money, str(allowance["amount"]))]
    hours, rest = offer.get("hours") or {}, offer.get("rest") or {}
    if hours.get("per_day") is not None:
        query.append(("hours", str(hours["per_day"])))
    if rest.get("days_per_week") is not None:
        query.append(("days_off", str(int(rest["days_per_week"]))))
    fees = offer.get("fees")
    if fees == []:
        query.append(("paid_nothing", "on"))
    totals: dict[str, Decimal] = {}
    for item in fees or []:
        if item.get("paid_by") == "worker" or item.get("deducted_from_wages"):
            field = FEE_FIELD.get(item["category"], "fee_other")
            totals[field] = totals.get(field, Decimal(0)) + Decimal(str(item["amount"]))
            query.append(("fee_currency", item.get("currency") or pay.get("currency")))
            status = item.get("status", "paid")
            query.append(("fee_status", "owed" if item.get("deducted_from_wages") else status))
    query += [(field, str(total)) for field, total in totals.items()]
    documents = offer.get("documents") or {}
    for name, field in (("passport_held_by", "passport"), ("identity_held_by", "id_card")):
        if documents.get(name):
            query.append((field, HOLDER.get(documents[name], "other")))
    worker = offer.get("worker") or {}
    if worker.get("age") is not None:
        query.append(("age", str(worker["age"])))
    contract = offer.get("contract") or {}
    if contract.get("written") is not None:
        query.append(("contract", "yes" if contract["written"] else "no"))
    languages = set(contract.get("languages") or ())
    if languages and worker.get("languages"):
        readable = bool(languages & set(worker["languages"]))
        query.append(("contract_readable", "yes" if readable else "no"))
        if "ar" in languages:
            query.append(("contract_arabic", "on"))
    recruiter = offer.get("recruiter") or {}
    if recruiter.get("licensed") is not None:
        query.append(("licensed", "yes" if recruiter["licensed"] else "no"))
    if recruiter.get("licence_number"):
        query.append(("licence", recruiter["licence_number"]))
    query += [("indicators", sign) for sign in offer.get("indicators") or ()]
    return query


def found_on_page(html: str) -> set[tuple[str, str]]:
    return set(re.findall(r'data-rule="([^"]+)" data-severity="([^"]+)"', html))


# Corpus cases whose expected findings depend only on what the page asks, in several languages.
PAGE_CASES = [
    ("hk-domestic-helper-below-minimum-allowable-wage", "fil"),
    ("hk-domestic-helper-4990-after-2025-09-30", "en"),
    ("hk-domestic-helper-food-allowance-too-low", "ar"),
    ("hk-agency-commission-over-10-percent", "id"),
    ("id-domestic-worker-charged-placement-fee", "ms"),
    ("hk-domestic-helper-pays-medical-and-visa", "fil"),
    ("sg-passport-kept-by-employer", "si"),
    ("my-plantation-worker-below-rm1700", "my"),
    ("th-bangkok-daily-wage-below-400", "th"),
    ("np-qa-construction-npr-150000-fee", "ne"),
    ("np-qa-worker-pays-air-ticket-and-visa", "hi"),
    ("np-qa-below-minimum-wage-without-food-and-housing", "ne"),
    ("np-qa-passport-kept-by-employer", "ur"),
    ("np-qa-unlicensed-recruiter", "bn"),
    ("np-qa-no-rest-day", "en"),
    ("worker-reports-deception-and-withheld-wages", "bn"),
    ("kw-domestic-worker-kd-55", "ar"),
    ("bd-sa-cost-above-government-ceiling", "bn"),
    ("lk-domestic-worker-to-sa-aged-23", "si"),
    ("ph-placement-fee-over-one-month", "fil"),
]


@pytest.mark.parametrize(("name", "language"), PAGE_CASES, ids=[name for name, _ in PAGE_CASES])
def test_the_page_gives_the_corpus_findings_with_their_sources(client: Client, name: str, language: str):
    case = CASES_BY_NAME[name]
    client.cookies["mizan_language"] = language
    response = client.get(RESULT, offer_to_query(case["offer"], case["check_on"], language))
    assert response.status_code == 200, response.content.decode()[:3000]
    assert response["Content-Language"] == language
    html = response.content.decode()
    found = found_on_page(html)
    for rule_id, severity in case["expect"]:
        assert (rule_id, severity) in found, f"{rule_id} {severity} not on the page; got {sorted(found)}"
        item = re.search(rf'<li class="finding [a-z]+" data-rule="{re.escape(rule_id)}".*?</li>', html, re.S)
        assert item is not None
        assert re.search(r'<a href="https?://[^"]+"', item.group(0)), f"{rule_id}: no source link"


def test_the_result_sums_up_first_then_explains_money_and_help(client: Client) -> None:
    from tests.compliance_web.pages import RESULT_QUERY

    html = client.get(f"{RESULT}?{RESULT_QUERY}").content.decode()
    assert html.index('id="summary"') < html.index('id="against"') < html.index('id="next"')
    assert "things are against the rules" in html
    assert "Checked against the rules of Qatar, version 2021.03, on 10 January 2026" in html or (
        "Checked against the rules of Qatar, version 2021.03, on January 10, 2026" in html
    )
    assert 'data-figure="months_to_repay"' in html
    assert "10.7.1" in html
    assert "signs of forced labour" in html  # two reported signs: ask for help now
    assert "did not save your answers" in html


def test_a_pack_past_its_review_date_says_the_rules_may_be_out_of_date(client: Client) -> None:
    query = {"origin": "PH", "destination": "HK", "sector": "domestic_work", "on": "2026-11-22"}
    html = client.get(RESULT, query).content.decode()
    assert "These rules may be out of date" in html
    fresh = client.get(RESULT, {**query, "on": "2026-01-10"}).content.decode()
    assert "These rules may be out of date" not in fresh


def test_whom_to_contact_comes_from_the_fact_sheet_with_its_source(client: Client) -> None:
    html = client.get(RESULT, {"origin": "PH", "destination": "HK"}).content.decode()
    assert "Labour Department, Hong Kong" in html
    assert "https://www.hyab.gov.hk/CEDAW/4th_report/en/annex11g.html" in html
    assert "Department of Migrant Workers (DMW)" in html
    general = client.get(RESULT, {"origin": "NP", "destination": "QA"}).content.decode()
    assert "Who can help" not in general
    assert "free help" in general


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"on": "2026-02-30"}, "on"),
        ({"on": "tomorrow"}, "on"),
        ({"on": "1850-01-01"}, "on"),
        ({"origin": "XX"}, "origin"),
        ({"destination": "Qatar"}, "destination"),
        ({"pay": "-100"}, "pay"),
        ({"pay": "1" * 30}, "pay"),
        ({"pay": "twelve hundred"}, "pay"),
        ({"pay": "NaN"}, "pay"),
        ({"fee_agency": "1e9999"}, "fee_agency"),
        ({"hours": "30"}, "hours"),
        ({"hours": "eight"}, "hours"),
        ({"age": "-3"}, "age"),
        ({"age": "99999999999999999999"}, "age"),
        ({"days_off": "9"}, "days_off"),
        ({"currency": "ZZZ"}, "currency"),
        ({"indicators": "not_a_sign"}, "indicators"),
        ({"destination": "QA", "region": "TH-10"}, "region"),
    ],
)
def test_bad_answers_come_back_with_a_message_never_a_500(client: Client, query: dict[str, str], field: str):
    response = client.get(RESULT, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error" role="alert"' in html
    assert f'id="id_{field}_error"' in html or 'aria-invalid="true"' in html


def test_amounts_may_be_written_as_people_write_them(client: Client) -> None:
    for written in ("150,000", "150 000", "\u0967\u096b\u0966,\u0966\u0966\u0966", "150000.00"):
        response = client.get(
            RESULT, {"origin": "NP", "destination": "QA", "fee_agency": written, "fee_currency": "NPR"}
        )
        assert response.status_code == 200, written
        assert ("NP.FVFT", "violation") in found_on_page(response.content.decode()), written


def test_the_answers_in_the_address_fill_the_form_in_again(client: Client) -> None:
    html = client.get(
        reverse("compliance:check"), {"pay": "1000", "indicators": "deception"}
    ).content.decode()
    assert 'name="pay" value="1000"' in html
    assert re.search(r'value="deception"[^>]*checked', html)
    assert 'class="error"' not in html


def test_nothing_the_visitor_types_is_stored(client: Client) -> None:
    client.get(RESULT, {"destination": "QA"})  # warm the pack cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(RESULT, {"origin": "NP", "destination": "QA", "age": "30", "pay": "1000"})
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert "private" in response["Cache-Control"]


def test_the_form_is_in_every_language_with_localised_country_names(client: Client) -> None:
    client.cookies["mizan_language"] = "ne"
    html = client.get(reverse("compliance:check")).content.decode()
    assert '<html lang="ne"' in html
    assert "कतार" in html  # Qatar, as Nepali readers write it (CLDR)


def test_role_matrix_of_the_public_pages(personas: Any) -> None:
    assert_role_matrix(personas, reverse("compliance:check"), everyone(200))
    assert_role_matrix(personas, f"{RESULT}?destination=QA", everyone(200))
    assert_role_matrix(personas, f"{RESULT}?pay=-1", everyone(400))
    assert_role_matrix(personas, RESULT, everyone(405), method="post")
