"""The ``mizan`` command: django-admin with Mizan's settings (``mizan migrate``, ``mizan demo`` …)."""

from __future__ import annotations

import os
import sys

ALIASES = {"check-offer": "check_offer"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = list(argv if argv is not None else sys.argv[1:])
    if args and args[0] in ALIASES:  # Django command names cannot hold a hyphen
        args[0] = ALIASES[args[0]]
    execute_from_command_line(["mizan", *args])


if __name__ == "__main__":
    main()
