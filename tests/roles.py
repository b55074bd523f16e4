"""Role matrices: who may open a page or call an endpoint, and who may not.

    from tests.roles import assert_role_matrix, everyone

    def test_only_inspectors_see_alerts(personas):
        assert_role_matrix(
            personas, reverse("cases:alerts"),
            everyone(403, anonymous=302, inspector=200, officer=200),
        )

Every row of ``EVERYONE`` (anonymous and each persona) must be given, so a new page cannot forget a role.
Each persona gets a fresh test client, signed in with ``force_login``; people acting for organisations
also pass two-factor (a confirmed TOTP device recorded in the session, as django_otp.login does).
All mismatches are reported together.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from mizan.accounts.models import User
from tests.personas import ANONYMOUS, EVERYONE, Personas, confirmed_totp_device, needs_second_factor

Expected = int | Collection[int]


def sign_in(client: Client, user: User, *, verified: bool = True) -> Client:
    """Sign ``user`` in on ``client``; staff also pass two-factor unless ``verified`` is False."""
    client.force_login(user)
    if verified and needs_second_factor(user):
        device = confirmed_totp_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def client_for(user: User | None, *, verified: bool = True, **defaults: Any) -> Client:
    client = Client(**defaults)
    if user is not None:
        sign_in(client, user, verified=verified)
    return client


def everyone(status: Expected, **overrides: Expected) -> dict[str, Expected]:
    """The same expectation for every row, with named exceptions: ``everyone(403, inspector=200)``."""
    unknown = set(overrides) - set(EVERYONE)
    if unknown:
        raise ValueError(f"unknown persona(s) {sorted(unknown)}; known: {', '.join(EVERYONE)}")
    return {name: overrides.get(name, status) for name in EVERYONE}


def _matches(status: int, expected: Expected) -> bool:
    return status == expected if isinstance(expected, int) else status in expected


def role_matrix(
    personas: Personas,
    url: str,
    expected: Mapping[str, Expected],
    *,
    method: str = "get",
    data: Any = None,
    check: Callable[[str, Any], str | None] | None = None,
    **request_kwargs: Any,
) -> list[str]:
    """Mismatches as readable lines (empty when every row got what it expected).

    ``check(persona, response)`` may return a further complaint about a response whose status matched.
    """
    missing = [name for name in EVERYONE if name not in expected]
    unknown = [name for name in expected if name not in EVERYONE]
    if missing or unknown:
        raise ValueError(
            f"role matrix for {method.upper()} {url} must name every row: "
            f"missing {missing or 'none'}, unknown {unknown or 'none'}"
        )
    problems: list[str] = []
    for name in EVERYONE:
        client = client_for(None if name == ANONYMOUS else personas[name])
        send = getattr(client, method.lower())
        response = send(url, data, **request_kwargs) if data is not None else send(url, **request_kwargs)
        want = expected[name]
        if not _matches(response.status_code, want):
            where = f" -> {response['Location']}" if response.has_header("Location") else ""
            problems.append(f"{name}: got {response.status_code}{where}, expected {want}")
        elif check is not None:
            complaint = check(name, response)
            if complaint:
                problems.append(f"{name}: {complaint}")
    return problems


def assert_role_matrix(
    personas: Personas,
    url: str,
    expected: Mapping[str, Expected],
    *,
    method: str = "get",
    data: Any = None,
    check: Callable[[str, Any], str | None] | None = None,
    **request_kwargs: Any,
) -> None:
    problems = role_matrix(personas, url, expected, method=method, data=data, check=check, **request_kwargs)
    if problems:
        raise AssertionError(
            f"role matrix for {method.upper()} {url}: {len(problems)} mismatch(es)\n  "
            + "\n  ".join(problems)
        )
