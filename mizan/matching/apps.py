from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "mizan.matching"
    label = "matching"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from mizan.matching import permissions, privacy  # noqa: F401  (registers the permission actions)
        from mizan.matching.adapter import on_consent_saved, on_profile_changed
        from mizan.matching.services import LEDGER_KIND
        from mizan.privacy.consent.models import Consent
        from mizan.privacy.ledger import KINDS, register_kind
        from mizan.profiles.signals import profile_changed

        if LEDGER_KIND not in KINDS:
            register_kind(
                LEDGER_KIND,
                "A recruiter invited a worker from a blind shortlist to apply for a job (vacancy, "
                "organisation and person ids, the ranking log and position, a hash of the reason given).",
            )
        privacy.register()
        # Keep the matching index fresh: re-read a worker when their profile or job-matching consent changes.
        profile_changed.connect(on_profile_changed, dispatch_uid="matching.profile_changed")
        post_save.connect(on_consent_saved, sender=Consent, dispatch_uid="matching.consent_saved")
