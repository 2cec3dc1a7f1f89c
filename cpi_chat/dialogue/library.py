"""A set of loaded flows and the problems found in them, each tied to a file and a line of its YAML."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from cpi_chat.dialogue.model import Flow


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a flow file, printed as `path:line: where: message`."""

    path: str
    line: int
    where: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        where = f"{self.where}: " if self.where else ""
        return f"{self.path}:{self.line}: {prefix}{where}{self.message}"


@dataclass
class FlowSource:
    """A loaded flow with the file it came from and its YAML node tree, for line numbers."""

    flow: Flow
    path: str
    node: yaml.Node

    def line_of(self, loc: Iterable[Any]) -> int:
        return line_of(self.node, loc)


@dataclass
class FlowLibrary:
    """All flows that loaded, by id, and every problem found on the way."""

    sources: dict[str, FlowSource] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def flows(self) -> dict[str, Flow]:
        return {flow_id: source.flow for flow_id, source in self.sources.items()}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


def line_of(node: yaml.Node, loc: Iterable[Any]) -> int:
    """The 1-based line of the YAML node at a pydantic error location (skipping union tags it can't find)."""
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
    return node.start_mark.line + 1


def key_line(node: yaml.Node, loc: Iterable[Any], key: str) -> int:
    """The line of `key` inside the mapping at `loc` (the mapping's own line if the key is absent)."""
    target = node
    for part in loc:
        target = _child(target, part)
    if isinstance(target, yaml.MappingNode):
        for k, _ in target.value:
            if k.value == key:
                return k.start_mark.line + 1
    return target.start_mark.line + 1


def _child(node: yaml.Node, part: Any) -> yaml.Node:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == part), node)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return node


def format_loc(loc: Iterable[Any]) -> str:
    """`steps[2].next` from ('steps', 2, 'next')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
