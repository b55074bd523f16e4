"""Writes of the compliance app: proposing, approving (four eyes), rejecting and withdrawing rule-pack
versions, and the daily review alerts.

Publication stores the version (never changed again) and appends a ``rulepack.published`` ledger entry in
the same transaction; the checker picks the new version up on its next check (see ``packs.site_packs``).
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Membership, Organisation, User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.compliance import hooks, selectors
from mizan.compliance.drafting import CitationInput, draft_minimum_wage
from mizan.compliance.engine import parse_pack_text
from mizan.compliance.models import ReviewAlert, RulePackVersion
from mizan.compliance.packs import site_packs
from mizan.compliance.validation import MAX_YAML_CHARS, validate_text
from mizan.privacy.ledger import LedgerDataError, hash_for, ledger_append

logger = logging.getLogger(__name__)

Status = RulePackVersion.Status


def _allowed(actor: User, jurisdiction: str) -> bool:
    jurisdictions = selectors.jurisdictions_for(actor)
    return jurisdictions is None or jurisdiction in jurisdictions


def proposal_create(
    *, actor: User, yaml_text: str, source_name: str, note: str = "", pack_id: str | None = None
) -> RulePackVersion:
    """Store a proposed version (valid or not: the checks are shown with it, and only a valid one can
    be approved). Refused outright when it is not for a pack of the actor's own country."""
    jurisdictions = selectors.jurisdictions_for(actor)
    text = yaml_text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DomainError(_("The rule pack text is empty."), code="empty")
    if len(text) > MAX_YAML_CHARS:
        raise DomainError(
            _("The rule pack text is too long: at most %(count)s characters."),
            code="too_long",
            count=MAX_YAML_CHARS,
        )
    known = {info.pack_id: info for info in selectors.all_versions()}
    versions, _errors = parse_pack_text(text, source_name)
    parsed = versions[0] if len(versions) == 1 else None
    if pack_id is not None and pack_id not in known:
        raise DomainError(_("There is no rule pack %(pack)s."), code="unknown_pack", pack=pack_id)
    if parsed is not None:
        if pack_id is not None and parsed.id != pack_id:
            raise DomainError(
                _("This text is for pack %(found)s, not %(expected)s."),
                code="wrong_pack",
                found=parsed.id,
                expected=pack_id,
            )
        jurisdiction = parsed.spec.jurisdiction
        if parsed.id in known and known[parsed.id].jurisdiction != jurisdiction:
            raise DomainError(
                _("Pack %(pack)s belongs to %(jurisdiction)s; a new version cannot move it."),
                code="wrong_jurisdiction",
                pack=parsed.id,
                jurisdiction=known[parsed.id].jurisdiction,
            )
    elif pack_id is not None:
        jurisdiction = known[pack_id].jurisdiction
    elif jurisdictions is None:
        jurisdiction = "INT"
    elif len(jurisdictions) == 1:
        (jurisdiction,) = jurisdictions
    else:
        raise DomainError(_("Choose the rule pack this text is for."), code="pack_needed")
    if jurisdictions is not None and jurisdiction not in jurisdictions:
        raise PermissionDenied(
            _("You can propose rules only for %(countries)s."), countries=", ".join(sorted(jurisdictions))
        )
    return RulePackVersion.objects.create(
        created_by=actor,
        pack_id=parsed.id if parsed else (pack_id or ""),
        version=parsed.version if parsed else "",
        jurisdiction=jurisdiction,
        title=parsed.spec.title if parsed else "",
        effective_from=parsed.spec.effective_from if parsed else None,
        yaml_text=text,
        sha256=hash_for(text),
        source_name=source_name[:200],
        note=note.strip(),
        proposed_by=actor,
    )


def _open_for_decision(actor: User, proposal_id: UUID) -> RulePackVersion:
    proposal = RulePackVersion.objects.select_for_update().filter(id=proposal_id).first()
    if proposal is None or not _allowed(actor, proposal.jurisdiction):
        raise PermissionDenied(_("You do not have permission to do this."))
    if not proposal.is_open:
        raise DomainError(
            _("This proposal was already decided: %(status)s."),
            code="already_decided",
            status=proposal.get_status_display(),
        )
    return proposal


def _ledger_data(proposal: RulePackVersion) -> dict[str, str | int | bool | None]:
    return {
        "pack_id": proposal.pack_id,
        "version": proposal.version,
        "version_id": str(proposal.id),
        "yaml_sha256": proposal.sha256,
        "proposed_by": str(proposal.proposed_by_id),
        "approved_by": str(proposal.decided_by_id),
    }


