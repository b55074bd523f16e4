"""The matching score as ONE SQL query on a throwaway PostgreSQL, for bench/matching.py to compare with.

Not a benchmark itself (``make bench`` skips files starting with "_"). The cluster is started like
scripts/with-postgres does (temporary directory, loopback only, durability off, as the postgres user when
run as root) and removed afterwards. The tables hold exactly what the engine's index holds (read back from
it), loaded with binary COPY; the query computes the same score with the same floating-point operations in
the same order, so its top scores must equal the engine's.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt

from mizan.matching.engine.index import MatchIndex
from mizan.matching.engine.query import PreparedQuery, clean_vacancy, prepare
from mizan.matching.engine.records import VacancyQuery
from mizan.matching.engine.weights import LEVEL_FACTOR, Weights


def find_pgbin() -> Path | None:
    """The newest installed PostgreSQL server's bin directory, or None."""
    paths = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if paths:
        return paths[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def throwaway_postgres(pgbin: Path) -> Iterator[str]:
    """A fresh cluster for the duration of the block; yields its connection string."""
    directory = Path(tempfile.mkdtemp(prefix="mizan-bench-pg."))
    directory.chmod(0o755)
    as_server: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
        as_server = ["runuser", "-u", "postgres", "--"]
    data = directory / "data"
    port = _free_port()
    started = False
    try:
        subprocess.run(  # noqa: S603 (our own arguments)
            [
                *as_server,
                str(pgbin / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
        )
        options = (
            f"-k {directory} -h 127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c shared_buffers=1GB -c max_wal_size=4GB -c work_mem=256MB "
            "-c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=0"
        )
        subprocess.run(  # noqa: S603 (our own arguments)
            [
                *as_server,
                str(pgbin / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(directory / "log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            check=True,
            capture_output=True,
        )
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run(  # noqa: S603 (our own arguments)
                [*as_server, str(pgbin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                check=False,
                capture_output=True,
            )
        shutil.rmtree(directory, ignore_errors=True)


_TYPES = {"int8": (">i8", 8), "int4": (">i4", 4), "int2": (">i2", 2), "bool": ("u1", 1)}


def _copy_binary(cursor: object, table: str, columns: list[tuple[str, str, npt.NDArray[np.generic]]]) -> None:
    """COPY ... FROM STDIN (FORMAT BINARY), the rows built by numpy in large blocks."""
    fields: list[tuple[str, str]] = [("count", ">i2")]
    for name, kind, _values in columns:
        fields += [(f"{name}_len", ">i4"), (name, _TYPES[kind][0])]
    names = ", ".join(name for name, _k, _v in columns)
    rows = len(columns[0][2])
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)") as copy:  # type: ignore[attr-defined]
        copy.write(b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big"))
        for start in range(0, rows, 2_000_000):
            stop = min(rows, start + 2_000_000)
            block = np.empty(stop - start, dtype=np.dtype(fields))
            block["count"] = len(columns)
            for name, kind, values in columns:
                block[f"{name}_len"] = _TYPES[kind][1]
                block[name] = values[start:stop]
            copy.write(block.tobytes())
        copy.write((-1).to_bytes(2, "big", signed=True))


SCHEMA = """
CREATE UNLOGGED TABLE w (worker_key int8 PRIMARY KEY, opted_in bool, available int4, min_pay int4,
    any_destination bool, any_sector bool, certificates int2);
CREATE UNLOGGED TABLE ws (worker_key int8, skill_id int4);
CREATE UNLOGGED TABLE wo (worker_key int8, occupation_id int4, unit int4, minor int4, years_tenths int4);
CREATE UNLOGGED TABLE wc (worker_key int8, corridor_id int4);
CREATE UNLOGGED TABLE wd (worker_key int8, destination_id int4);
CREATE UNLOGGED TABLE wsec (worker_key int8, sector_id int4);
CREATE UNLOGGED TABLE wl (worker_key int8, language_id int4, level int2);
"""
INDEXES = """
CREATE INDEX ON ws (skill_id, worker_key);
CREATE INDEX ON wo (minor, worker_key);
CREATE UNIQUE INDEX ON wc (worker_key, corridor_id);
CREATE UNIQUE INDEX ON wd (worker_key, destination_id);
CREATE UNIQUE INDEX ON wsec (worker_key, sector_id);
CREATE UNIQUE INDEX ON wl (worker_key, language_id);
CREATE INDEX ON wl (language_id, level, worker_key);
ANALYZE;
"""


def load(connection: object, index: MatchIndex) -> int:
    """Create and fill the tables with what the index holds; returns the number of rows loaded."""
    columns = index.columns()
    keys = columns.keys
    units = index.vocabularies.occupations.units().astype(np.int64)
    loaded = 0
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute(SCHEMA)
        _copy_binary(
            cursor,
            "w",
            [
                ("worker_key", "int8", keys),
                ("opted_in", "bool", columns.opted_in.astype(np.uint8)),
                ("available", "int4", columns.available),
                ("min_pay", "int4", columns.min_pay),
                ("any_destination", "bool", columns.any_destination.astype(np.uint8)),
                ("any_sector", "bool", columns.any_sector.astype(np.uint8)),
                ("certificates", "int2", columns.certificates.astype(np.int16)),
            ],
        )
        loaded += len(keys)
        pairs = [
            ("ws", columns.skills, "skill_id", None),
            ("wc", columns.corridors, "corridor_id", None),
            ("wd", columns.destinations, "destination_id", None),
            ("wsec", columns.sectors, "sector_id", None),
            ("wl", columns.languages, "language_id", "level"),
        ]
        for table, found, id_name, value_name in pairs:
            spec: list[tuple[str, str, npt.NDArray[np.generic]]] = [
                ("worker_key", "int8", keys[found.rows]),
                (id_name, "int4", found.ids),
            ]
            if value_name:
                spec.append((value_name, "int2", found.values))
            _copy_binary(cursor, table, spec)
            loaded += len(found.rows)
        occupation = columns.occupations
        _copy_binary(
            cursor,
            "wo",
            [
                ("worker_key", "int8", keys[occupation.rows]),
                ("occupation_id", "int4", occupation.ids),
                ("unit", "int4", units[occupation.ids]),
                ("minor", "int4", units[occupation.ids] // 10),
                ("years_tenths", "int4", occupation.values),
            ],
        )
        loaded += len(occupation.rows)
        cursor.execute(INDEXES)
    connection.commit()  # type: ignore[attr-defined]
    return loaded


QUERY = """
WITH skill_hits AS (
    SELECT worker_key,
           count(*) FILTER (WHERE skill_id = ANY(%(essential)s)) AS essential,
           count(*) FILTER (WHERE skill_id = ANY(%(optional)s)) AS optional
    FROM ws WHERE skill_id = ANY(%(skills)s) GROUP BY worker_key
), occupation AS (
    SELECT worker_key,
           max(CASE WHEN occupation_id = %(esco)s THEN 3 WHEN unit = %(unit)s THEN 2 ELSE 1 END
               * %(level_factor)s + years_tenths) AS best
    FROM wo WHERE minor = %(minor)s GROUP BY worker_key
), spoken AS (
    SELECT wl.worker_key, count(*) AS met
    FROM wl JOIN unnest(%(language_ids)s::int4[], %(language_levels)s::int2[]) AS need (id, minimum)
         ON wl.language_id = need.id AND wl.level >= need.minimum
    GROUP BY wl.worker_key
), parts AS (
    SELECT w.worker_key,
           coalesce(o.best / %(level_factor)s, 0) AS level,
           coalesce(o.best %% %(level_factor)s, 0) AS years,
           coalesce(s.essential, 0) AS essential,
           coalesce(s.optional, 0) AS optional,
           coalesce(l.met, 0) AS met,
           w.certificates,
           (w.any_destination OR d.worker_key IS NOT NULL) AS destination_wanted,
           (%(no_sector)s OR w.any_sector OR c.worker_key IS NOT NULL) AS sector_wanted
    FROM w
    LEFT JOIN skill_hits s ON s.worker_key = w.worker_key
    LEFT JOIN occupation o ON o.worker_key = w.worker_key
    LEFT JOIN spoken l ON l.worker_key = w.worker_key
    LEFT JOIN wd d ON d.worker_key = w.worker_key AND d.destination_id = %(destination)s
    LEFT JOIN wsec c ON c.worker_key = w.worker_key AND c.sector_id = %(sector)s
    WHERE w.opted_in AND w.available <= %(day)s AND w.min_pay <= %(pay)s
      AND EXISTS (SELECT 1 FROM wc WHERE wc.worker_key = w.worker_key AND wc.corridor_id = ANY(%(corridors)s))
)
SELECT worker_key,
       (CASE level WHEN 3 THEN %(same_occupation)s WHEN 2 THEN %(same_unit)s WHEN 1 THEN %(same_minor)s
                   ELSE 0.0::float8 END) * %(w_occupation)s
     + (CASE WHEN %(essential_total)s > 0 THEN essential::float8 / %(essential_total)s ELSE 0.0 END)
       * %(w_essential)s
     + (CASE WHEN %(optional_total)s > 0 THEN optional::float8 / %(optional_total)s ELSE 0.0 END)
       * %(w_optional)s
     + (CASE WHEN level > 0 THEN least(years::float8 / (10.0::float8 * %(full_years)s), 1.0) ELSE 0.0 END)
       * %(w_experience)s
     + (CASE WHEN %(language_total)s > 0 THEN met::float8 / %(language_total)s ELSE 1.0 END) * %(w_languages)s
     + (least(certificates, %(full_certificates)s)::float8 / %(full_certificates)s) * %(w_certificates)s
     + ((destination_wanted::int)::float8 + (sector_wanted::int)::float8) / 2.0::float8 * %(w_preferences)s
       AS score
FROM parts
ORDER BY score DESC, worker_key
LIMIT %(k)s
"""


def parameters(index: MatchIndex, query: VacancyQuery, k: int) -> dict[str, object]:
    q: PreparedQuery = prepare(clean_vacancy(query, index.catalogue), index.vocabularies, 0)
    v = q.vacancy
    weights: Weights = index.weights
    esco = index.vocabularies.occupations.get(v.esco_key) if v.esco_key else None
    unit = v.unit if v.unit is not None else -1000
    return {
        "essential": v.essential,
        "optional": v.optional,
        "skills": v.essential + v.optional,
        "esco": esco if esco is not None and not (v.esco_key or "").startswith("isco:") else -1,
        "unit": unit,
        "minor": unit // 10,
        "language_ids": [lid if lid is not None else -1 for _c, lid, _m in q.languages],
        "language_levels": [level for _c, _l, level in q.languages],
        "language_total": len(q.languages),
        "destination": q.destination_id if q.destination_id is not None else -1,
        "sector": q.sector_id if q.sector_id is not None else -1,
        "no_sector": not v.sector,
        "day": v.start_day if v.start_day is not None else 2**31 - 1,
        "pay": v.pay,
        "corridors": q.corridor_ids,
        "essential_total": len(v.essential),
        "optional_total": len(v.optional),
        "same_occupation": weights.same_occupation,
        "same_unit": weights.same_unit_group,
        "same_minor": weights.same_minor_group,
        "w_occupation": weights.occupation,
        "w_essential": weights.essential_skills,
        "w_optional": weights.optional_skills,
        "full_years": weights.full_experience_years,
        "w_experience": weights.experience,
        "w_languages": weights.languages,
        "full_certificates": weights.full_certificates,
        "w_certificates": weights.certificates,
        "w_preferences": weights.preferences,
        "level_factor": LEVEL_FACTOR,
        "k": k,
    }


def top(connection: object, index: MatchIndex, query: VacancyQuery, k: int) -> list[tuple[int, float]]:
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute(QUERY, parameters(index, query, k))
        return [(int(key), float(score)) for key, score in cursor.fetchall()]
