"""Every language is fully translated, safe to format and up to date (scripts/check_translations.py)."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_translations", PROJECT_DIR / "scripts" / "check_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_translations", module)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


def test_every_language_is_complete_and_up_to_date() -> None:
    problems = checker.check()
    assert not problems, f"{len(problems)} translation problem(s):\n  " + "\n  ".join(problems)


# --- The checker itself -------------------------------------------------------------------------------

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def _catalogue(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_complete_catalogue_has_no_problems(tmp_path: Path) -> None:
    path = _catalogue(
        tmp_path,
        '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Namaste %(name)s"\n\n'
        'msgid "One job"\nmsgid_plural "%(count)s jobs"\nmsgstr[0] "Ek kaam"\nmsgstr[1] "%(count)s kaam"\n',
    )
    problems, keys = checker.check_catalogue("xx", path)
    assert problems == []
    assert keys == {(None, "Hello %(name)s"), (None, "One job")}


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ('msgid "Hello"\nmsgstr ""\n', "not translated"),
        ('#, fuzzy\nmsgid "Hello"\nmsgstr "Namaste"\n', "fuzzy"),
        ('#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Namaste"\n', "placeholders differ"),
        ('#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Namaste %(nam)s"\n', "placeholders differ"),
        ('msgid "Hello {name}"\nmsgstr "Namaste {naam}"\n', "placeholders differ"),
        ('#, python-format\nmsgid "%s of %s"\nmsgstr "%s"\n', "positional"),
        (
            'msgid "One job"\nmsgid_plural "%(count)s jobs"\nmsgstr[0] "Ek kaam"\nmsgstr[1] ""\n',
            "not translated",
        ),
        (
            'msgid "One job"\nmsgid_plural "%(count)s jobs"\nmsgstr[0] "Ek"\nmsgstr[1] "kaam"\n',
            "last plural form",
        ),
        (
            'msgid "One job"\nmsgid_plural "%(n)s jobs"\nmsgstr[0] "%(x)s"\nmsgstr[1] "%(n)s"\n',
            "not in the source",
        ),
    ],
)
def test_the_checker_finds_each_kind_of_problem(tmp_path: Path, body: str, complaint: str) -> None:
    problems, _keys = checker.check_catalogue("xx", _catalogue(tmp_path, body))
    assert any(complaint in problem for problem in problems), problems


def test_a_missing_catalogue_is_a_problem(tmp_path: Path) -> None:
    problems, keys = checker.check_catalogue("xx", tmp_path / "nope.po")
    assert keys is None
    assert "missing" in problems[0]


def test_the_checker_finds_stale_catalogues(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "views.py").write_text(
        "from django.utils.translation import gettext as _\n\nMESSAGE = _('A new sentence')\n",
        encoding="utf-8",
    )
    (tmp_path / "app" / "page.html").write_text(
        "{% load i18n %}<p>{% translate 'From a template' %}</p>\n", encoding="utf-8"
    )
    extracted = checker.extract_source_messages(tmp_path)
    assert extracted == {(None, "A new sentence"), (None, "From a template")}

    for code in checker._languages():
        po = tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"
        po.parent.mkdir(parents=True)
        po.write_text(
            HEADER + 'msgid "From a template"\nmsgstr "x"\n\nmsgid "Old"\nmsgstr "y"\n', encoding="utf-8"
        )
    problems = checker.check(tmp_path)
    assert any("not in the .po" in problem and "A new sentence" in problem for problem in problems), problems
    assert any("no longer in the source" in problem and "Old" in problem for problem in problems), problems


def _load_compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_translations", PROJECT_DIR / "scripts" / "compile_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_catalogues_keep_the_languages_plural_rules(tmp_path: Path) -> None:
    po = tmp_path / "ar" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: \\n"\n'
        '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 '
        ': n%100>=11 ? 4 : 5;\\n"\n\n'
        'msgid "Hello"\nmsgstr "مرحبا"\n\n'
        '#, fuzzy\nmsgid "Unsure"\nmsgstr "غير مؤكد"\n\n'
        'msgid "one job"\nmsgid_plural "%(count)s jobs"\n'
        + "".join(f'msgstr[{index}] "form {index}"\n' for index in range(6)),
        encoding="utf-8",
    )
    compiled, errors = _load_compiler().compile_all(tmp_path)
    assert (compiled, errors) == (1, [])
    with (po.with_suffix(".mo")).open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Hello") == "مرحبا"
    assert translations.gettext("Unsure") == "Unsure"  # fuzzy entries are left out
    assert [translations.ngettext("one job", "%(count)s jobs", n) for n in (0, 1, 2, 5, 11, 100)] == [
        f"form {index}" for index in range(6)
    ]
