"""The rule packs the site checks offers against: the baseline files in ``rulepacks/`` plus every version
an authority published in the database.

``site_packs()`` is cheap: one query for the id of the newest published version. The engine's PackSet is
rebuilt only when that id changes, so every process (web workers, the CLI, the daily review) picks up a
publication on its next check without any message between processes.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from mizan.compliance.engine import PackError, PackSet, SourceError, parse_pack_text, validate_files
from mizan.compliance.engine.loader import PackVersion, check_versions
from mizan.compliance.engine.rates import RateTable
from mizan.compliance.models import RulePackVersion

logger = logging.getLogger(__name__)

DB_FILE_PREFIX = "db:"  # the "file" of a version stored in the database: db:<uuid>
_SEPARATOR = re.compile(r"^---\s*(#.*)?$")


def baseline_dir() -> Path:
    return Path(getattr(settings, "MIZAN_RULEPACKS_DIR", Path(settings.BASE_DIR) / "rulepacks"))


@dataclass(frozen=True)
class Baseline:
    versions: list[PackVersion]
    rates: RateTable | None


def load_baseline() -> Baseline:
    """A fresh parse of the shipped packs (each PackSet gets its own objects: building one sets ends)."""
    versions, rates, errors = validate_files([baseline_dir()])
    if errors:
        raise PackError(errors)
    return Baseline(versions, rates)


@lru_cache(maxsize=1)
def _baseline_documents() -> dict[tuple[str, str], str]:
    """(pack id, version) → the YAML text of that version in its baseline file, comments included."""
    texts: dict[tuple[str, str], str] = {}
    for version in load_baseline().versions:
        texts[(version.id, version.version)] = document_text(Path(version.file), version.line)
    return texts


def document_text(path: Path, line: int) -> str:
    """The YAML document of ``path`` that holds ``line`` (1-based), without its ``---`` separator."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start, end = 0, len(lines)
    for index, text in enumerate(lines):
        if _SEPARATOR.match(text.rstrip("\n")):
            if index < line - 1:
                start = index + 1
            else:
                end = index
                break
    return "".join(lines[start:end]).strip("\n") + "\n"


def baseline_text(pack_id: str, version: str) -> str | None:
    return _baseline_documents().get((pack_id, version))


def db_file(row_id: object) -> str:
    return f"{DB_FILE_PREFIX}{row_id}"


def published_rows() -> list[RulePackVersion]:
    return list(
        RulePackVersion.objects.filter(status=RulePackVersion.Status.PUBLISHED).order_by("decided_at", "id")
    )


def parse_rows(rows: Iterable[RulePackVersion]) -> tuple[list[PackVersion], list[SourceError]]:
    versions: list[PackVersion] = []
    errors: list[SourceError] = []
    for row in rows:
        found, problems = parse_pack_text(row.yaml_text, db_file(row.id))
        versions.extend(found)
        errors.extend(problems)
    return versions, errors


def build_packset(rows: Iterable[RulePackVersion]) -> PackSet:
    """Baseline + the given published rows. A published row that no longer fits (a later release shipped
    a clashing baseline version) is left out and logged, so the checker keeps working."""
    baseline = load_baseline()
    extra, errors = parse_rows(rows)
    for error in errors:
        logger.error("published rule pack version does not load: %s", error)
    while True:
        versions = [*baseline.versions, *extra]
        problems = check_versions(versions)
        bad = {error.file for error in problems if error.file.startswith(DB_FILE_PREFIX)}
        if not problems:
            return PackSet(versions, baseline.rates)
        if not bad:  # only the baseline is wrong: that is a release bug, `mizan rulepacks validate`
            raise PackError(problems)
        for error in problems:
            logger.error("published rule pack version left out: %s", error)
        extra = [version for version in extra if version.file not in bad]
        baseline = load_baseline()  # check_versions set end dates on these objects: start clean


def latest_published_key() -> str:
    found = (
        RulePackVersion.objects.filter(status=RulePackVersion.Status.PUBLISHED)
        .order_by("-decided_at", "-id")
        .values_list("id", flat=True)
        .first()
    )
    return str(found) if found else "baseline"


_lock = threading.Lock()
_cache: dict[str, PackSet] = {}


def site_packs() -> PackSet:
    """The PackSet in use: rebuilt when the newest published version changes."""
    key = latest_published_key()
    packs = _cache.get(key)
    if packs is None:
        with _lock:
            packs = _cache.get(key)
            if packs is None:
                packs = build_packset(published_rows())
                _cache.clear()
                _cache[key] = packs
    return packs


def baseline_packs() -> PackSet:
    """Only the shipped packs: for the CLI when no database can be reached."""
    baseline = load_baseline()
    return PackSet(baseline.versions, baseline.rates)