@transaction.atomic
def proposal_approve(*, actor: User, proposal: RulePackVersion) -> RulePackVersion:
    """Publish: only someone other than the proposer, and only a version that passes every check."""
    proposal = _open_for_decision(actor, proposal.id)
    if proposal.proposed_by_id == actor.id:
        raise PermissionDenied(
            _("You proposed this version, so someone else must approve it (four eyes)."),
            code="four_eyes",
        )
    validation = validate_text(proposal.yaml_text, proposal.source_name, pack_id=proposal.pack_id or None)
    if not validation.ok:
        raise DomainError(
            _("This version cannot be approved: it has %(count)s problem(s). See the check results."),
            code="invalid_pack",
            count=len(validation.errors),
        )
    proposal.status = Status.PUBLISHED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    data = _ledger_data(proposal)
    try:
        entry = ledger_append(kind="rulepack.published", subject=f"rulepack_version:{proposal.id}", data=data)
    except LedgerDataError:
        # A pack id or version that looks like a long number: recorded by its hash instead.
        data["pack_id"] = hash_for(proposal.pack_id)
        data["version"] = hash_for(proposal.version)
        entry = ledger_append(kind="rulepack.published", subject=f"rulepack_version:{proposal.id}", data=data)
    proposal.ledger_seq = entry.seq
    proposal.save(update_fields=["status", "decided_by", "decided_at", "ledger_seq", "modified_at"])
    ReviewAlert.objects.filter(pack_id=proposal.pack_id, resolved_at__isnull=True).update(
        resolved_at=proposal.decided_at
    )
    pack_id, version = proposal.pack_id, proposal.version
    transaction.on_commit(lambda: hooks.published(pack_id, version))
    return proposal


@transaction.atomic
def proposal_reject(*, actor: User, proposal: RulePackVersion, reason: str) -> RulePackVersion:
    proposal = _open_for_decision(actor, proposal.id)
    if proposal.proposed_by_id == actor.id:
        raise PermissionDenied(
            _("You proposed this version: withdraw it instead of rejecting it."), code="four_eyes"
        )
    if not reason.strip():
        raise DomainError(_("Please say why the proposal is not accepted."), code="reason_needed")
    proposal.status = Status.REJECTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.rejection_reason = reason.strip()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason", "modified_at"])
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor: User, proposal: RulePackVersion) -> RulePackVersion:
    proposal = _open_for_decision(actor, proposal.id)
    if proposal.proposed_by_id != actor.id:
        raise PermissionDenied(_("Only the person who proposed it can withdraw it."), code="not_proposer")
    proposal.status = Status.WITHDRAWN
    proposal.save(update_fields=["status", "modified_at"])
    return proposal


def next_version_name(pack_id: str, effective_from: dt.date) -> str:
    taken = {info.version for info in selectors.all_versions() if info.pack_id == pack_id}
    taken |= set(RulePackVersion.objects.filter(pack_id=pack_id).values_list("version", flat=True))
    name = f"{effective_from:%Y.%m}"
    number = 2
    while name in taken:
        name = f"{effective_from:%Y.%m}-{number}"
        number += 1
    return name


def minimum_wage_propose(
    *,
    actor: User,
    pack_id: str,
    rule_id: str,
    amount: Decimal,
    effective_from: dt.date,
    review_by: dt.date | None,
    citation: CitationInput,
    note: str = "",
) -> RulePackVersion:
    """The structured form's change: the pack's newest version with one minimum wage changed."""
    versions = selectors.pack_versions(actor=actor, pack_id=pack_id)
    latest = max(versions, key=lambda info: info.effective_from)
    if effective_from <= latest.effective_from:
        raise DomainError(
            _("The new amount must start after %(day)s, when the newest version starts."),
            code="too_early",
            day=latest.effective_from.isoformat(),
        )
    text = draft_minimum_wage(
        latest.yaml_text,
        rule_id=rule_id,
        amount=amount,
        effective_from=effective_from,
        review_by=review_by,
        version=next_version_name(pack_id, effective_from),
        supersedes=latest.version,
        citation=citation,
    )
    return proposal_create(
        actor=actor, yaml_text=text, source_name=gettext("minimum wage form"), note=note, pack_id=pack_id
    )


# --- Review alerts (a system job: no actor) ---------------------------------------------------------


def review_alerts_create(*, on: dt.date) -> list[ReviewAlert]:
    """An alert for every pack version in force ``on`` and past its review_by day, once per version; the
    authority's administrators are emailed about each new one."""
    created: list[ReviewAlert] = []
    for version in site_packs().in_force(on):
        review_by = version.spec.review_by
        if review_by is None or on <= review_by:
            continue
        alert, was_created = ReviewAlert.objects.get_or_create(
            pack_id=version.id,
            version=version.version,
            defaults={"jurisdiction": version.spec.jurisdiction, "review_by": review_by},
        )
        if was_created:
            created.append(alert)
            _email_admins(alert)
    return created


def _email_admins(alert: ReviewAlert) -> None:
    admins = User.objects.filter(
        memberships__organisation__kind=Organisation.Kind.AUTHORITY,
        memberships__organisation__country=alert.jurisdiction,
        memberships__role=Membership.Role.ADMIN,
        memberships__is_active=True,
        is_active=True,
        email__isnull=False,
    ).distinct()
    if alert.jurisdiction == "INT":
        admins = User.objects.filter(is_superuser=True, is_active=True, email__isnull=False)
    for admin in admins:
        with translation.override(admin.preferred_language):
            subject = gettext("Rules to check again: %(pack)s") % {"pack": alert.pack_id}
            body = gettext(
                "The rule pack %(pack)s (version %(version)s) was due to be checked again by %(day)s. "
                "Until a new version is published, every check of a job offer under it says that "
                "the rules may be out of date. Open Mizan's rules page to propose a new version."
            ) % {"pack": alert.pack_id, "version": alert.version, "day": alert.review_by.isoformat()}
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [str(admin.email)])
        except OSError:  # the alert is on the rules page anyway; email is a courtesy
            logger.warning("could not email review alert %s", alert.id)
