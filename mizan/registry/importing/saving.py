"""Saving a checked import file in one transaction, with a ledger entry per change."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mizan.accounts import services as account_services
from mizan.accounts.models import Organisation, User
from mizan.registry import permissions
from mizan.registry.importing.checking import chunks, licences_check
from mizan.registry.importing.reading import ImportReport, LicenceRow, Progress
from mizan.registry.models import Licence
from mizan.registry.search import RECRUITER_KINDS
from mizan.registry.services import (
    licence_ledger,
)


def _organisation(
    row: LicenceRow, country: str, known: dict[str, Organisation], report: ImportReport, added: list[Any]
) -> Organisation:
    organisation = known.get(row.registration_number)
    if organisation is None:
        # Not found by the check before: a new one (recruiter_find_or_create would only look again).
        organisation = account_services.organisation_create(
            actor=None,  # accounts lets only operators add organisations; the registry checked the authority
            data=account_services.OrganisationInput(
                name=row.organisation_name,
                kind=row.kind,
                country=country,
                registration_number=row.registration_number,
            ),
        )
        known[row.registration_number] = organisation
        report.organisations_created += 1
        added.append(organisation.pk)
    return organisation


def licences_import(
    *,
    actor: User | None,
    authority: Organisation | None,
    data: bytes,
    progress: Progress | None = None,
) -> ImportReport:
    """Check the whole file; if every row is right, create or update every licence (and create the
    organisations not found by registration number in the authority's country) in one transaction, each
    change with its ledger entry. If any row is wrong, nothing is saved and the report lists the problems."""
    authority = permissions.acting_authority(actor, permissions.MANAGE_LICENCES, authority)
    country = authority.country
    report = licences_check(data, authority_country=country, progress=progress)
    if not report.ok:
        return report
    with transaction.atomic():
        known: dict[str, Organisation] = {}
        registrations = sorted({row.registration_number for row in report.rows})
        for chunk in chunks(registrations):
            for organisation in Organisation.objects.filter(
                country=country, registration_number__in=chunk, kind__in=RECRUITER_KINDS
            ):
                known[organisation.registration_number] = organisation
        added: list[Any] = []  # organisations added, whose creator is recorded at the end in one query
        existing: dict[str, Licence] = {}
        for chunk in chunks(sorted({row.key for row in report.rows})):
            for licence in Licence.objects.select_for_update().filter(country=country, number_key__in=chunk):
                existing[licence.number_key] = licence
        for done, row in enumerate(report.rows, start=1):
            organisation = _organisation(row, country, known, report, added)
            current = existing.get(row.key)
            if current is None:
                licence = Licence(
                    organisation=organisation,
                    number=row.number,
                    number_key=row.key,
                    issuing_authority=authority,
                    issuing_authority_name=authority.name,
                    country=country,
                    valid_from=row.valid_from,
                    valid_to=row.valid_to,
                    status=row.status,
                    address=row.address,
                    created_by=actor,
                )
                licence.save()
                licence_ledger(licence, "imported", actor=actor)
                report.created += 1
            else:
                new = {
                    "number": row.number,
                    "valid_from": row.valid_from,
                    "valid_to": row.valid_to,
                    "status": row.status,
                    "address": row.address,
                }
                if all(getattr(current, name) == value for name, value in new.items()):
                    report.unchanged += 1
                else:
                    if current.status != row.status:
                        current.status_sanction = None  # the authority's list now decides the status
                    for name, value in new.items():
                        setattr(current, name, value)
                    current.save()
                    licence_ledger(current, "imported", actor=actor)
                    report.updated += 1
            if progress and (done % 500 == 0 or done == len(report.rows)):
                progress("save", done, len(report.rows))
        for chunk in chunks(added) if actor is not None else ():
            Organisation.objects.filter(pk__in=chunk).update(created_by=actor)
    return report
