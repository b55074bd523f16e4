"""Consents and access records as API schemas: one shape for the consent API and the data export."""

from __future__ import annotations

from mizan.accounts.models import Organisation
from mizan.privacy.consent import selectors, wording
from mizan.privacy.consent.models import AccessRecord, Consent
from mizan.privacy.consent.purposes import PURPOSES
from mizan.privacy.consent.schemas import AccessRecordOut, ConsentOut, OrganisationOut


def organisation_out(organisation: Organisation | None) -> OrganisationOut | None:
    if organisation is None:
        return None
    return OrganisationOut(id=organisation.id, name=organisation.name, kind=organisation.kind)


def consent_out(consent: Consent) -> ConsentOut:
    purpose = PURPOSES.get(consent.purpose)
    current = selectors.is_current(consent)
    return ConsentOut(
        id=consent.id,
        purpose=consent.purpose,
        purpose_title=str(purpose.title) if purpose else consent.purpose,
        organisation=organisation_out(consent.organisation),
        notice_version=consent.notice_version,
        is_current=current,
        is_active=current and consent.withdrawn_at is None,
        given_at=consent.given_at,
        method=consent.method,
        withdrawn_at=consent.withdrawn_at,
        withdrawn_method=consent.withdrawn_method or None,
    )


def access_record_out(record: AccessRecord) -> AccessRecordOut:
    return AccessRecordOut(
        id=record.id,
        at=record.at,
        outcome="granted" if record.is_granted else "refused",
        reason=record.reason or None,
        purpose=record.purpose,
        categories=list(record.categories),
        person=wording.person_name(record.actor),
        organisation=organisation_out(record.organisation),
        sentence=wording.describe(record),
    )
