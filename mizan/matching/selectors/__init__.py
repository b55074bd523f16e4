"""Reads of the matching app (``from mizan.matching import selectors``).

- ``shortlist``: a vacancy's blind, ranked candidates, for its recruiters;
- ``jobs``: "Jobs for you", for a worker;
- ``invitations``: invitations to apply, the worker's own and a vacancy's;
- ``audit``: the ranking logs, for auditors and authorities.
"""

from mizan.matching.selectors.audit import ranking_logs_for
from mizan.matching.selectors.invitations import (
    InvitationItem,
    SentInvitation,
    invitation_of_vacancy,
    invitation_of_worker,
    invitations_for,
    invitations_of_vacancy,
)
from mizan.matching.selectors.jobs import Job, JobsForYou, jobs_for
from mizan.matching.selectors.shortlist import Candidate, Shortlist, shortlist

__all__ = [
    "Candidate",
    "InvitationItem",
    "Job",
    "JobsForYou",
    "SentInvitation",
    "Shortlist",
    "invitation_of_vacancy",
    "invitation_of_worker",
    "invitations_for",
    "invitations_of_vacancy",
    "jobs_for",
    "ranking_logs_for",
    "shortlist",
]
