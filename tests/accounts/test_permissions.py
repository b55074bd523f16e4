from __future__ import annotations

import pytest

from mizan.accounts import permissions
from mizan.common.errors import PermissionDenied

pytestmark = pytest.mark.django_db


def test_an_organisation_admin_may_manage_only_their_own_organisation(agency_admin, employer):
    own = agency_admin.memberships.get().organisation
    other = employer.memberships.get().organisation
    assert permissions.can(agency_admin, "organisation.manage", own)
    assert not permissions.can(agency_admin, "organisation.manage", other)
    with pytest.raises(PermissionDenied):
        permissions.require(agency_admin, "organisation.manage", other)


def test_workers_and_outsiders_act_for_no_organisation(worker, outsider):
    for person in (worker, outsider):
        assert not permissions.can(person, "organisation.view")
        assert not permissions.organisations_for(person, "organisation.view").exists()


def test_an_unknown_permission_is_a_programming_error(worker):
    with pytest.raises(KeyError):
        permissions.can(worker, "no.such.action")


def test_registering_a_permission_twice_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        permissions.register("organisation.manage", {})


def test_inactive_membership_grants_nothing(agency_admin):
    membership = agency_admin.memberships.get()
    membership.is_active = False
    membership.save()
    assert not permissions.can(agency_admin, "organisation.manage", membership.organisation)
