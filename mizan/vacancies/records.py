"""The records a check leaves: the vacancy's last check (kept as history), why it was taken off the job
board, what the ledger says about a publication. Used by the services and the daily re-check."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from mizan.common.errors import NotFound
from mizan.privacy.ledger import hash_for
from mizan.vacancies.checking import CheckResult
from mizan.vacancies.models import Vacancy, VacancyCheck


def locked(vacancy: Vacancy) -> Vacancy:
    found = (
        Vacancy.objects.select_for_update(of=("self",))
        .select_related("terms", "posted_by", "employer", "last_check")
        .filter(id=vacancy.id)
        .first()
    )
    if found is None:
        raise NotFound(_("There is no such job offer, or it is not yours."))
    return found


def store_check(vacancy: Vacancy, result: CheckResult, trigger: str) -> VacancyCheck:
    """Keep the check as the vacancy's last; a re-check that says the same only moves the last one's date."""
    packs = result.pack_records()
    findings = result.finding_records()
    summary = {
        "violations": len(result.violations),
        "warnings": len(result.warnings),
        "infos": len(result.unknown),
    }
    last = vacancy.last_check
    if (
        trigger == VacancyCheck.Trigger.RECHECK
        and last is not None
        and last.packs == packs
        and last.findings == findings
        and last.terms_sha256 == result.terms_sha256
        and last.no_rules == result.no_rules
    ):
        VacancyCheck.objects.filter(id=last.id).update(checked_on=result.on, checked_at=timezone.now())
        last.refresh_from_db()
        return last
    check = VacancyCheck.objects.create(
        vacancy=vacancy,
        checked_on=result.on,
        trigger=trigger,
        packs=packs,
        findings=findings,
        no_rules=result.no_rules,
        warning_rule_ids=result.warning_rule_ids,
        terms_sha256=result.terms_sha256,
        **summary,
    )
    vacancy.last_check = check
    Vacancy.objects.filter(id=vacancy.id).update(last_check=check)
    return check


def reasons_of(result: CheckResult) -> list[dict[str, object]]:
    """Why the vacancy cannot be on the board: findings as stored, and the registry's reasons (their
    English text, translated again when shown)."""
    reasons: list[dict[str, object]] = []
    if result.no_rules:
        reasons.extend(
            {**finding.to_dict(), "origins": []}
            for _origin, outcome in result.corridors[:1]
            for finding in outcome.report.findings
            if finding.message_key == "compliance.scope.no_rules"
            and finding.params.get("country") == result.destination
        )
    reasons.extend({**item.finding.to_dict(), "origins": list(item.origins)} for item in result.violations)
    reasons.extend({"recruiting": english(reason)} for reason in result.recruiting)
    return reasons


def english(message: object) -> str:
    with translation.override("en"):
        return str(message)


def take_off(vacancy: Vacancy, status: str, reasons: list[dict[str, object]]) -> None:
    vacancy.status = status
    vacancy.unpublished_at = timezone.now()
    vacancy.unpublished_reasons = reasons
    vacancy.save(update_fields=["status", "unpublished_at", "unpublished_reasons", "modified_at"])


def ledger_packs(check: VacancyCheck) -> dict[str, str]:
    text = "+".join(f"{pack['id']}:{pack['version']}" for pack in check.packs)
    if len(text) <= 128 and all(ch.isalnum() or ch in "._:/+=-" for ch in text):
        return {"packs": text}
    return {"packs_sha256": hash_for(text)}
