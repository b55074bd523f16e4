"""Which pairs are worth showing: those that share something of the work itself."""

from __future__ import annotations

from mizan.matching.engine.explain import Match, MatchResult

RELATED = ("occupation", "essential_skills", "optional_skills")
NONE_RELATED = "matching.empty.none_related"


def is_related(match: Match) -> bool:
    """Does the pair share anything of the work itself (an occupation of the same group, a skill)? A pair
    that shares only languages, certificates or wishes is not worth a recruiter's look (nor a read of the
    worker's profile)."""
    return any(c.points > 0 for c in match.explanation.components if c.code in RELATED)


def _rebuilt(result: MatchResult, kept: list[Match], empty_reason: str | None) -> MatchResult:
    renumbered = tuple(
        Match(m.worker_key, m.vacancy_key, m.score, position, m.explanation)
        for position, m in enumerate(kept, start=1)
    )
    reason = None if renumbered else (result.empty_reason or empty_reason)
    return MatchResult(
        renumbered, result.considered, result.eligible, result.filtered_out, reason, result.notes,
        result.weights_version,
    )  # fmt: skip


def only_known(result: MatchResult, known: set[int]) -> MatchResult:
    """The result without workers the index no longer knows, positions renumbered (a rare race)."""
    return _rebuilt(
        result, [m for m in result.results if m.worker_key in known], "matching.empty.no_eligible"
    )


def related_only(result: MatchResult, k: int) -> MatchResult:
    """The first ``k`` related pairs of ``result``, renumbered from 1 (``NONE_RELATED`` when none is)."""
    return _rebuilt(result, [m for m in result.results if is_related(m)][:k], NONE_RELATED)


def wider(k: int) -> int:
    """How many to ask the engine for, so that ``k`` related ones remain after ``related_only``."""
    return min(2 * k + 10, 250)
