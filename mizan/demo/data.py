"""Synthetic demo data. Every name here is invented; every organisation is flagged is_demo and named
"(demo)". Phone numbers come from ranges that are not given to real subscribers where such ranges exist,
and emails use the reserved .invalid top-level domain (RFC 2606), so nothing here can reach a real person.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "mizan-demo-only-password"  # noqa: S105 - synthetic accounts, printed by `mizan demo`
# Published so anyone trying the demo can add it to an authenticator app; never used outside demo data.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
EMAIL_DOMAIN = "demo.mizan.invalid"


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name: str
    kind: str
    country: str
    corridor: str  # the migration corridor the organisation works in, e.g. "NP→QA construction"


@dataclass(frozen=True)
class DemoStaff:
    email_local: str
    name: str
    organisation: str
    role: str


@dataclass(frozen=True)
class DemoWorker:
    phone: str
    language: str
    corridor: str


ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation("himalaya", "Himalaya Fair Recruitment (demo)", "agency", "NP", "NP→QA construction"),
    DemoOrganisation("luzon", "Luzon Care Placement (demo)", "agency", "PH", "PH→HK domestic work"),
    DemoOrganisation("padma", "Padma Overseas Services (demo)", "agency", "BD", "BD→SA construction"),
    DemoOrganisation("nusantara", "Nusantara Karya Mandiri (demo)", "agency", "ID", "ID→MY manufacturing"),
    DemoOrganisation("lanka", "Lanka Gulf Careers (demo)", "agency", "LK", "LK→AE domestic work"),
    # Sanctioned in the demo registry: shows that a suspended agency cannot publish jobs.
    DemoOrganisation("delta", "Delta Manpower Bureau (demo)", "agency", "BD", "BD→SA construction"),
    DemoOrganisation("doha", "Doha Build Contracting (demo)", "employer", "QA", "NP→QA construction"),
    DemoOrganisation("kowloon", "Kowloon Family Household (demo)", "employer", "HK", "PH→HK domestic work"),
    DemoOrganisation(
        "riyadh", "Riyadh Infrastructure Company (demo)", "employer", "SA", "BD→SA construction"
    ),
    DemoOrganisation("selangor", "Selangor Components (demo)", "employer", "MY", "ID→MY manufacturing"),
    DemoOrganisation("dubai", "Dubai Home Services (demo)", "employer", "AE", "LK→AE domestic work"),
    DemoOrganisation(
        "ministry_np", "Labour authority, Nepal (demo)", "authority", "NP", "NP→QA construction"
    ),
    DemoOrganisation(
        "ministry_qa", "Labour inspection, Qatar (demo)", "authority", "QA", "NP→QA construction"
    ),
    DemoOrganisation(
        "legal_aid_hk", "Migrant legal aid, Hong Kong (demo)", "ngo", "HK", "PH→HK domestic work"
    ),
    DemoOrganisation("auditor", "Fair Recruitment Audits (demo)", "auditor", "GB", "all corridors"),
)

STAFF: tuple[DemoStaff, ...] = (
    DemoStaff("agency", "Asha (demo recruiter)", "himalaya", "admin"),
    DemoStaff("agency.ph", "Maria (demo recruiter)", "luzon", "recruiter"),
    DemoStaff("agency.bd", "Rahim (demo recruiter, suspended agency)", "delta", "admin"),
    DemoStaff("employer", "Khalid (demo hiring manager)", "doha", "hiring_manager"),
    DemoStaff("inspector", "Noor (demo inspector)", "ministry_qa", "inspector"),
    DemoStaff("officer", "Bikash (demo licensing officer)", "ministry_np", "officer"),
    DemoStaff("caseworker", "Grace (demo caseworker)", "legal_aid_hk", "caseworker"),
    DemoStaff("auditor", "Sam (demo auditor)", "auditor", "auditor"),
)

WORKERS: tuple[DemoWorker, ...] = (
    DemoWorker("+9779800000001", "ne", "NP→QA construction"),
    DemoWorker("+639170000001", "fil", "PH→HK domestic work"),
    DemoWorker("+8801700000001", "bn", "BD→SA construction"),
    DemoWorker("+6281200000001", "id", "ID→MY manufacturing"),
    DemoWorker("+94770000001", "si", "LK→AE domestic work"),
    DemoWorker("+959790000001", "my", "MM→TH manufacturing"),
)
