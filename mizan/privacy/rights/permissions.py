"""Permission actions of the data-rights app. No organisation role holds them: only Mizan's operators
(superusers, who may do everything) handle correction requests, place legal holds and erase an account
on a worker's verified request. A later app that must place holds (cases) registers its own roles."""

from __future__ import annotations

from mizan.accounts.permissions import register

HANDLE_REQUESTS = "rights.handle_requests"
MANAGE_HOLDS = "rights.manage_holds"
ERASE_FOR_WORKER = "rights.erase_for_worker"

for _action in (HANDLE_REQUESTS, MANAGE_HOLDS, ERASE_FOR_WORKER):
    register(_action, {})
