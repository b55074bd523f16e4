"""Sealed model fields: clear in memory, sealed in the database, and impossible to query by clear value."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection

from mizan.privacy import vault
from mizan.privacy.vault.errors import DecryptionError
from mizan.privacy.vault.fields import SealedTextField
from mizan.workers.models import PersonalDetails
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def details() -> PersonalDetails:
    details = PersonalDetails(worker=WorkerFactory())
    details.passport_number = "N1234567"
    details.full_name = "Sita Kumari Rai"
    details.date_of_birth = date(1994, 3, 14)
    details.save()
    return details


def _raw_row(pk: Any) -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {PersonalDetails._meta.db_table} WHERE id = %s",  # noqa: S608 - our own table
            [PersonalDetails._meta.pk.get_db_prep_value(pk, connection)],  # type: ignore[union-attr]
        )
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def test_values_are_clear_on_the_instance_and_sealed_in_the_row(details: PersonalDetails) -> None:
    loaded = PersonalDetails.objects.get(pk=details.pk)
    assert loaded.passport_number == "N1234567"
    assert loaded.full_name == "Sita Kumari Rai"
    assert loaded.date_of_birth == date(1994, 3, 14)
    row = _raw_row(details.pk)
    assert "passport_number" not in row  # the column is passport_number_sealed
    for column in ("passport_number_sealed", "full_name_sealed", "date_of_birth_sealed"):
        raw = bytes(row[column])
        assert raw[0] == 1
        assert b"N1234567" not in raw
        assert b"Sita" not in raw
        assert b"1994" not in raw


def test_empty_values_are_null_and_read_as_empty(details: PersonalDetails) -> None:
    details.full_name = ""
    details.date_of_birth = None
    details.save()
    row = _raw_row(details.pk)
    assert row["full_name_sealed"] is None
    assert row["home_address_sealed"] is None
    loaded = PersonalDetails.objects.get(pk=details.pk)
    assert (loaded.full_name, loaded.date_of_birth, loaded.home_address) == ("", None, "")


def test_deferred_and_refreshed_values_are_decrypted_from_the_current_bytes(details: PersonalDetails) -> None:
    deferred = PersonalDetails.objects.only("id", "worker").get(pk=details.pk)
    assert deferred.passport_number == "N1234567"
    other = PersonalDetails.objects.get(pk=details.pk)
    other.passport_number = "P7654321"
    other.save()
    assert details.passport_number == "N1234567"  # this instance has not been refreshed
    details.refresh_from_db()
    assert details.passport_number == "P7654321"


def test_the_blind_index_follows_the_value(details: PersonalDetails) -> None:
    index = vault.blind_index("N1234567", context="workers.passport_number")
    assert details.passport_number_index == index
    found = PersonalDetails.objects.get(
        passport_number_index=vault.blind_index("n 1234 567", context="workers.passport_number")
    )
    assert found.pk == details.pk
    details.passport_number = ""
    details.save()
    assert PersonalDetails.objects.get(pk=details.pk).passport_number_index == ""
    assert not PersonalDetails.objects.filter(passport_number_index=index).exists()


def test_saving_without_touching_a_sealed_field_keeps_its_bytes(details: PersonalDetails) -> None:
    before = _raw_row(details.pk)["passport_number_sealed"]
    loaded = PersonalDetails.objects.get(pk=details.pk)
    loaded.bank_name = "Nabil Bank"
    loaded.save()
    row = _raw_row(details.pk)
    assert bytes(row["passport_number_sealed"]) == bytes(before)
    assert PersonalDetails.objects.get(pk=details.pk).passport_number_index == details.passport_number_index


def test_clear_text_can_never_be_written_or_searched(details: PersonalDetails) -> None:
    with pytest.raises(TypeError, match="sealed"):
        PersonalDetails.objects.filter(passport_number="N1234567").exists()
    with pytest.raises(TypeError, match="sealed"):
        PersonalDetails.objects.filter(pk=details.pk).update(passport_number="N1234567")
    with pytest.raises(TypeError):
        details.passport_number = 1234567  # type: ignore[assignment]
    with pytest.raises(TypeError):
        details.date_of_birth = "1994-03-14"  # type: ignore[assignment]


def test_a_blob_copied_to_another_persons_row_does_not_open(details: PersonalDetails) -> None:
    other = PersonalDetails(worker=WorkerFactory())
    other.passport_number = "X0000000"
    other.save()
    PersonalDetails.objects.filter(pk=other.pk).update(
        passport_number_sealed=_raw_row(details.pk)["passport_number_sealed"]
    )
    moved = PersonalDetails.objects.get(pk=other.pk)
    with pytest.raises(DecryptionError):
        _ = moved.passport_number


def test_a_blob_copied_to_another_field_does_not_open(details: PersonalDetails) -> None:
    PersonalDetails.objects.filter(pk=details.pk).update(
        national_id_number_sealed=_raw_row(details.pk)["passport_number_sealed"]
    )
    moved = PersonalDetails.objects.get(pk=details.pk)
    with pytest.raises(DecryptionError):
        _ = moved.national_id_number


def test_the_field_describes_itself_for_migrations() -> None:
    field = PersonalDetails._meta.get_field("passport_number")
    assert isinstance(field, SealedTextField)
    name, path, _args, kwargs = field.deconstruct()
    assert (name, path) == ("passport_number", "mizan.privacy.vault.fields.SealedTextField")
    assert kwargs["owner"] == "worker"
    assert kwargs["context"] == "workers.passport_number"
    assert field.column == "passport_number_sealed"
    with pytest.raises(ValueError, match="context"):
        SealedTextField(owner="worker", context="Not A Context")


def test_a_pickled_instance_carries_no_clear_text(details: PersonalDetails) -> None:
    import copy
    import pickle

    assert details.passport_number == "N1234567"  # decrypted and kept on the instance
    pickled = pickle.dumps(details)
    assert b"N1234567" not in pickled
    assert b"Sita" not in pickled
    assert pickle.loads(pickled).passport_number == "N1234567"  # noqa: S301 - our own bytes
    details.passport_number = "P7654321"  # not saved yet: a deep copy keeps it
    assert copy.deepcopy(details).passport_number == "P7654321"
