"""Writes: giving and withdrawing consent. Each writes its ledger entry in the same transaction."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can
from mizan.common.errors import DomainError, PermissionDenied
from mizan.privacy.consent.models import Consent, Method
from mizan.privacy.consent.permissions import ASSIST
from mizan.privacy.consent.purposes import PURPOSES
from mizan.privacy.ledger import ledger_append


class AlreadyDone(DomainError):
    """Giving a consent already given, or stopping one already stopped."""

    status = 409
    code = "conflict"


def _check_helper(*, worker: User, method: str, helper: User | None) -> None:
    if method == Method.HELPDESK:
        if helper is None or helper.pk == worker.pk:
            raise DomainError(_("Name the helpdesk worker who helped."), code="helper_needed")
        if not can(helper, ASSIST):
            raise PermissionDenied(_("Only helpdesk workers may record a permission for a worker."))
    elif helper is not None:
        raise DomainError(
            _("A helper is named only for help given by the helpdesk."), code="helper_unexpected"
        )


def consent_give(
    *,
    worker: User,
    purpose: str,
    organisation: Organisation | None = None,
    method: str,
    helper: User | None = None,
) -> Consent:
    """The worker agrees to ``purpose`` (for ``organisation`` when the purpose is bound to one).

    Agreeing again to a newer notice replaces the consent given to the older one. Raises DomainError for a
    purpose that does not rest on consent or a missing/unexpected organisation, AlreadyDone (409) when the
    same consent is already in force.
    """
    found = PURPOSES.get(purpose)
    if found is None:
        raise DomainError(
            _("There is no purpose called “%(purpose)s”."), code="unknown_purpose", purpose=purpose
        )
    if not found.needs_consent:
        raise DomainError(
            _("“%(purpose)s” does not rest on your agreement, so there is nothing to agree to."),
            code="not_consent_based",
            purpose=str(found.title),
        )
    if not worker.is_worker or not worker.is_active:
        raise PermissionDenied(_("Only a worker can give a permission over their own data."))
    if method not in Method.values:
        raise DomainError(_("Unknown way of giving a permission."), code="unknown_method")
    _check_helper(worker=worker, method=method, helper=helper)
    if found.organisation_bound:
        if organisation is None:
            raise DomainError(
                _("Say which organisation may use your data for this."), code="organisation_needed"
            )
        if organisation.kind not in found.readers:
            raise DomainError(
                _("%(organisation)s is not the kind of organisation that does this."),
                code="organisation_wrong_kind",
                organisation=organisation.name,
            )
    elif organisation is not None:
        raise DomainError(
            _("This permission is not given to one organisation; do not name one."),
            code="organisation_unexpected",
        )

    with transaction.atomic():
        # Lock the worker's row so two taps at once cannot both create a consent.
        User.objects.select_for_update().filter(pk=worker.pk).first()
        live = Consent.objects.filter(
            worker=worker, purpose=found.code, organisation=organisation, withdrawn_at__isnull=True
        ).first()
        if live is not None and live.notice_version == found.notice_version:
            raise AlreadyDone(_("You have already given this permission."), code="already_given")
        now = timezone.now()
        if live is not None:  # agreed to an older notice: that consent ends as this one starts
            live.withdrawn_at = now
            live.withdrawn_method = method
            live.withdrawn_by = helper or worker
            live.save(update_fields=["withdrawn_at", "withdrawn_method", "withdrawn_by", "modified_at"])
        try:
            with transaction.atomic():
                consent = Consent.objects.create(
                    worker=worker,
                    purpose=found.code,
                    organisation=organisation,
                    notice_version=found.notice_version,
                    given_at=now,
                    method=method,
                    helper=helper,
                    created_by=helper or worker,
                )
        except IntegrityError as exc:  # a concurrent request won the race
            raise AlreadyDone(_("You have already given this permission."), code="already_given") from exc
        if live is not None:
            live.replaced_by = consent
            live.save(update_fields=["replaced_by", "modified_at"])
        ledger_append(
            kind="consent.given",
            subject=f"consent:{consent.id}",
            data={
                "purpose": found.code,
                "notice_version": found.notice_version,
                "organisation": str(organisation.id) if organisation else None,
                "method": method,
                "helper": str(helper.id) if helper else None,
                "replaces": str(live.id) if live else None,
            },
        )
    return consent


def consent_withdraw(*, actor: User, consent: Consent, method: str = Method.WEB) -> Consent:
    """Stop a consent, at once. The worker themself, or a helpdesk worker on their behalf."""
    if method not in Method.values:
        raise DomainError(_("Unknown way of stopping a permission."), code="unknown_method")
    if actor.pk != consent.worker_id:
        if not can(actor, ASSIST):
            raise PermissionDenied(_("Only the worker can stop this permission."))
        method = Method.HELPDESK
    elif method == Method.HELPDESK:
        raise DomainError(_("Name the helpdesk worker who helped."), code="helper_needed")
    with transaction.atomic():
        now = timezone.now()
        # The update only matches a live consent, so stopping twice cannot write twice.
        changed = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=now, withdrawn_method=method, withdrawn_by=actor, modified_at=now
        )
        if not changed:
            raise AlreadyDone(_("This permission was already stopped."), code="already_withdrawn")
        consent.refresh_from_db()
        ledger_append(
            kind="consent.withdrawn",
            subject=f"consent:{consent.id}",
            data={
                "purpose": consent.purpose,
                "notice_version": consent.notice_version,
                "organisation": str(consent.organisation_id) if consent.organisation_id else None,
                "method": method,
                "helper": str(actor.id) if actor.pk != consent.worker_id else None,
            },
        )
    return consent
