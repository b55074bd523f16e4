"""What the taxonomy API answers."""

from __future__ import annotations

from ninja import Schema
from pydantic import Field


class IscoGroupOut(Schema):
    code: str = Field(description="ISCO-08 code: 1 digit (major group) to 4 digits (unit group).")
    title: str = Field(description="The ILO's English title of the group.")


class OccupationOut(Schema):
    code: str = Field(description="ESCO code, e.g. 7212.3; its first four digits are the ISCO-08 unit group.")
    uri: str = Field(description="ESCO concept URI.")
    title: str = Field(
        description="The title in the requested language: Mizan's own translation for common occupations, "
        "else the English title."
    )
    preferred_label: str = Field(description="ESCO's English preferred label.")
    isco_group: str = Field(description="ISCO-08 unit group code.")
    is_common: bool = Field(description="One of the occupations migrant workers most often do.")


class SkillOut(Schema):
    uri: str = Field(description="ESCO concept URI.")
    label: str = Field(description="ESCO's English preferred label.")
    type: str = Field(description='"skill/competence", "knowledge" or "" when ESCO gives none.')


class OccupationDetailOut(OccupationOut):
    description: str = Field(description="ESCO's English description.")
    alt_labels: list[str] = Field(description="ESCO's English alternative labels.")
    isco_path: list[IscoGroupOut] = Field(
        description="The ISCO-08 groups from the major group to the unit group."
    )
    essential_skills: list[SkillOut]
    optional_skills: list[SkillOut]
    titles: dict[str, str] = Field(description="Mizan's titles by language code (common occupations only).")
    attribution: str = Field(description="The attribution ESCO's licence asks for.")
