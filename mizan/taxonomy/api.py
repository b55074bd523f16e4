"""Occupations and skills: the JSON API under /api/v1/taxonomy. Public reference data: no authentication."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Path, Query, Router

from mizan.api.problems import problems
from mizan.common.languages import DEFAULT, LANGUAGES
from mizan.taxonomy import selectors
from mizan.taxonomy.labels import ESCO_ATTRIBUTION
from mizan.taxonomy.models import Occupation, OccupationTitle
from mizan.taxonomy.schemas import IscoGroupOut, OccupationDetailOut, OccupationOut, SkillOut

router = Router(tags=["Occupations and skills"])

LANGUAGE_PATTERN = "^(" + "|".join(language.code for language in LANGUAGES) + ")$"
Language = Annotated[
    str | None,
    Query(
        pattern=LANGUAGE_PATTERN, description="One of the 12 language codes; default: the request's language."
    ),
]
Search = Annotated[
    str,
    Query(
        max_length=100,
        description="Words in any language or script, or an ESCO/ISCO code; empty: the common ones.",
    ),
]
Limit = Annotated[int, Query(ge=1, le=100, description="At most this many occupations.")]
Code = Annotated[str, Path(pattern=r"^[0-9]{4}(\.[0-9]+)*$", description="ESCO code, e.g. 7212.3.")]


def _out(occupation: Occupation, title: str) -> OccupationOut:
    return OccupationOut(
        code=occupation.code,
        uri=occupation.uri,
        title=title,
        preferred_label=occupation.preferred_label,
        isco_group=occupation.isco_group_id,
        is_common=occupation.is_common,
    )


def _language(response: HttpResponse, language: str | None) -> str:
    chosen = language or translation.get_language() or DEFAULT
    response["Content-Language"] = chosen
    return chosen


@router.get("/occupations", response={200: list[OccupationOut], **problems(422)}, url_name="taxonomy_search")
def occupations(
    request: HttpRequest, response: HttpResponse, q: Search = "", language: Language = None, limit: Limit = 20
) -> list[OccupationOut]:
    """Search occupations, best first, with titles in ``language``.

    ``q`` may be in any of the 12 languages and any script, with small spelling mistakes ("weldr",
    "घरेलु कामदार"); an ESCO or ISCO code (``7212``, ``7212.3``) lists that code and the ones below it.
    Without ``q``: the common occupations, sorted by title. 422 ``validation_failed`` for an unknown
    language, a ``q`` longer than 100 characters or a ``limit`` outside 1 to 100."""
    chosen = _language(response, language)
    if q.strip():
        pairs = selectors.occupation_search(q, chosen, limit=limit)
    else:
        pairs = selectors.common_occupations(chosen)[:limit]
    return [_out(occupation, title) for occupation, title in pairs]


@router.get(
    "/occupations/{code}",
    response={200: OccupationDetailOut, **problems(404, 422)},
    url_name="taxonomy_occupation",
)
def occupation(
    request: HttpRequest, response: HttpResponse, code: Code, language: Language = None
) -> OccupationDetailOut:
    """One occupation with its ISCO-08 groups and its essential and optional ESCO skills.

    404 ``not_found`` when no occupation has this ESCO code; 422 ``validation_failed`` for a malformed
    code or an unknown language."""
    chosen = _language(response, language)
    found = selectors.occupation_by_code(code)
    essential, optional = selectors.skills_for(found)
    titles = dict(OccupationTitle.objects.filter(occupation=found).values_list("language", "title"))
    base = _out(found, selectors.occupation_title(found, chosen))
    return OccupationDetailOut(
        **base.model_dump(),
        description=found.description,
        alt_labels=found.alt_labels.splitlines(),
        isco_path=[
            IscoGroupOut(code=group.code, title=group.title) for group in selectors.isco_path(found.code)
        ],
        essential_skills=[SkillOut(uri=s.uri, label=s.preferred_label, type=s.skill_type) for s in essential],
        optional_skills=[SkillOut(uri=s.uri, label=s.preferred_label, type=s.skill_type) for s in optional],
        titles=titles,
        attribution=ESCO_ATTRIBUTION,
    )
