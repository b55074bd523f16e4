"""Reads of the taxonomy: titles in the reader's language, the common occupations, search, skills.

All of it is public reference data, so no selector takes an actor. Titles fall back from the curated
title in the reader's language to the curated English title, then to ESCO's preferred label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mizan.common.errors import NotFound
from mizan.common.languages import DEFAULT
from mizan.taxonomy.models import IscoGroup, Occupation, OccupationSkill, OccupationTitle, Skill
from mizan.taxonomy.search import search_index

ESCO_CODE = re.compile(r"^[0-9]{4}(\.[0-9]+)*$")


def occupation_title(occupation: Occupation, language: str) -> str:
    """The title workers read in ``language``: curated, else curated English, else ESCO's label."""
    return occupation_titles([occupation], language)[occupation.pk]


def occupation_titles(occupations: Iterable[Occupation], language: str) -> dict[int, str]:
    """``occupation_title`` for many occupations in one query, by occupation id."""
    by_id = {occupation.pk: occupation for occupation in occupations}
    found: dict[tuple[int, str], str] = {}
    if by_id:
        rows = OccupationTitle.objects.filter(occupation_id__in=by_id, language__in={language, DEFAULT})
        found = {
            (occupation_id, lang): title
            for occupation_id, lang, title in rows.values_list("occupation_id", "language", "title")
        }
    return {
        pk: found.get((pk, language)) or found.get((pk, DEFAULT)) or occupation.preferred_label
        for pk, occupation in by_id.items()
    }


def sort_key(text: str) -> str:
    """A sort key close to dictionary order for every script without ICU: case and accents ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char) or ord(char) > 0x0FFF)


def common_occupations(language: str) -> list[tuple[Occupation, str]]:
    """The curated occupations with their title in ``language``, sorted by that title."""
    occupations = list(Occupation.objects.filter(is_common=True).select_related("isco_group"))
    titles = occupation_titles(occupations, language)
    pairs = [(occupation, titles[occupation.pk]) for occupation in occupations]
    return sorted(pairs, key=lambda pair: (sort_key(pair[1]), pair[0].code))


def occupation_search(query: str, language: str, *, limit: int = 20) -> list[tuple[Occupation, str]]:
    """Occupations matching ``query`` typed in any script, best first, with their title in ``language``.

    Case, accents and script are folded away and typos tolerated (see ``mizan.taxonomy.search``); an ESCO
    or ISCO code finds its occupations directly. Common occupations rank above others of similar score.
    """
    limit = max(1, min(limit, 100))
    text = query.strip()
    if ESCO_CODE.match(text):
        matching = Occupation.objects.filter(Q(code=text) | Q(code__startswith=f"{text}."))
        exact = list(matching.order_by("code")[:limit])
        if exact:
            titles = occupation_titles(exact, language)
            return [(occupation, titles[occupation.pk]) for occupation in exact]
    ids = search_index().search(text, limit=limit)
    if not ids:
        return []
    by_id = Occupation.objects.select_related("isco_group").in_bulk(ids)
    found = [by_id[pk] for pk in ids if pk in by_id]
    titles = occupation_titles(found, language)
    return [(occupation, titles[occupation.pk]) for occupation in found]


def occupation_by_code(code: str) -> Occupation:
    """The occupation with this ESCO code, or NotFound."""
    occupation = Occupation.objects.select_related("isco_group").filter(code=code).first()
    if occupation is None:
        raise NotFound(_("There is no occupation with this code."))
    return occupation


def skills_for(occupation: Occupation) -> tuple[list[Skill], list[Skill]]:
    """The occupation's (essential, optional) ESCO skills, each sorted by label."""
    essential: list[Skill] = []
    optional: list[Skill] = []
    links = OccupationSkill.objects.filter(occupation=occupation).select_related("skill")
    for link in links.order_by("skill__preferred_label"):
        (essential if link.relation == OccupationSkill.Relation.ESSENTIAL else optional).append(link.skill)
    return essential, optional


def isco_path(code: str) -> list[IscoGroup]:
    """The ISCO-08 groups from the major group down to the unit group of an ISCO or ESCO code."""
    digits = code.split(".", 1)[0][:4]
    if not digits.isdigit():
        return []
    prefixes = [digits[:length] for length in range(1, len(digits) + 1)]
    groups = IscoGroup.objects.in_bulk(prefixes)
    return [groups[prefix] for prefix in prefixes if prefix in groups]


def taxonomy_counts() -> dict[str, int]:
    """How much of the taxonomy is loaded (the demo loader imports the full data only when it is not)."""
    return {
        "isco_groups": IscoGroup.objects.count(),
        "occupations": Occupation.objects.count(),
        "common_occupations": Occupation.objects.filter(is_common=True).count(),
        "skills": Skill.objects.count(),
    }
