"""Job offers (vacancies) with their terms and itemised costs, the compliance checks run on them, and the
warning acknowledgements that publication needs.

Rows change only through ``mizan.vacancies.services``: a vacancy is published only when the compliance
engine finds nothing against the rules of every corridor it recruits for, its warnings were acknowledged,
and the posting organisation (and the employer) may recruit.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from mizan.common.languages import LANGUAGES
from mizan.common.models import BaseModel
from mizan.compliance.engine.terms import CostCategory, Sector

SECTOR_LABELS = {
    Sector.DOMESTIC_WORK: _("Domestic work"),
    Sector.CONSTRUCTION: _("Construction"),
    Sector.MANUFACTURING: _("Manufacturing"),
    Sector.AGRICULTURE: _("Agriculture"),
    Sector.FISHING: _("Fishing"),
    Sector.HOSPITALITY: _("Hotels and restaurants"),
    Sector.CARE: _("Care work"),
    Sector.SERVICES: _("Services"),
    Sector.OTHER: _("Other work"),
}
SECTOR_CHOICES = [(sector.value, SECTOR_LABELS[sector]) for sector in Sector]

# The ILO related-cost categories, exactly the compliance engine's codes (fact INT.ILO-RFD.CAT).
COST_LABELS = {
    CostCategory.RECRUITMENT_FEE: _("Recruitment or placement fee"),
    CostCategory.MEDICAL: _("Medical check"),
    CostCategory.INSURANCE: _("Insurance"),
    CostCategory.SKILLS_TEST: _("Skills test"),
    CostCategory.TRAINING: _("Training and orientation"),
    CostCategory.EQUIPMENT: _("Tools, uniform or equipment"),
    CostCategory.TRAVEL: _("Travel and air ticket"),
    CostCategory.LODGING: _("Lodging before departure"),
    CostCategory.VISA_PERMIT: _("Visa and work permit"),
    CostCategory.DOCUMENTS: _("Passport, certificates and other papers"),
    CostCategory.ADMINISTRATIVE: _("Administrative and processing costs"),
    CostCategory.GOVERNMENT_LEVY: _("Government levy or welfare fund"),
    CostCategory.DEPOSIT_BOND: _("Deposit or bond"),
    CostCategory.ILLEGITIMATE: _("Other payments (bribes, kick-backs)"),
    CostCategory.OTHER: _("Other costs"),
}
COST_CHOICES = [(category.value, COST_LABELS[category]) for category in CostCategory]

LANGUAGE_CHOICES = [(language.code, language.endonym) for language in LANGUAGES]


class Vacancy(BaseModel):
    """A job offer by an employer, posted by the employer itself or by an agency on its behalf."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken off the job board")
        UNPUBLISHED_BY_RECHECK = "unpublished_by_recheck", _("Taken off: against new rules")
        CLOSED = "closed", _("Closed")

    employer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("employer"),
    )
    posted_by = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="vacancies_posted"
    )
    # Who posted it when an API token did (created_by, from BaseModel, is the person otherwise).
    created_by_token = models.ForeignKey(
        "api.ApiToken", on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False
    )
    title = models.CharField(_("job title"), max_length=200)  # the employer's own words
    description = models.TextField(_("description"), max_length=5000, blank=True)
    text_language = models.CharField(_("language of the title and description"), max_length=10)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("type of work"),
    )
    destination = models.CharField(_("country of work"), max_length=2)
    destination_region = models.CharField(_("region of work"), max_length=6, blank=True)  # ISO 3166-2
    sector = models.CharField(_("sector"), max_length=20, choices=SECTOR_CHOICES)
    place_of_work = models.CharField(_("place of work"), max_length=200)
    number_of_workers = models.PositiveIntegerField(_("number of workers"))
    start_date = models.DateField(_("start date"))
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    contract_months = models.PositiveSmallIntegerField(_("contract length in months"))
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    unpublished_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_check = models.ForeignKey(
        "VacancyCheck", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    # Why a re-check took it off the board: [{"rule_id", "message_key", "params", ...}] or registry reasons.
    unpublished_reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "vacancies"
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["draft", "published", "unpublished", "unpublished_by_recheck", "closed"]
                ),
                name="vacancy_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False, last_check__isnull=False),
                name="vacancy_published_is_checked",
            ),
            models.CheckConstraint(condition=Q(number_of_workers__gte=1), name="vacancy_workers_positive"),
            models.CheckConstraint(
                condition=Q(number_of_workers__lte=100000), name="vacancy_workers_plausible"
            ),
            models.CheckConstraint(
                condition=Q(contract_months__gte=1, contract_months__lte=240), name="vacancy_contract_months"
            ),
            models.CheckConstraint(condition=Q(destination__regex=r"^[A-Z]{2}$"), name="vacancy_destination"),
            models.CheckConstraint(
                condition=Q(destination_region="") | Q(destination_region__startswith=F("destination")),
                name="vacancy_region_in_destination",
            ),
            models.CheckConstraint(
                condition=Q(sector__in=[sector.value for sector in Sector]), name="vacancy_sector_known"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "destination", "start_date"]),
            models.Index(fields=["status", "published_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def origin_codes(self) -> list[str]:
        return sorted(origin.country for origin in self.origins.all())


class VacancyOrigin(models.Model):
    """A country the vacancy recruits from: each origin → destination is a corridor checked on its own."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="origins")
    country = models.CharField(max_length=2)

    class Meta:
        ordering = ["country"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "country"], name="vacancy_origin_once"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="vacancy_origin_code"),
        ]
        indexes = [models.Index(fields=["country"])]

    def __str__(self) -> str:
        return self.country


class Terms(models.Model):
    """The conditions of the job. Money is a Decimal in ``pay_currency`` (ISO 4217): allowances too."""

    class Period(models.TextChoices):
        MONTH = "month", _("a month")
        WEEK = "week", _("a week")
        DAY = "day", _("a day")
        HOUR = "hour", _("an hour")

    vacancy = models.OneToOneField(Vacancy, on_delete=models.CASCADE, related_name="terms")
    pay_amount = models.DecimalField(_("basic pay"), max_digits=12, decimal_places=2)
    pay_currency = models.CharField(_("currency"), max_length=3)
    pay_period = models.CharField(_("paid per"), max_length=5, choices=Period.choices)
    housing_allowance = models.DecimalField(
        _("housing allowance a month"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    food_allowance = models.DecimalField(
        _("food allowance a month"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    transport_allowance = models.DecimalField(
        _("transport allowance a month"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    hours_per_day = models.DecimalField(_("working hours a day"), max_digits=4, decimal_places=2)
    hours_per_week = models.DecimalField(_("working hours a week"), max_digits=5, decimal_places=2)
    rest_days_per_week = models.DecimalField(_("days off a week"), max_digits=2, decimal_places=1)
    annual_leave_days = models.PositiveSmallIntegerField(_("paid holidays a year (days)"))
    overtime_rate = models.DecimalField(
        _("overtime pay (times normal pay)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    accommodation_provided = models.BooleanField(_("housing given free"), default=False)
    accommodation_description = models.CharField(_("about the housing"), max_length=500, blank=True)
    food_provided = models.BooleanField(_("food given free"), default=False)
    # [{"language": "ar", "level": "basic"}]: BCP 47 codes, levels basic / good / fluent.
    languages_needed = models.JSONField(_("languages needed"), default=list, blank=True)
    # Derived when saved: basic pay a month in pay_currency, and in US dollars (for the job board's filter).
    pay_per_month = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    pay_per_month_usd = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name_plural = "terms"
        constraints = [
            models.CheckConstraint(condition=Q(pay_amount__gt=0), name="terms_pay_positive"),
            models.CheckConstraint(condition=Q(pay_currency__regex=r"^[A-Z]{3}$"), name="terms_currency"),
            models.CheckConstraint(
                condition=Q(pay_period__in=["month", "week", "day", "hour"]), name="terms_period_known"
            ),
            models.CheckConstraint(
                condition=(
                    (Q(housing_allowance__isnull=True) | Q(housing_allowance__gte=0))
                    & (Q(food_allowance__isnull=True) | Q(food_allowance__gte=0))
                    & (Q(transport_allowance__isnull=True) | Q(transport_allowance__gte=0))
                ),
                name="terms_allowances_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_day__gt=0, hours_per_day__lte=24), name="terms_hours_per_day"
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gt=0, hours_per_week__lte=168), name="terms_hours_per_week"
            ),
            models.CheckConstraint(
                condition=Q(rest_days_per_week__gte=0, rest_days_per_week__lte=7), name="terms_rest_days"
            ),
            models.CheckConstraint(condition=Q(annual_leave_days__lte=366), name="terms_leave_days"),
            models.CheckConstraint(
                condition=Q(overtime_rate__isnull=True) | Q(overtime_rate__gte=1, overtime_rate__lte=10),
                name="terms_overtime_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pay_currency} {self.pay_amount} / {self.pay_period}"


class CostItem(models.Model):
    """One cost of recruiting the worker and who pays it. A shared cost says the worker's part."""

    class PaidBy(models.TextChoices):
        EMPLOYER = "employer", _("The employer pays")
        WORKER = "worker", _("The worker pays")
        SHARED = "shared", _("Shared")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="costs")
    category = models.CharField(_("cost"), max_length=20, choices=COST_CHOICES)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    paid_by = models.CharField(_("who pays"), max_length=8, choices=PaidBy.choices)
    worker_amount = models.DecimalField(
        _("the worker's part"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="cost_amount_positive"),
            models.CheckConstraint(condition=Q(currency__regex=r"^[A-Z]{3}$"), name="cost_currency"),
            models.CheckConstraint(
                condition=Q(category__in=[category.value for category in CostCategory]),
                name="cost_category_known",
            ),
            models.CheckConstraint(
                condition=(
                    Q(paid_by__in=["employer", "worker"], worker_amount__isnull=True)
                    | Q(
                        paid_by="shared",
                        worker_amount__isnull=False,
                        worker_amount__gt=0,
                        worker_amount__lt=F("amount"),
                    )
                ),
                name="cost_shared_has_worker_part",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.currency} {self.amount} ({self.paid_by})"

    @property
    def worker_pays(self) -> Decimal:
        if self.paid_by == self.PaidBy.WORKER:
            return self.amount
        return self.worker_amount or Decimal(0)


class VacancyCheck(models.Model):
    """One run of the compliance engine on a vacancy: for every corridor, on one day. Kept as history."""

    class Trigger(models.TextChoices):
        CHECK = "check", _("Checked by the poster")
        EDIT = "edit", _("Checked after a change")
        PUBLISH = "publish", _("Checked to publish")
        RECHECK = "recheck", _("Checked again under new rules")

    id = models.BigAutoField(primary_key=True)
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField()  # the rules of this day were used
    checked_at = models.DateTimeField(auto_now_add=True)
    trigger = models.CharField(max_length=8, choices=Trigger.choices)
    # [{"id", "version", "title", "jurisdiction"}]: every pack version used, for any corridor.
    packs = models.JSONField(default=list)
    violations = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    infos = models.PositiveIntegerField(default=0)
    no_rules = models.BooleanField(default=False)  # Mizan has no rules for the destination
    # Violations and warnings as the engine gave them (Finding.to_dict() plus "origins").
    findings = models.JSONField(default=list)
    warning_rule_ids = models.JSONField(default=list)  # sorted
    terms_sha256 = models.CharField(max_length=64)  # of the offers checked: tells a stale check

    class Meta:
        ordering = ["-checked_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(trigger__in=["check", "edit", "publish", "recheck"]), name="vacancy_check_trigger"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vacancy_id} {self.checked_on}: {self.violations}/{self.warnings}"

    @property
    def passed(self) -> bool:
        return not self.violations and not self.no_rules


class WarningAcknowledgement(models.Model):
    """Someone read the warnings of a check and said so: tied to the exact set of warning rule ids."""

    id = models.BigAutoField(primary_key=True)
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="acknowledgements")
    check_run = models.ForeignKey(VacancyCheck, on_delete=models.PROTECT, related_name="acknowledgements")
    rule_ids = models.JSONField()  # sorted
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    acknowledged_by_token = models.ForeignKey(
        "api.ApiToken", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-acknowledged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.vacancy_id}: {', '.join(self.rule_ids)}"
