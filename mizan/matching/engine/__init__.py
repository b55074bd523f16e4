"""Pure matching engine: no Django import (checked by import-linter). See docs/matching.md.

from mizan.matching.engine import MatchIndex, VacancyIndex, ProfileRecord, VacancyQuery, render

index = MatchIndex.build(profiles)              # or IndexBuilder().add(...) ... .finish()
result = index.workers_for(vacancy, k=100)      # MatchResult: results, filtered_out, empty_reason, notes
index.upsert(profile); index.remove(worker_key); index.compact()
jobs = VacancyIndex(vacancies).vacancies_for(profile, k=20)
render(result.results[0].explanation.components[0].message, ...params)   # Django: translate=gettext
"""

from .explain import FILTER_REASONS, Component, Explanation, Match, MatchResult
from .index import IndexBuilder, MatchIndex
from .messages import LABELS, MESSAGES, render
from .records import (
    PROTECTED_ATTRIBUTES,
    Catalogue,
    Note,
    OccupationClaim,
    ProfileRecord,
    VacancyQuery,
    check_profile,
    corridor_key,
)
from .vacancies import VacancyIndex
from .weights import COMPONENTS, DEFAULT_WEIGHTS, WEIGHTS_VERSION, Weights

__all__ = [
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "FILTER_REASONS",
    "LABELS",
    "MESSAGES",
    "PROTECTED_ATTRIBUTES",
    "WEIGHTS_VERSION",
    "Catalogue",
    "Component",
    "Explanation",
    "IndexBuilder",
    "Match",
    "MatchIndex",
    "MatchResult",
    "Note",
    "OccupationClaim",
    "ProfileRecord",
    "VacancyIndex",
    "VacancyQuery",
    "Weights",
    "check_profile",
    "corridor_key",
    "render",
]
