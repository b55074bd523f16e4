from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from mizan.accounts.gateways.base import GatewayError, OutgoingMessage


class FileGateway:
    """Tests and demos: appends each message as one JSON line to <outbox>/<phone>.jsonl."""

    def __init__(self, outbox: Path | None = None) -> None:
        self.outbox = Path(outbox or settings.MIZAN_MESSAGE_OUTBOX)

    def send(self, message: OutgoingMessage) -> None:
        try:
            self.outbox.mkdir(parents=True, exist_ok=True)
            record = {**asdict(message), "sent_at": timezone.now().isoformat()}
            with (self.outbox / f"{message.to.lstrip('+')}.jsonl").open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise GatewayError(str(exc)) from exc

    def messages_to(self, phone: str) -> list[dict[str, str]]:
        path = self.outbox / f"{phone.lstrip('+')}.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
