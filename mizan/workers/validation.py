"""Checking and tidying personal details before they are sealed. Errors name the field, in plain words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts import phones
from mizan.accounts.models import User
from mizan.common.errors import DomainError
from mizan.workers.catalogue import BY_NAME, Detail

EARLIEST_BIRTH = date(1900, 1, 1)
_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
_NUMBER_TEXT = re.compile(r"[\w\s./-]+")


def _phone_region(worker: User) -> str | None:
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(worker.phone or ""))
    except phonenumbers.NumberParseException:
        return None


def _text(detail: Detail, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("Please type text here."), code="invalid")
    if detail.kind == "long_text":
        lines = [" ".join(line.split()) for line in value.replace("\r\n", "\n").split("\n")]
        text = "\n".join(line for line in lines if line)
    else:
        text = " ".join(value.split())
    if len(text) > detail.max_length:
        raise ValidationError(
            _("Please keep this under %(limit)s letters."),
            code="too_long",
            params={"limit": detail.max_length},
        )
    if "\x00" in text:
        raise ValidationError(_("Please type text here."), code="invalid")
    return text


def _clean_one(detail: Detail, value: Any, worker: User) -> Any:
    if detail.kind == "date":
        if value in (None, ""):
            return None
        if not isinstance(value, date):
            raise ValidationError(_("Please give the day, the month and the year."), code="invalid")
        if value > timezone.localdate() or value < EARLIEST_BIRTH:
            raise ValidationError(
                _("This date of birth does not look right. Please check it."), code="invalid"
            )
        return value
    text = _text(detail, value)
    if not text:
        return ""
    if detail.name == "passport_number":
        compact = re.sub(r"[\s-]", "", text).upper()
        if not _PASSPORT.fullmatch(compact):
            raise ValidationError(
                _("A passport number has 5 to 20 letters and numbers, like N1234567."), code="invalid"
            )
        return compact
    if detail.kind == "document_number":
        if not _NUMBER_TEXT.fullmatch(text) or not re.search(r"[^\W_]", text):
            raise ValidationError(_("Please use only letters, numbers, spaces and dashes."), code="invalid")
        return text
    if detail.kind == "email":
        try:
            validate_email(text)
        except ValidationError as exc:
            raise ValidationError(
                _("This is not an email address. It looks like name@example.com."), code="invalid"
            ) from exc
        return text
    if detail.kind == "phone":
        try:
            return phones.normalise(text, _phone_region(worker))
        except DomainError as exc:
            raise ValidationError(exc.message, code=exc.code) from exc
    return text


def clean_details(data: Mapping[str, Any], worker: User) -> dict[str, Any]:
    """Each given detail tidied, or one ValidationError naming every field that is not right."""
    unknown = sorted(set(data) - set(BY_NAME))
    errors: dict[str, list[ValidationError]] = {
        name: [ValidationError(_("Mizan does not keep this detail."), code="unknown")] for name in unknown
    }
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if name in unknown:
            continue
        try:
            cleaned[name] = _clean_one(BY_NAME[name], value, worker)
        except ValidationError as error:
            errors[name] = [error]
    if errors:
        raise ValidationError(errors)
    return cleaned
