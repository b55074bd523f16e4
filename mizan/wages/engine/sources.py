"""Where a rule comes from: every legal figure the calculator uses carries its Source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Source:
    """A rule's origin: the rule id, the legal text (title, url, article), the rule pack and version it
    came from (``pack_id`` None: the calculator's own sourced table), its confidence and the ids of the
    fact-sheet entries (shared/reference/legal_facts.md) behind it."""

    rule_id: str
    title: str
    url: str
    article: str | None = None
    pack_id: str | None = None
    pack_version: str | None = None
    confidence: str = "medium"
    facts: tuple[str, ...] = ()
    conflict: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "title": self.title,
            "url": self.url,
            "article": self.article,
            "pack": {"id": self.pack_id, "version": self.pack_version} if self.pack_id else None,
            "confidence": self.confidence,
            "facts": list(self.facts),
            "conflict": self.conflict,
        }


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A value and the rule that gives it."""

    value: T
    source: Source
