from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class GatewayError(Exception):
    """The message could not be handed to the channel; the caller tells the person to try again."""


@dataclass(frozen=True)
class OutgoingMessage:
    to: str  # E.164 phone number
    body: str  # already in the recipient's language
    language: str  # BCP 47, so a channel can pick a template or a voice
    purpose: str  # "sign_in" …: lets an adapter choose a transactional route


class MessageGateway(Protocol):
    def send(self, message: OutgoingMessage) -> None:
        """Deliver or queue the message; raise GatewayError when the channel refuses it."""
