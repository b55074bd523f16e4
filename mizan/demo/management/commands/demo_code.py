from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.demo.services import demo_totp_code


class Command(BaseCommand):
    help = "Print the current two-step sign-in code of a demo staff account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        code = demo_totp_code(options["email"])
        if code is None:
            raise CommandError("Not a demo account. Codes are only printed for demo data.")
        self.stdout.write(code)
