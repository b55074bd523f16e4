"""Check that every language's catalogue is complete, safe to format, and up to date with the source.

Usage: python scripts/check_translations.py        (exits 1 and lists every problem)
       from scripts.check_translations import check; check() -> list[str]

For each of the languages in mizan.common.languages (English included), locale/<code>/LC_MESSAGES/django.po
must exist and parse, carry a Plural-Forms header, and have for every message:
  - a translation (no empty msgstr; for plurals, every form filled, as many forms as nplurals),
  - no ``#, fuzzy`` flag,
  - the same named placeholders as the source: ``%(name)s`` and ``{name}``; for python-format messages the
    same number of positional ``%s``-style placeholders. A plural form may leave out a placeholder (Arabic
    "one" says no number), but no form may bring in a placeholder the source lacks, and the last form must
    keep them all.

Staleness: Django's ``makemessages`` (xgettext, from the gettext package) extracts the current messages
from a scratch copy of the translatable files (.py, .html, .txt; skipping dot-folders, node_modules, tests,
locale, var, build and test-artifacts, like ``make makemessages``) into a temporary LOCALE_PATHS, so the
real locale/ is never touched. Each .po must hold exactly those messages: a missing one means "run make
makemessages"; an extra one is obsolete. The copy keeps the run free of side effects even while tests run
in parallel (makemessages writes scratch files next to the templates it reads). Takes about a second.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from babel import Locale, UnknownLocaleError  # noqa: E402
from babel.messages.catalog import Catalog, Message  # noqa: E402
from babel.messages.pofile import PoFileParser  # noqa: E402

DOMAIN = "django"
SOURCE_EXTENSIONS = {".py", ".html", ".txt"}
SKIPPED_DIRS = {".venv", "node_modules", "tests", "locale", "var", "test-artifacts", "build"}

NAMED_PERCENT = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE = re.compile(r"(?<!\{)\{(\w*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
POSITIONAL_PERCENT = re.compile(r"%(?!\()[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]")

PLURAL_FORMS = re.compile(r'^"Plural-Forms:\s*nplurals\s*=\s*\d+', re.MULTILINE)

MessageKey = tuple[str | None, str]


def _languages() -> list[str]:
    from mizan.common.languages import LANGUAGES

    return [language.code for language in LANGUAGES]


def _strip_percent_escapes(text: str) -> str:
    return text.replace("%%", "")


def _named(text: str) -> list[str]:
    text = _strip_percent_escapes(text)
    return sorted(NAMED_PERCENT.findall(text)) + sorted("{" + name + "}" for name in BRACE.findall(text))


def _positional_count(text: str) -> int:
    return len(POSITIONAL_PERCENT.findall(_strip_percent_escapes(text)))


def _key(message: Message) -> MessageKey:
    singular = message.id[0] if isinstance(message.id, list | tuple) else message.id
    return (message.context, str(singular))


def _label(message: Message) -> str:
    singular = message.id[0] if isinstance(message.id, list | tuple) else message.id
    text = str(singular).replace("\n", "\\n")
    if len(text) > 70:
        text = text[:67] + "..."
    context = f" [context {message.context!r}]" if message.context else ""
    return f"{text!r}{context}"


def _check_message(code: str, message: Message, nplurals: int) -> list[str]:
    where = f"{code}: {_label(message)}"
    if message.fuzzy:
        return [f"{where}: marked fuzzy"]
    problems: list[str] = []
    python_format = "python-format" in message.flags
    if message.pluralizable:
        singular, plural = (str(part) for part in message.id[:2])
        forms = [str(form or "") for form in message.string]
        if len(forms) != nplurals:
            problems.append(f"{where}: has {len(forms)} plural forms, Plural-Forms says {nplurals}")
        empty = [str(index) for index, form in enumerate(forms) if not form.strip()]
        if empty:
            problems.append(f"{where}: plural form(s) {', '.join(empty)} not translated")
        allowed = set(_named(singular)) | set(_named(plural))
        for index, form in enumerate(forms):
            if not form.strip():
                continue
            invented = sorted(set(_named(form)) - allowed)
            if invented:
                problems.append(f"{where}: form {index} has placeholders not in the source: {invented}")
        if forms and forms[-1].strip():
            missing = sorted(set(_named(plural)) - set(_named(forms[-1])))
            if missing:
                problems.append(f"{where}: last plural form lacks placeholders {missing}")
        return problems
    source = str(message.id)
    translation = str(message.string or "")
    if not translation.strip():
        return [f"{where}: not translated"]
    if sorted(set(_named(source))) != sorted(set(_named(translation))):
        problems.append(
            f"{where}: placeholders differ: source {sorted(set(_named(source)))}, "
            f"translation {sorted(set(_named(translation)))}"
        )
    if python_format and _positional_count(source) != _positional_count(translation):
        problems.append(
            f"{where}: source has {_positional_count(source)} positional %-placeholders, "
            f"translation has {_positional_count(translation)}"
        )
    return problems


class _CollectingParser(PoFileParser):
    """Reads a whole .po, collecting what is malformed instead of stopping (or printing) at the first."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=False)
        self.invalid: list[str] = []

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        if "more translations than num_plurals" in msg:
            allowed = self.catalog.num_plurals
            msg = f"a plural message has more msgstr[] forms than Plural-Forms allows ({allowed})"
        self.invalid.append(f"line {lineno + 1}: {msg}")


