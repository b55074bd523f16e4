"""Which deductions may be kept back from pay, and which are owed to the worker. In this order:

1. Tax and social security: lawful (their amounts are not checked).
2. Recruitment costs (agency fee and the ILO related costs): unlawful when a rule in force says the worker
   must not pay them: a worker fee cap of zero or a rule that the employer pays those costs. Destination
   rules are cited first, then the international baseline (ILO General Principle 7), which Mizan applies
   like law, as the offer checker does. A fee cap that allows a share (Hong Kong: 10% of the first month's
   wage to an agency) is cited as well. If only a low-confidence or disputed rule forbids it: doubtful.
3. Food or housing where the law says the employer must give it free or pay an allowance for it
   (Hong Kong food, Qatar food and housing): unlawful.
4. Otherwise the contract decides: up to what it allows per period (prorated to the days counted) is
   lawful; the rest is not agreed and owed back. An advance or loan not in the contract is not checked
   (it may repay money really received), nor counted as owed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from mizan.wages.engine.inputs import RECRUITMENT_KINDS, DeductionKind
from mizan.wages.engine.law import FeeRule, LawRules
from mizan.wages.engine.money import round_money, text
from mizan.wages.engine.results import DeductionResult, DeductionStatus
from mizan.wages.engine.sources import Sourced

_STATUTORY = frozenset({DeductionKind.TAX, DeductionKind.SOCIAL_SECURITY})
_UNCHECKED = frozenset({DeductionKind.ADVANCE, DeductionKind.LOAN})


def _forbidding(law: LawRules, kind: str) -> tuple[list[Sourced[FeeRule]], list[Sourced[FeeRule]]]:
    """(binding, non-binding) rules that forbid the worker paying ``kind``, destination rules first."""
    binding: list[Sourced[FeeRule]] = []
    weak: list[Sourced[FeeRule]] = []
    for rule in sorted(law.fee_rules, key=lambda r: (r.source.pack_id == "INT", r.source.rule_id)):
        if rule.value.limit not in ("zero", "employer_pays") or not rule.value.covers(kind):
            continue
        (binding if rule.value.binding else weak).append(rule)
    return binding, weak


def _share_caps(law: LawRules, kind: str) -> list[Sourced[FeeRule]]:
    return [r for r in law.fee_rules if r.value.limit == "wage_share" and r.value.covers(kind)]


def classify(
    taken: Iterable[tuple[DeductionKind, Decimal, str]],
    *,
    agreed: dict[DeductionKind, Decimal],
    law: LawRules,
    currency: str,
) -> list[DeductionResult]:
    """``taken``: (kind, amount in ``currency``, note); ``agreed``: what the contract allows per kind for
    the days counted."""
    left = dict(agreed)
    nothing = round_money(Decimal(0), currency)
    results: list[DeductionResult] = []
    required = {item.value.kind.value: item for item in law.allowances}
    for kind, amount, note in taken:
        params = {"amount": text(amount, currency), "kind": kind.value, "country": law.destination}
        if kind in _STATUTORY:
            results.append(
                DeductionResult(
                    kind,
                    amount,
                    DeductionStatus.LAWFUL,
                    amount,
                    "wages.deduction.statutory",
                    params,
                    note=note,
                )
            )
            continue
        if kind in RECRUITMENT_KINDS:
            binding, weak = _forbidding(law, kind.value)
            caps = _share_caps(law, kind.value)
            cap_params = dict(params)
            if caps:
                cap_params["share"] = f"{caps[0].value.share * 100:.0f}%" if caps[0].value.share else ""
            if binding:
                key = "wages.deduction.recruitment_capped" if caps else "wages.deduction.recruitment"
                citations = tuple(rule.source for rule in (*binding, *caps))
                results.append(
                    DeductionResult(
                        kind, amount, DeductionStatus.UNLAWFUL, nothing, key, cap_params, citations, note
                    )
                )
                continue
            if weak:
                citations = tuple(rule.source for rule in (*weak, *caps))
                results.append(
                    DeductionResult(
                        kind,
                        amount,
                        DeductionStatus.DOUBTFUL,
                        amount,
                        "wages.deduction.doubtful",
                        cap_params,
                        citations,
                        note,
                    )
                )
                continue
        if kind.value in required:
            rule = required[kind.value]
            results.append(
                DeductionResult(
                    kind,
                    amount,
                    DeductionStatus.UNLAWFUL,
                    nothing,
                    "wages.deduction.must_be_free",
                    {
                        **params,
                        "allowance": kind.value,
                        "minimum": text(rule.value.amount, rule.value.currency),
                    },
                    (rule.source,),
                    note,
                )
            )
            continue
        allowed = round_money(min(amount, left.get(kind, Decimal(0))), currency)
        if allowed:
            left[kind] = left[kind] - allowed
        if allowed == amount:
            results.append(
                DeductionResult(
                    kind, amount, DeductionStatus.LAWFUL, amount, "wages.deduction.agreed", params, note=note
                )
            )
        elif kind in _UNCHECKED and not allowed:
            results.append(
                DeductionResult(
                    kind,
                    amount,
                    DeductionStatus.NOT_CHECKED,
                    amount,
                    "wages.deduction.advance",
                    params,
                    note=note,
                )
            )
        else:
            results.append(
                DeductionResult(
                    kind,
                    amount,
                    DeductionStatus.NOT_AGREED,
                    allowed,
                    "wages.deduction.not_agreed",
                    {**params, "allowed": text(allowed, currency), "owed": text(amount - allowed, currency)},
                    note=note,
                )
            )
    return results
