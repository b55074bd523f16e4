"""Key material read at start-up: the vault's master and index keys and the ledger's signing key.

Production must be given every key (as a value or a ``*_FILE``); a malformed key stops start-up in every
mode. Development and tests make their own once per checkout in DATA_DIR, never shared.
See docs/privacy/vault.md and docs/privacy/ledger.md for formats and rotation.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from config.env import EnvError, env_list, env_required, env_str


def vault_keys(
    environ: Mapping[str, str] = os.environ, *, production: bool, data_dir: Path
) -> tuple[str, str]:
    """(master keys "id:base64,…" with the current one first, index key) — checked before they are used."""
    from mizan.privacy.vault import keyring  # pure module, no Django

    if production:
        master = env_required("MIZAN_VAULT_MASTER_KEYS", environ=environ)
        index = env_required("MIZAN_VAULT_INDEX_KEY", environ=environ)
    else:
        master = env_str("MIZAN_VAULT_MASTER_KEYS", environ=environ) or ""
        index = env_str("MIZAN_VAULT_INDEX_KEY", environ=environ) or ""
        if not (master and index):
            dev_master, dev_index = keyring.development_keys(data_dir)
            master, index = master or dev_master, index or dev_index
    try:
        parsed = keyring.parse_master_keys(master)
    except keyring.KeyringError as exc:
        raise EnvError(
            f"MIZAN_VAULT_MASTER_KEYS (or MIZAN_VAULT_MASTER_KEYS_FILE) is not usable: {exc}"
        ) from None
    try:
        keyring.parse_index_key(index, parsed)
    except keyring.KeyringError as exc:
        raise EnvError(
            f"MIZAN_VAULT_INDEX_KEY (or MIZAN_VAULT_INDEX_KEY_FILE) is not usable: {exc}"
        ) from None
    return master, index


def ledger_signing_key(environ: Mapping[str, str] = os.environ, *, production: bool, data_dir: Path) -> str:
    """The Ed25519 key that signs checkpoints (PEM or base64 seed), kept as its base64 seed."""
    from mizan.privacy.ledger import keys  # pure module, no Django

    name = "MIZAN_LEDGER_SIGNING_KEY"
    text = env_required(name, environ=environ) if production else env_str(name, environ=environ)
    if text is None:
        path = data_dir / "ledger_signing_key.pem"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(keys.generate_private_key_pem(), encoding="utf-8")
            path.chmod(0o600)
        text = path.read_text(encoding="utf-8")
    try:
        return keys.private_key_seed(keys.parse_private_key(text))
    except keys.KeyFormatError as exc:
        raise EnvError(f"{name} (or {name}_FILE) is not an Ed25519 private key: {exc}") from None


def ledger_previous_keys(environ: Mapping[str, str] = os.environ) -> list[str]:
    """Public keys of signing keys rotated out, so old checkpoints still verify."""
    from mizan.privacy.ledger import keys

    found = env_list("MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS", [], environ=environ)
    for number, text in enumerate(found, start=1):
        try:
            keys.parse_public_key(text)
        except keys.KeyFormatError as exc:
            raise EnvError(f"MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS: key {number} cannot be read: {exc}") from None
    return found
