"""Reads for the authority pages and the public pack list: who may see which packs, versions, proposals
and review alerts. An authority sees the packs of its own country; platform administrators see all,
international standards included."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.accounts.permissions import organisations_for, require
from mizan.common.errors import NotFound, PermissionDenied
from mizan.compliance.engine import parse_pack_text
from mizan.compliance.engine.loader import PackVersion
from mizan.compliance.models import ReviewAlert, RulePackVersion
from mizan.compliance.packs import DB_FILE_PREFIX, baseline_text, site_packs
from mizan.compliance.permissions import MANAGE_PACKS
from mizan.compliance.validation import Diff, Validation, unified_diff, validate_text

ALL = None  # jurisdictions: every one


def jurisdictions_for(actor: User) -> frozenset[str] | None:
    """The jurisdictions ``actor`` keeps rules for (None: all, for platform administrators)."""
    require(actor, MANAGE_PACKS)
    if actor.is_superuser:
        return ALL
    return frozenset(organisations_for(actor, MANAGE_PACKS).values_list("country", flat=True))


def _visible(jurisdictions: frozenset[str] | None, jurisdiction: str) -> bool:
    return jurisdictions is None or jurisdiction in jurisdictions


@dataclass(frozen=True)
class VersionInfo:
    """One published version, from the baseline files or from the database."""

    pack_id: str
    version: str
    title: str
    jurisdiction: str
    effective_from: dt.date
    effective_to: dt.date | None
    supersedes: str | None
    review_by: dt.date | None
    rules: int
    row: RulePackVersion | None  # None: shipped with Mizan in rulepacks/

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def out_of_date(self, on: dt.date) -> bool:
        return bool(self.review_by and on > self.review_by and self.in_force(on))

    @property
    def out_of_date_today(self) -> bool:
        return self.out_of_date(dt.date.today())

    @property
    def yaml_text(self) -> str:
        if self.row is not None:
            return self.row.yaml_text
        return baseline_text(self.pack_id, self.version) or ""


def _info(version: PackVersion, rows: dict[str, RulePackVersion]) -> VersionInfo:
    row = (
        rows.get(version.file.removeprefix(DB_FILE_PREFIX))
        if version.file.startswith(DB_FILE_PREFIX)
        else None
    )
    spec = version.spec
    return VersionInfo(
        pack_id=spec.id,
        version=spec.version,
        title=spec.title,
        jurisdiction=spec.jurisdiction,
        effective_from=spec.effective_from,
        effective_to=version.end,
        supersedes=spec.supersedes,
        review_by=spec.review_by,
        rules=len(version.rules),
        row=row,
    )


def all_versions() -> list[VersionInfo]:
    """Every published version the checker uses, ordered by pack, then start."""
    packs = site_packs()
    db_ids = [
        v.file.removeprefix(DB_FILE_PREFIX) for v in packs.versions if v.file.startswith(DB_FILE_PREFIX)
    ]
    rows = {
        str(row.id): row
        for row in RulePackVersion.objects.filter(id__in=db_ids).select_related("proposed_by", "decided_by")
    }
    infos = [_info(version, rows) for version in packs.versions]
    return sorted(infos, key=lambda info: (info.pack_id, info.effective_from))


@dataclass(frozen=True)
class PackSummary:
    pack_id: str
    title: str
    jurisdiction: str
    current: VersionInfo  # in force on the day, else the newest
    versions: int
    open_proposals: int

    def out_of_date(self, on: dt.date) -> bool:
        return self.current.out_of_date(on)


def _group(versions: list[VersionInfo]) -> dict[str, list[VersionInfo]]:
    grouped: dict[str, list[VersionInfo]] = {}
    for info in versions:
        grouped.setdefault(info.pack_id, []).append(info)
    return grouped


def current_version(versions: list[VersionInfo], on: dt.date) -> VersionInfo:
    in_force = [info for info in versions if info.in_force(on)]
    return in_force[-1] if in_force else versions[-1]


def summaries(versions: list[VersionInfo], on: dt.date, open_counts: dict[str, int]) -> list[PackSummary]:
    result = []
    for pack_id, group in _group(versions).items():
        current = current_version(group, on)
        result.append(
            PackSummary(
                pack_id=pack_id,
                title=current.title,
                jurisdiction=current.jurisdiction,
                current=current,
                versions=len(group),
                open_proposals=open_counts.get(pack_id, 0),
            )
        )
    return sorted(result, key=lambda s: (s.jurisdiction != "INT", s.jurisdiction, s.pack_id))


def packs_for(*, actor: User, on: dt.date) -> list[PackSummary]:
    jurisdictions = jurisdictions_for(actor)
    visible = [info for info in all_versions() if _visible(jurisdictions, info.jurisdiction)]
    counts: dict[str, int] = {}
    for pack_id in (
        proposals_for(actor=actor)
        .filter(status=RulePackVersion.Status.PROPOSED)
        .values_list("pack_id", flat=True)
    ):
        counts[pack_id] = counts.get(pack_id, 0) + 1
    return summaries(visible, on, counts)


def pack_versions(*, actor: User, pack_id: str) -> list[VersionInfo]:
    """The published versions of one pack the actor may see (404 when none)."""
    jurisdictions = jurisdictions_for(actor)
    found = [info for info in all_versions() if info.pack_id == pack_id]
    if not found:
        raise NotFound(_("There is no rule pack %(pack)s."), pack=pack_id)
    if not _visible(jurisdictions, found[0].jurisdiction):
        raise PermissionDenied(_("This rule pack belongs to another country's authority."))
    return found


def version_get(*, actor: User, pack_id: str, version: str) -> VersionInfo:
    for info in pack_versions(actor=actor, pack_id=pack_id):
        if info.version == version:
            return info
    raise NotFound(_("Rule pack %(pack)s has no version %(version)s."), pack=pack_id, version=version)


def proposals_for(*, actor: User) -> QuerySet[RulePackVersion]:
    jurisdictions = jurisdictions_for(actor)
    rows = RulePackVersion.objects.select_related("proposed_by", "decided_by")
    return rows if jurisdictions is None else rows.filter(jurisdiction__in=jurisdictions)


def proposal_get(*, actor: User, proposal_id: UUID) -> RulePackVersion:
    jurisdictions = jurisdictions_for(actor)
    row = RulePackVersion.objects.select_related("proposed_by", "decided_by").filter(id=proposal_id).first()
    if row is None:
        raise NotFound(_("There is no such proposal."))
    if not _visible(jurisdictions, row.jurisdiction):
        raise PermissionDenied(_("This proposal belongs to another country's authority."))
    return row


@dataclass(frozen=True)
class ProposalReview:
    """What a second person needs to decide: the result of the checks and what changes."""

    validation: Validation
    diff: Diff
    base: VersionInfo | None  # the version compared with (None: a new pack)


def base_version(
    pack_id: str, supersedes: str | None, on: dt.date, *, exclude: str | None = None
) -> VersionInfo | None:
    """The version a proposal is compared with: the one it supersedes, else the one in force ``on``."""
    group = [info for info in all_versions() if info.pack_id == pack_id and info.version != exclude]
    if not group:
        return None
    for info in group:
        if supersedes and info.version == supersedes:
            return info
    return current_version(group, on)


def proposal_review(*, actor: User, proposal: RulePackVersion) -> ProposalReview:
    jurisdictions = jurisdictions_for(actor)
    if not _visible(jurisdictions, proposal.jurisdiction):
        raise PermissionDenied(_("This proposal belongs to another country's authority."))
    if proposal.is_open:
        validation = validate_text(proposal.yaml_text, proposal.source_name, pack_id=proposal.pack_id or None)
        parsed = validation.version
    else:  # decided: checked when it was decided; only the comparison is shown
        validation = Validation(())
        found, _errors = parse_pack_text(proposal.yaml_text, proposal.source_name)
        parsed = found[0] if len(found) == 1 else None
    supersedes = parsed.spec.supersedes if parsed else None
    exclude = proposal.version if proposal.is_published else None
    base = base_version(proposal.pack_id, supersedes, dt.date.today(), exclude=exclude)
    new_label = f"{proposal.pack_id} {proposal.version or '?'}"
    if base is None:
        diff = unified_diff("", proposal.yaml_text, old_label="(new)", new_label=new_label)
    else:
        diff = unified_diff(
            base.yaml_text,
            proposal.yaml_text,
            old_label=f"{base.pack_id} {base.version}",
            new_label=new_label,
        )
    return ProposalReview(validation, diff, base)


def alerts_for(*, actor: User) -> list[ReviewAlert]:
    jurisdictions = jurisdictions_for(actor)
    alerts = ReviewAlert.objects.filter(resolved_at__isnull=True)
    if jurisdictions is not None:
        alerts = alerts.filter(jurisdiction__in=jurisdictions)
    return list(alerts)


# --- Public reads (the API's pack list): published law is public ----------------------------------


def public_packs(on: dt.date) -> list[PackSummary]:
    return summaries(all_versions(), on, {})


def public_pack_versions(pack_id: str) -> list[VersionInfo]:
    found = [info for info in all_versions() if info.pack_id == pack_id]
    if not found:
        raise NotFound(_("There is no rule pack %(pack)s."), pack=pack_id)
    return found
