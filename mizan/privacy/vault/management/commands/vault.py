"""``mizan vault check | rotate | generate-key``: look after the vault's keys.

Exit 0 when all is well, 1 with a plain message when not (a key file that cannot be read or parsed, a
data key that does not unwrap). Nothing here ever prints key material except ``generate-key``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.privacy.vault import maintenance
from mizan.privacy.vault.keyring import (
    Keyring,
    KeyringError,
    new_index_key,
    new_master_key_entry,
    parse_master_keys,
)

SHOWN_FAILURES = 20


def _keyring_from(path: str | None) -> Keyring | None:
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"The key file {path} cannot be read: {exc}") from exc
    try:
        return parse_master_keys(text)
    except KeyringError as exc:
        raise CommandError(f"The key file {path} is not a valid keyring: {exc}") from exc


class Command(BaseCommand):
    help = (
        "Vault keys: check that every data key unwraps, re-wrap them under the current master key, "
        "or make a new key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="check|rotate|generate-key")
        check = actions.add_parser("check", help="Verify that every data key unwraps with the master keys.")
        check.add_argument("--keys-file", help="Check with this keyring file instead of the configured keys.")
        check.add_argument("--files", action="store_true", help="Also decrypt every stored file (slower).")
        rotate = actions.add_parser(
            "rotate", help="Re-wrap every data key under the current (first) master key."
        )
        rotate.add_argument(
            "--keys-file", help="Rotate with this keyring file instead of the configured keys."
        )
        rotate.add_argument("--batch-size", type=int, default=500)
        generate = actions.add_parser(
            "generate-key", help="Print a new random master key entry or index key."
        )
        generate.add_argument("--id", default="", help="The new master key's id, e.g. k2026.")
        generate.add_argument("--index", action="store_true", help="Print an index key instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "check":
            self._check(_keyring_from(options["keys_file"]), with_files=options["files"])
        elif action == "rotate":
            if options["batch_size"] < 1:
                raise CommandError("--batch-size must be at least 1")
            self._rotate(_keyring_from(options["keys_file"]), batch_size=options["batch_size"])
        else:
            self._generate(options["id"], index=options["index"])

    def _fail_with(self, failures: list[tuple[Any, str]], what: str) -> None:
        for item_id, reason in failures[:SHOWN_FAILURES]:
            self.stderr.write(f"  {reason}" if str(item_id) in reason else f"  {what} {item_id}: {reason}")
        if len(failures) > SHOWN_FAILURES:
            self.stderr.write(f"  … and {len(failures) - SHOWN_FAILURES} more")

    def _check(self, keyring: Keyring | None, *, with_files: bool) -> None:
        report = maintenance.check(keyring=keyring, with_files=with_files)
        by_key = ", ".join(
            f"{key_id}: {count}" for key_id, count in sorted(report.live_by_master_key.items())
        )
        self.stdout.write(
            f"Data keys: {report.ok} unwrap, {len(report.failures)} do not, {report.shredded} shredded. "
            f"Live keys by master key: {by_key or 'none'} (current: {report.current})."
        )
        if with_files:
            self.stdout.write(f"Files: {report.files_ok} decrypt, {len(report.file_failures)} do not.")
        if report.not_current and not report.failures:
            self.stdout.write(
                f"{report.not_current} data keys are not under the current master key: run rotate."
            )
        self._fail_with(report.failures, "data key")
        self._fail_with(report.file_failures, "file")
        if report.failures or report.file_failures:
            raise CommandError(
                "Some keys or files cannot be opened with these master keys. Nothing was changed. "
                "Is this the right key file?"
            )
        self.stdout.write(self.style.SUCCESS("Every data key unwraps."))

    def _rotate(self, keyring: Keyring | None, *, batch_size: int) -> None:
        def progress(report: maintenance.RotationReport) -> None:
            self.stdout.write(f"  … {report.rewrapped} re-wrapped so far")

        report = maintenance.rotate(keyring=keyring, batch_size=batch_size, progress=progress)
        self.stdout.write(
            f"Re-wrapped {report.rewrapped} data keys under master key {report.current!r}; "
            f"{report.already_current} were already under it; {report.shredded} shredded keys skipped; "
            f"{report.changed_meanwhile} changed while rotating and were left alone; "
            f"{len(report.failures)} could not be unwrapped."
        )
        self._fail_with(report.failures, "data key")
        if report.failures:
            raise CommandError(
                "Some data keys could not be re-wrapped; they were left exactly as they were. "
                "Keep the master keys that wrapped them in the keyring and run rotate again."
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Done. Older master keys can be removed from the keyring once backups no longer need them."
            )
        )

    def _generate(self, key_id: str, *, index: bool) -> None:
        if index:
            self.stdout.write(new_index_key())
            return
        if not key_id:
            raise CommandError("Give the new master key an id: generate-key --id k2026")
        try:
            self.stdout.write(new_master_key_entry(key_id))
        except KeyringError as exc:
            raise CommandError(str(exc)) from exc
