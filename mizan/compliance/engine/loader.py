"""Load rule packs (and the rate table) from YAML, reporting every problem with file, line and reason.

A file holds one pack: one YAML document per version (separated by ``---``). Checked at load: the schema,
each rule's kind and parameters, rule ids used twice (in one version, or by two different packs),
versions of one pack whose effective ranges overlap, and ``supersedes`` naming no version.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from mizan.compliance.engine.kinds import KINDS, Params
from mizan.compliance.engine.rates import RatesFile, RateTable
from mizan.compliance.engine.schema import PackSpec, RuleSpec
from mizan.compliance.engine.yamlsrc import Document, SourceError, parse_documents

RATES_FILE = "rates.yaml"
_ONE_DAY = dt.timedelta(days=1)


class PackError(Exception):
    """Raised when packs do not load; ``errors`` say where and why."""

    def __init__(self, errors: Sequence[SourceError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class LoadedRule:
    spec: RuleSpec
    params: Params
    line: int


@dataclass
class PackVersion:
    spec: PackSpec
    rules: tuple[LoadedRule, ...]
    file: str
    line: int
    lines: dict[tuple[str | int, ...], int] = field(repr=False)
    end: dt.date | None = None  # last day in force: effective_to, or the day before its successor starts

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> str:
        return self.spec.version

    def in_force(self, on: dt.date) -> bool:
        return self.spec.effective_from <= on and (self.end is None or on <= self.end)


def _where(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validation_errors(
    error: ValidationError, document: Document, file: str, prefix: tuple[str | int, ...] = ()
) -> list[SourceError]:
    found = []
    for item in error.errors():
        loc = (*prefix, *(part for part in item["loc"] if isinstance(part, str | int)))
        message = item["msg"].removeprefix("Value error, ")
        where = _where(loc)
        found.append(SourceError(file, document.line_of(loc), f"{where}: {message}" if where else message))
    return found


def _load_version(document: Document, file: str) -> tuple[PackVersion | None, list[SourceError]]:
    data = document.data
    if not isinstance(data, dict):
        return None, [SourceError(file, document.start_line, "a pack version must be a mapping of fields")]
    try:
        spec = PackSpec.model_validate(data)
    except ValidationError as error:
        return None, _validation_errors(error, document, file)
    errors: list[SourceError] = []
    rules: list[LoadedRule] = []
    seen: dict[str, int] = {}
    for index, rule in enumerate(spec.rules):
        path: tuple[str | int, ...] = ("rules", index)
        line = document.line_of(path)
        if rule.id in seen:
            errors.append(
                SourceError(
                    file,
                    document.line_of((*path, "id")),
                    f"rules[{index}].id: rule id {rule.id} is used twice in {spec.id} {spec.version} "
                    f"(first at line {seen[rule.id]})",
                )
            )
        seen.setdefault(rule.id, line)
        kind = KINDS.get(rule.kind)
        if kind is None:
            errors.append(
                SourceError(
                    file,
                    document.line_of((*path, "kind")),
                    f"rules[{index}].kind: unknown rule kind {rule.kind!r} "
                    f"(known: {', '.join(sorted(KINDS))})",
                )
            )
            continue
        try:
            params = kind.params.model_validate(rule.parameters)
        except ValidationError as error:
            errors.extend(_validation_errors(error, document, file, (*path, "parameters")))
            continue
        rules.append(LoadedRule(rule, params, line))
    if errors:
        return None, errors
    return PackVersion(spec, tuple(rules), file, document.start_line, document.lines), []


def parse_pack_text(text: str, file: str) -> tuple[list[PackVersion], list[SourceError]]:
    """The versions in one pack file, and the problems of that file alone."""
    documents, errors = parse_documents(text, file)
    if not documents and not errors:
        errors.append(SourceError(file, 1, "the file holds no pack"))
    versions: list[PackVersion] = []
    for document in documents:
        version, problems = _load_version(document, file)
        errors.extend(problems)
        if version is not None:
            versions.append(version)
    return versions, errors


def parse_rates_text(text: str, file: str) -> tuple[RateTable | None, list[SourceError]]:
    documents, errors = parse_documents(text, file)
    if errors:
        return None, errors
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        return None, [SourceError(file, 1, "the rate table must be one mapping with a list of rates")]
    try:
        spec = RatesFile.model_validate(documents[0].data)
    except ValidationError as error:
        return None, _validation_errors(error, documents[0], file)
    return RateTable.from_file(spec), []


def check_versions(versions: Sequence[PackVersion]) -> list[SourceError]:
    """Cross-file checks; also sets each version's ``end``. Returns the contradictions found."""
    errors: list[SourceError] = []
    by_id: dict[str, list[PackVersion]] = {}
    for version in versions:
        by_id.setdefault(version.id, []).append(version)
    for pack_id, group in by_id.items():
        group.sort(key=lambda v: (v.spec.effective_from, v.version))
        names: dict[str, PackVersion] = {}
        for version in group:
            if version.version in names:
                errors.append(
                    SourceError(
                        version.file,
                        version.lines.get(("version",), version.line),
                        f"version: pack {pack_id} has version {version.version} twice "
                        f"(also {names[version.version].file}:{names[version.version].line})",
                    )
                )
            names.setdefault(version.version, version)
        for version in group:
            if version.spec.supersedes and version.spec.supersedes not in names:
                errors.append(
                    SourceError(
                        version.file,
                        version.lines.get(("supersedes",), version.line),
                        f"supersedes: pack {pack_id} has no version {version.spec.supersedes}",
                    )
                )
        for earlier, later in itertools.pairwise(group):
            start = later.spec.effective_from
            explicit = earlier.spec.effective_to
            superseded = later.spec.supersedes == earlier.version
            if start == earlier.spec.effective_from or (explicit is not None and explicit >= start):
                errors.append(_overlap(pack_id, earlier, later))
            elif explicit is None and not superseded:
                errors.append(_overlap(pack_id, earlier, later, open_ended=True))
            earlier.end = explicit if explicit is not None else start - _ONE_DAY
        if group:
            group[-1].end = group[-1].spec.effective_to
    # A rule id belongs to one pack (its versions may repeat it).
    owner: dict[str, tuple[str, PackVersion, LoadedRule]] = {}
    for version in versions:
        for rule in version.rules:
            first = owner.setdefault(rule.spec.id, (version.id, version, rule))
            if first[0] != version.id:
                errors.append(
                    SourceError(
                        version.file,
                        rule.line,
                        f"rules: rule id {rule.spec.id} already belongs to pack {first[0]} "
                        f"({first[1].file}:{first[2].line})",
                    )
                )
    return errors


