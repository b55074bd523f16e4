"""Drafting a new pack version from the latest one for the most common change: a new minimum wage.

The draft is the latest version's YAML text with a few values replaced in place (version, dates, the
rule's amount and its source), so comments and layout survive and the diff shows only what changed.
Positions come from PyYAML's node marks (the pure-Python loader, whose marks count characters).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal

import yaml
from django.utils.translation import gettext_lazy as _

from mizan.common.errors import DomainError


@dataclass(frozen=True)
class CitationInput:
    title: str
    url: str
    article: str = ""


class DraftError(DomainError):
    code = "draft_failed"


_CANNOT = _("This version cannot be changed with the form (%(why)s). Change its YAML text instead.")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _mapping(node: yaml.Node, why: object) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise DraftError(_CANNOT, why=why)
    found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value == "<<":
                raise DraftError(_CANNOT, why=why)
            found[key.value] = (key, value)
    return found


def _last_index(node: yaml.Node) -> int:
    """Where the text of ``node`` really ends (a block collection's own end mark runs into what follows)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.index
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children.extend((key, value))
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    if getattr(node, "flow_style", False) or not children:
        return node.end_mark.index
    return max(_last_index(child) for child in children)


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def draft_minimum_wage(
    text: str,
    *,
    rule_id: str,
    amount: Decimal,
    effective_from: dt.date,
    review_by: dt.date | None,
    version: str,
    supersedes: str,
    citation: CitationInput,
) -> str:
    """The new version's YAML: ``text`` (one pack version) with the minimum wage of ``rule_id`` set to
    ``amount`` from ``effective_from``, superseding ``supersedes``. Raises DraftError when the text is
    laid out in a way this form cannot edit safely (anchors, merges)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise DraftError(_CANNOT, why=_("the YAML cannot be read")) from None
    if root is None:
        raise DraftError(_CANNOT, why=_("it is empty"))
    top = _mapping(root, _("it is not a mapping"))
    edits: list[tuple[int, int, str]] = []

    def replace(key: str, value: str) -> bool:
        if key not in top:
            return False
        node = top[key][1]
        if not isinstance(node, yaml.ScalarNode):
            raise DraftError(_CANNOT, why=key)
        edits.append((node.start_mark.index, node.end_mark.index, value))
        return True

    replace("version", _q(version))
    if "effective_from" not in top:
        raise DraftError(_CANNOT, why="effective_from")
    replace("effective_from", effective_from.isoformat())
    replace("as_of", dt.date.today().isoformat())
    inserted = ""
    if not replace("supersedes", _q(supersedes)):
        inserted += f"supersedes: {_q(supersedes)}\n"
    if review_by is not None and not replace("review_by", review_by.isoformat()):
        inserted += f"review_by: {review_by.isoformat()}\n"
    after = _line_end(text, top["effective_from"][1].end_mark.index)
    if "effective_to" in top:  # the new version runs until a later one supersedes it
        key, value = top["effective_to"]
        start = text.rfind("\n", 0, key.start_mark.index) + 1
        edits.append((start, _line_end(text, _last_index(value)), ""))
    if inserted:
        edits.append((after, after, inserted))

    rules = top.get("rules")
    if rules is None or not isinstance(rules[1], yaml.SequenceNode):
        raise DraftError(_CANNOT, why="rules")
    rule = None
    for node in rules[1].value:
        fields = _mapping(node, _("a rule is not a mapping"))
        if "id" in fields and getattr(fields["id"][1], "value", None) == rule_id:
            rule = fields
            break
    if rule is None:
        raise DraftError(_("This version has no rule %(rule)s."), rule=rule_id)
    if "parameters" not in rule:
        raise DraftError(_CANNOT, why="parameters")
    parameters = _mapping(rule["parameters"][1], "parameters")
    if "amount" not in parameters or not isinstance(parameters["amount"][1], yaml.ScalarNode):
        raise DraftError(_CANNOT, why="amount")
    amount_node = parameters["amount"][1]
    edits.append((amount_node.start_mark.index, amount_node.end_mark.index, _q(f"{amount.normalize():f}")))
    if "citation" not in rule:
        raise DraftError(_CANNOT, why="citation")
    key, value = rule["citation"]
    cited = {"title": citation.title, "url": citation.url}
    if citation.article:
        cited["article"] = citation.article
    flow = "{" + ", ".join(f"{name}: {_q(content)}" for name, content in cited.items()) + "}"
    if value.start_mark.index < key.end_mark.index:  # an alias (*name) to an anchor defined earlier
        match = re.compile(r":[ \t]*\*[^\s,}\]]+").match(text, key.end_mark.index)
        if match is None:
            raise DraftError(_CANNOT, why="citation")
        edits.append((match.start(), match.end(), f": {flow}"))
    else:  # keep an anchor (&name): rules that share this source share the new one
        anchor = re.compile(r"&[^\s,{}\[\]]+[ \t]*").match(text, value.start_mark.index)
        prefix = anchor.group(0).strip() + " " if anchor else ""
        edits.append((key.end_mark.index, _last_index(value), f": {prefix}{flow}"))

    result = text
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        result = result[:start] + replacement + result[end:]
    return result
