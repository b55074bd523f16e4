"""The compliance engine: pure Python (no Django), deterministic, free of side effects.

packs = load_packs(["rulepacks"])                   # PackSet; PackError lists file:line: reason
terms = offer_from_file("examples/offers/np-qa-construction.yaml")   # or OfferTerms(...)
report = evaluate(terms, packs, on=date(2026, 1, 1))  # Report: findings, summary, packs, out_of_date
figures = offer_calculator(terms, report, packs.rates)
text = render(finding.message_key, finding.params)     # English; Django passes translate=gettext
"""

from mizan.compliance.engine.calculator import OfferCalculation, offer_calculator
from mizan.compliance.engine.compose import PackSet, load_packs
from mizan.compliance.engine.evaluate import evaluate
from mizan.compliance.engine.findings import (
    Citation,
    Confidence,
    Corridor,
    Finding,
    PackUse,
    Report,
    Severity,
    Summary,
)
from mizan.compliance.engine.kinds import KINDS
from mizan.compliance.engine.loader import PackError, parse_pack_text, validate_files
from mizan.compliance.engine.messages import LABELS, MESSAGES, render
from mizan.compliance.engine.offers import OfferError, offer_from_file, offer_from_text
from mizan.compliance.engine.rates import RateTable
from mizan.compliance.engine.terms import OfferTerms
from mizan.compliance.engine.yamlsrc import SourceError

__all__ = [
    "KINDS",
    "LABELS",
    "MESSAGES",
    "Citation",
    "Confidence",
    "Corridor",
    "Finding",
    "OfferCalculation",
    "OfferError",
    "OfferTerms",
    "PackError",
    "PackSet",
    "PackUse",
    "RateTable",
    "Report",
    "Severity",
    "SourceError",
    "Summary",
    "evaluate",
    "load_packs",
    "offer_calculator",
    "offer_from_file",
    "offer_from_text",
    "parse_pack_text",
    "render",
    "validate_files",
]
