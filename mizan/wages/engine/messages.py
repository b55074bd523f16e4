"""Message keys → English templates with named placeholders, in plain words a worker understands.

As in ``mizan/compliance/engine/messages.py``: every template and label is wrapped in ``gettext_noop`` (a
no-op here, so this module stays pure) so that ``makemessages`` extracts it; the Django side translates
with ``render(key, params, translate=gettext)``. Parameters are strings; money reads "HKD 4800.00";
parameters named in ``LABELS`` hold codes (comma-separated lists allowed) that ``render`` turns into words.
Keys: ``wages.line.*`` (statement lines), ``wages.deduction.*``, ``wages.problem.<code>`` (entries and
input), ``wages.unknown.<code>`` (what could not be checked: a short phrase after "Could not check:").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation


def gettext_noop(message: str) -> str:
    """Marks a string for translation without translating it (xgettext knows this name)."""
    return message


_ = gettext_noop

MESSAGES: dict[str, str] = {
    # The headline
    "wages.headline.shortfall": _("You were paid {amount} less than is due."),
    "wages.headline.paid": _("You were paid what is due, as far as Mizan can check."),
    "wages.headline.overpaid": _("You were paid {amount} more than Mizan counts as due."),
    "wages.headline.deductions_owed": _("{amount} was kept back from your pay that should not have been."),
    "wages.headline.rest_owed": _("You missed {days} rest days the law gives you."),
    "wages.headline.could_not_check": _("Some things could not be checked: see the list below."),
    "wages.headline.out_of_date": _("These rules may be out of date: check with a helper."),
    "wages.could_not_check": _("Could not check: {what}."),
    # Problems with the entries and the input
    "wages.problem.no_offset": _("Some times had no time zone. They were read as workplace time ({zone})."),
    "wages.problem.timezone_differs": _(
        "Your phone showed some times in another time zone ({entry_offset}), but the workplace time is "
        "{workplace_offset} ({zone}). We changed them to workplace time. Check that the hours look right."
    ),
    "wages.problem.bad_range": _(
        "Some entries end before they start. They were not counted. Please correct them."
    ),
    "wages.problem.future": _("Some entries are in the future. They were not counted."),
    "wages.problem.future_part": _("Some entries go on after now. Only the time until now was counted."),
    "wages.problem.outside_period": _("Some entries are outside these dates. They were not counted here."),
    "wages.problem.partly_outside": _(
        "Some entries start or end outside these dates. Only the part inside the dates was counted."
    ),
    "wages.problem.overlap": _(
        "Two entries overlap by {minutes} minutes. For that time the later one ({kept}) was counted, not the "
        "earlier one ({dropped}). Check which one is right."
    ),
    "wages.problem.clock_change": _(
        "On {date} the clocks changed in {zone}, so that day had {hours} hours. Hours are counted as "
        "the time really worked."
    ),
    "wages.problem.no_rate": _(
        "An amount of {amount} could not be changed into {currency}, so it was not counted. "
        "Enter it in {currency}."
    ),
    "wages.problem.period_in_future": _("These dates have not started yet. Nothing was counted."),
    "wages.problem.period_not_over": _("These dates are not over yet. Pay is counted up to {until}."),
    "wages.problem.law_changed": _(
        "The law changed during these dates, on {date}. This statement uses the law of the first day. "
        "Make a separate statement for the days from {date}."
    ),
    # Statement lines: basic pay and the minimum wage
    "wages.line.basic.period": _("Basic pay in your contract: {pay} {per}, for {days} days."),
    "wages.line.basic.days": _("Basic pay in your contract: {pay} a day, for {days} days worked."),
    "wages.line.basic.hours": _("Basic pay in your contract: {pay} an hour, for {hours} normal hours."),
    "wages.line.minimum": _(
        "The law in {country} says basic pay must be at least {minimum} {per}. "
        "For these dates that is this much."
    ),
    "wages.line.minimum.counts": _(
        "The law in {country} says pay must be at least {minimum} {per}. Your allowances of {counted} count "
        "toward it, so basic pay must be at least the rest."
    ),
    "wages.line.minimum.unknown": _(
        "Mizan knows no minimum pay for this work in {country}. Only your contract counts for basic pay."
    ),
    "wages.line.minimum_by_signing_date": _(
        "The minimum pay used is the one in force on the day your contract was signed."
    ),
    # Allowances
    "wages.line.allowance": _("Allowance for {allowance} in your contract: {pay} {per}."),
    "wages.line.allowance.provided": _("Your contract says you get {allowance} free."),
    "wages.line.allowance.none": _("Your contract gives no money for {allowance}."),
    "wages.line.allowance.law": _(
        "In {country} you must get {allowance} free or at least {minimum} a month for it."
    ),
    "wages.line.allowance.law_provided": _("You get {allowance} free, so the law asks for no money for it."),
    "wages.line.allowance.law_unknown": _(
        "In {country} you must get {allowance} free or at least {minimum} a month for it. Tell us if you get "
        "{allowance} free, to count it."
    ),
    # Overtime
    "wages.line.overtime": _("Overtime in your contract: {hours} hours at {hourly} an hour, times {times}."),
    "wages.line.overtime.no_rate": _(
        "You worked {hours} hours more than the normal hours in your contract. "
        "Your contract does not say how extra hours are paid."
    ),
    "wages.line.overtime.no_normal_hours": _(
        "Your contract does not say your normal hours, so overtime in your contract could not be worked out."
    ),
    "wages.line.overtime.no_law": _(
        "In {country} the law sets no limit on working hours for this work. "
        "Extra hours are paid only as your contract says."
    ),
    "wages.line.overtime.law": _(
        "Overtime by law: {hours} hours over the legal normal hours ({per_day} a day, {per_week} a week), at "
        "{hourly} an hour, times {times}."
    ),
    "wages.line.overtime.law_night": _(
        "Night overtime by law ({start} to {end}): {hours} hours at {hourly} an hour, times {times}."
    ),
    "wages.line.overtime.law_unknown": _(
        "You worked {hours} hours over the legal normal hours in {country} ({per_day} a day, {per_week} a "
        "week). Mizan could not check what the law says about pay for them."
    ),
    "wages.line.overtime.law_no_hourly": _(
        "You worked {hours} hours of overtime, but the pay for an hour could not be worked out. Give your "
        "normal hours."
    ),
    # Rest days and public holidays
    "wages.line.rest_day": _(
        "Rest days worked, in your contract: {days} days at {day_pay} a day, times {times}."
    ),
    "wages.line.rest_day.no_rate": _(
        "You worked on {days} rest days. Your contract does not say how they are paid."
    ),
    "wages.line.rest_owed": _(
        "You did not get the weekly rest the law gives (at least {hours} hours in a row) in week {weeks}: "
        "{days} rest days missed."
    ),
    "wages.line.rest_owed.no_buyout": _(
        "You did not get the weekly rest the law gives (at least {hours} hours in a row) in week {weeks}: "
        "{days} rest days missed. In {country} money may not replace a rest day: "
        "the rest days are owed to you."
    ),
    "wages.line.rest_day.law": _(
        "For each rest day worked, the law in {country} gives at least {times} day's pay ({day_pay}) "
        "or another rest day in the same month: {days} days."
    ),
    "wages.line.holiday": _(
        "Public holidays worked ({dates}), in your contract: {days} days at {day_pay} a day, times {times}."
    ),
    "wages.line.holiday.no_rate": _(
        "You worked on {days} public holidays ({dates}). Your contract does not say how they are paid."
    ),
    "wages.line.holiday.law_unknown": _(
        "You worked on {days} public holidays ({dates}). "
        "Mizan could not check what the law in {country} says about pay for them."
    ),
    # Lines with no money
    "wages.line.standby_not_counted": _(
        "You were on stand-by for {hours} hours. Your contract does not count stand-by as work. The ILO "
        "Domestic Workers Convention says stand-by counts as work as far as the country's law says so."
    ),
    "wages.line.sick_days": _("You were sick on {days} days. Mizan could not check sick pay."),
    "wages.line.over_daily_maximum": _(
        "On {days} days you worked more than the legal limit of {maximum} hours a day ({dates})."
    ),
    "wages.line.over_weekly_maximum": _(
        "In week {weeks} you worked more than the legal limit of {maximum} hours a week."
    ),
    "wages.line.daily_rest_short": _(
        "On {days} days you did not get {hours} hours of rest in a row, as the law in {country} says."
    ),
    "wages.line.monthly_rest_short": _(
        "In {months} you did not get the {days} rest day a month that may never be paid off with money."
    ),
    "wages.line.law_alternative": _(
        "A source Mizan cannot fully rely on gives {what}: {figure}. It was not used for these figures. "
        "{conflict}"
    ),
    "wages.line.law_alternative.per": _(
        "A source Mizan cannot fully rely on gives {what}: {figure} {per}. It was not used for these "
        "figures. {conflict}"
    ),
    # Deductions
    "wages.deduction.statutory": _("{amount} for {kind}: allowed by law. Mizan does not check the amount."),
    "wages.deduction.recruitment": _(
        "{amount} was kept back for {kind}. "
        "Workers must not pay for getting their job, so this money is owed to you."
    ),
    "wages.deduction.recruitment_capped": _(
        "{amount} was kept back for {kind}. "
        "Workers must not pay for getting their job, so this money is owed to you. "
        "In {country} an agency may take at most {share} of the first month's pay from a worker."
    ),
    "wages.deduction.doubtful": _(
        "{amount} was kept back for {kind}. Some sources say workers must not pay this. Ask a helper."
    ),
    "wages.deduction.must_be_free": _(
        "{amount} was kept back for {allowance}. In {country} you must get {allowance} free or at least "
        "{minimum} a month for it, so this money is owed to you."
    ),
    "wages.deduction.agreed": _("{amount} for {kind}: your contract allows it."),
    "wages.deduction.advance": _(
        "{amount} for {kind}. If it pays back money you really got, it may be fair. If it pays back the cost "
        "of getting the job, it is a recruitment fee and the money is owed to you."
    ),
    "wages.deduction.not_agreed": _(
        "{amount} was kept back for {kind}, but your contract allows only {allowed}. "
        "So {owed} is owed to you."
    ),
    # Could not check (short phrases after "Could not check:")
    "wages.unknown.minimum_wage": _("the legal minimum pay in {country}"),
    "wages.unknown.hours": _("the legal working hours in {country}"),
    "wages.unknown.overtime": _("the legal pay for overtime in {country}"),
    "wages.unknown.weekly_rest": _("the legal weekly rest in {country}"),
    "wages.unknown.rest_day_pay": _("the legal pay for work on a rest day in {country}"),
    "wages.unknown.holidays": _("the public holidays in {country}"),
    "wages.unknown.holiday_pay": _("the legal pay for work on a public holiday in {country}"),
    "wages.unknown.sick_pay": _("sick pay"),
    "wages.unknown.allowance_provided": _("whether you get {what} free"),
    "wages.unknown.contract_normal_hours": _("your normal hours in the contract"),
    "wages.unknown.contract_overtime_rate": _("how your contract pays overtime"),
    "wages.unknown.contract_rest_day_rate": _("how your contract pays work on a rest day"),
    "wages.unknown.contract_holiday_rate": _("how your contract pays work on a public holiday"),
    "wages.unknown.contract_working_days": _("how many days a week you work"),
    "wages.unknown.signing_date": _("the day your contract was signed (the minimum pay depends on it)"),
    "wages.unknown.scope": _("some rules, because we do not know {what}"),
    "wages.unknown.destination": _("any rules: Mizan has none for {country} yet"),
    "wages.unknown.currency": _("amounts in {what}: Mizan has no exchange rate for it"),
    "wages.unknown.deductions": _("some deductions"),
}

LABELS: dict[str, dict[str, str]] = {
    "per": {"month": _("a month"), "week": _("a week"), "day": _("a day"), "hour": _("an hour")},
    "allowance": {"food": _("food"), "housing": _("housing"), "other": _("other needs")},
    "kind": {
        "tax": _("tax"),
        "social_security": _("social security"),
        "food": _("food"),
        "housing": _("housing"),
        "advance": _("an advance"),
        "loan": _("a loan"),
        "damage": _("damage"),
        "penalty": _("a penalty"),
        "recruitment_fee": _("an agency or recruitment fee"),
        "medical": _("a medical check"),
        "insurance": _("insurance"),
        "skills_test": _("a skills test"),
        "training": _("training"),
        "equipment": _("equipment"),
        "travel": _("travel"),
        "lodging": _("lodging before the job"),
        "visa_permit": _("a visa or permit"),
        "documents": _("documents"),
        "administrative": _("paperwork"),
        "government_levy": _("a government levy"),
        "deposit_bond": _("a deposit or bond"),
        "illegitimate": _("a bribe or kick-back"),
        "other": _("something else"),
    },
    "what": {
        "minimum_wage": _("the minimum pay"),
        "per_day": _("normal hours a day"),
        "per_week": _("normal hours a week"),
        "total_per_day": _("the most hours a day"),
        "total_per_week": _("the most hours a week"),
        "overtime_rate": _("overtime pay"),
        "sector": _("the kind of work you do"),
        "worker_category": _("your worker category"),
        "food": _("food"),
        "housing": _("housing"),
        "other": _("other needs"),
    },
}


def unknown_params(code: str, country: str) -> tuple[str, dict[str, str]]:
    """A ``could_not_check`` code ("overtime", "allowance_provided:food", "scope:sector") → key, params."""
    name, _sep, what = code.partition(":")
    params = {"country": country}
    if what:
        params["what"] = what
    return f"wages.unknown.{name}", params


def _format_money(text: str) -> str:
    """ "HKD 4800.00" → "HKD 4,800.00" for English output; anything else unchanged."""
    code, _sep, amount = text.partition(" ")
    if len(code) != 3 or not code.isupper():
        return text
    try:
        value = Decimal(amount)
    except InvalidOperation:
        return text
    return f"{code} {value:,f}"


def render(key: str, params: Mapping[str, str], translate: Callable[[str], str] = gettext_noop) -> str:
    """The message in words: ``translate`` the template and the labels (Django: ``gettext``)."""
    template = translate(MESSAGES.get(key, key))
    values: dict[str, str] = {}
    for name, value in params.items():
        labels = LABELS.get(name)
        if labels is None:
            values[name] = _format_money(value)
        else:
            values[name] = ", ".join(
                translate(labels[part]) if part in labels else part for part in value.split(",")
            )
    try:
        return template.format(**values).strip()
    except (KeyError, IndexError, ValueError):
        return template
