"""Hours and pay: the JSON API."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Hours and pay"])
