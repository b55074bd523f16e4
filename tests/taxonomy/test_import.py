"""``taxonomy_import`` and ``mizan taxonomy import`` on small ESCO-shaped files: counts, upserts, the
only-common subset, dropped relations, and bad files (one-line error, exit 1, nothing saved)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from mizan.taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Skill,
    TaxonomyImport,
)
from mizan.taxonomy.services import TaxonomyImportError, taxonomy_import
from mizan.taxonomy.source import CLASSIFICATION_ZIP, RELATIONS_ZIP
from tests.taxonomy.esco_files import OCC, OCCUPATIONS, RELATIONS, SKILL, write_common, write_esco

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "isco": IscoGroup.objects.count(),
        "occupations": Occupation.objects.count(),
        "skills": Skill.objects.count(),
        "relations": OccupationSkill.objects.count(),
        "titles": OccupationTitle.objects.count(),
    }


def test_import_loads_everything_and_drops_dangling_relations(tmp_path: Path) -> None:
    source, common = write_esco(tmp_path / "esco"), write_common(tmp_path / "common.yaml")
    result = taxonomy_import(source=source, common_file=common)
    assert counts() == {"isco": 8, "occupations": 3, "skills": 3, "relations": 4, "titles": 24}
    assert result.dropped_relations == 2
    assert (result.added, result.changed, result.removed) == (8 + 3 + 3 + 4 + 24, 0, 0)
    assert "2 relation rows dropped" in "\n".join(result.lines())
    welder = Occupation.objects.get(code="7212.3")
    assert welder.is_common
    assert welder.isco_group.parent_id == "721"
    assert welder.alt_labels.splitlines() == ["welding worker", "arc welder"]
    assert not Occupation.objects.get(code="7212.3.3").is_common
    title = OccupationTitle.objects.get(occupation=welder, language="ne")
    assert title.title == "Title 7212.3 ne"
    assert title.search_text.splitlines() == ["title 7212 3 ne", "synonym ne"]
    run = TaxonomyImport.objects.get()
    assert run.added == result.added
    assert run.dropped_relations == 2


def test_second_import_changes_nothing_and_later_changes_are_upserted(tmp_path: Path) -> None:
    source, common = write_esco(tmp_path / "esco"), write_common(tmp_path / "common.yaml")
    taxonomy_import(source=source, common_file=common)
    ids = dict(Occupation.objects.values_list("code", "id"))

    again = taxonomy_import(source=source, common_file=common)
    assert (again.added, again.changed, again.removed) == (0, 0, 0)
    assert "Total: 0 added, 0 changed" in again.lines()[-1]

    renamed = [
        (uri, group, code, "pipe fitter" if code == "7212.3.3" else label, alt)
        for uri, group, code, label, alt in OCCUPATIONS
    ]
    fewer = [relation for relation in RELATIONS if relation[2] != SKILL + "safety"]
    write_esco(tmp_path / "esco2", occupations=renamed, relations=fewer)
    write_common(tmp_path / "common.yaml", codes=("9111.1",))
    changed = taxonomy_import(source=tmp_path / "esco2", common_file=common)
    assert changed.occupations.changed == 2  # the renamed one, and 7212.3 that is no longer common
    assert changed.relations.removed == 1
    assert changed.titles.removed == 12
    assert changed.added == 0
    assert dict(Occupation.objects.values_list("code", "id")) == ids  # same rows, updated in place
    assert Occupation.objects.get(code="7212.3.3").preferred_label == "pipe fitter"
    assert list(Occupation.objects.filter(is_common=True).values_list("code", flat=True)) == ["9111.1"]


def test_only_common_loads_the_common_occupations_their_groups_and_skills(tmp_path: Path) -> None:
    source = write_esco(tmp_path / "esco")
    common = write_common(tmp_path / "common.yaml", codes=("7212.3",))
    result = taxonomy_import(source=source, common_file=common, only_common=True)
    assert counts() == {"isco": 4, "occupations": 1, "skills": 2, "relations": 2, "titles": 12}
    assert set(IscoGroup.objects.values_list("code", flat=True)) == {"7", "72", "721", "7212"}
    assert result.only_common
    # The full import afterwards adds the rest and changes nothing already there.
    full = taxonomy_import(source=source, common_file=common)
    assert full.changed == 0
    assert counts() == {"isco": 8, "occupations": 3, "skills": 3, "relations": 4, "titles": 12}


def test_progress_reports_each_stage(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    taxonomy_import(
        source=write_esco(tmp_path / "esco"),
        common_file=write_common(tmp_path / "common.yaml"),
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    stages = list(dict.fromkeys(stage for stage, _done, _total in seen))
    assert stages == ["reading files", "ISCO groups", "occupations", "skills", "relations", "titles"]
    assert ("relations", 4, 4) in seen


def _junk(folder: Path) -> None:
    (folder / CLASSIFICATION_ZIP).write_bytes(b"this is not a zip")


def _truncated(folder: Path) -> None:
    data = (folder / RELATIONS_ZIP).read_bytes()
    (folder / RELATIONS_ZIP).write_bytes(data[: len(data) // 2])


def _missing(folder: Path) -> None:
    (folder / RELATIONS_ZIP).unlink()


def _unknown_group(folder: Path) -> None:
    write_esco(folder, occupations=[(OCC + "x", "9999", "9999.1", "x", "")])


def _bad_relation(folder: Path) -> None:
    write_esco(folder, relations=[(OCC + "welder", "required", SKILL + "weld")])


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_junk, "classification-en-csv.zip: not a readable zip file"),
        (_truncated, "relations-csv.zip: not a readable zip file"),
        (_missing, "relations-csv.zip: file not found"),
        (lambda folder: write_esco(folder, skip="skills_en.csv"), "skills_en.csv is missing from the zip"),
        (_unknown_group, "ISCO group 9999 of occupation 9999.1 is unknown"),
        (_bad_relation, "unknown relation type 'required'"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_saved(tmp_path: Path, spoil, message: str) -> None:  # type: ignore[no-untyped-def]
    common = write_common(tmp_path / "common.yaml", codes=("7212.3",))
    taxonomy_import(source=write_esco(tmp_path / "good"), common_file=common, only_common=True)
    before = counts()
    folder = write_esco(tmp_path / "bad")
    spoil(folder)
    with pytest.raises(TaxonomyImportError) as caught:
        taxonomy_import(source=folder, common_file=common)
    assert message in str(caught.value.message)
    assert "\n" not in str(caught.value.message)
    assert counts() == before
    assert TaxonomyImport.objects.count() == 1


@pytest.mark.parametrize(
    ("codes", "drop", "message"),
    [
        (("7212.3", "1234.5"), "", "1234.5: no ESCO occupation has this code"),
        (("7212.3",), "my", "7212.3: no title in language my"),
        (("7212.3", "7212.3"), "", "7212.3: listed twice"),
    ],
)
def test_bad_curated_list_is_refused(tmp_path: Path, codes: tuple[str, ...], drop: str, message: str) -> None:
    common = write_common(tmp_path / "common.yaml", codes=codes, drop_language=drop)
    with pytest.raises(TaxonomyImportError) as caught:
        taxonomy_import(source=write_esco(tmp_path / "esco"), common_file=common)
    assert message in str(caught.value.message)
    assert counts()["occupations"] == 0


def test_yaml_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    common = tmp_path / "common.yaml"
    common.write_text("occupations:\n  - code: [unclosed\n", encoding="utf-8")
    with pytest.raises(TaxonomyImportError, match="not valid YAML"):
        taxonomy_import(source=write_esco(tmp_path / "esco"), common_file=common)


def test_command_prints_counts_and_exits_1_on_bad_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mizan.taxonomy import services

    monkeypatch.setattr(services, "DEFAULT_COMMON_FILE", write_common(tmp_path / "common.yaml"))
    source = write_esco(tmp_path / "esco")
    out, err = io.StringIO(), io.StringIO()
    call_command("taxonomy", "import", "--source", str(source), stdout=out, stderr=err)
    assert "occupations: 3 added, 0 changed" in out.getvalue()
    assert err.getvalue() == ""  # no progress bar when not on a terminal

    out = io.StringIO()
    call_command("taxonomy", "import", "--source", str(source), stdout=out, stderr=err)
    assert "Total: 0 added, 0 changed" in out.getvalue()

    _junk(source)
    with pytest.raises(SystemExit) as exited:
        call_command("taxonomy", "import", "--source", str(source), stdout=out, stderr=err)
    assert exited.value.code == 1
    assert err.getvalue().count("\n") == 1
    assert "not a readable zip file" in err.getvalue()
    assert counts()["occupations"] == 3
