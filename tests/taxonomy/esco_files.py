"""Small ESCO-shaped zips and a curated YAML for import tests, written into a temporary folder."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from mizan.taxonomy.source import CLASSIFICATION_ZIP, LANGUAGE_CODES, RELATIONS_ZIP

OCC = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"

ISCO = [
    ("7", "Craft and related trades workers"),
    ("72", "Metal workers"),
    ("721", "Sheet metal workers"),
    ("7212", "Welders and flame cutters"),
    ("9", "Elementary occupations"),
    ("91", "Cleaners"),
    ("911", "Domestic cleaners"),
    ("9111", "Domestic cleaners and helpers"),
]
OCCUPATIONS = [
    (OCC + "welder", "7212", "7212.3", "welder", "welding worker\narc welder"),
    (OCC + "pipe-welder", "7212", "7212.3.3", "pipe welder", "pipe fitter"),
    (OCC + "cleaner", "9111", "9111.1", "domestic cleaner", "maid"),
]
SKILLS = [
    (SKILL + "weld", "skill/competence", "weld metal"),
    (SKILL + "safety", "knowledge", "safety rules"),
    (SKILL + "clean", "skill/competence", "clean rooms"),
]
RELATIONS = [
    (OCC + "welder", "essential", SKILL + "weld"),
    (OCC + "welder", "optional", SKILL + "safety"),
    (OCC + "pipe-welder", "essential", SKILL + "weld"),
    (OCC + "cleaner", "essential", SKILL + "clean"),
    (OCC + "deprecated", "essential", SKILL + "weld"),  # names no occupation: dropped
    (OCC + "deprecated", "optional", SKILL + "clean"),
]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_esco(
    folder: Path,
    *,
    occupations: list[tuple[str, str, str, str, str]] = OCCUPATIONS,
    relations: list[tuple[str, str, str]] = RELATIONS,
    skip: str | None = None,
) -> Path:
    """Write the two zips into ``folder`` (leaving out the member named ``skip``) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    members = {
        "ISCOGroups_en.csv": _csv(
            [
                "conceptType",
                "conceptUri",
                "code",
                "preferredLabel",
                "status",
                "altLabels",
                "inScheme",
                "description",
            ],
            [
                ["ISCOGroup", f"isco/C{code}", code, title, "released", "", "", f"About {title}."]
                for code, title in ISCO
            ],
        ),
        "occupations_en.csv": _csv(
            ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code"],
            [
                ["Occupation", uri, group, label, alt, f"{label} work.", code]
                for uri, group, code, label, alt in occupations
            ],
        ),
        "skills_en.csv": _csv(
            [
                "conceptType",
                "conceptUri",
                "skillType",
                "reuseLevel",
                "preferredLabel",
                "altLabels",
                "description",
            ],
            [
                ["KnowledgeSkillCompetence", uri, kind, "sector-specific", label, "", ""]
                for uri, kind, label in SKILLS
            ],
        ),
    }
    with zipfile.ZipFile(folder / CLASSIFICATION_ZIP, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, text in members.items():
            if name != skip:
                zipped.writestr(name, text)
    relation_rows = [[occupation, relation, "", skill] for occupation, relation, skill in relations]
    with zipfile.ZipFile(folder / RELATIONS_ZIP, "w", zipfile.ZIP_DEFLATED) as zipped:
        if skip != "occupationSkillRelations.csv":
            zipped.writestr(
                "occupationSkillRelations.csv",
                _csv(["occupationUri", "relationType", "skillType", "skillUri"], relation_rows),
            )
    return folder


def write_common(
    path: Path, codes: tuple[str, ...] = ("7212.3", "9111.1"), *, drop_language: str = ""
) -> Path:
    """A curated list naming ``codes``, each titled in every language (but ``drop_language``)."""
    lines = ["occupations:"]
    for code in codes:
        lines += [f'  - code: "{code}"', "    group: construction"]
        lines += [
            f"    {language}: [Title {code} {language}, synonym {language}]"
            for language in LANGUAGE_CODES
            if language != drop_language
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
