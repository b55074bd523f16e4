"""The worker's own job profile: /api/v1/me/profile. Only the worker themself (session); API tokens get
403 (a token acts for an organisation, never for a worker). The issuer's certificate requests are under
``/verification-requests`` (staff of the issuing organisation)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from ninja import File, Form, Router, UploadedFile
from ninja.responses import Status

from mizan.api.auth import request_user, session_or_token
from mizan.api.problems import problems
from mizan.privacy import vault
from mizan.profiles import selectors, services
from mizan.profiles.schemas import (
    CertificateOut,
    DecisionIn,
    IssuerRequestOut,
    LanguagesIn,
    OccupationsIn,
    OneOccupationIn,
    PreferencesIn,
    ProfileOut,
)
from mizan.profiles.selectors.own import CertificateItem, OwnProfile
from mizan.profiles.validation import parse_day

router = Router(tags=["Profiles"])


def _certificate_out(item: CertificateItem) -> dict[str, Any]:
    return {
        **{
            name: getattr(item, name)
            for name in ("id", "title", "issuer", "issuer_id", "issued_on", "status")
        },
        "number": item.number or None,
        "status_label": item.status_label,
        "decided_at": item.verified_at,
        **{name: getattr(item, name) for name in ("file_name", "content_type", "size", "created_at")},
        "request": {
            "id": item.request.id,
            "organisation": item.request.organisation,
            "status": item.request.status,
            "asked_at": item.request.asked_at,
            "decided_at": item.request.decided_at,
            "note": item.request.note,
        }
        if item.request
        else None,
    }


def _profile_out(profile: OwnProfile) -> dict[str, Any]:
    preferences = profile.preferences
    return {
        "job_matching_on": profile.matching_on,
        "job_matching_consent": profile.matching_consent,
        "occupations": [
            {
                "code": item.code,
                "isco_code": item.isco_code,
                "title": item.title,
                "years_of_experience": item.years_of_experience,
                "is_main": item.is_main,
                "skills": [{"uri": skill.uri, "label": skill.label} for skill in item.skills],
            }
            for item in profile.occupations
        ],
        "languages": [item.__dict__ for item in profile.languages],
        "certificates": [_certificate_out(item) for item in profile.certificates],
        "preferences": {
            "destinations": list(preferences.destinations),
            "sectors": list(preferences.sectors),
            "min_monthly_pay": preferences.min_monthly_pay,
            "currency": preferences.currency or None,
            "available_from": preferences.available_from,
        },
        "hints": list(profile.hints),
        "changed_at": profile.changed_at,
    }


def _own(request: HttpRequest) -> dict[str, Any]:
    user = request_user(request)
    return _profile_out(selectors.profile_for_owner(actor=user, worker=user, language=get_language() or "en"))


@router.get("", auth=session_or_token, response={200: ProfileOut, **problems(401, 403)})
def get_profile(request: HttpRequest) -> dict[str, Any]:
    """My job profile: kinds of work with skills, languages, certificates, the jobs I want, whether job
    matching is on, and ``hints`` saying what is still missing."""
    return _own(request)


@router.put("/occupations", auth=session_or_token, response={200: ProfileOut, **problems(400, 401, 403, 422)})
def put_occupations(request: HttpRequest, payload: OccupationsIn) -> dict[str, Any]:
    """Replace every kind of work, with years and skills. 400 ``unknown_occupation`` for an ESCO code
    Mizan does not know, ``skill_not_of_occupation`` for a skill that is not one of that occupation's,
    ``occupation_twice``, ``main_twice``. Nothing is saved unless everything is right."""
    user = request_user(request)
    items = [
        services.OccupationInput(
            code=item.code,
            years_of_experience=item.years_of_experience,
            is_main=item.is_main,
            skill_ids=services.skill_ids_from_uris(item.skills),
        )
        for item in payload.occupations
    ]
    services.occupations_replace(actor=user, worker=user, occupations=items)
    return _own(request)


@router.put(
    "/occupations/{code}", auth=session_or_token, response={200: ProfileOut, **problems(400, 401, 403, 422)}
)
def put_occupation(request: HttpRequest, code: str, payload: OneOccupationIn) -> dict[str, Any]:
    """Add one kind of work, or replace its years and skills. 400 ``unknown_occupation``,
    ``skill_not_of_occupation``, ``too_many_occupations``."""
    user = request_user(request)
    services.occupation_save(
        actor=user,
        worker=user,
        code=code,
        years_of_experience=payload.years_of_experience,
        skill_ids=services.skill_ids_from_uris(payload.skills),
        is_main=True if payload.is_main else None,
    )
    return _own(request)


@router.delete(
    "/occupations/{code}", auth=session_or_token, response={200: ProfileOut, **problems(400, 401, 403, 404)}
)
def delete_occupation(request: HttpRequest, code: str) -> dict[str, Any]:
    """Remove one kind of work and its skills. 400 ``unknown_occupation``; 404
    ``occupation_not_in_profile``."""
    user = request_user(request)
    services.profile_occupation_remove(actor=user, worker=user, code=code)
    return _own(request)


@router.put("/languages", auth=session_or_token, response={200: ProfileOut, **problems(400, 401, 403, 422)})
def put_languages(request: HttpRequest, payload: LanguagesIn) -> dict[str, Any]:
    """Replace the languages (any BCP 47 language). 400 ``unknown_language``, ``language_twice``."""
    user = request_user(request)
    services.languages_replace(
        actor=user, worker=user, languages=[(item.code, item.level) for item in payload.languages]
    )
    return _own(request)


@router.put("/preferences", auth=session_or_token, response={200: ProfileOut, **problems(400, 401, 403, 422)})
def put_preferences(request: HttpRequest, payload: PreferencesIn) -> dict[str, Any]:
    """Replace the jobs I want. 400 ``unknown_country``, ``unknown_sector``, ``currency_needed``,
    ``unknown_currency``, ``pay_invalid``, ``start_too_late``."""
    user = request_user(request)
    services.preferences_set(
        actor=user,
        worker=user,
        destinations=payload.destinations,
        sectors=payload.sectors,
        min_monthly_pay=payload.min_monthly_pay,
        currency=payload.currency or "",
        available_from=payload.available_from,
    )
    return _own(request)


@router.post(
    "/certificates",
    auth=session_or_token,
    response={201: CertificateOut, **problems(400, 401, 403, 413, 415, 422)},
)
def add_certificate(
    request: HttpRequest,
    title: Form[str],
    file: File[UploadedFile],
    issuer_id: Form[UUID | None] = None,
    issuer_name: Form[str] = "",
    number: Form[str] = "",
    issued_on: Form[str] = "",
) -> Status[dict[str, Any]]:
    """Keep a certificate (multipart: ``title``, ``file``, ``issuer_id`` of an organisation on Mizan or
    ``issuer_name``, optional ``number`` and ``issued_on`` as YYYY-MM-DD). The file is sealed; pictures
    lose their metadata. 413 ``file_too_large``, 415 ``file_type_not_allowed``, 400 ``file_unreadable``,
    ``issuer_needed``, ``unknown_issuer``, ``issued_on_invalid``, ``too_many_certificates``."""
    user = request_user(request)
    certificate = services.certificate_upload(
        actor=user,
        worker=user,
        file=file,
        title=title,
        issuer_id=issuer_id,
        issuer_name=issuer_name,
        issued_on=parse_day(issued_on, field="issued_on"),
        number=number,
    )
    profile = selectors.profile_for_owner(actor=user, worker=user)
    item = next(item for item in profile.certificates if item.id == certificate.id)
    return Status(201, _certificate_out(item))


@router.get(
    "/certificates/{uuid:certificate_id}/file",
    auth=session_or_token,
    response={200: None, **problems(401, 403, 404, 409)},
)
def download_certificate(request: HttpRequest, certificate_id: UUID) -> HttpResponse:
    """The certificate's file, as an attachment, never cached."""
    user = request_user(request)
    services.require_self(user, user)
    certificate = services.own_certificate(user, certificate_id)
    data = vault.read_file(certificate.file)
    response = HttpResponse(data, content_type=certificate.file.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(True, str(certificate.file.name)) or "attachment"
    )
    response["Cache-Control"] = "no-store, private"
    return response


