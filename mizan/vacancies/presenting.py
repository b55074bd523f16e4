"""A vacancy's check in the reader's language: the compliance app's findings (its presenting helpers and
its finding template), which origins each is about, what to change in the form, and "Checked against …"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.common import formatting
from mizan.compliance.engine import Finding
from mizan.compliance.presenting import CONFIDENCE, ShownFinding, message, rules_name
from mizan.vacancies.checking import CheckResult, Combined, finding_from_record
from mizan.vacancies.models import VacancyCheck

# What to change in the vacancy, by the kind of rule (the middle part of a message key), and the form
# field to go to. Kinds a vacancy cannot state (the contract, papers, age) have no form field.
CHANGES: dict[str, tuple[Promise, str]] = {
    "minimum_wage": (_("Raise the basic pay, or give food and housing free."), "pay_amount"),
    "overtime_premium": (_("Raise the overtime pay."), "overtime_rate"),
    "max_normal_hours": (_("Lower the working hours a day or a week."), "hours_per_day"),
    "weekly_rest": (_("Give more days off a week."), "rest_days_per_week"),
    "daily_rest": (_("Lower the working hours a day, so the worker rests long enough."), "hours_per_day"),
    "annual_leave": (_("Give more paid holidays a year."), "annual_leave_days"),
    "worker_fee_cap": (
        _("In the costs, say that the employer pays this. Workers must not pay for their recruitment."),
        "costs",
    ),
    "employer_pays_costs": (_("In the costs, say that the employer pays this."), "costs"),
    "licensed_recruiter_required": (
        _("The agency needs a valid licence in the registry. Ask the licensing authority."),
        "",
    ),
    "deployment_ban": (_("Remove this country from the countries you recruit from."), "origins"),
    "currency": (_("Give the amounts in the currency of the pay."), "pay_currency"),
    "scope": (_("Choose the type of work and the sector, so every rule can be checked."), "sector"),
}
NO_FIELD = _("The job offer cannot say this: the contract must. Read the rule and follow it.")


def change_for(finding: Finding) -> tuple[str, str]:
    """(what to change, the form field to change) for a finding."""
    parts = finding.message_key.split(".")
    kind = parts[1] if len(parts) > 2 else ""
    if finding.message_key == "compliance.scope.no_rules":
        return gettext("Mizan has no rules for this country yet, so this job cannot be published."), ""
    text, field = CHANGES.get(kind, (NO_FIELD, ""))
    return str(text), field


@dataclass(frozen=True)
class ShownItem:
    shown: ShownFinding
    origins: tuple[str, ...]
    change: str
    field: str

    # The compliance app's _finding.html reads these as ``item.…``.
    @property
    def finding(self) -> Finding:
        return self.shown.finding

    @property
    def message(self) -> str:
        return self.shown.message

    @property
    def confidence_text(self) -> str:
        return self.shown.confidence_text

    @property
    def rules(self) -> str:
        return self.shown.rules

    @property
    def severity(self) -> str:
        return self.shown.severity

    def to_dict(self) -> dict[str, Any]:
        return {**self.shown.to_dict(), "origins": list(self.origins), "change": self.change}


@dataclass(frozen=True)
class Change:
    """One thing to change in the vacancy, for one or more findings."""

    text: str
    field: str
    rule_ids: tuple[str, ...]
    origins: tuple[str, ...]


def changes(items: list[ShownItem]) -> list[Change]:
    grouped: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for item in items:
        rules, origins = grouped.setdefault((item.change, item.field), ([], []))
        rules.extend(rule for rule in [item.finding.rule_id] if rule not in rules)
        origins.extend(origin for origin in item.origins if origin not in origins)
    return [
        Change(text, field, tuple(rules), tuple(sorted(origins)))
        for (text, field), (rules, origins) in grouped.items()
    ]


@dataclass(frozen=True)
class ShownPackLine:
    id: str
    version: str
    text: str  # "Checked against the rules of Qatar, version 2021.03, on 10 January 2026."
    url: str


@dataclass(frozen=True)
class ShownCheck:
    on: dt.date
    violations: list[ShownItem]
    warnings: list[ShownItem]
    unknown: list[ShownItem]
    packs: list[ShownPackLine]
    no_rules: bool
    recruiting: list[str]
    warning_rule_ids: list[str]

    @property
    def blocked(self) -> bool:
        return bool(self.no_rules or self.violations or self.recruiting)

    @property
    def changes(self) -> list[Change]:
        return changes(self.violations)


def pack_url(pack_id: str) -> str:
    # The published versions of a pack, for anyone (the compliance app has no public HTML page for one).
    return reverse("api-v1:compliance_pack_versions", kwargs={"pack_id": pack_id})


def pack_lines(packs: list[dict[str, Any]], on: dt.date) -> list[ShownPackLine]:
    day = formatting.day(on)
    lines = []
    for pack in packs:
        text = gettext("Checked against %(rules)s, version %(version)s, on %(day)s.") % {
            "rules": rules_name(pack["jurisdiction"], pack.get("sector")),
            "version": pack["version"],
            "day": day,
        }
        lines.append(ShownPackLine(pack["id"], pack["version"], text, pack_url(pack["id"])))
    return lines


def _item(finding: Finding, origins: tuple[str, ...], rules_by_pack: dict[str, str]) -> ShownItem:
    shown = ShownFinding(
        finding,
        message(finding),
        str(CONFIDENCE[finding.confidence.value]),
        rules_by_pack.get(finding.pack_id, ""),
    )
    change, field = change_for(finding)
    return ShownItem(shown, origins, change, field)


def _rules_by_pack(packs: list[dict[str, Any]]) -> dict[str, str]:
    return {pack["id"]: rules_name(pack["jurisdiction"], pack.get("sector")) for pack in packs}


def present_result(result: CheckResult) -> ShownCheck:
    """A fresh check, in the active language."""
    records = result.pack_records()
    rules = _rules_by_pack(records)

    def items(found: list[Combined]) -> list[ShownItem]:
        return [_item(item.finding, item.origins, rules) for item in found]

    return ShownCheck(
        on=result.on,
        violations=items(result.violations),
        warnings=items(result.warnings),
        unknown=items(result.unknown),
        packs=pack_lines(records, result.on),
        no_rules=result.no_rules,
        recruiting=[str(reason) for reason in result.recruiting],
        warning_rule_ids=result.warning_rule_ids,
    )


def present_records(records: list[dict[str, Any]], packs: list[dict[str, Any]]) -> list[ShownItem]:
    """Stored findings (a check's, or why a re-check took a vacancy off the board), in the active language."""
    rules = _rules_by_pack(packs)
    return [
        _item(finding_from_record(record), tuple(record.get("origins") or ()), rules)
        for record in records
        if "rule_id" in record
    ]


def present_stored(check: VacancyCheck) -> list[ShownPackLine]:
    return pack_lines(check.packs, check.checked_on)
