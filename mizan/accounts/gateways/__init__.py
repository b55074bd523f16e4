"""How Mizan reaches a person's phone.

A gateway is anything with ``send(message: OutgoingMessage) -> None`` (the MessageGateway protocol in
``base``). Console and file gateways serve development and tests; SMS, WhatsApp or Telegram adapters are
added as a module here with a class implementing the protocol and an entry in GATEWAYS, then chosen with
MIZAN_MESSAGE_GATEWAY. docs/architecture.md describes the contract in full.
"""

from __future__ import annotations

from django.conf import settings

from mizan.accounts.gateways.base import MessageGateway, OutgoingMessage
from mizan.accounts.gateways.console import ConsoleGateway
from mizan.accounts.gateways.file import FileGateway

GATEWAYS: dict[str, type[MessageGateway]] = {"console": ConsoleGateway, "file": FileGateway}


def get_gateway() -> MessageGateway:
    return GATEWAYS[settings.MIZAN_MESSAGE_GATEWAY]()


__all__ = ["GATEWAYS", "MessageGateway", "OutgoingMessage", "get_gateway"]
