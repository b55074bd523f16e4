"""Matching's records: every ranking served (for audit), the opaque handles recruiters see instead of
workers' ids, and invitations to apply (a person's decision, with the reason they gave).

None of these holds personal data beyond ids: a ranking log lists who asked, for which vacancy or worker,
and which candidates came at which positions with which score, so an auditor can re-check the algorithm
(EU AI Act arts. 12 and 19: logs kept at least six months; see ``retention.py``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.common.models import BaseModel


class Direction(models.TextChoices):
    WORKERS_FOR_VACANCY = "workers_for_vacancy", _("Workers for a job")
    VACANCIES_FOR_WORKER = "vacancies_for_worker", _("Jobs for a worker")


class Channel(models.TextChoices):
    WEB = "web", _("Web page")
    API = "api", _("API")
    SYSTEM = "system", _("Mizan itself")


class RankingLog(models.Model):
    """One ranking served: who asked, with which engine and weights, and the list as it was shown.

    ``results`` is ``[[position, candidate id, score], …]`` best first: candidate ids are worker ids (as
    text) when ranking workers for a vacancy, vacancy ids when ranking vacancies for a worker.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    requested_by_token = models.ForeignKey(
        "api.ApiToken", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="ranking_logs", null=True, blank=True
    )
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.WEB)
    direction = models.CharField(max_length=24, choices=Direction.choices)
    # Plain ids, not foreign keys: the log must outlive what it names, unchanged.
    vacancy_id = models.UUIDField(null=True, blank=True, db_index=True)
    worker_id = models.UUIDField(null=True, blank=True, db_index=True)
    engine_version = models.CharField(max_length=40)
    weights_version = models.CharField(max_length=40)
    k = models.PositiveIntegerField()
    considered = models.PositiveIntegerField(default=0)
    eligible = models.PositiveIntegerField(default=0)
    filtered_out = models.JSONField(default=dict)  # reason code -> count
    empty_reason = models.CharField(max_length=60, blank=True)
    results = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(direction="workers_for_vacancy", vacancy_id__isnull=False, worker_id__isnull=True)
                    | Q(direction="vacancies_for_worker", worker_id__isnull=False, vacancy_id__isnull=True)
                ),
                name="ranking_log_subject_matches_direction",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["web", "api", "system"]), name="ranking_log_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.vacancy_id or self.worker_id} at {self.created_at:%Y-%m-%d %H:%M}"


class CandidateHandle(models.Model):
    """The opaque name of a worker on one vacancy's shortlist: random, so a page or URL never carries the
    worker's id and two vacancies' shortlists cannot be joined to follow a person."""

    id = models.BigAutoField(primary_key=True)
    vacancy = models.ForeignKey("vacancies.Vacancy", on_delete=models.CASCADE, related_name="+")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    handle = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "worker"], name="candidate_handle_once")]

    def __str__(self) -> str:
        return self.handle


class Invitation(BaseModel):
    """A recruiter invites a worker from a blind shortlist to apply for a job, and says why."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Said no")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    vacancy = models.ForeignKey("vacancies.Vacancy", on_delete=models.PROTECT, related_name="invitations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="job_invitations"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="job_invitations"
    )
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    reason = models.CharField(_("why you invite this worker"), max_length=300)
    answered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Where the worker stood when invited: the ranking that was shown, and the place and score in it.
    ranking_log = models.ForeignKey(
        RankingLog, on_delete=models.SET_NULL, related_name="invitations", null=True, blank=True
    )
    position = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "worker"], name="invitation_once_per_vacancy"),
            models.CheckConstraint(
                condition=Q(status__in=["invited", "accepted", "declined", "withdrawn"]),
                name="invitation_status_known",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="invitation_has_reason"),
            models.CheckConstraint(
                condition=Q(status__in=["accepted", "declined"], answered_at__isnull=False)
                | Q(status__in=["invited", "withdrawn"], answered_at__isnull=True),
                name="invitation_answered_when_answered",
            ),
        ]
        indexes = [models.Index(fields=["worker", "status"])]

    def __str__(self) -> str:
        return f"{self.vacancy_id} → {self.worker_id}: {self.status}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.INVITED
