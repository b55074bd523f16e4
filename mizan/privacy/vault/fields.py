"""Model fields that keep a value sealed in the database and clear only in memory.

    class PersonalDetails(BaseModel):
        worker = models.OneToOneField(User, on_delete=models.PROTECT, related_name="personal_details")
        passport_number = SealedTextField(owner="worker", context="workers.passport_number")
        passport_number_index = BlindIndexField(of="passport_number")   # only if you must find by value

``details.passport_number`` reads the clear text (decrypted on first access, then kept on the instance);
assigning clear text marks it to be sealed when the instance is saved. The database column is
``passport_number_sealed`` (also the attribute of the raw bytes). Querying a sealed field by a clear value
raises TypeError; find by exact value through the blind index instead. ``QuerySet.update()`` and
``bulk_update()`` cannot seal: assign on the instance and ``save()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db import models

from mizan.privacy.vault.crypto import check_context
from mizan.privacy.vault.errors import CorruptBlobError

_STATES = "_vault_clear"
_DIRTY = object()  # the clear value changed and is not sealed yet
NOT_LOADED = object()


@dataclass
class _State:
    value: Any
    blob: Any  # the stored bytes this clear value belongs to, or _DIRTY


class _ClearValues(dict[str, _State]):
    """The clear values of one instance. A pickled instance (a cache entry, a session) leaves them out,
    so clear text never leaves the process; it is decrypted again from the sealed bytes when read."""

    def __reduce__(self) -> tuple[type[_ClearValues], tuple[()]]:
        return (_ClearValues, ())

    def __deepcopy__(self, memo: dict[int, Any]) -> _ClearValues:
        return _ClearValues({name: _State(state.value, state.blob) for name, state in self.items()})


def _states(instance: models.Model) -> dict[str, _State]:
    states: dict[str, _State] = instance.__dict__.setdefault(_STATES, _ClearValues())
    return states


class SealedAttribute:
    """The clear-value side of a sealed field (the raw bytes live under ``<name>_sealed``)."""

    def __init__(self, field: SealedField) -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return self.field.clear_value(instance)

    def __set__(self, instance: models.Model, value: Any) -> None:
        self.field.set_clear_value(instance, value)


class SealedField(models.BinaryField):
    """Base of the sealed fields: stores the vault blob of ``to_bytes(value)`` for the owner named."""

    empty: Any = None

    def __init__(self, *args: Any, owner: str, context: str, **kwargs: Any) -> None:
        check_context(context)
        self.owner_field = owner
        self.context = context
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(owner=self.owner_field, context=self.context)
        return name, path, args, kwargs

    def get_attname(self) -> str:
        return f"{self.name}_sealed"

    def contribute_to_class(self, cls: type[models.Model], name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, name, SealedAttribute(self))

    # --- converting the clear value (subclasses) ---

    def check_clear(self, value: Any) -> Any:
        raise NotImplementedError

    def to_bytes(self, value: Any) -> bytes | None:
        raise NotImplementedError

    def from_bytes(self, raw: bytes) -> Any:
        raise NotImplementedError

    # --- the clear value on an instance ---

    def owner_id(self, instance: models.Model) -> UUID:
        owner_field = instance._meta.get_field(self.owner_field)
        if not isinstance(owner_field, models.Field):
            raise TypeError(f"owner={self.owner_field!r} must name a foreign key to the person")
        owner_id = getattr(instance, owner_field.attname)
        if owner_id is None:
            raise ValueError(f"{type(instance).__name__}.{self.owner_field} must be set to seal {self.name}")
        return UUID(str(owner_id))

    def clear_value(self, instance: models.Model) -> Any:
        states = _states(instance)
        state = states.get(self.name)
        if state is not None and state.blob is _DIRTY:
            return state.value
        blob = getattr(instance, self.attname)  # loads a deferred column
        if state is not None and state.blob is blob:
            return state.value
        if blob is None:
            value = self.empty
        else:
            from mizan.privacy.vault import keys

            value = self.from_bytes(keys.unseal_for(self.owner_id(instance), blob, context=self.context))
        states[self.name] = _State(value, blob)
        return value

    def set_clear_value(self, instance: models.Model, value: Any) -> None:
        _states(instance)[self.name] = _State(self.check_clear(value), _DIRTY)

    def peek(self, instance: models.Model) -> Any:
        """The clear value if it is known without decrypting, else NOT_LOADED."""
        state = _states(instance).get(self.name)
        if state is None or (state.blob is not _DIRTY and state.blob is not getattr(instance, self.attname)):
            return NOT_LOADED
        return state.value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        state = _states(model_instance).get(self.name)
        if state is None or state.blob is not _DIRTY:
            return getattr(model_instance, self.attname)
        raw = self.to_bytes(state.value)
        blob: bytes | None = None
        if raw is not None:
            from mizan.privacy.vault import keys

            blob = keys.seal_for(self.owner_id(model_instance), raw, context=self.context)
        setattr(model_instance, self.attname, blob)
        state.blob = blob
        return blob

    def get_prep_value(self, value: Any) -> Any:
        if value is not None and not isinstance(value, bytes | bytearray | memoryview):
            # Clear text must never reach the database, in a save or in a query.
            raise TypeError(
                f"{self.name} is sealed: assign clear values on the instance and save(); "
                "find rows by exact value through a BlindIndexField"
            )
        return super().get_prep_value(value)


class SealedTextField(SealedField):
    """Sealed text. Reads as ``""`` when empty; an empty string is stored as NULL."""

    empty = ""

    def check_clear(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise TypeError(f"{self.name} takes text, not {type(value).__name__}")
        return value

    def to_bytes(self, value: str) -> bytes | None:
        return value.encode("utf-8") if value else None

    def from_bytes(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorruptBlobError(f"{self.name} does not hold text") from exc


class SealedDateField(SealedField):
    """A sealed calendar date; ``None`` when empty."""

    empty = None

    def check_clear(self, value: Any) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{self.name} takes a date, not {type(value).__name__}")
        return value

    def to_bytes(self, value: date | None) -> bytes | None:
        return value.isoformat().encode("ascii") if value is not None else None

    def from_bytes(self, raw: bytes) -> date:
        try:
            return date.fromisoformat(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CorruptBlobError(f"{self.name} does not hold a date") from exc


class BlindIndexField(models.CharField):
    """A keyed hash (HMAC-SHA256) of the sealed field ``of``, kept up to date on save, for exact-match
    lookups: ``Model.objects.filter(x_index=blind_index(value, context=<the sealed field's context>))``.
    Empty when the sealed value is empty."""

    def __init__(self, *args: Any, of: str, **kwargs: Any) -> None:
        self.of = of
        kwargs.update(max_length=64, blank=True, default="", db_index=True, editable=False)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        for generated in ("max_length", "blank", "default", "db_index", "editable"):
            kwargs.pop(generated, None)
        kwargs["of"] = self.of
        return name, path, args, kwargs

    def source(self, model: type[models.Model]) -> SealedTextField:
        field = model._meta.get_field(self.of)
        if not isinstance(field, SealedTextField):
            raise TypeError(f"BlindIndexField(of={self.of!r}) must name a SealedTextField")
        return field

    def index_of(self, model: type[models.Model], value: str) -> str:
        from mizan.privacy.vault import keys

        if not value:
            return ""
        try:
            return keys.blind_index(value, context=self.source(model).context)
        except ValueError:  # nothing but punctuation: nothing to find it by
            return ""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = self.source(type(model_instance)).peek(model_instance)
        if value is NOT_LOADED:
            return getattr(model_instance, self.attname)
        index = self.index_of(type(model_instance), value)
        setattr(model_instance, self.attname, index)
        return index
