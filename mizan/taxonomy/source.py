"""Read the ESCO CSV zips and the curated common-occupation titles into plain rows (no Django).

Reading is strict: a missing, corrupt or unexpected file raises ``SourceError`` with a one-line reason
naming the file, before anything is written. Parsed sources are cached per process, keyed by the files'
size and modification time, because the relations file alone is 21 MB of CSV and tests import often.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from mizan.common.languages import LANGUAGES
from mizan.taxonomy.folding import fold

CLASSIFICATION_ZIP = "classification-en-csv.zip"
RELATIONS_ZIP = "relations-csv.zip"
LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
ISCO_CODE = re.compile(r"^[0-9]{1,4}$")
RELATIONS = ("essential", "optional")
# The groups of common_occupations.yaml, in the order pages show them.
GROUPS: tuple[str, ...] = (
    "home",
    "care",
    "food",
    "cleaning",
    "construction",
    "transport",
    "factory",
    "security",
    "farming",
    "shops",
)


class SourceError(Exception):
    """The taxonomy files cannot be read; the message names the file and what is wrong, in one line."""


@dataclass(frozen=True, slots=True)
class IscoRow:
    code: str
    title: str
    description: str

    @property
    def parent_code(self) -> str | None:
        return self.code[:-1] or None


@dataclass(frozen=True, slots=True)
class OccupationRow:
    uri: str
    code: str
    isco_group: str
    preferred_label: str
    alt_labels: str
    description: str


@dataclass(frozen=True, slots=True)
class SkillRow:
    uri: str
    preferred_label: str
    alt_labels: str
    description: str
    skill_type: str
    reuse_level: str


@dataclass(frozen=True, slots=True)
class CommonRow:
    """One curated occupation: per language the title workers read first, then search synonyms."""

    code: str
    group: str
    names: dict[str, tuple[str, ...]]
    # Per language: the folded title and synonyms, one per line (what search matches against).
    search_texts: dict[str, str]


@dataclass(frozen=True)
class Source:
    isco_groups: tuple[IscoRow, ...]
    occupations: tuple[OccupationRow, ...]
    skills: tuple[SkillRow, ...]
    relations: tuple[tuple[str, str, str], ...]  # (occupation uri, skill uri, "essential"/"optional")
    dropped_relations: int  # rows naming an occupation or skill the files do not have
    common: tuple[CommonRow, ...]
    only_common: bool = False

    def common_subset(self) -> Source:
        """The common occupations, their ISCO groups (with ancestors), their skills and relations."""
        codes = {row.code for row in self.common}
        occupations = tuple(row for row in self.occupations if row.code in codes)
        uris = {row.uri for row in occupations}
        groups = {row.isco_group[:length] for row in occupations for length in range(1, 5)}
        relations = tuple(relation for relation in self.relations if relation[0] in uris)
        skill_uris = {relation[1] for relation in relations}
        return Source(
            isco_groups=tuple(row for row in self.isco_groups if row.code in groups),
            occupations=occupations,
            skills=tuple(row for row in self.skills if row.uri in skill_uris),
            relations=relations,
            dropped_relations=self.dropped_relations,
            common=self.common,
            only_common=True,
        )


def load_source(folder: Path, common_file: Path, *, only_common: bool = False) -> Source:
    """Parse the two ESCO zips in ``folder`` and the curated YAML (cached while the files are unchanged)."""
    paths = (folder / CLASSIFICATION_ZIP, folder / RELATIONS_ZIP, common_file)
    stamps = tuple(_stamp(path) for path in paths)
    return _load_cached(*paths, stamps, only_common)


def checksums(folder: Path) -> str:
    """The md5 sums of the two zips, as "name=md5 name=md5" (recorded with each import run)."""
    paths = (folder / CLASSIFICATION_ZIP, folder / RELATIONS_ZIP)
    return _checksums(paths, tuple(_stamp(path) for path in paths))


@lru_cache(maxsize=4)
def _checksums(paths: tuple[Path, ...], stamps: tuple[tuple[int, int], ...]) -> str:
    sums = []
    for path in paths:
        digest = hashlib.md5(usedforsecurity=False)
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError as error:
            raise SourceError(f"{path}: cannot be read ({error.strerror or error})") from None
        sums.append(f"{path.name}={digest.hexdigest()}")
    return " ".join(sums)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        raise SourceError(f"{path}: file not found") from None
    if not path.is_file():
        raise SourceError(f"{path}: not a file")
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=4)
def _load_cached(
    classification: Path,
    relations: Path,
    common_file: Path,
    stamps: tuple[tuple[int, int], ...],
    only_common: bool,
) -> Source:
    if only_common:
        return _load_cached(classification, relations, common_file, stamps, False).common_subset()
    isco_groups = _isco_groups(classification)
    occupations = _occupations(classification, {row.code for row in isco_groups})
    skills = _skills(classification)
    relation_rows, dropped = _relations(
        relations, {row.uri for row in occupations}, {row.uri for row in skills}
    )
    common = read_common(common_file, {row.code for row in occupations})
    return Source(
        isco_groups=isco_groups,
        occupations=occupations,
        skills=skills,
        relations=relation_rows,
        dropped_relations=dropped,
        common=common,
    )


def _rows(archive: Path, member: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) of one CSV inside a zip, checking the header; every read error is a SourceError."""
    where = f"{archive.name}/{member}"
    try:
        with zipfile.ZipFile(archive) as zipped:
            try:
                raw = zipped.open(member)
            except KeyError:
                raise SourceError(f"{archive}: {member} is missing from the zip") from None
            with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                reader = csv.DictReader(text)
                missing = [column for column in columns if column not in (reader.fieldnames or ())]
                if missing:
                    raise SourceError(f"{where}: column {', '.join(missing)} missing")
                for row in reader:
                    yield reader.line_num, row
    except SourceError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise SourceError(f"{archive}: not a readable zip file ({error})") from None
    except UnicodeDecodeError:
        raise SourceError(f"{where}: not UTF-8 text") from None
    except csv.Error as error:
        raise SourceError(f"{where}: not valid CSV ({error})") from None
    except OSError as error:
        raise SourceError(f"{archive}: cannot be read ({error.strerror or error})") from None


