"""The pay calculator: pure Python (no Django, checked by import-linter), deterministic, Decimal money.

    packs = load_packs(["rulepacks"])                          # mizan.compliance.engine
    law = law_rules(packs, destination="HK", sector="domestic_work", on=period.start)
    statement = calculate(entries=entries, terms=terms, period=period, law=law, now=now,
                          received=payments, deductions=taken)
    text = render(line.message_key, line.params)               # Django: translate=gettext

See docs/wages.md "Calculator" for the rules: time handling (timeline.py), hours and rest (hours.py,
checks.py), the pay components and "whichever is higher" (pay.py, special_days.py, sheet.py), money
conventions (money.py), deductions (deductions.py), the law (law.py, lawtypes.py, supplements.py,
holidays.py) and the texts (messages.py).
"""

from mizan.wages.engine.calculate import calculate
from mizan.wages.engine.inputs import (
    AgreedDeduction,
    Allowance,
    AllowanceKind,
    ContractTerms,
    DeductionKind,
    DeductionTaken,
    Entry,
    EntryKind,
    Payment,
    PayPeriod,
    Period,
)
from mizan.wages.engine.law import LawRules, law_changes, law_rules
from mizan.wages.engine.messages import LABELS, MESSAGES, render, unknown_params
from mizan.wages.engine.results import (
    Basis,
    Component,
    DeductionResult,
    DeductionStatus,
    Line,
    Problem,
    RestSummary,
    Statement,
    Totals,
    WeekRest,
)
from mizan.wages.engine.sources import Source, Sourced

__all__ = [
    "LABELS",
    "MESSAGES",
    "AgreedDeduction",
    "Allowance",
    "AllowanceKind",
    "Basis",
    "Component",
    "ContractTerms",
    "DeductionKind",
    "DeductionResult",
    "DeductionStatus",
    "DeductionTaken",
    "Entry",
    "EntryKind",
    "LawRules",
    "Line",
    "PayPeriod",
    "Payment",
    "Period",
    "Problem",
    "RestSummary",
    "Source",
    "Sourced",
    "Statement",
    "Totals",
    "WeekRest",
    "calculate",
    "law_changes",
    "law_rules",
    "render",
    "unknown_params",
]
