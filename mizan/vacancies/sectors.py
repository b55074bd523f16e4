"""The compliance engine's sector for an occupation, when the poster does not choose one. Pure.

Keyed by ISCO-08 unit group (4 digits), then minor (3), sub-major (2) and major group (1): the longest
prefix wins. Sectors decide which packs apply (e.g. Hong Kong's rules for domestic workers), so a poster
can always choose another sector on the form.
"""

from __future__ import annotations

from mizan.compliance.engine.terms import Sector

_BY_PREFIX: dict[str, Sector] = {
    # Domestic work: helpers, housekeepers, carers and nannies in private homes.
    "9111": Sector.DOMESTIC_WORK,
    "5152": Sector.DOMESTIC_WORK,
    "5322": Sector.DOMESTIC_WORK,
    "5311": Sector.DOMESTIC_WORK,
    # Care in hospitals and homes for the elderly.
    "532": Sector.CARE,
    "222": Sector.CARE,
    "3412": Sector.CARE,
    # Building trades and labourers.
    "71": Sector.CONSTRUCTION,
    "9312": Sector.CONSTRUCTION,
    "9313": Sector.CONSTRUCTION,
    "8342": Sector.CONSTRUCTION,
    "8343": Sector.CONSTRUCTION,
    "7212": Sector.CONSTRUCTION,  # welders: mostly hired for building sites in the corridors served
    "7214": Sector.CONSTRUCTION,  # steel fixers and erectors
    "7411": Sector.CONSTRUCTION,  # building electricians
    # Factories.
    "72": Sector.MANUFACTURING,
    "73": Sector.MANUFACTURING,
    "75": Sector.MANUFACTURING,
    "81": Sector.MANUFACTURING,
    "82": Sector.MANUFACTURING,
    "932": Sector.MANUFACTURING,
    # Farms and boats.
    "622": Sector.FISHING,
    "9216": Sector.FISHING,
    "8350": Sector.FISHING,  # deck crews: on the corridors served, mostly fishing boats
    "6": Sector.AGRICULTURE,
    "92": Sector.AGRICULTURE,
    # Hotels, restaurants, kitchens.
    "512": Sector.HOSPITALITY,
    "513": Sector.HOSPITALITY,
    "941": Sector.HOSPITALITY,
    "5151": Sector.HOSPITALITY,
    "5246": Sector.HOSPITALITY,
    # Driving, cleaning offices, security, shops.
    "83": Sector.SERVICES,
    "9112": Sector.SERVICES,
    "912": Sector.SERVICES,
    "933": Sector.SERVICES,
    "514": Sector.SERVICES,
    "3255": Sector.SERVICES,
    "7231": Sector.SERVICES,
    "5414": Sector.SERVICES,
    "52": Sector.SERVICES,
    "96": Sector.SERVICES,
}


def sector_for_isco(code: str | None) -> Sector:
    """The likeliest sector for an ISCO-08 code (or an ESCO code such as ``7212.3``); OTHER if unknown."""
    digits = (code or "").split(".", 1)[0]
    for length in range(len(digits), 0, -1):
        found = _BY_PREFIX.get(digits[:length])
        if found is not None:
            return found
    return Sector.OTHER
