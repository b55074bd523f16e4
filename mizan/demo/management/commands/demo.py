from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.demo import data
from mizan.demo.services import demo_load


class Command(BaseCommand):
    help = "Load synthetic demo data (idempotent) and print the demo sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-sign-ins", action="store_true", help="Do not print the sign-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo data is synthetic and must never be loaded into a production instance.")
        result = demo_load()
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (SYNTHETIC; {result.created} records added)."))
        if options["quiet_sign_ins"]:
            return
        self.stdout.write("\nWorkers sign in at /accounts/sign-in/ with a phone number; the code is printed")
        self.stdout.write("in the server log (development message gateway):")
        for phone, corridor in result.workers:
            self.stdout.write(f"  {phone:<16} {corridor}")
        self.stdout.write("The first has synthetic personal details, consents, and one allowed and one")
        self.stdout.write("refused look at their data: see /privacy/who-saw-my-data/ and /my-data/.")
        self.stdout.write(
            f"\nOrganisation staff sign in at /accounts/staff/sign-in/ with password {data.DEMO_PASSWORD!r};"
        )
        self.stdout.write("for the second step run `.venv/bin/mizan demo_code EMAIL` (or add the demo key")
        self.stdout.write(f"{data.DEMO_TOTP_KEY_HEX} (hex) to an authenticator app):")
        for email, organisation, role in result.staff:
            self.stdout.write(f"  {email:<32} {role:<15} {organisation}")