@router.delete(
    "/certificates/{uuid:certificate_id}",
    auth=session_or_token,
    response={204: None, **problems(401, 403, 404)},
)
def delete_certificate(request: HttpRequest, certificate_id: UUID) -> Status[None]:
    """Delete the certificate, its sealed file and any request to confirm it."""
    user = request_user(request)
    services.certificate_delete(actor=user, worker=user, certificate_id=certificate_id)
    return Status(204, None)


@router.post(
    "/certificates/{uuid:certificate_id}/verification",
    auth=session_or_token,
    response={201: CertificateOut, **problems(400, 401, 403, 404, 409)},
)
def ask_verification(request: HttpRequest, certificate_id: UUID) -> Status[dict[str, Any]]:
    """Ask the issuing organisation to confirm the certificate: they see its title, number and date only.
    400 ``issuer_not_on_mizan``; 409 ``already_asked``, ``already_verified``."""
    user = request_user(request)
    services.verification_request(actor=user, worker=user, certificate_id=certificate_id)
    profile = selectors.profile_for_owner(actor=user, worker=user)
    item = next(item for item in profile.certificates if item.id == certificate_id)
    return Status(201, _certificate_out(item))


@router.delete(
    "/certificates/{uuid:certificate_id}/verification",
    auth=session_or_token,
    response={204: None, **problems(401, 403, 404)},
)
def stop_verification(request: HttpRequest, certificate_id: UUID) -> Status[None]:
    """Stop a waiting request; the organisation no longer sees the certificate. 404 ``no_request_waiting``."""
    user = request_user(request)
    services.verification_withdraw(actor=user, worker=user, certificate_id=certificate_id)
    return Status(204, None)


@router.get(
    "/verification-requests",
    auth=session_or_token,
    response={200: list[IssuerRequestOut], **problems(401, 403)},
)
def list_verification_requests(request: HttpRequest) -> list[dict[str, Any]]:
    """For staff of an issuing organisation: certificates workers asked it to confirm (waiting first, then
    those answered in the last 30 days). No worker's identity, only the certificate."""
    user = request_user(request)
    return [
        {**item.__dict__, "number": item.number or None}
        for item in selectors.verification_requests_for(actor=user)
    ]


@router.post(
    "/verification-requests/{uuid:request_id}/decision",
    auth=session_or_token,
    response={200: IssuerRequestOut, **problems(401, 403, 404, 409, 422)},
)
def decide_verification(request: HttpRequest, request_id: UUID, payload: DecisionIn) -> dict[str, Any]:
    """The organisation's answer. 404 when the request is not for an organisation the caller may answer
    for; 409 ``already_decided``."""
    user = request_user(request)
    services.verification_decide(
        actor=user, request_id=request_id, confirmed=payload.confirmed, note=payload.note
    )
    found = next(item for item in selectors.verification_requests_for(actor=user) if item.id == request_id)
    return {**found.__dict__, "number": found.number or None}
