"""Typed readers for environment values.

Every setting that comes from the environment goes through one of these, so a bad value stops the
process at start-up with a message that names the variable, instead of surfacing later as odd behaviour.
A ``NAME_FILE`` variable, when set, is read instead of ``NAME`` (for secrets mounted as files).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


class EnvError(ValueError):
    """An environment variable holds a value the settings cannot use."""


def _raw(name: str, environ: Mapping[str, str]) -> str | None:
    file_path = environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise EnvError(f"{name}_FILE points to {file_path!r}, which cannot be read: {exc}") from exc
    value = environ.get(name)
    return None if value is None or value == "" else value


def env_str(name: str, default: str | None = None, *, environ: Mapping[str, str] = os.environ) -> str | None:
    value = _raw(name, environ)
    return default if value is None else value


def env_required(name: str, *, environ: Mapping[str, str] = os.environ) -> str:
    value = _raw(name, environ)
    if value is None:
        raise EnvError(f"{name} (or {name}_FILE) must be set")
    return value


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] = os.environ) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise EnvError(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {value!r}")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] = os.environ,
) -> int:
    value = _raw(name, environ)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise EnvError(f"{name} must be a whole number, not {value!r}") from exc
    if minimum is not None and number < minimum:
        raise EnvError(f"{name} must be at least {minimum}, not {number}")
    if maximum is not None and number > maximum:
        raise EnvError(f"{name} must be at most {maximum}, not {number}")
    return number


def env_choice(
    name: str, choices: tuple[str, ...], default: str, *, environ: Mapping[str, str] = os.environ
) -> str:
    value = _raw(name, environ)
    if value is None:
        return default
    if value not in choices:
        raise EnvError(f"{name} must be one of {list(choices)}, not {value!r}")
    return value


def env_list(name: str, default: list[str], *, environ: Mapping[str, str] = os.environ) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
