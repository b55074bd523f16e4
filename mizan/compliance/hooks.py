"""What other apps want done when a rule-pack version is published.

Higher apps (vacancies re-check published jobs) register a callback from their AppConfig.ready(); the
compliance app calls them after the publishing transaction commits, so a failing callback never undoes
a publication.
"""

from __future__ import annotations

from collections.abc import Callable

# (pack_id, version) -> None
PublishedCallback = Callable[[str, str], None]

_ON_PUBLISHED: dict[str, PublishedCallback] = {}


def register_on_published(name: str, callback: PublishedCallback) -> None:
    if name in _ON_PUBLISHED:
        raise ValueError(f"rule-pack publication callback {name!r} is registered twice")
    _ON_PUBLISHED[name] = callback


def unregister_on_published(name: str) -> None:
    _ON_PUBLISHED.pop(name, None)


def published(pack_id: str, version: str) -> None:
    for callback in list(_ON_PUBLISHED.values()):
        callback(pack_id, version)
