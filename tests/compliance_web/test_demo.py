"""The demo gives the Nepal demo authority a proposal to review and a second person to approve it."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from mizan.accounts.models import User
from mizan.compliance import services
from mizan.compliance.models import RulePackVersion

pytestmark = pytest.mark.django_db


def test_the_demo_authority_has_a_proposal_a_colleague_can_approve() -> None:
    call_command("demo", "--quiet-sign-ins")
    call_command("demo", "--quiet-sign-ins")  # idempotent
    proposal = RulePackVersion.objects.get(status="proposed")
    assert (proposal.pack_id, proposal.version) == ("NP", "2027.01")
    assert "demo" in proposal.note
    reviewer = User.objects.get(email="authority.admin@demo.mizan.invalid")
    published = services.proposal_approve(actor=reviewer, proposal=proposal)
    assert published.status == "published"
