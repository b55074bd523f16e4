"""Demo data for the rule-pack pages: a second person at the Nepal demo authority, so the four-eyes flow can
be tried (the demo officer has proposed a version; the demo administrator reviews it), and today's review
alerts. Synthetic and idempotent like the rest of the demo."""

from __future__ import annotations

import datetime as dt

from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts import services as account_services
from mizan.accounts.models import Organisation, User
from mizan.compliance import services as compliance_services
from mizan.compliance.models import RulePackVersion
from mizan.compliance.packs import baseline_text
from mizan.demo import data

REVIEWER = data.DemoStaff("authority.admin", "Sunita (demo authority administrator)", "ministry_np", "admin")
PROPOSAL_SOURCE = "demo: NP review"
PROPOSAL_NOTE = (
    "(demo, synthetic) The Free Visa, Free Ticket notice was checked again: the rules stay as they are, "
    "with a new review date."
)


def _proposal_text() -> str | None:
    text = baseline_text("NP", "2015.07")
    if text is None:
        return None
    return (
        text.replace('version: "2015.07"', 'version: "2027.01"')
        .replace("effective_from: 2015-07-17", 'effective_from: 2027-01-01\nsupersedes: "2015.07"')
        .replace("review_by: 2027-06-30", "review_by: 2028-06-30")
    )


def demo_compliance_load(*, organisations: dict[str, Organisation], staff: list[tuple[str, str, str]]) -> int:
    """Adds the reviewer, the officer's proposal and the review alerts; returns how many records it added."""
    created = 0
    authority = organisations[REVIEWER.organisation]
    email = f"{REVIEWER.email_local}@{data.EMAIL_DOMAIN}"
    reviewer = User.objects.filter(email=email).first()
    if reviewer is None:
        reviewer = User.objects.create_user(
            email=email, password=data.DEMO_PASSWORD, kind=User.Kind.STAFF, display_name=REVIEWER.name
        )
        created += 1
    TOTPDevice.objects.get_or_create(
        user=reviewer, name="demo", defaults={"key": data.DEMO_TOTP_KEY_HEX, "confirmed": True}
    )
    account_services.membership_add(actor=None, organisation=authority, user=reviewer, role=REVIEWER.role)
    staff.append((email, authority.name, REVIEWER.role))

    officer = User.objects.filter(email=f"officer@{data.EMAIL_DOMAIN}").first()
    text = _proposal_text()
    if officer and text and not RulePackVersion.objects.filter(source_name=PROPOSAL_SOURCE).exists():
        compliance_services.proposal_create(
            actor=officer, yaml_text=text, source_name=PROPOSAL_SOURCE, note=PROPOSAL_NOTE, pack_id="NP"
        )
        created += 1
    created += len(compliance_services.review_alerts_create(on=dt.date.today()))
    return created