def _read(path: Path, code: str | None = None) -> tuple[Catalog, list[str]]:
    try:
        locale = Locale.parse(code.replace("-", "_")) if code else None
    except (UnknownLocaleError, ValueError):
        locale = None
    catalog = Catalog(locale=locale)
    parser = _CollectingParser(catalog)
    with path.open("rb") as handle:
        parser.parse(handle)
    return catalog, parser.invalid


def check_catalogue(code: str, path: Path) -> tuple[list[str], set[MessageKey] | None]:
    """Problems in one language's .po, and the message keys it holds (None when it cannot be read)."""
    if not path.exists():
        return [f"{code}: {path} is missing (run make makemessages)"], None
    try:
        catalog, invalid = _read(path, code)
    except (ValueError, OSError) as exc:
        unfilled = "INTEGER" in str(exc) or "EXPRESSION" in str(exc)
        hint = " (fill in the Plural-Forms header)" if unfilled else ""
        return [f"{code}: cannot read {path}: {exc}{hint}"], None
    problems = [f"{code}: {path.name} {problem}" for problem in invalid]
    if not PLURAL_FORMS.search(path.read_text(encoding="utf-8", errors="replace")):
        problems.append(f"{code}: the header has no Plural-Forms with a number of forms")
    nplurals = catalog.num_plurals
    keys: set[MessageKey] = set()
    for message in catalog:
        if not message.id:
            continue
        keys.add(_key(message))
        problems.extend(_check_message(code, message, nplurals))
    return problems, keys


def _copy_sources(base_dir: Path, target: Path) -> None:
    for dirpath, dirnames, filenames in os.walk(base_dir):
        relative = Path(dirpath).relative_to(base_dir)
        skipped = SKIPPED_DIRS if relative == Path(".") else {"locale"}
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and name not in skipped and name != "__pycache__"
        )
        for filename in filenames:
            if Path(filename).suffix in SOURCE_EXTENSIONS and not filename.startswith("."):
                destination = target / relative / filename
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(dirpath) / filename, destination)


def extract_source_messages(base_dir: Path = BASE_DIR) -> set[MessageKey]:
    """The messages the source asks to translate now, extracted by Django's makemessages."""
    if shutil.which("xgettext") is None or shutil.which("msguniq") is None:
        raise RuntimeError("the gettext tools (xgettext, msguniq) are needed: apt-get install gettext")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("MIZAN_ENV", "test")
    import django
    from django.core.management import call_command
    from django.test.utils import override_settings

    django.setup()
    previous_cwd = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="mizan-messages-") as scratch:
        scratch_dir = Path(scratch)
        source_dir = scratch_dir / "src"
        locale_dir = source_dir / "locale"
        _copy_sources(base_dir, source_dir)
        locale_dir.mkdir(parents=True, exist_ok=True)
        try:
            os.chdir(source_dir)
            with override_settings(LOCALE_PATHS=[str(locale_dir)]):
                call_command(
                    "makemessages",
                    locale=["en"],
                    domain=DOMAIN,
                    no_obsolete=True,
                    verbosity=0,
                )
        finally:
            os.chdir(previous_cwd)
        extracted = locale_dir / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not extracted.exists():
            return set()
        catalog, _invalid = _read(extracted)
        return {_key(message) for message in catalog if message.id}


def _describe(keys: set[MessageKey]) -> str:
    ordered = sorted(keys, key=lambda key: (key[0] or "", key[1]))
    shown = [repr(text if len(text) <= 60 else text[:57] + "...") for _context, text in ordered[:5]]
    more = len(ordered) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def check(base_dir: Path = BASE_DIR, *, check_source: bool = True) -> list[str]:
    """Every problem found, as readable lines; an empty list means the translations are complete."""
    problems: list[str] = []
    try:
        source_keys = extract_source_messages(base_dir) if check_source else None
    except Exception as exc:  # a broken extraction must fail the check, not pass it
        problems.append(f"cannot extract messages from the source: {exc}")
        source_keys = None
    for code in _languages():
        path = base_dir / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        language_problems, keys = check_catalogue(code, path)
        problems.extend(language_problems)
        if keys is None or source_keys is None:
            continue
        missing = source_keys - keys
        obsolete = keys - source_keys
        if missing:
            problems.append(
                f"{code}: {len(missing)} message(s) in the source are not in the .po "
                f"(run make makemessages, then translate): {_describe(missing)}"
            )
        if obsolete:
            problems.append(
                f"{code}: {len(obsolete)} message(s) in the .po are no longer in the source "
                f"(run make makemessages): {_describe(obsolete)}"
            )
    return problems


def main() -> int:
    problems = check()
    if problems:
        print(f"Translations: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"Translations complete and up to date for {len(_languages())} languages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
