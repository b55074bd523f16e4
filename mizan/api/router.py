"""The one API object, mounted by config/urls.py at /api/v1/. Every app's router is added here.

To add an app's endpoints: write ``mizan/<app>/api.py`` with ``router = Router(tags=[...])`` and add one
line to ``ROUTERS`` below. Routers are named by dotted path, not imported: apps import mizan.api (its
problems, auth and scopes), so mizan.api importing them back would break the layer contract.
"""

from __future__ import annotations

from mizan.api import VERSION
from mizan.api.base import create_api
from mizan.api.endpoints import me, meta, tokens

# (URL prefix under /api/v1/, "dotted.path.to.module.router"). Prefixes are plural nouns, no trailing slash.
ROUTERS: list[tuple[str, str]] = [
    ("/privacy", "mizan.privacy.consent.api.router"),
    ("/me/data", "mizan.privacy.rights.api.router"),
    ("/ledger", "mizan.privacy.ledger.api.router"),
    ("/me/details", "mizan.workers.api.router"),
    ("/compliance", "mizan.compliance.api.router"),
    ("/taxonomy", "mizan.taxonomy.api.router"),
    ("/recruiters", "mizan.registry.api.router"),
    ("/vacancies", "mizan.vacancies.api.router"),
    ("/me/profile", "mizan.profiles.api.router"),
    ("/matching", "mizan.matching.api.router"),
    ("/wages", "mizan.wages.api.router"),
    ("/wages", "mizan.wages.api_statement.router"),
]

api = create_api(
    namespace=f"api-v{VERSION}",
    description=(
        "Fair recruitment of migrant workers. Every 4xx answer is an RFC 9457 problem "
        "(application/problem+json). Authentication: a signed-in browser session (with the CSRF token "
        "for writes) or `Authorization: Bearer mzn_…` API tokens limited by scopes. See docs/api.md."
    ),
)
api.add_router("", meta.router)
api.add_router("", me.router)
api.add_router("/organisations", tokens.router)
for prefix, dotted_path in ROUTERS:
    api.add_router(prefix, dotted_path)

__all__ = ["api"]
