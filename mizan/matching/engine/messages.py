"""Message keys -> English sentences with named placeholders, in plain words for a worker and a recruiter.

The same approach as ``mizan.compliance.engine.messages``: every template is wrapped in ``gettext_noop`` (a
no-op here, so this module stays pure) so that ``makemessages`` extracts it; the Django side translates
with ``render(key, params, translate=gettext)``. Parameters are strings; those named in ``LABELS`` hold
codes (a country, a kind of work, languages as a comma-separated list) that ``render`` turns into words.
The sentences speak about "the worker" and "the job" so that both sides of a match can read them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mizan.compliance.engine.messages import LABELS as COMPLIANCE_LABELS


def gettext_noop(message: str) -> str:
    """Marks a string for translation without translating it (xgettext knows this name)."""
    return message


_ = gettext_noop

MESSAGES: dict[str, str] = {
    # Components of the score
    "matching.occupation.same": _("Same occupation as the job."),
    "matching.occupation.unit_group": _("A very similar occupation (the same ISCO group {group})."),
    "matching.occupation.minor_group": _("A related occupation (the same wider ISCO group {group})."),
    "matching.occupation.none": _("A different kind of occupation."),
    "matching.occupation.not_given": _("The job gives no occupation, so this was not compared."),
    "matching.skills_essential": _("Skills the job needs: has {covered} of {total}."),
    "matching.skills_essential.none_listed": _("The job lists no skills it needs."),
    "matching.skills_essential.worker_none": _("No skills listed in the profile yet."),
    "matching.skills_optional": _("Extra skills that help in the job: has {covered} of {total}."),
    "matching.skills_optional.none_listed": _("The job lists no extra skills."),
    "matching.experience": _("Years of work in this kind of occupation: {years}."),
    "matching.experience.none": _("No years of work in this kind of occupation listed."),
    "matching.languages": _("Speaks the languages the job needs well enough."),
    "matching.languages.some": _("Does not yet speak well enough: {languages}."),
    "matching.languages.none_needed": _("The job needs no particular language."),
    "matching.certificates": _("Certificates checked with whoever issued them: {count}."),
    "matching.preferences.both": _("Wants to work in {country} and wants this kind of work."),
    "matching.preferences.destination": _("Wants to work in {country}, but chose other kinds of work."),
    "matching.preferences.sector": _("Wants this kind of work, but chose countries other than {country}."),
    "matching.preferences.neither": _("Chose other countries and other kinds of work."),
    # Checks every match passed (yes/no, never scored)
    "matching.filter.opted_in": _("Agreed to be matched with jobs."),
    "matching.filter.eligible": _("Meets the legal conditions to work in {country} (yes/no checks only)."),
    "matching.filter.available": _("Can start by the start date of the job."),
    "matching.filter.pay": _("The pay is not below the worker's own minimum."),
    # Why a worker (or job) was left out: reason codes, counted in MatchResult.filtered_out
    "matching.filtered.not_opted_in": _("Has not agreed to be matched with jobs."),
    "matching.filtered.not_eligible": _(
        "Does not meet the legal conditions for this country and kind of work."
    ),
    "matching.filtered.not_available": _("Cannot start by the start date of the job."),
    "matching.filtered.pay_below_minimum": _("The pay is below the worker's own minimum."),
    "matching.filtered.no_criteria": _("The job has no known occupation and no skills to compare."),
    # Why a result is empty
    "matching.empty.no_profiles": _("There are no worker profiles to compare yet."),
    "matching.empty.no_vacancies": _("There are no open jobs to compare yet."),
    "matching.empty.no_eligible": _("No worker meets the conditions of this job. The reasons are listed."),
    "matching.empty.no_eligible_vacancies": _("No open job fits this profile. The reasons are listed."),
    "matching.empty.no_criteria": _(
        "The job has no known occupation and no skills, so workers cannot be compared with it."
    ),
    "matching.empty.not_opted_in": _("Matching is turned off in this profile. Turn it on to see jobs."),
    "matching.empty.invalid_request": _("The request asked for no results."),
    # Notes about the input
    "matching.note.invalid_occupation": _("The occupation code {code} is not valid and was left out."),
    "matching.note.unknown_occupation": _(
        "The occupation code {code} is not known. Only its ISCO group {group} was used."
    ),
    "matching.note.inconsistent_occupation": _(
        "The occupation code {code} does not belong to the ISCO group {group}. The code was used."
    ),
    "matching.note.invalid_skills": _("Skills left out because their number is not valid: {count}."),
    "matching.note.too_many_skills": _("Only the first {count} skills of each list were used."),
    "matching.note.no_skills": _("The job lists no skills, so workers are compared on the other facts only."),
    "matching.note.no_start_date": _(
        "The job has no start date, so it was not checked when workers can start."
    ),
    "matching.note.no_pay": _("The job gives no pay, so only workers without a minimum pay are shown."),
    "matching.note.no_destination": _(
        "The job gives no country, so no worker can meet its legal conditions."
    ),
    "matching.note.profile_no_skills": _(
        "The profile lists no skills, so it is compared on the occupation and other facts only."
    ),
    "matching.note.profile_no_occupation": _("The profile lists no occupation."),
    "matching.note.profile_not_opted_in": _("The worker has not agreed to be matched with jobs."),
}

LABELS: dict[str, dict[str, str]] = {
    "country": COMPLIANCE_LABELS["country"],
    "sector": COMPLIANCE_LABELS["sector"],
    "languages": COMPLIANCE_LABELS["languages"],
}


def render(key: str, params: Mapping[str, str], translate: Callable[[str], str] = gettext_noop) -> str:
    """The message in words: ``translate`` the template and the labels (Django: ``gettext``)."""
    template = translate(MESSAGES.get(key, key))
    values: dict[str, str] = {}
    for name, value in params.items():
        labels = LABELS.get(name)
        if labels is None:
            values[name] = value
        else:
            values[name] = ", ".join(
                translate(labels[part]) if part in labels else part for part in value.split(",") if part
            )
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
