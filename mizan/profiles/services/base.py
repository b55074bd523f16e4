"""What every profile write shares: who may write, the profile row, and telling the matching index."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.common.errors import NotFound, PermissionDenied
from mizan.profiles.models import Profile, ProfileOccupation
from mizan.profiles.signals import profile_changed
from mizan.profiles.validation import UnknownOccupation
from mizan.taxonomy import selectors as taxonomy
from mizan.taxonomy.models import Occupation


def require_self(actor: User | None, worker: User) -> None:
    """Only the worker themself, signed in, changes their job profile."""
    if (
        actor is None
        or not actor.is_authenticated
        or not actor.is_active
        or not actor.is_worker
        or actor.pk != worker.pk
    ):
        raise PermissionDenied(_("Only the worker can see and change their own job profile."))


def occupation_by_code(code: str) -> Occupation:
    """The ESCO occupation with this code, or UnknownOccupation (400 ``unknown_occupation``; pages
    answer 404) with a message for the worker."""
    text = str(code or "").strip()[:30]
    try:
        return taxonomy.occupation_by_code(text)
    except NotFound as exc:
        raise UnknownOccupation(
            _("We do not know this kind of work. Please choose it from the list or search for it."),
            field="code",
        ) from exc


def locked_profile(worker: User, actor: User) -> Profile:
    """The worker's profile, locked for this change (made on first use)."""
    profile, _created = Profile.objects.select_for_update().get_or_create(
        worker=worker, defaults={"created_by": actor}
    )
    return profile


def touch(profile: Profile) -> None:
    """Record that the profile changed; tell listeners once the change is committed (once per change)."""
    profile.changed_at = timezone.now()
    profile.save(update_fields=["changed_at", "modified_at"])
    worker_id = profile.worker_id
    transaction.on_commit(lambda: profile_changed.send(sender=Profile, worker_id=worker_id))


def profile_occupation_of(profile: Profile, occupation: Occupation) -> ProfileOccupation:
    found = ProfileOccupation.objects.filter(profile=profile, occupation=occupation).first()
    if found is None:
        raise NotFound(_("This kind of work is not in your profile."), code="occupation_not_in_profile")
    return found