def _overlap(pack_id: str, earlier: PackVersion, later: PackVersion, open_ended: bool = False) -> SourceError:
    reason = (
        f"effective_from: version {later.version} of pack {pack_id} overlaps version {earlier.version} "
        f"({earlier.file}:{earlier.line})"
    )
    if open_ended:
        reason += f", which has no effective_to; give it one or set supersedes: {earlier.version!r}"
    return SourceError(later.file, later.lines.get(("effective_from",), later.line), reason)


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """YAML files named or found (recursively) under the given paths, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def _read(path: Path) -> tuple[str | None, SourceError | None]:
    try:
        return path.read_text(encoding="utf-8"), None
    except FileNotFoundError:
        return None, SourceError(str(path), 0, "no such file")
    except (OSError, UnicodeDecodeError) as error:
        return None, SourceError(str(path), 0, f"cannot read: {error}")


def validate_files(
    paths: Iterable[str | Path],
) -> tuple[list[PackVersion], RateTable | None, list[SourceError]]:
    """Everything under ``paths``, checked as one set: the versions, the rate table, every error."""
    versions: list[PackVersion] = []
    rates: RateTable | None = None
    errors: list[SourceError] = []
    for path in pack_files(paths):
        text, problem = _read(path)
        if text is None:
            assert problem is not None
            errors.append(problem)
            continue
        if path.name == RATES_FILE:
            table, problems = parse_rates_text(text, str(path))
            errors.extend(problems)
            rates = table or rates
            continue
        loaded, problems = parse_pack_text(text, str(path))
        versions.extend(loaded)
        errors.extend(problems)
    errors.extend(check_versions(versions))
    return versions, rates, errors
