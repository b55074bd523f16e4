"""``mizan ledger verify | checkpoint | verify-proof | public-key | keygen``.

Exit codes: 0 all is well; 1 the ledger, checkpoint or proof does not check out; 2 the input cannot be
used (unreadable file, malformed document or key), with a message saying why.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from mizan.common.errors import DomainError
from mizan.privacy.ledger import keys, note, selectors, services
from mizan.privacy.ledger.documents import (
    CheckpointDoc,
    ConsistencyProofDoc,
    DocumentError,
    InclusionProofDoc,
    load_json,
    parse_proof,
)
from mizan.privacy.ledger.messages import CHECKS, DOCUMENT_ERRORS, PROBLEMS, describe
from mizan.privacy.ledger.tree import LedgerBrokenError
from mizan.privacy.ledger.verify import verify_ledger

MAX_FILE_BYTES = 64 * 1024


class InputError(Exception):
    """Input that cannot be used: exit 2 with this message."""


def _read(path: str, what: str) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(
            _("Cannot read the %(what)s file %(path)s: %(reason)s")
            % {"what": what, "path": path, "reason": exc.strerror or exc}
        ) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(_("The %(what)s file %(path)s is too large.") % {"what": what, "path": path})
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            _("The %(what)s file %(path)s is not UTF-8 text.") % {"what": what, "path": path}
        ) from exc


def _document(path: str, what: str) -> dict[str, Any]:
    try:
        return load_json(_read(path, what))
    except DocumentError as exc:
        raise InputError(f"{path}: {describe(DOCUMENT_ERRORS, exc.code, exc.params)}") from exc


def _checkpoint(path: str) -> CheckpointDoc:
    try:
        return CheckpointDoc.from_json(_document(path, _("checkpoint")))
    except DocumentError as exc:
        raise InputError(f"{path}: {describe(DOCUMENT_ERRORS, exc.code, exc.params)}") from exc


def _public_key(value: str) -> bytes:
    text = _read(value, _("public key")) if os.path.isfile(value) else value
    try:
        return keys.parse_public_key(text)
    except keys.KeyFormatError as exc:
        raise InputError(_("The public key cannot be used: %(reason)s.") % {"reason": exc}) from exc


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
    ) as out:
        out.write(text)
    os.replace(out.name, path)


class Command(BaseCommand):
    help = "The tamper-evident ledger: verify it, sign a checkpoint, check a proof offline."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        verify = actions.add_parser(
            "verify", help="Recompute every entry and compare with signed checkpoints."
        )
        verify.add_argument(
            "--checkpoint",
            action="append",
            default=[],
            metavar="FILE",
            help="A checkpoint published earlier (JSON); may be given several times.",
        )
        verify.add_argument("--chunk-size", type=int, default=5000, help="Rows fetched at a time.")
        checkpoint = actions.add_parser("checkpoint", help="Sign the current tree root.")
        checkpoint.add_argument("--publish", metavar="FILE", help="Write the checkpoint's JSON to FILE.")
        proof = actions.add_parser("verify-proof", help="Check an inclusion or consistency proof offline.")
        proof.add_argument("proof", metavar="PROOF.json")
        proof.add_argument(
            "--checkpoint",
            action="append",
            required=True,
            metavar="CHECKPOINT.json",
            help="The signed checkpoint (twice for a consistency proof: the older and the newer).",
        )
        proof.add_argument("--public-key", required=True, metavar="KEY", help="A file or the key itself.")
        proof.add_argument("--entry-hash", metavar="HEX", help="The entry hash you were given, to match.")
        public = actions.add_parser("public-key", help="Print the public key document (JSON).")
        public.add_argument("--out", metavar="FILE")
        keygen = actions.add_parser("keygen", help="Make a new signing key (PEM) for a key rotation.")
        keygen.add_argument(
            "--out", metavar="FILE", required=True, help="Where to write it (must not exist)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        handlers = {
            "verify": self.verify,
            "checkpoint": self.checkpoint,
            "verify-proof": self.verify_proof,
            "public-key": self.public_key,
            "keygen": self.keygen,
        }
        try:
            code = handlers[options["action"]](options)
        except InputError as exc:
            self.stderr.write(str(exc))
            code = 2
        except DatabaseError as exc:
            self.stderr.write(
                _("The database cannot be read (%(reason)s). Is it running and migrated (“mizan migrate”)?")
                % {"reason": str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}
            )
            code = 2
        if code:
            raise SystemExit(code)

    # --- verify -------------------------------------------------------------------------------------

    def verify(self, options: dict[str, Any]) -> int:
        published = [_checkpoint(path) for path in options["checkpoint"]]
        if options["chunk_size"] < 1:
            raise InputError(_("--chunk-size must be at least 1."))
        report = verify_ledger(published=published, chunk_size=options["chunk_size"])
        if report.problem is not None:
            problem = report.problem
            self.stderr.write(
                _("NOT INTACT. %(reason)s")
                % {"reason": describe(PROBLEMS, problem.code, {"seq": problem.seq, **problem.params})}
            )
            if problem.seq is not None:
                self.stderr.write(_("First bad entry: %(seq)s") % {"seq": problem.seq})
            return 1
        self.stdout.write(
            _(
                "Intact: %(entries)s entries checked in %(seconds).1f s; %(checkpoints)s signed checkpoint "
                "sizes match (%(published)s published files); the latest covers %(latest)s entries."
            )
            % {
                "entries": report.entries,
                "seconds": report.seconds,
                "checkpoints": report.checkpoints,
                "published": report.published,
                "latest": report.latest,
            }
        )
        return 0

    # --- checkpoint ---------------------------------------------------------------------------------

    def checkpoint(self, options: dict[str, Any]) -> int:
        try:
            checkpoint = services.checkpoint_create()
        except LedgerBrokenError as exc:
            self.stderr.write(str(exc.message) % exc.params if exc.params else str(exc.message))
            return 1
        except DomainError as exc:  # ledger_empty: nothing to sign yet is not an error for a scheduler
            self.stdout.write(str(exc.message) % exc.params)
            return 0
        document = selectors.checkpoint_document(checkpoint).to_json()
        text = json.dumps(document, indent=2) + "\n"
        self.stdout.write(
            _("Checkpoint of %(size)s entries, root %(root)s, signed by key %(key)s.")
            % {"size": checkpoint.tree_size, "root": checkpoint.root_hash, "key": checkpoint.key_id}
        )
        if options["publish"]:
            _write_atomically(Path(options["publish"]), text)
            self.stdout.write(_("Written to %(path)s.") % {"path": options["publish"]})
        return 0

    # --- verify-proof -------------------------------------------------------------------------------

    def verify_proof(self, options: dict[str, Any]) -> int:
        try:
            proof = parse_proof(_document(options["proof"], _("proof")))
        except DocumentError as exc:
            raise InputError(
                f"{options['proof']}: {describe(DOCUMENT_ERRORS, exc.code, exc.params)}"
            ) from exc
        checkpoints = [_checkpoint(path) for path in options["checkpoint"]]
        public = _public_key(options["public_key"])
        entry_hash = None
        if options["entry_hash"]:
            wanted = "".join(options["entry_hash"].split()).lower()
            if len(wanted) != 64 or any(character not in "0123456789abcdef" for character in wanted):
                raise InputError(_("--entry-hash must be 64 hexadecimal characters."))
            entry_hash = bytes.fromhex(wanted)
        for checkpoint in checkpoints:
            check = checkpoint.check(public)
            if not check.valid:
                self.stderr.write(
                    _("INVALID. %(reason)s") % {"reason": describe(CHECKS, check.code, check.params)}
                )
                return 1
        try:
            if isinstance(proof, InclusionProofDoc):
                check = proof.check(self._matching(checkpoints, proof.tree_size), entry_hash=entry_hash)
            else:
                check = self._consistency(proof, checkpoints)
        except DocumentError as exc:
            raise InputError(describe(DOCUMENT_ERRORS, exc.code, exc.params)) from exc
        verifier = note.verifier_key(checkpoints[0].origin, public)
        if not check.valid:
            self.stderr.write(
                _("INVALID. %(reason)s") % {"reason": describe(CHECKS, check.code, check.params)}
            )
            return 1
        self.stdout.write(_("VALID. %(reason)s") % {"reason": describe(CHECKS, check.code, check.params)})
        self.stdout.write(_("Checked with the key %(key)s.") % {"key": verifier})
        return 0

    @staticmethod
    def _matching(checkpoints: list[CheckpointDoc], size: int) -> CheckpointDoc:
        for checkpoint in checkpoints:
            if checkpoint.tree_size == size:
                return checkpoint
        raise DocumentError("size_mismatch", proof=size, checkpoint=checkpoints[0].tree_size)

    def _consistency(self, proof: ConsistencyProofDoc, checkpoints: list[CheckpointDoc]) -> Any:
        first = self._matching(checkpoints, proof.first_size)
        second = self._matching(checkpoints, proof.second_size)
        return proof.check(first, second)

    # --- keys ---------------------------------------------------------------------------------------

    def public_key(self, options: dict[str, Any]) -> int:
        text = json.dumps(selectors.public_key_document(), indent=2) + "\n"
        if options["out"]:
            _write_atomically(Path(options["out"]), text)
        else:
            self.stdout.write(text, ending="")
        return 0

    def keygen(self, options: dict[str, Any]) -> int:
        path = Path(options["out"])
        pem = keys.generate_private_key_pem()
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            raise InputError(
                _("Cannot create %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror or exc}
            ) from exc
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(pem)
        public = keys.public_key_raw(keys.parse_private_key(pem))
        self.stdout.write(_("New signing key written to %(path)s (readable by you only).") % {"path": path})
        self.stdout.write(_("Its public key: %(key)s") % {"key": keys.b64(public)})
        return 0
