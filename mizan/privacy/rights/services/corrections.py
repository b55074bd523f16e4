"""Correction requests: the worker asks, Mizan's staff answer (done, or refused with a reason)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.accounts.permissions import require
from mizan.common.errors import DomainError
from mizan.privacy.rights.models import CorrectionItem, CorrectionRequest, CorrectionStatus, RestrictionKind
from mizan.privacy.rights.permissions import HANDLE_REQUESTS
from mizan.privacy.rights.selectors import require_self
from mizan.privacy.rights.services.restrictions import restriction_set

TEXT_MAX = 2000
MAX_OPEN = 10


class AlreadyClosed(DomainError):
    status = 409
    code = "already_closed"


def _text(value: str | None, *, required: bool, message: object, code: str) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(message, code=code)
    if len(text) > TEXT_MAX:
        raise DomainError(_("Please write at most %(limit)s letters."), code="text_too_long", limit=TEXT_MAX)
    return text


def correction_request_create(
    *, actor: User, item: str, what_is_wrong: str, should_be: str = "", restrict: bool = False
) -> CorrectionRequest:
    """The worker asks for a correction. With ``restrict``, their data are only kept, not used, until the
    request is answered (the restriction ends with the answer)."""
    require_self(actor, actor)
    if item not in CorrectionItem.values:
        raise DomainError(_("Please choose what is wrong."), code="item_unknown")
    wrong = _text(
        what_is_wrong, required=True, message=_("Please tell us what is wrong."), code="what_is_wrong_missing"
    )
    right = _text(should_be, required=False, message="", code="")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.pk).first()  # one request at a time per worker
        if CorrectionRequest.objects.filter(worker=actor, status=CorrectionStatus.OPEN).count() >= MAX_OPEN:
            raise DomainError(
                _("You already have %(limit)s requests waiting. Please wait for an answer first."),
                code="too_many_open",
                limit=MAX_OPEN,
            )
        request = CorrectionRequest(worker=actor, item=item, created_by=actor)
        request.what_is_wrong = wrong
        request.should_be = right
        request.save()
        if restrict:
            restriction_set(
                actor=actor, worker=actor, kind=RestrictionKind.RESTRICT, on=True, correction=request
            )
    return request


def correction_request_close(
    *, actor: User, request: CorrectionRequest, outcome: str, response: str = ""
) -> CorrectionRequest:
    """Staff answer a request: ``done`` (corrected) or ``refused`` (a reason is required)."""
    require(actor, HANDLE_REQUESTS)
    if outcome not in (CorrectionStatus.DONE, CorrectionStatus.REFUSED):
        raise DomainError(_("Choose whether the data was corrected or not."), code="outcome_unknown")
    answer = _text(
        response,
        required=outcome == CorrectionStatus.REFUSED,
        message=_("Say why the data is not corrected. The worker will read it."),
        code="reason_needed",
    )
    with transaction.atomic():
        locked = CorrectionRequest.objects.select_for_update().filter(pk=request.pk).first()
        if locked is None or locked.status != CorrectionStatus.OPEN:
            raise AlreadyClosed(_("This request was already answered."))
        now = timezone.now()
        locked.status = outcome
        locked.response = answer
        locked.closed_at = now
        locked.closed_by = actor
        locked.save()
        # A restriction asked for "while this is handled" ends with the answer.
        locked.restrictions.filter(ended_at__isnull=True).update(
            ended_at=now, ended_by=actor, modified_at=now
        )
    return locked
