"""Notice versions kept honest: each notice's fingerprint is recorded next to its version in a checked-in
file (notice_hashes.json). Changing a notice without raising its version is caught by a test and by
``mizan notice_hashes``; ``mizan notice_hashes --write`` records a new version, and refuses if the text
changed while the version did not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

from mizan.privacy.consent.purposes import PURPOSES

HASH_FILE = Path(__file__).resolve().parent / "notice_hashes.json"


class Recorded(TypedDict):
    version: int
    sha256: str


def recorded(path: Path | None = None) -> dict[str, Recorded]:
    try:
        data = json.loads((path or HASH_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {
        str(code): Recorded(version=int(v["version"]), sha256=str(v["sha256"])) for code, v in data.items()
    }


def current() -> dict[str, Recorded]:
    return {
        code: Recorded(version=purpose.notice_version, sha256=purpose.notice_fingerprint())
        for code, purpose in PURPOSES.items()
    }


def unbumped(path: Path | None = None) -> list[str]:
    """Notices whose text changed while their version did not rise (or whose version went down)."""
    before, now = recorded(path), current()
    problems = []
    for code, entry in now.items():
        old = before.get(code)
        if old is None:
            continue
        if entry["version"] < old["version"]:
            problems.append(f"{code}: notice_version went down from {old['version']} to {entry['version']}")
        elif entry["version"] == old["version"] and entry["sha256"] != old["sha256"]:
            problems.append(
                f"{code}: the notice changed but notice_version is still {entry['version']}; "
                f"raise it to {entry['version'] + 1} (consents to the old text then stop counting)"
            )
    return problems


def unrecorded(path: Path | None = None) -> list[str]:
    """Purposes whose current version and fingerprint are not what the file records."""
    before, now = recorded(path), current()
    problems = [f"{code}: not recorded" for code in now if code not in before]
    problems += [f"{code}: recorded but no longer a purpose" for code in before if code not in now]
    problems += [
        f"{code}: version {entry['version']} is not recorded (run `mizan notice_hashes --write`)"
        for code, entry in now.items()
        if code in before and before[code] != entry
    ]
    return problems


def write(path: Path | None = None) -> None:
    (path or HASH_FILE).write_text(json.dumps(current(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
