"""Who is asking for a vacancy's candidates: the person, the organisation they act for, and the API token
if a machine asks.

A shortlist is for the people of the posting agency or of the employer who recruit (``matching.shortlist``).
An organisation's API token acts for its organisation and reads as the person who made it: the access
guard records that person and the organisation on the worker's "Who saw my data", so a token can never
see more than its maker may, and nothing a token reads is unattributed.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, User
from mizan.accounts.permissions import can, organisations_for
from mizan.api.models import ApiToken
from mizan.common.errors import NotFound, PermissionDenied
from mizan.matching.permissions import SHORTLIST
from mizan.vacancies.models import Vacancy
from mizan.vacancies.selectors import vacancy_for_manager

Actor = User | ApiToken
NO_VACANCY = _("There is no such job offer, or it is not yours.")
TOKEN_MAKER = _(
    "This API token cannot see candidates: the person who made it no longer recruits for the organisation."
)


@dataclass(frozen=True)
class Hirer:
    person: User
    organisation: Organisation
    token: ApiToken | None = None


def _acting_for(user: User, vacancy: Vacancy) -> Organisation | None:
    for organisation in (vacancy.posted_by, vacancy.employer):
        if can(user, SHORTLIST, organisation):
            return organisation
    return None


def hirer_for(*, actor: Actor | None, vacancy: Vacancy | UUID) -> tuple[Hirer, Vacancy]:
    """The vacancy, if the actor may see its candidates, and on whose behalf. Not theirs: NotFound (a
    vacancy of someone else is not confirmed to exist); theirs but no role for it: PermissionDenied."""
    if actor is None or (isinstance(actor, User) and not (actor.is_authenticated and actor.is_active)):
        raise PermissionDenied(_("Sign in to see candidates."))
    if isinstance(actor, User) and (
        actor.is_worker or not (actor.is_superuser or organisations_for(actor, SHORTLIST).exists())
    ):
        raise PermissionDenied(_("Only recruiters and employers can see candidates."))
    vacancy = vacancy_for_manager(
        actor=actor, vacancy_id=vacancy.pk if isinstance(vacancy, Vacancy) else vacancy
    )
    if isinstance(actor, ApiToken):
        maker = actor.created_by
        if maker is None or not maker.is_active or not can(maker, SHORTLIST, actor.organisation):
            raise PermissionDenied(TOKEN_MAKER, code="token_maker_not_allowed")
        return Hirer(maker, actor.organisation, actor), vacancy
    organisation = _acting_for(actor, vacancy)
    if organisation is None:
        raise NotFound(NO_VACANCY)
    return Hirer(actor, organisation), vacancy
