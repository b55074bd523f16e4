"""Checking a proposed pack version: alone (the engine's schema and kinds) and together with every version
already in use (overlaps, supersedes, rule ids owned by another pack). Each problem has file, line, reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mizan.compliance.engine import SourceError, parse_pack_text
from mizan.compliance.engine.loader import PackVersion, check_versions
from mizan.compliance.packs import load_baseline, parse_rows, published_rows

MAX_YAML_CHARS = 200_000


@dataclass(frozen=True)
class Validation:
    errors: tuple[SourceError, ...]
    warnings: tuple[str, ...] = ()
    version: PackVersion | None = None  # the parsed version, when the text could be read

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_text(text: str, file: str, *, pack_id: str | None = None) -> Validation:
    """``text`` as one new version of ``pack_id`` (any pack when None), against everything published."""
    if len(text) > MAX_YAML_CHARS:
        reason = _("the text is too long (at most %(count)s characters)") % {"count": MAX_YAML_CHARS}
        return Validation((SourceError(file, 1, reason),))
    versions, errors = parse_pack_text(text, file)
    if errors:
        return Validation(tuple(errors))
    if len(versions) != 1:
        reason = _("a proposal holds exactly one version; this text holds %(count)s") % {
            "count": len(versions)
        }
        return Validation((SourceError(file, 1, reason),))
    (version,) = versions
    if pack_id is not None and version.id != pack_id:
        reason = _("id: this is pack %(found)s, not %(expected)s") % {
            "found": version.id,
            "expected": pack_id,
        }
        return Validation((SourceError(file, version.lines.get(("id",), version.line), reason),), (), version)
    baseline = load_baseline()
    published, _problems = parse_rows(published_rows())
    existing = [*baseline.versions, *published]
    before = set(check_versions(existing))
    after = check_versions([*existing, version])
    new_errors = tuple(error for error in after if error not in before)
    warnings: list[str] = []
    today = dt.date.today()
    if version.spec.effective_from < today:
        warnings.append(
            _(
                "It starts on %(day)s, before today: checks of days from then on will give different "
                "answers than before."
            )
            % {"day": version.spec.effective_from.isoformat()}
        )
    if version.spec.review_by is None:
        warnings.append(_("It has no review_by date, so nobody will be reminded to check this law again."))
    elif version.spec.review_by <= today:
        warnings.append(_("Its review_by date has already passed."))
    return Validation(new_errors, tuple(warnings), version)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed", "hunk", "file"
    text: str


@dataclass(frozen=True)
class Diff:
    base_label: str  # e.g. "QA 2021.03", or "" for a new pack
    lines: tuple[DiffLine, ...] = field(default=())

    @property
    def added(self) -> int:
        return sum(1 for line in self.lines if line.kind == "added")

    @property
    def removed(self) -> int:
        return sum(1 for line in self.lines if line.kind == "removed")


def unified_diff(old: str, new: str, *, old_label: str, new_label: str) -> Diff:
    lines: list[DiffLine] = []
    for text in difflib.unified_diff(
        old.splitlines(), new.splitlines(), fromfile=old_label, tofile=new_label, lineterm="", n=3
    ):
        if text.startswith(("---", "+++")) and len(lines) < 2:
            lines.append(DiffLine("file", text))
        elif text.startswith("@@"):
            lines.append(DiffLine("hunk", text))
        elif text.startswith("+"):
            lines.append(DiffLine("added", text[1:]))
        elif text.startswith("-"):
            lines.append(DiffLine("removed", text[1:]))
        else:
            lines.append(DiffLine("same", text[1:]))
    return Diff(old_label, tuple(lines))
