"""``mizan check-offer OFFER.yaml|OFFER.json [--on DATE] [--format text|json] [--language CODE]``.

Exit 0 when nothing is against the rules, 1 when something is, 2 when the input cannot be used (each
problem as ``file:line: reason`` on stderr). ``mizan check_offer`` is the same command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from mizan.common.languages import BY_CODE
from mizan.compliance.checking import EARLIEST, LATEST, check_offer, outcome_dict, unknown_codes
from mizan.compliance.engine import OfferError, PackError, PackSet, load_packs, offer_from_file
from mizan.compliance.engine.yamlsrc import parse_documents
from mizan.compliance.packs import baseline_packs, site_packs
from mizan.compliance.presenting import Shown, ShownFinding

WIDTH = 100


def day(text: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not EARLIEST <= value <= LATEST:
        raise argparse.ArgumentTypeError(f"{text} is outside {EARLIEST.year}-{LATEST.year}")
    return value


class Command(BaseCommand):
    help = (
        "Check a job offer (YAML or JSON) against its corridor's law. Exit 0 fine, 1 violations, 2 bad input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("offer", help="offer file, YAML or JSON (see examples/offers/)")
        parser.add_argument(
            "--on", type=day, default=None, help="check with the rules of this day (YYYY-MM-DD)"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--language", choices=list(BY_CODE), default="en", help="language of the messages"
        )
        parser.add_argument(
            "--packs", default=None, help="check against the packs in this folder only (e.g. a draft)"
        )

    def fail(self, lines: list[str]) -> NoReturn:
        for line in lines:
            self.stderr.write(line)
        sys.exit(2)

    def packs(self, folder: str | None) -> PackSet:
        if folder:
            try:
                return load_packs([Path(folder)])
            except PackError as error:
                self.fail([str(problem) for problem in error.errors])
        try:
            return site_packs()
        except DatabaseError:
            self.stderr.write("note: no database; checked against the packs shipped in rulepacks/ only")
            return baseline_packs()

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["offer"])
        try:
            terms = offer_from_file(path)
        except OfferError as error:
            self.fail([str(problem) for problem in error.errors])
        unknown = unknown_codes(terms)
        if unknown:
            documents, _errors = parse_documents(path.read_text(encoding="utf-8"), str(path))
            lines = documents[0].line_of if documents else (lambda loc: 1)
            self.fail([f"{path}:{lines(loc)}: {'.'.join(map(str, loc))}: {msg}" for loc, msg in unknown])
        packs = self.packs(options["packs"])
        outcome = check_offer(terms=terms, on=options["on"], packs=packs)
        language = options["language"]
        with translation.override(language):
            shown = outcome.present()
            if options["format"] == "json":
                data = outcome_dict(outcome, shown, language)
                self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
            else:
                self.stdout.write(as_text(str(path), shown))
        if outcome.report.has_violations:
            sys.exit(1)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _finding(item: ShownFinding) -> list[str]:
    lines = [_wrap(f"* {item.message}", "  ")]
    citation = item.finding.citation
    if citation is not None:
        source = citation.title + (f", {citation.article}" if citation.article else "")
        lines.append(_wrap(f"{item.finding.rule_id} - {_('Source:')} {source} <{citation.url}>", "    "))
        lines.append(_wrap(item.confidence_text, "    "))
    if item.finding.conflict:
        lines.append(_wrap(f"{_('Sources do not agree on this rule:')} {item.finding.conflict}", "    "))
    return lines


def as_text(name: str, shown: Shown) -> str:
    """The result for a terminal: the summary first, then each part of the result page."""
    lines = [name, shown.route, *(_wrap(line, "") for line in shown.headline)]
    if shown.out_of_date:
        lines.append(_("These rules may be out of date: they were due to be checked again."))
    for title, items in (
        (_("Against the rules"), shown.violations),
        (_("To check"), shown.warnings),
        (_("What is fine"), shown.passed),
        (_("What we could not check"), shown.unknown),
    ):
        if items:
            lines += ["", title.upper()]
            for item in items:
                lines += _finding(item)
    lines += ["", _("Your money").upper()]
    lines += [_wrap(f"{figure.label}: {figure.value}", "  ") for figure in shown.figures]
    lines += [_wrap(text, "  ") for text in (shown.ratio_text, *shown.calculator_notes) if text]
    lines += ["", _("What to do next").upper(), *(_wrap(f"- {text}", "  ") for text in shown.advice)]
    if shown.contacts:
        lines += ["", _("Who can help").upper()]
        lines += [_wrap(f"- {c.name}: {c.does} <{c.url}>", "  ") for c in shown.contacts]
    lines += ["", _("Rules used").upper(), *(_wrap(pack.checked, "  ") for pack in shown.packs)]
    return "\n".join(lines)
