"""The statement being written: lines, components and what could not be checked."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from mizan.wages.engine.money import round_money, round_quantity
from mizan.wages.engine.results import Basis, Component, Line
from mizan.wages.engine.sources import Source


class Sheet:
    def __init__(self, currency: str, country: str) -> None:
        self.currency = currency
        self.country = country
        self.lines: list[Line] = []
        self.components: list[Component] = []
        self.unknown: list[str] = []

    def line(
        self,
        code: str,
        basis: Basis,
        key: str,
        *,
        quantity: Decimal | int | None = None,
        unit: str = "period",
        rate: Decimal | None = None,
        amount: Decimal | None = None,
        citation: Source | None = None,
        extra: Mapping[str, str] | None = None,
        **params: str,
    ) -> Decimal | None:
        """Add a line; returns its amount rounded to the currency's minor unit (None: no amount)."""
        rounded = round_money(amount, self.currency) if amount is not None else None
        params.update(extra or {})
        params.setdefault("country", self.country)
        self.lines.append(
            Line(
                code=code,
                basis=basis,
                quantity=round_quantity(Decimal(quantity)) if quantity is not None else None,
                unit=unit,
                rate=rate.quantize(Decimal("0.0001")).normalize() if rate is not None else None,
                amount=rounded,
                currency=self.currency,
                message_key=key,
                params=params,
                citation=citation,
            )
        )
        return rounded

    def component(self, code: str, contract: Decimal | None, law: Decimal | None) -> None:
        """The law is a floor: the component is due at the higher of what the contract and the law give."""
        cur = self.currency
        contract = round_money(contract, cur) if contract is not None else None
        law = round_money(law, cur) if law is not None else None
        base = contract if contract is not None else round_money(Decimal(0), cur)
        if law is not None and law > base:
            self.components.append(Component(code, contract, law, law, Basis.LAW))
        else:
            self.components.append(Component(code, contract, law, base, Basis.CONTRACT))

    def cannot_check(self, code: str) -> None:
        if code not in self.unknown:
            self.unknown.append(code)
