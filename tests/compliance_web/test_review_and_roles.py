"""Review alerts for packs past review_by (once per version, emailed to the authority's admins, shown on the
rules page), and who may open each authority page: officers and admins of an authority, platform admins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from mizan.accounts.models import Membership, Organisation, User
from mizan.common.errors import PermissionDenied
from mizan.compliance import services
from mizan.compliance.models import ReviewAlert
from tests.compliance_web.conftest import authority_member
from tests.factories import OrganisationFactory
from tests.personas import Personas
from tests.roles import assert_role_matrix, everyone

pytestmark = pytest.mark.django_db

# The HK domestic-work pack in force since 2025-09-30 was due for review on 2026-09-30.
AFTER_HK_REVIEW = dt.date(2026, 11, 22)


def test_an_alert_is_made_once_per_pack_version_and_emailed_to_the_authoritys_admins(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hong_kong = OrganisationFactory(kind=Organisation.Kind.AUTHORITY, country="HK")
    admin = authority_member(hong_kong, Membership.Role.ADMIN, email="hk.admin@example.org")
    authority_member(hong_kong, Membership.Role.OFFICER, email="hk.officer@example.org")
    call_command("rulepacks_review", "--on", AFTER_HK_REVIEW.isoformat())
    first = capsys.readouterr().out
    assert "HK HK-domestic_work 2025.09: review was due 2026-09-30" in first
    alert = ReviewAlert.objects.get(pack_id="HK-domestic_work")
    assert (alert.version, alert.jurisdiction, alert.review_by) == ("2025.09", "HK", dt.date(2026, 9, 30))
    hk_mail = [message for message in mail.outbox if "HK-domestic_work" in message.subject]
    assert [message.to for message in hk_mail] == [[admin.email]]  # admins only
    count = ReviewAlert.objects.count()
    mail.outbox.clear()
    call_command("rulepacks_review", "--on", AFTER_HK_REVIEW.isoformat())
    assert "0 new review alert(s)." in capsys.readouterr().out
    assert ReviewAlert.objects.count() == count
    assert mail.outbox == []


def test_no_alert_before_the_review_date() -> None:
    early = services.review_alerts_create(on=dt.date(2026, 9, 30))  # the last day is still in time
    assert "HK-domestic_work" not in {alert.pack_id for alert in early}
    assert "HK-domestic_work" in {
        alert.pack_id for alert in services.review_alerts_create(on=dt.date(2026, 10, 1))
    }


def test_alerts_show_on_the_authoritys_rules_page_and_end_with_a_new_version(
    officer: User, second_officer: User, client_as: Callable[..., Any], make_np_version: Callable[..., str]
) -> None:
    # Nepal's pack must be reviewed by 2027-06-30; a check of 2027-07-01 finds it overdue.
    created = services.review_alerts_create(on=dt.date(2027, 7, 1))
    assert "NP" in {alert.pack_id for alert in created}
    page = client_as(officer).get(reverse("rules:index")).content.decode()
    assert "Due for review" in page
    assert "NP (version 2015.07)" in page
    assert "HK-domestic_work" not in page  # another country's alert
    proposal = services.proposal_create(
        actor=officer,
        yaml_text=make_np_version(version="2027.01", effective_from="2027-01-01", cap="10000"),
        source_name="NP.yaml",
    )
    services.proposal_approve(actor=second_officer, proposal=proposal)
    assert ReviewAlert.objects.get(pack_id="NP").resolved_at is not None
    assert "Due for review" not in client_as(officer).get(reverse("rules:index")).content.decode()


def _proposal(personas: Personas) -> str:
    from tests.compliance_web.conftest import np_version

    proposal = services.proposal_create(
        actor=personas.officer,
        yaml_text=np_version(version="2027.01", effective_from="2027-01-01", cap="20000"),
        source_name="NP.yaml",
    )
    return str(proposal.id)


AUTHORITY_ONLY = everyone(403, anonymous=302, officer=200, platform_admin=200)


@pytest.mark.parametrize(
    "url",
    [
        reverse("rules:index"),
        reverse("rules:propose"),
        reverse("rules:propose") + "?pack=NP",
        reverse("rules:pack", kwargs={"pack_id": "NP"}),
        reverse("rules:version", kwargs={"pack_id": "NP", "version": "2015.07"}),
    ],
)
def test_role_matrix_of_the_authority_pages(personas: Personas, url: str) -> None:
    assert_role_matrix(personas, url, AUTHORITY_ONLY)


def test_role_matrix_of_another_countrys_pack(personas: Personas) -> None:
    expected = everyone(403, anonymous=302, platform_admin=200)
    assert_role_matrix(personas, reverse("rules:pack", kwargs={"pack_id": "QA"}), expected)
    assert_role_matrix(personas, reverse("rules:propose_wage", kwargs={"pack_id": "QA"}), expected)
    assert_role_matrix(
        personas,
        reverse("rules:propose_wage", kwargs={"pack_id": "NP"}),
        everyone(
            403,
            anonymous=302,
            officer=404,
            platform_admin=404,  # Nepal's pack has no minimum wage
        ),
    )


def test_role_matrix_of_a_proposal_and_its_decisions(personas: Personas) -> None:
    proposal_id = _proposal(personas)
    url = reverse("rules:proposal", kwargs={"proposal_id": proposal_id})
    assert_role_matrix(personas, url, AUTHORITY_ONLY)
    reject = reverse("rules:reject", kwargs={"proposal_id": _proposal(personas)})
    assert_role_matrix(
        personas,
        reject,
        everyone(403, anonymous=302, platform_admin=302),
        method="post",
        data={"reason": "x"},
    )
    withdraw = reverse("rules:withdraw", kwargs={"proposal_id": _proposal(personas)})
    assert_role_matrix(
        personas, withdraw, everyone(403, anonymous=302, officer=302, platform_admin=400), method="post"
    )  # the officer (the proposer) withdraws it first; the admin then finds it already decided
    # Approving: the proposer is refused (four eyes), the platform admin (someone else) publishes.
    approve = reverse("rules:approve", kwargs={"proposal_id": _proposal(personas)})
    assert_role_matrix(personas, approve, everyone(403, anonymous=302, platform_admin=302), method="post")


def test_an_inspector_of_the_same_authority_may_not_keep_rules(
    inspector: User, client_as: Callable[..., Any]
):
    assert client_as(inspector).get(reverse("rules:index")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.proposal_create(actor=inspector, yaml_text="id: NP\n", source_name="x")
