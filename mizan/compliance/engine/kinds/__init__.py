"""Rule kinds: small typed pure functions ``(terms, params, context) -> list[Finding]``, registered by name.

The code knows kinds, never numbers: every number comes from a pack's ``parameters``, validated by the
kind's own pydantic model. Adding a kind: write ``Params`` and the function in a module here, decorate it
with ``@rule_kind("name", Params)``, import the module below, and add its message keys to ``messages.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from mizan.compliance.engine.context import RuleContext
from mizan.compliance.engine.findings import Finding
from mizan.compliance.engine.terms import OfferTerms


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


P = TypeVar("P", bound=Params)
Check = Callable[[OfferTerms, Any, RuleContext], list[Finding]]


@dataclass(frozen=True)
class Kind:
    name: str
    params: type[Params]
    check: Check
    doc: str


KINDS: dict[str, Kind] = {}


def rule_kind(
    name: str, params: type[P]
) -> Callable[[Callable[[OfferTerms, P, RuleContext], list[Finding]]], Check]:
    def register(function: Callable[[OfferTerms, P, RuleContext], list[Finding]]) -> Check:
        if name in KINDS:
            raise ValueError(f"rule kind {name!r} registered twice")
        KINDS[name] = Kind(name, params, function, (function.__doc__ or "").strip())
        return function

    return register


def settle(ctx: RuleContext, problems: list[Finding], missing: list[str]) -> list[Finding]:
    """The usual ending of a check: its problems and what it could not check, or "fine"."""
    if missing:
        problems.append(ctx.unknown(*dict.fromkeys(missing)))
    return problems or [ctx.ok]


from mizan.compliance.engine.kinds import (  # noqa: E402  (registers the kinds)
    documents,
    eligibility,
    fees,
    indicators,
    wages,
    worktime,
)

__all__ = [
    "KINDS",
    "Kind",
    "Params",
    "documents",
    "eligibility",
    "fees",
    "indicators",
    "rule_kind",
    "settle",
    "wages",
    "worktime",
]
