"""The job profile in "export everything about me" and in erasure (registered from ProfilesConfig.ready).

Data categories (mizan.privacy.consent.purposes): kinds of work, skills, years and languages are
``skills_experience``; the jobs wanted are ``preferences``; certificates (scan and number, sealed) are
``documents``. Erasure deletes each part unless a legal hold keeps its category; kept certificates are
sealed again under the worker's fresh key, so the destroyed key opens nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from mizan.accounts.models import User
from mizan.privacy import vault
from mizan.privacy.rights.registry import Restore
from mizan.privacy.vault.errors import VaultError
from mizan.profiles.models import Certificate, Preferences, Profile, ProfileLanguage, ProfileOccupation
from mizan.profiles.selectors.own import profile_for_owner
from mizan.profiles.services.certificates import CERTIFICATE_CONTEXT

logger = logging.getLogger(__name__)


def export_profile(worker: User) -> dict[str, Any]:
    """Everything in the worker's job profile, decrypted, for their own export."""
    language = worker.preferred_language or "en"
    with translation.override(language):
        profile = profile_for_owner(actor=worker, worker=worker, language=language)
        return {
            "job_matching_on": profile.matching_on,
            "changed_at": profile.changed_at.isoformat() if profile.changed_at else None,
            "kinds_of_work": [
                {
                    "esco_code": occupation.code,
                    "isco_code": occupation.isco_code,
                    "title": occupation.title,
                    "years_of_experience": str(occupation.years_of_experience),
                    "is_main": occupation.is_main,
                    "skills": [{"esco_uri": skill.uri, "label": skill.label} for skill in occupation.skills],
                }
                for occupation in profile.occupations
            ],
            "languages": [
                {"code": item.code, "name": item.name, "level": item.level, "level_label": item.level_label}
                for item in profile.languages
            ],
            "certificates": [
                {
                    "id": str(item.id),
                    "title": item.title,
                    "number": item.number or None,
                    "issuer": item.issuer,
                    "issued_on": item.issued_on.isoformat() if item.issued_on else None,
                    "status": item.status,
                    "status_label": item.status_label,
                    "decided_at": item.verified_at.isoformat() if item.verified_at else None,
                    "file_name": item.file_name,
                    "download": reverse("profiles:certificate_download", kwargs={"certificate_id": item.id}),
                    "request": {
                        "organisation": item.request.organisation,
                        "status": item.request.status,
                        "asked_at": item.request.asked_at.isoformat(),
                        "decided_at": item.request.decided_at.isoformat()
                        if item.request.decided_at
                        else None,
                        "note": item.request.note,
                    }
                    if item.request
                    else None,
                }
                for item in profile.certificates
            ],
            "preferences": {
                "destinations": list(profile.preferences.destinations),
                "sectors": list(profile.preferences.sectors),
                "min_monthly_pay": str(profile.preferences.min_monthly_pay)
                if profile.preferences.min_monthly_pay is not None
                else None,
                "currency": profile.preferences.currency or None,
                "available_from": profile.preferences.available_from.isoformat()
                if profile.preferences.available_from
                else None,
            },
        }


def _erase_certificates(profile: Profile, worker: User, keep: bool) -> Restore | None:
    kept: list[tuple[Certificate, bytes, str, str]] = []
    for certificate in Certificate.objects.filter(profile=profile).select_related("file"):
        if keep:
            try:
                kept.append(
                    (
                        certificate,
                        vault.read_file(certificate.file),
                        str(certificate.file.name),
                        certificate.number,
                    )
                )
                continue
            except VaultError as error:  # unreadable already: nothing to keep
                logger.warning("erasure: a certificate could not be read (%s)", error.code)
        stored = certificate.file
        certificate.delete()
        vault.discard_file(stored)
    if not kept:
        return None

    def restore() -> None:
        for certificate, data, name, number in kept:
            old = certificate.file
            certificate.file = vault.seal_file(
                worker, ContentFile(data, name=name), context=CERTIFICATE_CONTEXT
            )
            certificate.number = number  # sealed again under the fresh key
            certificate.save()
            vault.discard_file(old)

    return restore


def erase_profile(*, worker: User, keep: frozenset[str]) -> Restore | None:
    profile = Profile.objects.filter(worker=worker).first()
    if profile is None:
        return None
    restore = _erase_certificates(profile, worker, "documents" in keep)
    if "skills_experience" not in keep:
        ProfileOccupation.objects.filter(profile=profile).delete()
        ProfileLanguage.objects.filter(profile=profile).delete()
    if "preferences" not in keep:
        Preferences.objects.filter(profile=profile).delete()
    if not keep & {"documents", "skills_experience", "preferences"}:
        profile.delete()
    return restore


def ledger_subjects(worker: User) -> list[str]:
    """Ledger entries about the worker's certificates (issuers' decisions)."""
    return [
        f"certificate:{certificate_id}"
        for certificate_id in Certificate.objects.filter(
            worker=worker, verified_at__isnull=False
        ).values_list("id", flat=True)
    ]


def register() -> None:
    from mizan.privacy.rights.registry import (
        ERASERS,
        EXPORTERS,
        LEDGER_SUBJECTS,
        register_eraser,
        register_exporter,
        register_ledger_subjects,
    )

    if "profiles" not in EXPORTERS:
        register_exporter("profiles", export_profile)
    if "profiles" not in ERASERS:
        register_eraser("profiles", erase_profile)
    if "profiles" not in LEDGER_SUBJECTS:
        register_ledger_subjects("profiles", ledger_subjects)
