"""Message keys → English templates with named placeholders, in plain words a worker understands.

The Django side translates them: every template and label is wrapped in ``gettext_noop`` (a no-op here,
so this module stays pure) so that ``makemessages`` extracts it; translate with ``gettext(MESSAGES[key])``
and fill the placeholders with ``render(key, params, translate=gettext)``.

Parameters are strings. Money reads "HKD 4800.00" (ISO code, space, amount). Parameters named in
``LABELS`` hold codes (a country, a period, a cost category …; lists are comma-separated) that ``render``
turns into words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation


def gettext_noop(message: str) -> str:
    """Marks a string for translation without translating it (xgettext knows this name)."""
    return message


_ = gettext_noop

MESSAGES: dict[str, str] = {
    # minimum_wage
    "compliance.minimum_wage.ok": _("Your pay meets the legal minimum in {country}."),
    "compliance.minimum_wage.unknown": _(
        "We could not check the minimum pay in {country}. Missing: {missing}."
    ),
    "compliance.minimum_wage.below": _(
        "Your pay of {offered} {period} is below the legal minimum of {minimum} {period} in {country}."
    ),
    "compliance.minimum_wage.allowance_below": _(
        "In {country} you must get free {allowance} or at least {minimum} a month for it. "
        "The offer gives {offered}."
    ),
    # overtime_premium
    "compliance.overtime_premium.ok": _("Overtime pay meets the rules in {country}."),
    "compliance.overtime_premium.unknown": _(
        "We could not check overtime pay in {country}. Missing: {missing}."
    ),
    "compliance.overtime_premium.below": _(
        "Overtime is paid {offered} times the normal pay. In {country} it must be at least {minimum} times."
    ),
    # max_normal_hours
    "compliance.max_normal_hours.ok": _("Your working hours are within the limits in {country}."),
    "compliance.max_normal_hours.unknown": _(
        "We could not check working hours in {country}. Missing: {missing}."
    ),
    "compliance.max_normal_hours.daily": _(
        "You would work {offered} hours a day. In {country} the limit is {maximum} hours a day."
    ),
    "compliance.max_normal_hours.weekly": _(
        "You would work {offered} hours a week. In {country} the limit is {maximum} hours a week."
    ),
    "compliance.max_normal_hours.total_daily": _(
        "With overtime you would work {offered} hours a day. In {country} the limit is {maximum} hours."
    ),
    "compliance.max_normal_hours.total_weekly": _(
        "With overtime you would work {offered} hours a week. In {country} the limit is {maximum} hours."
    ),
    # weekly_rest
    "compliance.weekly_rest.ok": _("Your weekly rest meets the rules in {country}."),
    "compliance.weekly_rest.unknown": _(
        "We could not check your weekly rest in {country}. Missing: {missing}."
    ),
    "compliance.weekly_rest.days": _(
        "You would get {offered} rest days a week. In {country} you must get at least {minimum}."
    ),
    "compliance.weekly_rest.hours": _(
        "Your weekly rest is {offered} hours in a row. In {country} it must be at least {minimum} hours."
    ),
    "compliance.weekly_rest.bought_out": _(
        "In {country} your rest day cannot be taken away by paying you extra to work."
    ),
    "compliance.weekly_rest.monthly_bought_out": _(
        "In {country} at least {days} rest day each month must be a real day off, not paid work."
    ),
    # daily_rest
    "compliance.daily_rest.ok": _("Your daily rest meets the rules in {country}."),
    "compliance.daily_rest.unknown": _(
        "We could not check your daily rest in {country}. Missing: {missing}."
    ),
    "compliance.daily_rest.below": _(
        "You would rest only {offered} hours in a row each day. "
        "In {country} you must rest at least {minimum} hours."
    ),
    # annual_leave
    "compliance.annual_leave.ok": _("Your paid holidays meet the rules in {country}."),
    "compliance.annual_leave.unknown": _(
        "We could not check your paid holidays in {country}. Missing: {missing}."
    ),
    "compliance.annual_leave.below": _(
        "You would get {offered} days of paid holiday a year. In {country} you must get at least {minimum}."
    ),
    # worker_fee_cap
    "compliance.worker_fee_cap.ok": _("What you pay for recruitment is within the rules of {country}."),
    "compliance.worker_fee_cap.unknown": _(
        "We could not check recruitment fees under the rules of {country}. Missing: {missing}."
    ),
    "compliance.worker_fee_cap.zero": _(
        "You were asked to pay for: {categories}. Under the rules of {country} workers must not pay these."
    ),
    "compliance.worker_fee_cap.amount": _(
        "You were asked to pay {paid}. Under the rules of {country} the most you can be charged is {maximum}."
    ),
    "compliance.worker_fee_cap.wage_share": _(
        # xgettext:no-python-format  ("{percent}% of" is a placeholder and a percent sign)
        "You were asked to pay {paid}. In {country} an agency may take at most {percent}% of your first "
        "month's pay: {maximum}."
    ),
    "compliance.worker_fee_cap.wage_months": _(
        "You were asked to pay {paid}. Under the rules of {country} the most is {months} months of your "
        "pay: {maximum}."
    ),
    # employer_pays_costs
    "compliance.employer_pays_costs.ok": _("You are not asked to pay costs that the employer must pay."),
    "compliance.employer_pays_costs.unknown": _(
        "We could not check who pays the costs of recruitment. Missing: {missing}."
    ),
    "compliance.employer_pays_costs.worker_pays": _(
        "You were asked to pay for {category}. Under the rules of {country} the employer must pay this."
    ),
    # document_retention_prohibited
    "compliance.document_retention_prohibited.ok": _("You keep your own passport and papers."),
    "compliance.document_retention_prohibited.unknown": _(
        "We could not check who keeps your papers. Missing: {missing}."
    ),
    "compliance.document_retention_prohibited.kept": _(
        "Your {document} is kept by the {holder}. Under the rules of {country} this is not allowed."
    ),
    # contract_particulars
    "compliance.contract_particulars.ok": _("Your contract says what it must say."),
    "compliance.contract_particulars.unknown": _("We could not check your contract. Missing: {missing}."),
    "compliance.contract_particulars.not_written": _(
        "Under the rules of {country} you must get a written contract."
    ),
    "compliance.contract_particulars.late": _(
        "Under the rules of {country} you must get your contract before you leave your country."
    ),
    "compliance.contract_particulars.missing": _(
        "Your contract does not say: {particulars}. Under the rules of {country} it must."
    ),
    # contract_language
    "compliance.contract_language.ok": _("Your contract is in a language you can read."),
    "compliance.contract_language.unknown": _(
        "We could not check the language of your contract. Missing: {missing}."
    ),
    "compliance.contract_language.not_understood": _(
        "Your contract is in {languages}. You must get it in a language you can read."
    ),
    "compliance.contract_language.required_missing": _(
        "Under the rules of {country} the contract must also be in {languages}."
    ),
    # minimum_age
    "compliance.minimum_age.ok": _("Your age meets the rules of {country}."),
    "compliance.minimum_age.unknown": _("We could not check the age rules of {country}. Missing: {missing}."),
    "compliance.minimum_age.below": _(
        "You are {age}. Under the rules of {country} you must be at least {minimum} for this job."
    ),
    "compliance.minimum_age.above": _(
        "You are {age}. Under the rules of {country} you can be at most {maximum} for this job."
    ),
    # licensed_recruiter_required
    "compliance.licensed_recruiter_required.ok": _("The recruiter has a licence."),
    "compliance.licensed_recruiter_required.unknown": _(
        "We could not check whether the recruiter has a licence. Missing: {missing}."
    ),
    "compliance.licensed_recruiter_required.unlicensed": _(
        "The recruiter has no licence. Under the rules of {country} only licensed recruiters may do this."
    ),
    "compliance.licensed_recruiter_required.no_number": _(
        "Ask the recruiter for their licence number and check it with the authorities of {country}."
    ),
    # deployment_ban
    "compliance.deployment_ban.ok": _("{country} does not stop workers from going to this job."),
    "compliance.deployment_ban.unknown": _(
        "We could not check whether {country} allows this job abroad. Missing: {missing}."
    ),
    "compliance.deployment_ban.banned": _(
        "Since {since}, {origin} does not allow workers to go to {destination} for work."
    ),
    "compliance.deployment_ban.banned_sector": _(
        "Since {since}, {origin} does not allow workers to go to {destination} for {sector} work."
    ),
    # forced_labour_indicators
    "compliance.forced_labour_indicators.ok": _("You did not report any sign of forced labour."),
    "compliance.forced_labour_indicators.unknown": _(
        "We could not check for signs of forced labour. Missing: {missing}."
    ),
    "compliance.forced_labour_indicators.likely": _(
        "We see {count} signs of forced labour. Please ask for help now."
    ),
    "compliance.forced_labour_indicators.abuse_of_vulnerability": _(
        "Someone uses your difficult situation against you. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.deception": _(
        "You were lied to about the job or its pay. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.restriction_of_movement": _(
        "You are not free to go out or to leave. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.isolation": _(
        "You are kept away from other people or cannot contact them. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.physical_sexual_violence": _(
        "You are hit, hurt or sexually abused. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.intimidation_threats": _(
        "You are threatened or frightened. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.retention_of_identity_documents": _(
        "Someone else keeps your passport or identity papers. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.withholding_of_wages": _(
        "Your pay is held back or not paid. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.debt_bondage": _(
        "You must work to pay off a debt to the recruiter or employer. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.abusive_conditions": _(
        "Your work or living conditions are degrading or dangerous. This is a sign of forced labour."
    ),
    "compliance.forced_labour_indicators.excessive_overtime": _(
        "You must work far too many hours. This is a sign of forced labour."
    ),
    # composition and conversion
    "compliance.currency.no_rate": _(
        "We could not compare {from_currency} with {to_currency}: we have no exchange rate for {date}."
    ),
    "compliance.scope.unknown": _(
        "Some rules of {country} depend on details the offer does not give. Missing: {missing}."
    ),
    "compliance.scope.no_rules": _("We have no rules for {country} for this date yet."),
}

PERIODS = {"monthly": _("a month"), "daily": _("a day"), "hourly": _("an hour")}

LABELS: dict[str, dict[str, str]] = {
    "period": PERIODS,
    "allowance": {"food": _("food"), "housing": _("housing"), "other": _("other needs")},
    "category": {
        "recruitment_fee": _("a recruitment or placement fee"),
        "medical": _("medical checks"),
        "insurance": _("insurance"),
        "skills_test": _("skills tests"),
        "training": _("training"),
        "equipment": _("tools or equipment"),
        "travel": _("travel or air tickets"),
        "lodging": _("a place to stay before you leave"),
        "visa_permit": _("the visa or work permit"),
        "documents": _("your passport or other papers"),
        "administrative": _("paperwork and processing"),
        "government_levy": _("government fees"),
        "deposit_bond": _("a deposit or bond"),
        "illegitimate": _("bribes or unofficial payments"),
        "other": _("other costs"),
    },
    "document": {
        "passport": _("passport"),
        "identity": _("identity card or permit"),
        "contract": _("contract"),
    },
    "holder": {
        "employer": _("employer"),
        "recruiter": _("recruitment agency"),
        "government": _("government"),
        "other": _("someone else"),
        "worker": _("worker"),
    },
    "particulars": {
        "parties": _("the names and addresses of the employer and the worker"),
        "workplace": _("where you will work"),
        "start_and_duration": _("when the job starts and how long it lasts"),
        "type_of_work": _("what work you will do"),
        "remuneration": _("your pay and when it is paid"),
        "normal_hours": _("your working hours"),
        "leave_and_rest": _("your holidays and rest"),
        "food_and_accommodation": _("food and housing"),
        "probation": _("the trial period"),
        "repatriation": _("how you get home"),
        "termination": _("how the job can end"),
    },
    "sector": {
        "domestic_work": _("domestic"),
        "construction": _("construction"),
        "manufacturing": _("factory"),
        "agriculture": _("farm"),
        "fishing": _("fishing"),
        "hospitality": _("hotel and restaurant"),
        "care": _("care"),
        "services": _("service"),
        "other": _("other"),
    },
    "country": {
        "INT": _("international standards"),
        "AE": _("the United Arab Emirates"),
        "BD": _("Bangladesh"),
        "BH": _("Bahrain"),
        "HK": _("Hong Kong"),
        "ID": _("Indonesia"),
        "IN": _("India"),
        "JO": _("Jordan"),
        "KR": _("South Korea"),
        "KW": _("Kuwait"),
        "LB": _("Lebanon"),
        "LK": _("Sri Lanka"),
        "MM": _("Myanmar"),
        "MY": _("Malaysia"),
        "NP": _("Nepal"),
        "OM": _("Oman"),
        "PH": _("the Philippines"),
        "PK": _("Pakistan"),
        "QA": _("Qatar"),
        "SA": _("Saudi Arabia"),
        "SG": _("Singapore"),
        "TH": _("Thailand"),
    },
    "languages": {
        "en": _("English"),
        "ar": _("Arabic"),
        "ne": _("Nepali"),
        "bn": _("Bengali"),
        "hi": _("Hindi"),
        "ur": _("Urdu"),
        "si": _("Sinhala"),
        "ta": _("Tamil"),
        "fil": _("Filipino"),
        "tl": _("Filipino"),
        "id": _("Indonesian"),
        "my": _("Burmese"),
        "ms": _("Malay"),
        "th": _("Thai"),
        "ko": _("Korean"),
        "zh": _("Chinese"),
    },
    "missing": {
        "origin": _("your country"),
        "destination": _("the country of the job"),
        "destination_region": _("the city or province of the job"),
        "sector": _("the kind of work"),
        "worker_category": _("the kind of work permit"),
        "pay.amount": _("your pay"),
        "pay.currency": _("the currency of your pay"),
        "pay.period": _("whether pay is by month, day or hour"),
        "allowances.food": _("food or a food allowance"),
        "allowances.housing": _("housing or a housing allowance"),
        "allowances.other": _("other allowances"),
        "hours.per_day": _("hours of work a day"),
        "hours.per_week": _("hours of work a week"),
        "overtime_rate": _("overtime pay"),
        "rest.days_per_week": _("rest days a week"),
        "rest.buyout": _("whether you must work on rest days"),
        "rest.daily_rest_hours": _("rest hours each day"),
        "annual_leave_days": _("paid holidays"),
        "fees": _("what you were asked to pay"),
        "fees.amount": _("how much you were asked to pay"),
        "fees.currency": _("the currency of what you paid"),
        "fees.paid_by": _("who pays each cost"),
        "documents.passport_held_by": _("who keeps your passport"),
        "documents.identity_held_by": _("who keeps your identity card or permit"),
        "documents.contract_held_by": _("who keeps your contract"),
        "contract.written": _("whether the contract is written"),
        "contract.received_before_departure": _("when you got the contract"),
        "contract.particulars": _("what the contract says"),
        "contract.languages": _("the language of the contract"),
        "contract.duration_months": _("how long the contract lasts"),
        "worker.age": _("your age"),
        "worker.languages": _("the languages you read"),
        "recruiter.licensed": _("whether the recruiter has a licence"),
        "indicators": _("how you are treated"),
    },
}
# Parameters that hold codes of another label set.
LABELS["categories"] = LABELS["category"]
LABELS["origin"] = LABELS["destination"] = LABELS["country"]
LABELS["allowances"] = LABELS["allowance"]


def _format_money(text: str) -> str:
    """ "HKD 4800.00" → "HKD 4,800.00" for English output; anything else unchanged."""
    code, _sep, amount = text.partition(" ")
    if len(code) != 3 or not code.isupper():
        return text
    try:
        value = Decimal(amount)
    except InvalidOperation:
        return text
    return f"{code} {value:,.2f}"


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
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
