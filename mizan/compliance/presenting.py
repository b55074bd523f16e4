"""A check's result in the reader's language: the engine's findings rendered with gettext, the packs used,
the offer calculator's figures, whom to contact and what to do next. Used by the page, the API and the CLI
alike (call it inside ``translation.override(language)``)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mizan.common import formatting
from mizan.common.countries import country_name
from mizan.common.money import Money
from mizan.compliance.contacts import Contact, contacts_for
from mizan.compliance.engine import LABELS, Finding, OfferCalculation, PackSet, Report, render
from mizan.compliance.engine.findings import Severity

CONFIDENCE = {
    "high": _("Sure: we read the law or an official text."),
    "medium": _("Fairly sure: we read a reliable report of the law."),
    "low": _("Not sure: this is not confirmed yet, so check it."),
}
_MONEY = re.compile(r"^([A-Z]{3}) (-?\d+(?:\.\d+)?)$")
_COUNTRY_PARAMS = ("country", "origin", "destination")
FORCED_LABOUR_LIKELY = "compliance.forced_labour_indicators.likely"


def money_text(amount: Decimal | None, currency: str | None) -> str:
    if amount is None:
        return ""
    if not currency:
        return formatting.number(amount)
    try:
        return formatting.money(Money(amount, currency))
    except ValueError:  # not an ISO 4217 code: say it as the offer did
        return f"{currency} {formatting.number(amount)}"


def _localised(params: dict[str, str]) -> dict[str, str]:
    """Money and codes the engine's labels do not know, in the reader's language (the rest: ``render``)."""
    result = {}
    for name, value in params.items():
        match = _MONEY.match(value)
        if match and name not in LABELS:
            value = money_text(Decimal(match.group(2)), match.group(1))
        elif name in _COUNTRY_PARAMS:
            value = ",".join(
                code if code in LABELS["country"] else country_name(code) for code in value.split(",")
            )
        elif name == "languages":
            value = ",".join(_language(code) for code in value.split(","))
        result[name] = value
    return result


def _language(code: str) -> str:
    if code in LABELS["languages"]:
        return code
    if code == "und":  # the checker's "a contract in a language I cannot read"
        return gettext("a language you cannot read")
    return formatting.language_name(code)


def message(finding: Finding) -> str:
    return render(finding.message_key, _localised(finding.params), translate=gettext)


def rules_name(jurisdiction: str, sector: str | None) -> str:
    if jurisdiction == "INT":
        return gettext("international standards")
    country = country_name(jurisdiction)
    if sector:
        return gettext("the rules of %(country)s for %(sector)s work") % {
            "country": country,
            "sector": gettext(LABELS["sector"].get(sector, sector)),
        }
    return gettext("the rules of %(country)s") % {"country": country}


@dataclass(frozen=True)
class ShownFinding:
    finding: Finding
    message: str
    confidence_text: str
    rules: str  # whose rules, in words

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.finding.to_dict(),
            "message": self.message,
            "confidence_text": self.confidence_text,
            "rules": self.rules,
        }


@dataclass(frozen=True)
class ShownPack:
    id: str
    version: str
    rules: str
    checked: str  # "Checked against … version … on …"
    out_of_date: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "rules": self.rules, "checked": self.checked}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Shown:
    report: Report
    calculation: OfferCalculation
    violations: list[ShownFinding]
    warnings: list[ShownFinding]
    unknown: list[ShownFinding]
    passed: list[ShownFinding]
    packs: list[ShownPack]
    headline: list[str]
    figures: list[Figure]
    ratio_text: str
    calculator_notes: list[str]
    contacts: list[Contact]
    advice: list[str]
    urgent: bool  # signs of forced labour: ask for help now
    route: str  # where from, where to, what work

    @property
    def out_of_date(self) -> bool:
        return self.report.out_of_date


def _pack_sectors(packs: PackSet) -> dict[str, str | None]:
    return {version.id: version.spec.scope.sector for version in packs.versions}


def headline(report: Report, passed: int) -> list[str]:
    summary = report.summary
    lines = []
    if summary.violations:
        lines.append(
            ngettext(
                "%(count)s thing is against the rules.",
                "%(count)s things are against the rules.",
                summary.violations,
            )
            % {"count": summary.violations}
        )
    else:
        lines.append(gettext("Nothing we checked is against the rules."))
    if summary.warnings:
        lines.append(
            ngettext("%(count)s thing to check.", "%(count)s things to check.", summary.warnings)
            % {"count": summary.warnings}
        )
    if summary.infos:
        lines.append(
            ngettext(
                "%(count)s thing we could not check.", "%(count)s things we could not check.", summary.infos
            )
            % {"count": summary.infos}
        )
    if passed:
        lines.append(
            ngettext("%(count)s thing is fine.", "%(count)s things are fine.", passed) % {"count": passed}
        )
    return lines


FIGURES = (
    ("gross_monthly_pay", _("Pay a month, before anything is taken off")),
    ("overtime_monthly_pay", _("Overtime pay a month")),
    ("lawful_deductions", _("Taken off your pay a month by law (tax, food, housing, other)")),
    ("net_monthly_pay", _("Pay a month after that")),
    ("recruitment_deductions", _("Taken off your pay a month to pay back recruitment costs")),
    ("take_home_pay", _("What you take home a month")),
    ("worker_costs_paid", _("Recruitment costs you paid")),
    ("worker_costs_owed", _("Recruitment costs you owe or are asked to pay")),
    ("worker_costs_total", _("All your recruitment costs")),
    ("costs_against_rules", _("Of these, more than the rules allow")),
)


def figures(calculation: OfferCalculation) -> tuple[list[Figure], str, list[str]]:
    currency = calculation.currency
    shown: list[Figure] = []
    for key, label in FIGURES:
        value = getattr(calculation, key)
        if value is None or (key in ("overtime_monthly_pay", "recruitment_deductions") and not value):
            continue
        shown.append(Figure(key, str(label), money_text(value, currency)))
    months = calculation.months_to_repay
    if months is not None:
        count = max(1, math.ceil(months))
        shown.append(
            Figure(
                "months_to_repay",
                gettext("Months of work to earn back your recruitment costs"),
                ngettext("%(months)s month", "%(months)s months", count)
                % {"months": formatting.number(months)},
            )
        )
    ratio_text = ""
    if calculation.sdg_10_7_1_ratio is not None:
        ratio_text = gettext(
            "Your recruitment costs are %(ratio)s times what you would earn in a month there. The United "
            "Nations count this for every migrant worker (SDG indicator 10.7.1): the lower, the fairer. "
            "Under fair recruitment it is 0, because the employer pays."
        ) % {"ratio": formatting.number(calculation.sdg_10_7_1_ratio)}
    notes = []
    if calculation.missing:
        notes.append(
            gettext("To work out more, we need: %(fields)s.")
            % {
                "fields": ", ".join(
                    gettext(LABELS["missing"].get(name, name)) for name in calculation.missing
                )
            }
        )
    if calculation.unconverted:
        notes.append(
            gettext("We have no exchange rate for %(currencies)s, so those amounts are not counted.")
            % {"currencies": ", ".join(calculation.unconverted)}
        )
    return shown, ratio_text, notes


def route(report: Report, sectors_of_corridor: str | None) -> str:
    corridor = report.corridor
    unknown = gettext("not given")
    text = gettext("From %(origin)s to %(destination)s") % {
        "origin": country_name(corridor.origin) if corridor.origin else unknown,
        "destination": country_name(corridor.destination) if corridor.destination else unknown,
    }
    if sectors_of_corridor:
        text += ", " + gettext("%(sector)s work") % {
            "sector": gettext(LABELS["sector"].get(sectors_of_corridor, sectors_of_corridor))
        }
    return text


def advice(report: Report, urgent: bool, has_contacts: bool) -> list[str]:
    items = []
    if urgent:
        items.append(gettext("If you are in danger, call the police or your country's embassy now."))
    if report.summary.violations:
        items.append(gettext("Do not pay any more money and do not sign anything until this is sorted out."))
    items.append(
        gettext("Keep copies or photos of your contract, your receipts, your passport and any messages.")
    )
    items.append(gettext("Your passport is yours. Do not give it to anyone to keep."))
    items.append(gettext("Ask a workers' rights group, a trade union or a legal aid service for free help."))
    if not has_contacts:
        items.append(gettext("Ask your country's labour office or embassy which office can help you."))
    if report.out_of_date:
        items.append(
            gettext("These rules may be out of date: ask the labour office whether they still apply.")
        )
    return items


def present(report: Report, calculation: OfferCalculation, packs: PackSet) -> Shown:
    sectors = _pack_sectors(packs)
    by_pack = {use.id: use for use in report.packs}

    def show(finding: Finding) -> ShownFinding:
        use = by_pack.get(finding.pack_id)
        rules = rules_name(use.jurisdiction, sectors.get(use.id)) if use else ""
        return ShownFinding(finding, message(finding), str(CONFIDENCE[finding.confidence.value]), rules)

    shown = [show(finding) for finding in report.findings]
    passed = [show(finding) for finding in report.passed]
    day = formatting.day(report.on)
    pack_lines = []
    for use in report.packs:
        rules = rules_name(use.jurisdiction, sectors.get(use.id))
        checked = gettext("Checked against %(rules)s, version %(version)s, on %(day)s.") % {
            "rules": rules,
            "version": use.version,
            "day": day,
        }
        pack_lines.append(ShownPack(use.id, use.version, rules, checked, use.out_of_date))
    urgent = any(f.finding.message_key == FORCED_LABOUR_LIKELY for f in shown)
    contacts = contacts_for(report.corridor.destination, report.corridor.origin)
    numbers, ratio_text, notes = figures(calculation)
    return Shown(
        report=report,
        calculation=calculation,
        violations=[f for f in shown if f.finding.severity is Severity.VIOLATION],
        warnings=[f for f in shown if f.finding.severity is Severity.WARNING],
        unknown=[f for f in shown if f.finding.severity is Severity.INFO],
        passed=passed,
        packs=pack_lines,
        headline=headline(report, len(passed)),
        figures=numbers,
        ratio_text=ratio_text,
        calculator_notes=notes,
        contacts=contacts,
        advice=advice(report, urgent, bool(contacts)),
        urgent=urgent,
        route=route(report, sectors_of_corridor=report.corridor.sector),
    )
