"""Read YAML into plain Python while remembering the line of every value, so errors can say where.

Floats become Decimal (from their written digits, never through a binary float); duplicate keys are an
error (PyYAML would silently keep the last one); anchors, aliases and ``<<`` merge keys work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

Path = tuple[str | int, ...]

_FLOAT_TAG = "tag:yaml.org,2002:float"
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceError:
    """A problem in a source file: where (file, 1-based line) and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Document:
    data: Any
    lines: dict[Path, int]  # path of a value → 1-based line where it starts
    start_line: int

    def line_of(self, path: Path) -> int:
        """The line of the deepest known value on ``path`` (a missing key points at its parent)."""
        for cut in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:cut]))
            if line is not None:
                return line
        return self.start_line


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.constructor = yaml.SafeLoader("")  # used only to construct plain scalars
        self.errors: list[SourceError] = []

    def build(self, node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, index), lines) for index, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self.constructor.flatten_mapping(node)  # resolves << merge keys in place
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str | int) or isinstance(key, bool):
                    self.errors.append(
                        SourceError(self.file, key_node.start_mark.line + 1, "keys must be plain words")
                    )
                    continue
                if key in result:
                    self.errors.append(
                        SourceError(self.file, key_node.start_mark.line + 1, f"duplicate key {key!r}")
                    )
                    continue
                result[key] = self.build(value_node, (*path, key), lines)
            return result
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - PyYAML has only three

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _FLOAT_TAG:
            text = node.value.replace("_", "")
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = text  # .inf / .nan: left as text, so validation rejects it
            if isinstance(value, Decimal) and not value.is_finite():
                return node.value
            return value
        return self.constructor.construct_object(node, deep=True)


def parse_documents(text: str, file: str) -> tuple[list[Document], list[SourceError]]:
    """All YAML documents of ``text``; on a syntax error, no documents and that error."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = " ".join(part for part in (error.context, error.problem) if part) or "not valid YAML"
        return [], [SourceError(file, line, f"YAML syntax: {reason}")]
    except yaml.YAMLError as error:
        return [], [SourceError(file, 1, f"YAML: {error}")]
    builder = _Builder(file)
    documents: list[Document] = []
    for node in nodes:
        if node is None:
            continue
        lines: dict[Path, int] = {}
        data = builder.build(node, (), lines)
        documents.append(Document(data=data, lines=lines, start_line=node.start_mark.line + 1))
    return documents, builder.errors
