"""The worker's restrictions, objections and erasure, as a check inside ``processing_allowed``.

Registered with the consent app's hook (``hooks.register_restriction``) from AppConfig.ready, so every
machine check and every read of a worker's data obeys them, with a reason the worker can read:

- **restrict** (while a correction is handled, or any time): the data are only kept. They may still be
  used for the worker's own account, for legal claims (inspections required by law, a complaint the worker
  made) and to protect their life (emergencies). Everything else is refused (``rights_restricted``).
- **object to matching** (profiling): ``job_matching`` is refused (``rights_objected``), even if the
  worker turns matching on again in "My permissions", until they stop the objection.
- **object to statistics**: ``statistics`` is refused (``rights_objected_statistics``).
- **erased** accounts: everything is refused (``rights_erased``), except, while a legal hold keeps some
  data, the legal-claim purposes the hold exists for.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from uuid import UUID

from django.db.models import CharField, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.privacy.consent import hooks, reasons
from mizan.privacy.consent.purposes import Purpose
from mizan.privacy.rights.models import Erasure, LegalHold, Restriction, RestrictionKind

RESTRICTED = "rights_restricted"
OBJECTED_MATCHING = "rights_objected"
OBJECTED_STATISTICS = "rights_objected_statistics"
ERASED = "rights_erased"
_ERASED_KIND = "erased"  # not a Restriction kind: marks erased accounts in the one query

# Purposes still allowed while processing is restricted: the account itself, legal claims, life and safety.
ALLOWED_WHEN_RESTRICTED = frozenset({"account", "legal_obligation", "case_handling", "emergency"})
# Purposes for which data kept by a legal hold may still be used after an erasure.
ALLOWED_WHEN_HELD = frozenset({"legal_obligation", "case_handling"})
OBJECTIONS = {
    RestrictionKind.OBJECT_MATCHING.value: ("job_matching", OBJECTED_MATCHING),
    RestrictionKind.OBJECT_STATISTICS.value: ("statistics", OBJECTED_STATISTICS),
}

REASON_TEXTS = {
    RESTRICTED: reasons.Reason(
        _("The worker asked for their data only to be kept, not used, except for legal claims."),
        _("you asked us to keep your data but not use it"),
    ),
    OBJECTED_MATCHING: reasons.Reason(
        _("The worker said no to job matching."),
        _("you said no to job matching"),
    ),
    OBJECTED_STATISTICS: reasons.Reason(
        _("The worker asked to be left out of anonymous counts."),
        _("you asked to be left out of anonymous counts"),
    ),
    ERASED: reasons.Reason(
        _("The worker closed their account and their data was erased."),
        _("you closed your account"),
    ),
}


def refusals(
    worker_ids: Collection[UUID], purpose: Purpose, organisation: Organisation | None
) -> Mapping[UUID, str]:
    """{worker id: reason code} for the workers whose restrictions refuse ``purpose``. One query for any
    number of workers (a second only when an erased worker may still be read under a legal hold)."""
    ids = set(worker_ids)
    refused: dict[UUID, str] = {}
    if not ids:
        return refused
    # No ORDER BY in the parts of a UNION (SQLite refuses it): the models' default orderings are cleared.
    live = (
        Restriction.objects.filter(worker_id__in=ids, ended_at__isnull=True)
        .order_by()
        .values_list("worker_id", "kind")
    )
    erasures = (
        Erasure.objects.filter(worker_id__in=ids)
        .order_by()
        .annotate(kind=Value(_ERASED_KIND, output_field=CharField()))
        .values_list("worker_id", "kind")
    )
    erased: set[UUID] = set()
    kinds: dict[UUID, set[str]] = {}
    for worker_id, kind in live.union(erasures, all=True):
        if kind == _ERASED_KIND:
            erased.add(worker_id)
        else:
            kinds.setdefault(worker_id, set()).add(kind)
    if erased:
        still_held: set[UUID] = set()
        if purpose.code in ALLOWED_WHEN_HELD:
            today = timezone.localdate()
            still_held = set(
                LegalHold.objects.filter(worker_id__in=erased, released_at__isnull=True)
                .filter(Q(until__isnull=True) | Q(until__gte=today))
                .values_list("worker_id", flat=True)
            )
        refused.update(dict.fromkeys(erased - still_held, ERASED))
    for worker_id, worker_kinds in kinds.items():
        if worker_id in erased:
            continue
        if RestrictionKind.RESTRICT in worker_kinds and purpose.code not in ALLOWED_WHEN_RESTRICTED:
            refused[worker_id] = RESTRICTED
            continue
        for kind in sorted(worker_kinds & OBJECTIONS.keys()):
            if OBJECTIONS[kind][0] == purpose.code:
                refused[worker_id] = OBJECTIONS[kind][1]
    return refused


def register() -> None:
    """Plug the check and its reason texts into the consent app (once, from AppConfig.ready)."""
    for code, texts in REASON_TEXTS.items():
        if code not in reasons.REASONS:
            reasons.register_reason(code, texts)
    if "rights" not in hooks.RESTRICTIONS:
        hooks.register_restriction("rights", refusals)
