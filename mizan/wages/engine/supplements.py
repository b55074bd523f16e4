"""Legal figures the calculator needs that the rule packs do not hold as parameters, each taken word for word
from the fact sheet (shared/reference/legal_facts.md) with its fact id, source and confidence.

Nothing here is guessed: a figure that is not in the fact sheet is not in this table, and the calculator
says "could not check" instead. Known gaps (not in the fact sheet, so not here): the overtime premium in
Qatar, Saudi Arabia, Malaysia, Kuwait, Jordan, Korea and Thailand; pay for work on a rest day or a public
holiday anywhere except Singapore's rest day; public-holiday lists (see ``holidays.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from mizan.wages.engine.sources import Source

GENERAL_SECTORS = frozenset(
    {"construction", "manufacturing", "agriculture", "fishing", "hospitality", "care", "services", "other"}
)
DOMESTIC = frozenset({"domestic_work"})


V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Supplement(Generic[V]):
    destination: str
    sectors: frozenset[str]  # the sectors it applies to
    effective_from: dt.date
    value: V
    source: Source

    def applies(self, destination: str, sector: str | None, on: dt.date) -> bool:
        return (
            destination == self.destination
            and sector is not None
            and sector in self.sectors
            and on >= self.effective_from
        )


@dataclass(frozen=True, slots=True)
class NightOvertime:
    rate: Decimal  # multiple of the hourly pay for overtime worked in the window
    start: dt.time  # local time the window opens
    end: dt.time  # local time it closes (the next day when earlier than start)


# SG.MDW.REST.WEEKLY: "If the worker agrees to work on it, the employer pays at least one day's wage per
# forgone rest day, or gives a replacement rest day in the same month."
REST_DAY_PAY: tuple[Supplement[Decimal], ...] = (
    Supplement(
        destination="SG",
        sectors=DOMESTIC,
        effective_from=dt.date(2013, 1, 1),
        value=Decimal(1),
        source=Source(
            rule_id="SG.MDW.REST.WEEKLY",
            title="Employment of Foreign Manpower (Work Passes) Regulations 2012, Fourth Schedule",
            url="https://www.mom.gov.sg/newsroom/announcements/2012/weekly-rest-day-for-foreign-domestic-workers",
            article="Fourth Schedule ss 12-14",
            confidence="high",
            facts=("SG.MDW.REST.WEEKLY",),
        ),
    ),
)

# AE.LL.HOURS: "Overtime pay is basic + >=25% (+50% for 22:00-04:00)." The 25% is the pack's rule
# AE.LL.HOURS.OVERTIME; the night window is only in that rule's notes, so it is here.
NIGHT_OVERTIME: tuple[Supplement[NightOvertime], ...] = (
    Supplement(
        destination="AE",
        sectors=GENERAL_SECTORS,
        effective_from=dt.date(2022, 2, 2),
        value=NightOvertime(rate=Decimal("1.5"), start=dt.time(22, 0), end=dt.time(4, 0)),
        source=Source(
            rule_id="AE.LL.HOURS.OVERTIME",
            title="MOHRE - workers' rights (Federal Decree-Law No. 33 of 2021)",
            url="https://www.mohre.gov.ae/en/media-center/awareness-and-guidance/workers-rights.aspx",
            confidence="high",
            facts=("AE.LL.HOURS",),
        ),
    ),
)

# HK.FDH.HOURS: "There is no statutory limit on FDH working hours." So overtime is paid by contract only.
NO_HOURS_LAW: tuple[Supplement[str], ...] = (
    Supplement(
        destination="HK",
        sectors=DOMESTIC,
        effective_from=dt.date(2013, 10, 1),
        value="hours",
        source=Source(
            rule_id="HK.FDH.HOURS",
            title="No statutory limit on foreign domestic helpers' working hours (HelperChoice)",
            url="https://www.helperchoice.com/hong-kong/issue-domestic-helper",
            confidence="medium",
            facts=("HK.FDH.HOURS",),
        ),
    ),
)

# HK.FDH.MAW.*: "Each rate applies to contracts signed on or after the date shown."
MINIMUM_BY_SIGNING_DATE: tuple[Supplement[str], ...] = (
    Supplement(
        destination="HK",
        sectors=DOMESTIC,
        effective_from=dt.date(2013, 10, 1),
        value="minimum_wage",
        source=Source(
            rule_id="HK.FDH.MAW",
            title="Minimum Allowable Wage: each rate applies to contracts signed on or after its date",
            url="https://www.mondaq.com/hongkong/employee-benefits-compensation/1691710/hong-kong-increases-minimum-wage-for-foreign-domestic-workers",
            confidence="medium",
            facts=("HK.FDH.MAW.2025", "HK.FDH.MAW-NOAGREE"),
        ),
    ),
)

# INT.C189.A10 (3): "Stand-by time at the household's disposal counts as hours of work to the extent
# national law, collective agreements or practice determine."
STANDBY = Source(
    rule_id="INT.C189.A10",
    title="ILO Domestic Workers Convention, 2011 (No. 189)",
    url="https://debates.parlamento.pt/catalogo/r3/dar/s2a/12/04/106S1/2015-04-02/5",
    article="Art 10(3)",
    confidence="high",
    facts=("INT.C189.A10",),
)


def find(
    table: tuple[Supplement, ...], destination: str, sector: str | None, on: dt.date
) -> Supplement | None:
    for item in table:
        if item.applies(destination, sector, on):
            return item
    return None
