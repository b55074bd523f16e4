"""Compile every locale/*/LC_MESSAGES/*.po to .mo with Babel, so running Mizan needs no gettext binaries.

Usage: python scripts/compile_translations.py [--force] [--strict] [LOCALE_DIR]   (default: locale/)

A .mo is rewritten only when its .po is newer (--force: always). Fuzzy entries are left out, as msgfmt
does. A malformed entry is reported and left out; a .po that cannot be read at all is named and skipped,
so one broken catalogue does not stop `make run` (--strict: exit 1 then).
`make translations-check` fails on both.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, PoFileParser

BASE_DIR = Path(__file__).resolve().parent.parent


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


class _LenientParser(PoFileParser):
    """Keeps going past a malformed entry (e.g. a surplus plural form, which is dropped), noting it."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=False)
        self.warnings: list[str] = []

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        self.warnings.append(f"line {lineno + 1}: {msg}")


def compile_po(po_path: Path, mo_path: Path) -> list[str]:
    """Compile one catalogue; return warnings about entries that were malformed (and left out or cut)."""
    # The locale (from the folder name) makes Babel write the Plural-Forms header into the .mo; without it
    # gettext would fall back to English plural rules.
    locale = _locale(po_path.parent.parent.name)
    catalog = Catalog(locale=locale)
    parser = _LenientParser(catalog)
    with po_path.open("rb") as po_file:
        parser.parse(po_file)
    if catalog.locale is None:  # an empty "Language:" header, as makemessages writes, unsets it
        catalog.locale = locale
    # Write to a temporary file first, so a server never reads half a catalogue.
    fd, tmp_name = tempfile.mkstemp(dir=mo_path.parent, prefix=".", suffix=".mo.tmp")
    try:
        with os.fdopen(fd, "wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        Path(tmp_name).chmod(0o644)
        Path(tmp_name).replace(mo_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return parser.warnings


def compile_all(locale_dir: Path, *, force: bool = False) -> tuple[int, list[str]]:
    compiled = 0
    errors: list[str] = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        try:
            for warning in compile_po(po_path, mo_path):
                print(f"warning: {po_path} {warning}", file=sys.stderr)
        except (PoFileError, ValueError, OSError) as exc:
            errors.append(f"{po_path}: {exc}")
            continue
        compiled += 1
    return compiled, errors


def main(argv: list[str]) -> int:
    args = [arg for arg in argv if arg not in {"--force", "--strict"}]
    locale_dir = Path(args[0]) if args else BASE_DIR / "locale"
    if not locale_dir.is_dir():
        print(f"No locale directory at {locale_dir}; nothing to compile.")
        return 0
    compiled, errors = compile_all(locale_dir, force="--force" in argv)
    for error in errors:
        print(f"cannot compile {error}", file=sys.stderr)
    print(
        f"Compiled {compiled} translation catalogue(s) in {locale_dir}"
        + (f", {len(errors)} skipped." if errors else ".")
    )
    return 1 if errors and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
