"""docs/privacy/ledger.md shows real values: its worked example and its offline script are checked here."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

from mizan.privacy.ledger import canonical, keys, merkle, note
from mizan.privacy.ledger.documents import CheckpointDoc, InclusionProofDoc

DOC = Path(__file__).resolve().parent.parent.parent / "docs" / "privacy" / "ledger.md"
ENTRIES = [
    (
        "contract.signed",
        "contract:7d1f0c2a",
        {"version": 1, "document": canonical.hash_for("test")},
        "01T08:15:00.000000",
    ),
    (
        "consent.given",
        "consent:4b9e2c11",
        {"purpose": "job_matching", "notice_version": 3},
        "01T08:16:30.250000",
    ),
    (
        "decision.recorded",
        "decision:a03c5e77",
        {"outcome": "offered", "reason": canonical.hash_for("Speaks the language; has the licence.")},
        "02T10:00:00.000000",
    ),
]
ORIGIN = "mizan.example/ledger"


def example() -> tuple[list[str], bytes, CheckpointDoc, InclusionProofDoc, bytes]:
    hashes, prev = [], canonical.GENESIS_HASH
    for seq, (kind, subject, data, moment) in enumerate(ENTRIES, start=1):
        prev = canonical.entry_hash(
            seq=seq, kind=kind, subject=subject, data=data, recorded_at=f"2025-03-{moment}Z", prev_hash=prev
        )
        hashes.append(prev)
    leaves = [merkle.leaf_hash(bytes.fromhex(value)) for value in hashes]
    root = merkle.root_of(leaves)
    private = keys.parse_private_key(base64.b64encode(bytes(range(32))).decode())
    public = keys.public_key_raw(private)
    text = note.checkpoint_text(ORIGIN, 3, root, "2025-03-02T12:00:00Z")
    checkpoint = CheckpointDoc(
        ORIGIN, 3, root, "2025-03-02T12:00:00Z", note.key_id(ORIGIN, public), note.sign(text, private)
    )
    path = merkle.inclusion_proof(1, 3, merkle.list_subtree(leaves))
    proof = InclusionProofDoc(ORIGIN, 2, 3, bytes.fromhex(hashes[1]), root, path)
    return hashes, root, checkpoint, proof, public


def json_blocks() -> list[dict]:
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", DOC.read_text(), re.DOTALL)]


def test_the_documented_hashes_root_checkpoint_and_proof_are_real() -> None:
    hashes, root, checkpoint, proof, public = example()
    doc = DOC.read_text()
    for value in [*hashes, root.hex(), keys.b64(public), note.verifier_key(ORIGIN, public)]:
        assert value in doc, value
    documented_checkpoint, documented_proof = json_blocks()
    assert documented_checkpoint == checkpoint.to_json()
    assert documented_proof == proof.to_json()
    assert CheckpointDoc.from_json(documented_checkpoint).check(public).valid
    assert InclusionProofDoc.from_json(documented_proof).check(checkpoint).valid


def test_the_documented_offline_script_accepts_a_proof_and_rejects_a_forgery(tmp_path: Path) -> None:
    script = re.search(r"<!-- offline-verifier -->\n```python\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert script is not None
    (tmp_path / "verify.py").write_text(script.group(1))
    _, _, checkpoint, proof, public = example()
    (tmp_path / "checkpoint.json").write_text(json.dumps(checkpoint.to_json()))
    (tmp_path / "key.json").write_text(json.dumps({"public_key": keys.b64(public)}))
    (tmp_path / "proof.json").write_text(json.dumps(proof.to_json()))
    forged = {**proof.to_json(), "entry_hash": "ab" * 32}
    (tmp_path / "forged.json").write_text(json.dumps(forged))

    def run(proof_file: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "verify.py", proof_file, "checkpoint.json", "key.json"]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    good = run("proof.json")
    assert good.returncode == 0, good.stderr
    assert "entry 2 is in the signed checkpoint of 3 entries" in good.stdout
    bad = run("forged.json")
    assert bad.returncode != 0
    assert "NOT in the checkpoint" in bad.stderr
