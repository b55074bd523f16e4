"""Reads of the profiles app (re-exported here: ``from mizan.profiles import selectors``).

- ``own``: the worker's own profile (``profile_for_owner``);
- ``matching``: ``matching_records``, the only way matching reads profiles, and ``matching_enabled``;
- ``blind``: ``blind_profile`` / ``blind_profiles`` for shortlists, through the access guard;
- ``eligibility``: legal yes/no age checks of a corridor, never a score;
- ``issuer``: the certificates an issuing organisation was asked to confirm.
"""

from mizan.profiles.facts import OccupationFacts, ProfileFacts
from mizan.profiles.selectors.blind import (
    BlindCertificate,
    BlindOccupation,
    BlindProfile,
    blind_profile,
    blind_profiles,
)
from mizan.profiles.selectors.eligibility import eligibility
from mizan.profiles.selectors.issuer import IssuerRequest, verification_requests_for
from mizan.profiles.selectors.matching import matching_enabled, matching_records
from mizan.profiles.selectors.own import (
    CertificateItem,
    LanguageItem,
    OccupationItem,
    OwnProfile,
    PreferencesItem,
    RequestItem,
    SkillItem,
    profile_for_owner,
)

__all__ = [
    "BlindCertificate",
    "BlindOccupation",
    "BlindProfile",
    "CertificateItem",
    "IssuerRequest",
    "LanguageItem",
    "OccupationFacts",
    "OccupationItem",
    "OwnProfile",
    "PreferencesItem",
    "ProfileFacts",
    "RequestItem",
    "SkillItem",
    "blind_profile",
    "blind_profiles",
    "eligibility",
    "matching_enabled",
    "matching_records",
    "profile_for_owner",
    "verification_requests_for",
]
