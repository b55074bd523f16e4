"""Workplace time zones: the zone of each destination country Mizan knows, for the terms form."""

from __future__ import annotations

# One zone per country: these destinations have a single time zone.
BY_COUNTRY: dict[str, str] = {
    "AE": "Asia/Dubai",
    "BH": "Asia/Bahrain",
    "HK": "Asia/Hong_Kong",
    "IL": "Asia/Jerusalem",
    "JO": "Asia/Amman",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "KW": "Asia/Kuwait",
    "LB": "Asia/Beirut",
    "MO": "Asia/Macau",
    "MY": "Asia/Kuala_Lumpur",
    "OM": "Asia/Muscat",
    "QA": "Asia/Qatar",
    "SA": "Asia/Riyadh",
    "SG": "Asia/Singapore",
    "TH": "Asia/Bangkok",
    "TW": "Asia/Taipei",
    # Countries of origin, for work at home or a phone left on home time.
    "BD": "Asia/Dhaka",
    "ID": "Asia/Jakarta",
    "IN": "Asia/Kolkata",
    "LK": "Asia/Colombo",
    "MM": "Asia/Yangon",
    "NP": "Asia/Kathmandu",
    "PH": "Asia/Manila",
    "PK": "Asia/Karachi",
    "VN": "Asia/Ho_Chi_Minh",
}


def zone_for(country: str) -> str:
    return BY_COUNTRY.get(country.upper(), "")


def zone_choices() -> list[tuple[str, str]]:
    return sorted({(zone, zone.replace("_", " ")) for zone in BY_COUNTRY.values()})
