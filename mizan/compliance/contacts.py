"""Whom to contact, per country: only bodies the legal fact sheet names (shared/reference/legal_facts.md),
each with the source where the fact sheet found it. Where it names none, the page gives general advice.

Names are proper names and stay as the body writes them; what each one does is translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Contact:
    country: str
    name: str  # as the body names itself (not translated)
    does: Promise  # what it does for a worker, in plain words
    url: str  # the source the fact sheet cites
    fact: str  # the fact-sheet id that names it


LABOUR_OFFICE = _("The government office for workers' rights in this country.")
AGENCY_LICENCES = _("It licenses recruitment agencies and can act against agencies that break the rules.")
MIGRANT_OFFICE = _("Your country's office for workers going abroad. It controls recruitment agencies.")
WORKER_GROUP = _("A group that helps migrant workers for free.")

CONTACTS: tuple[Contact, ...] = (
    Contact(
        "HK",
        "Labour Department, Hong Kong",
        AGENCY_LICENCES,
        "https://www.hyab.gov.hk/CEDAW/4th_report/en/annex11g.html",
        "HK.EA.COMMISSION",
    ),
    Contact(
        "HK",
        "HELP for Domestic Workers",
        WORKER_GROUP,
        "https://helpfordomesticworkers.org/en/get-help/understanding-your-rights/employment-agency-issues/",
        "HK.FDH.COSTS-EMPLOYER",
    ),
    Contact(
        "HK",
        "Enrich HK",
        WORKER_GROUP,
        "https://enrichhk.org/index.php/how-much-minimum-wage-and-food-allowance-migrant-domestic-workers",
        "HK.FDH.FOOD",
    ),
    Contact(
        "SG",
        "Ministry of Manpower (MOM)",
        LABOUR_OFFICE,
        "https://www.mom.gov.sg/faq/work-pass-general/can-an-employer-keep-a-workers-passport",
        "SG.PASSPORT",
    ),
    Contact(
        "SA",
        "Ministry of Human Resources and Social Development (HRSD)",
        LABOUR_OFFICE,
        "https://laboreducation.hrsd.gov.sa/en/labor-education/312",
        "SA.HOURS.LABOUR-LAW",
    ),
    Contact(
        "AE",
        "MOHRE",
        LABOUR_OFFICE,
        "https://www.mohre.gov.ae/en/media-center/awareness-and-guidance/workers-rights.aspx",
        "AE.LL.HOURS",
    ),
    Contact(
        "AE",
        "UAE National Human Rights Institution",
        _("A national office that protects the rights of workers, domestic workers too."),
        "https://pchr.gov.ae/en/priority-details/rights-of-employees-and-workers",
        "AE.DW.PREDEPART",
    ),
    Contact(
        "JO",
        "Tamkeen",
        WORKER_GROUP,
        "http://tamkeen-jo.org/labor-advisor/",
        "JO.PASSPORT",
    ),
    Contact(
        "PH",
        "Department of Migrant Workers (DMW)",
        MIGRANT_OFFICE,
        "http://poea.gov.ph/hsw/q&a_hsw.html",
        "PH.HSW.NOFEE",
    ),
    Contact(
        "ID",
        "BP2MI",
        MIGRANT_OFFICE,
        "https://www.channelnewsasia.com/asia/indonesia-migrant-workers-maid-placement-fee-employers-391461",
        "ID.BP2MI.REG9-2020",
    ),
    Contact(
        "LK",
        "SLBFE",
        MIGRANT_OFFICE,
        "http://www.slbfe.lk/page.php?LID=1&MID=118",
        "KR.EPS.META",
    ),
    Contact(
        "IN",
        "eMigrate (Ministry of External Affairs)",
        _("India's system for workers going abroad: registered recruiting agents are listed there."),
        "https://www.hindustantimes.com/cities/chandigarh-news/ministry-of-external-affairs-advisory-for-"
        "those-seeking-to-migrate-to-ecr-countries-101665175332857.html",
        "IN.ECR.LIST",
    ),
)


def contacts_for(*countries: str | None) -> list[Contact]:
    """Contacts for the given countries (destination first, then origin), without repeats."""
    found: list[Contact] = []
    for country in dict.fromkeys(code for code in countries if code):
        found.extend(contact for contact in CONTACTS if contact.country == country)
    return found