def _labels(text: str) -> str:
    """ESCO's alternative labels: one per line; blank lines and stray spaces dropped."""
    return "\n".join(label.strip() for label in text.splitlines() if label.strip())


def _required(row: dict[str, str], column: str, where: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise SourceError(f"{where}: {column} is empty")
    return value


def _isco_groups(archive: Path) -> tuple[IscoRow, ...]:
    member = "ISCOGroups_en.csv"
    rows: dict[str, IscoRow] = {}
    for line, row in _rows(archive, member, ("code", "preferredLabel", "description")):
        where = f"{archive.name}/{member}:{line}"
        code = _required(row, "code", where)
        if not ISCO_CODE.match(code):
            raise SourceError(f"{where}: ISCO code {code!r} is not 1 to 4 digits")
        rows[code] = IscoRow(code, _required(row, "preferredLabel", where), row["description"].strip())
    if not rows:
        raise SourceError(f"{archive.name}/{member}: no ISCO groups")
    for code in rows:
        if len(code) > 1 and code[:-1] not in rows:
            raise SourceError(f"{archive.name}/{member}: ISCO group {code} has no parent group {code[:-1]}")
    # Parents before children, so a parent always exists when its child is written.
    return tuple(sorted(rows.values(), key=lambda group: (len(group.code), group.code)))


def _occupations(archive: Path, isco_codes: set[str]) -> tuple[OccupationRow, ...]:
    member = "occupations_en.csv"
    columns = ("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code")
    rows: dict[str, OccupationRow] = {}
    codes: set[str] = set()
    for line, row in _rows(archive, member, columns):
        where = f"{archive.name}/{member}:{line}"
        uri, code = _required(row, "conceptUri", where), _required(row, "code", where)
        group = _required(row, "iscoGroup", where)
        if group not in isco_codes:
            raise SourceError(f"{where}: ISCO group {group} of occupation {code} is unknown")
        if uri in rows or code in codes:
            raise SourceError(f"{where}: occupation {code} ({uri}) appears twice")
        codes.add(code)
        rows[uri] = OccupationRow(
            uri=uri,
            code=code,
            isco_group=group,
            preferred_label=_required(row, "preferredLabel", where),
            alt_labels=_labels(row["altLabels"]),
            description=row["description"].strip(),
        )
    if not rows:
        raise SourceError(f"{archive.name}/{member}: no occupations")
    return tuple(rows.values())


def _skills(archive: Path) -> tuple[SkillRow, ...]:
    member = "skills_en.csv"
    columns = ("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description")
    rows: dict[str, SkillRow] = {}
    for line, row in _rows(archive, member, columns):
        where = f"{archive.name}/{member}:{line}"
        uri = _required(row, "conceptUri", where)
        skill_type = row["skillType"].strip()
        if skill_type not in ("", "skill/competence", "knowledge"):
            raise SourceError(f"{where}: unknown skill type {skill_type!r}")
        rows[uri] = SkillRow(
            uri=uri,
            preferred_label=_required(row, "preferredLabel", where),
            alt_labels=_labels(row["altLabels"]),
            description=row["description"].strip(),
            skill_type=skill_type,
            reuse_level=row["reuseLevel"].strip(),
        )
    if not rows:
        raise SourceError(f"{archive.name}/{member}: no skills")
    return tuple(rows.values())


def _relations(
    archive: Path, occupation_uris: set[str], skill_uris: set[str]
) -> tuple[tuple[tuple[str, str, str], ...], int]:
    member = "occupationSkillRelations.csv"
    pairs: dict[tuple[str, str], str] = {}
    dropped = 0
    for line, row in _rows(archive, member, ("occupationUri", "relationType", "skillUri")):
        where = f"{archive.name}/{member}:{line}"
        relation = row["relationType"].strip()
        if relation not in RELATIONS:
            raise SourceError(f"{where}: unknown relation type {relation!r}")
        occupation, skill = row["occupationUri"].strip(), row["skillUri"].strip()
        if occupation not in occupation_uris or skill not in skill_uris:
            dropped += 1  # ESCO v1.1.1 has 67 rows naming a deprecated occupation
            continue
        # A pair listed twice keeps its strongest relation.
        if pairs.get((occupation, skill)) != "essential":
            pairs[(occupation, skill)] = relation
    if not pairs:
        raise SourceError(f"{archive.name}/{member}: no occupation-skill relations")
    return tuple((occupation, skill, relation) for (occupation, skill), relation in pairs.items()), dropped


def read_common(path: Path, known_codes: set[str] | None = None) -> tuple[CommonRow, ...]:
    """The curated occupations. Every entry needs a known ESCO code, a group and all 12 languages."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise SourceError(f"{path}{line}: not valid YAML") from None
    entries = document.get("occupations") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{path}: expected a list under 'occupations'")
    rows: list[CommonRow] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict):
            raise SourceError(f"{where}: expected a mapping")
        code = str(entry.get("code") or "").strip()
        if not code:
            raise SourceError(f"{where}: code missing")
        where = f"{path}: {code}"
        if code in seen:
            raise SourceError(f"{where}: listed twice")
        seen.add(code)
        if known_codes is not None and code not in known_codes:
            raise SourceError(f"{where}: no ESCO occupation has this code")
        group = entry.get("group")
        if group not in GROUPS:
            raise SourceError(f"{where}: group must be one of {', '.join(GROUPS)}")
        unknown = set(entry) - {"code", "group", *LANGUAGE_CODES}
        if unknown:
            raise SourceError(f"{where}: unknown key {', '.join(sorted(map(str, unknown)))}")
        names: dict[str, tuple[str, ...]] = {}
        for language in LANGUAGE_CODES:
            value = entry.get(language)
            if not isinstance(value, list) or not value:
                raise SourceError(f"{where}: no title in language {language}")
            if not all(isinstance(name, str) and name.strip() for name in value):
                raise SourceError(f"{where}: an empty or non-text name in language {language}")
            names[language] = tuple(dict.fromkeys(name.strip() for name in value))
            if len(names[language][0]) > 200:
                raise SourceError(f"{where}: the {language} title is longer than 200 characters")
        texts = {language: search_text(names[language]) for language in LANGUAGE_CODES}
        rows.append(CommonRow(code=code, group=group, names=names, search_texts=texts))
    return tuple(rows)


def search_text(names: Iterable[str]) -> str:
    """The folded names, one per line, without repeats (each line is matched on its own)."""
    return "\n".join(dict.fromkeys(folded for folded in map(fold, names) if folded))
