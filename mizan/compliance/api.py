"""The compliance API under /api/v1/compliance: check an offer, read the published rule packs.

No authentication: checking an offer and reading the law are for everyone. Nothing sent is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Path, Router
from ninja.errors import ValidationError

from mizan.api.problems import problems
from mizan.compliance import selectors
from mizan.compliance.checking import check_offer, outcome_dict, unknown_codes
from mizan.compliance.schemas import CheckIn, CheckOut, PackOut, VersionOut

router = Router(tags=["compliance"])

PackId = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$", description="A pack id, e.g. QA.")]


@router.post("/check", response={200: CheckOut, **problems(400, 422)}, url_name="compliance_check")
def check(request: HttpRequest, response: HttpResponse, payload: CheckIn) -> dict[str, Any]:
    """Check a job offer against the law of its corridor (docs/compliance.md).

    The body is an offer in the engine's format (docs/compliance-engine.md); every field is optional, and
    what is missing comes back as "could not check" findings (``missing`` lists the fields). Add ``on``
    (a date) to check with the rules of that day, ``language`` for the messages. The answer holds each
    finding with its message, rule id, source and confidence, the packs used (``out_of_date`` when one is
    past its review date), the offer calculator (net pay, recruitment costs, months to repay, SDG 10.7.1
    ratio), whom to contact and what to do next.

    400 ``malformed_body`` when the body is not JSON. 422 ``validation_failed`` lists every field that is
    not right (``errors``): wrong types, negative or huge amounts, unknown country or currency codes, a
    bad date or an unknown language."""
    terms = payload.terms()
    unknown = unknown_codes(terms)
    if unknown:
        raise ValidationError(
            [{"loc": ("body", "payload", *loc), "msg": msg, "type": "unknown_code"} for loc, msg in unknown]
        )
    language = payload.language or translation.get_language() or "en"
    outcome = check_offer(terms=terms, on=payload.on)
    with translation.override(language):
        result = outcome_dict(outcome, outcome.present(), language)
    response["Content-Language"] = language
    return result


@router.get("/packs", response={200: list[PackOut], **problems()}, url_name="compliance_packs")
def packs(request: HttpRequest) -> list[dict[str, Any]]:
    """Every rule pack in use, with the version in force today and whether it is past its review date."""
    today = dt.date.today()
    return [
        {
            "id": summary.pack_id,
            "title": summary.title,
            "jurisdiction": summary.jurisdiction,
            "current_version": summary.current.version,
            "review_by": summary.current.review_by,
            "out_of_date": summary.out_of_date(today),
            "versions": summary.versions,
        }
        for summary in selectors.public_packs(today)
    ]


@router.get(
    "/packs/{pack_id}/versions",
    response={200: list[VersionOut], **problems(404, 422)},
    url_name="compliance_pack_versions",
)
def pack_versions(request: HttpRequest, pack_id: PackId) -> list[dict[str, Any]]:
    """Every published version of one pack, oldest first, with its YAML text. 404 for an unknown pack."""
    result = []
    for info in selectors.public_pack_versions(pack_id):
        text = info.yaml_text
        result.append(
            {
                "pack_id": info.pack_id,
                "version": info.version,
                "title": info.title,
                "jurisdiction": info.jurisdiction,
                "effective_from": info.effective_from,
                "effective_to": info.effective_to,
                "supersedes": info.supersedes,
                "review_by": info.review_by,
                "rules": info.rules,
                "published_at": info.row.decided_at if info.row else None,
                "yaml_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "yaml": text,
            }
        )
    return result
