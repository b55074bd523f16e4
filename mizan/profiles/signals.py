"""``profile_changed``: sent once a change to a worker's profile is committed.

Receivers get ``worker_id`` (a UUID) and nothing else; they read what they need through
``mizan.profiles.selectors.matching_records(worker_ids=[worker_id])``, which also answers whether the
worker still allows job matching. Connect from your AppConfig.ready()::

    from mizan.profiles.signals import profile_changed
    profile_changed.connect(on_profile_changed, dispatch_uid="matching.profile_changed")

    def on_profile_changed(sender, *, worker_id, **kwargs): ...
"""

from __future__ import annotations

from django.dispatch import Signal

profile_changed = Signal()  # kwargs: worker_id (UUID)
