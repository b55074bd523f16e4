"""Walking the stored chain in order and checking every entry against its hash and its neighbour.

Shared by ``mizan ledger verify`` (the whole chain) and checkpoint_create (the entries since the last
checkpoint). Nothing stored is trusted: each hash is recomputed from the entry's content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, Func
from django.db.models.sql.compiler import SQLCompiler

from mizan.privacy.ledger.canonical import GENESIS_HASH
from mizan.privacy.ledger.models import LedgerEntry

CHUNK_SIZE = 5000
ROW_FIELDS = ("seq", "kind", "subject", "data_json", "time_text", "prev_hash", "entry_hash")


class TimeText(Func):
    """A time column as canonical text (``2025-03-01T08:15:00.000000Z``), made by the database: turning a
    million values into datetimes and back in Python would take most of ``verify``'s time. SQLite holds
    what Django stored (``YYYY-MM-DD HH:MM:SS[.ffffff]``, UTC); PostgreSQL formats its timestamp."""

    output_field = CharField()
    template = (
        "CASE WHEN length(%(expressions)s) = 19 THEN replace(%(expressions)s, ' ', 'T') || '.000000Z' "
        "ELSE replace(%(expressions)s, ' ', 'T') || 'Z' END"
    )

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        return self.as_sql(compiler, connection, template=template, **extra)


@dataclass(frozen=True)
class Problem:
    """What is wrong, and the first bad entry's number when one can be named.

    Codes: ``missing`` (entry ``seq`` is gone), ``inserted`` (entry ``seq`` was put in afterwards),
    ``prev_mismatch`` (entry ``seq`` does not follow the one before: reordered or its link changed),
    ``hash_mismatch`` (entry ``seq``'s content or hash was changed), ``unreadable`` (entry ``seq`` holds
    values that cannot be read), ``truncated`` (entries from ``seq`` on are gone), ``appended_outside``
    (entries from ``seq`` on were added without the application), ``checkpoint_mismatch`` (the entries no
    longer give a signed root), ``checkpoint_signature`` / ``checkpoint_key`` (a stored or published
    checkpoint is not validly signed by a trusted key), ``cache_block`` (a cached tree hash is wrong).
    """

    code: str
    seq: int | None = None
    params: dict[str, Any] = field(default_factory=dict)


class ChainError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def walk(
    *,
    after: int = 0,
    prev_hash: str = GENESIS_HASH,
    before: str | None = None,
    upto: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Generator[bytes, None, None]:
    """The leaf hash of each entry after ``after`` (up to ``upto``) in order; ChainError at the first bad one.

    ``prev_hash`` is the entry_hash of entry ``after`` and ``before`` that of the one before it (to tell an
    inserted entry from a changed link).
    """
    queryset = LedgerEntry.objects.filter(seq__gt=after)
    if upto is not None:
        queryset = queryset.filter(seq__lte=upto)
    # values_list: no model instances, a million rows stay cheap; the iterator keeps memory flat.
    rows = (
        queryset.annotate(time_text=TimeText("recorded_at"))
        .order_by("seq")
        .values_list(*ROW_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    expected = after + 1
    sha256, text_of, fromhex = hashlib.sha256, encode_basestring, bytes.fromhex  # local names: hot loop
    try:
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except (ValueError, TypeError, AttributeError, OverflowError) as exc:
                # A database converter choked on a value written behind the application's back.
                raise ChainError(Problem("unreadable", expected)) from exc
            seq, kind, subject, data_json, time_text, stored_prev, stored_hash = row
            if seq != expected:
                raise ChainError(Problem("missing", expected, {"found": seq}))
            if stored_prev != prev_hash:
                if before is not None and stored_prev == before:
                    raise ChainError(Problem("inserted", seq - 1))
                raise ChainError(Problem("prev_mismatch", seq))
            try:
                # canonical.entry_text, inlined (every test of an intact ledger checks they agree).
                text = (
                    f'{{"data":{data_json},"kind":{text_of(kind)},"prev_hash":{text_of(stored_prev)},'
                    f'"recorded_at":{text_of(time_text)},"seq":{seq},"subject":{text_of(subject)}}}'
                )
                if sha256(text.encode("utf-8")).hexdigest() != stored_hash:
                    raise ChainError(Problem("hash_mismatch", seq))
                leaf = sha256(b"\x00" + fromhex(stored_hash)).digest()
            except (ValueError, TypeError, AttributeError, UnicodeError) as exc:
                raise ChainError(Problem("unreadable", seq)) from exc
            before, prev_hash = prev_hash, stored_hash
            expected += 1
            yield leaf
    finally:
        # Close the database cursor now, inside the transaction, not whenever this is garbage-collected.
        rows.close()
