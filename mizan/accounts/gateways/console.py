from __future__ import annotations

import logging

from mizan.accounts.gateways.base import OutgoingMessage

logger = logging.getLogger("mizan.messages")


class ConsoleGateway:
    """Development only: writes the message to the server log so a developer can read the code."""

    def send(self, message: OutgoingMessage) -> None:
        logger.warning("Message to %s [%s]: %s", message.to, message.language, message.body)
