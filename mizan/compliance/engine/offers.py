"""Reading an offer from YAML or JSON (files in examples/offers/), with errors that say where."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from mizan.compliance.engine.terms import OfferTerms
from mizan.compliance.engine.yamlsrc import SourceError, parse_documents


class OfferError(Exception):
    """The offer could not be read; ``errors`` give file, line and reason for each problem."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def offer_from_text(text: str, file: str = "offer") -> OfferTerms:
    """An offer from YAML or JSON text (JSON is read as YAML, keeping exact decimals and lines)."""
    documents, errors = parse_documents(text, file)
    if errors:
        raise OfferError(errors)
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise OfferError([SourceError(file, 1, "an offer must be one mapping of fields")])
    document = documents[0]
    try:
        return OfferTerms.model_validate(document.data)
    except ValidationError as error:
        found = []
        for item in error.errors():
            loc = tuple(part for part in item["loc"] if isinstance(part, str | int))
            where = ".".join(str(part) for part in loc)
            message = item["msg"].removeprefix("Value error, ")
            found.append(
                SourceError(file, document.line_of(loc), f"{where}: {message}" if where else message)
            )
        raise OfferError(found) from None


def offer_from_file(path: str | Path) -> OfferTerms:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OfferError([SourceError(str(path), 0, f"cannot read: {error}")]) from None
    return offer_from_text(text, str(path))
