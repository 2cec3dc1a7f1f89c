"""Reads flow files: YAML to validated `Flow` models, with every problem tied to a file and line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from cpi_chat.dialogue.checks import check_library
from cpi_chat.dialogue.library import FlowLibrary, FlowSource, Problem, format_loc, line_of
from cpi_chat.dialogue.model import Flow
from cpi_chat.errors import FlowError

MAX_FLOW_FILE_BYTES = 2_000_000
# YAML anchors let a small file stand for a huge one ("billion laughs"); no real flow comes near this.
MAX_EXPANDED_NODES = 200_000
# libyaml's loader when it is installed (about five times faster); the marks and errors are the same.
FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _message(error: Mapping[str, Any], model_fields: Iterable[str]) -> str:
    kind, loc = error["type"], error["loc"]
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), list(model_fields), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{last}'{hint}"
    if kind == "missing":
        return f"'{last}' is missing"
    if kind == "step_kind":
        return error["msg"]
    if kind in FRIENDLY:
        return FRIENDLY[kind]
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:]


FRIENDLY = {
    "string_type": "should be text (put it in quotes if it looks like a number or yes/no)",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": "should be a list (lines starting with '- ')",
    "model_type": "should be a mapping of keys",
    "dict_type": "should be a mapping of keys",
    "too_short": "should not be empty",
}


def _known_fields(loc: tuple[Any, ...]) -> set[str]:
    """Field names that could appear at this location, to suggest a fix for a misspelt key."""
    from cpi_chat.dialogue import model

    names: set[str] = set()
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            for name, info in cls.model_fields.items():
                names.add(info.alias or name)
    return names


def _strip_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the step-kind tag pydantic puts after ('steps', i): it is not a key in the file."""
    if len(loc) > 2 and loc[0] == "steps" and isinstance(loc[1], int) and isinstance(loc[2], str):
        return loc[:2] + loc[3:]
    return loc


def parse_flow_file(path: Path, display: str | None = None) -> tuple[FlowSource | None, list[Problem]]:
    """Load and validate one file; returns the flow (or None) and its problems."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FLOW_FILE_BYTES + 1)  # never more: a device or a huge file cannot fill memory
    except OSError as error:
        return None, [Problem(name, 1, "", f"cannot be read ({error.strerror or 'unknown reason'})")]
    if len(raw) > MAX_FLOW_FILE_BYTES:
        return None, [Problem(name, 1, "", f"is too big for a flow file (the limit is {MAX_FLOW_FILE_BYTES // 1000} kB)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "", "is not UTF-8 text; save it as UTF-8 and try again")]
    if not text.strip():
        return None, [Problem(name, 1, "", "is empty; a flow file needs at least id, title, start and steps")]
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        if "nesting depth" in str(error.problem):
            return None, [Problem(name, line, "", TOO_DEEP)]
        return None, [Problem(name, line, "", f"YAML syntax error: {error.problem or error.context}")]
    except RecursionError:
        return None, [Problem(name, 1, "", TOO_DEEP)]
    except yaml.YAMLError as error:
        return None, [Problem(name, 1, "", f"YAML could not be read: {type(error).__name__}")]
    if node is None or data is None:
        return None, [Problem(name, 1, "", "is empty; a flow file needs at least id, title, start and steps")]
    if expands_too_far(node):
        return None, [Problem(name, 1, "", TOO_REPEATED)]
    if not isinstance(data, dict):
        return None, [Problem(name, node.start_mark.line + 1, "", "should be a mapping of keys (id, title, start, steps), not a list or a single value")]
    problems = [Problem(name, line, format_loc(loc), message) for line, loc, message in duplicate_keys(node)]
    try:
        flow = Flow.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = _strip_tags(tuple(item["loc"]))
            problems.append(Problem(name, line_of(node, loc), format_loc(loc), _message(item, _known_fields(loc))))
        return None, sorted(set(problems))
    except RecursionError:
        return None, [Problem(name, 1, "", TOO_DEEP)]
    if problems:
        return None, sorted(set(problems))
    return FlowSource(flow=flow, path=name, node=node), []


TOO_DEEP = "is nested too deeply to be a flow (a flow needs only a few levels of indentation)"
TOO_REPEATED = "repeats its anchors (&name and *name) so often that it would grow too big to read; write the steps out instead"


def expands_too_far(root: yaml.Node, limit: int = MAX_EXPANDED_NODES) -> bool:
    """Whether the node tree, with every alias followed, has more than `limit` nodes (stops counting there)."""
    seen = 0
    todo: list[yaml.Node] = [root]
    while todo:
        node = todo.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                todo.append(key)
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return False


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the plain data, from one parse."""
    loader = FAST_LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def duplicate_keys(root: yaml.Node) -> list[tuple[int, tuple[Any, ...], str]]:
    """Keys written twice in one mapping (YAML would quietly keep only the last): line, location, message."""
    found: list[tuple[int, tuple[Any, ...], str]] = []
    todo: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while todo:
        node, loc = todo.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                text = str(key.value)
                if text in seen:
                    found.append((key.start_mark.line + 1, loc + (text,),
                                  f"the key '{text}' is written twice in the same place (first on line {seen[text]}); keep one"))
                else:
                    seen[text] = key.start_mark.line + 1
                todo.append((value, loc + (text,)))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, loc + (i,)) for i, item in enumerate(node.value))
    return found


def flow_files(paths: Iterable[Path]) -> list[Path]:
    """Every .yaml/.yml file named, or inside a folder named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file()))
        else:
            found.append(path)
    return found


def load_library(paths: Iterable[Path], check: bool = True) -> FlowLibrary:
    """Load every flow file; with `check`, also check references across steps and flows."""
    library = FlowLibrary()
    for path in flow_files(paths):
        if not path.exists():
            library.problems.append(Problem(str(path), 1, "", "does not exist"))
            continue
        source, problems = parse_flow_file(path)
        library.problems.extend(problems)
        if source is None:
            continue
        previous = library.sources.get(source.flow.id)
        if previous is not None:
            library.problems.append(
                Problem(source.path, source.line_of(["id"]), "id", f"flow id '{source.flow.id}' is already used by {previous.path}")
            )
            continue
        library.sources[source.flow.id] = source
    if check:
        library.problems.extend(check_library(library))
    library.problems.sort(key=lambda p: (p.path, p.line, p.where, p.message))
    return library


def load_flows(flows_dir: Path) -> dict[str, Flow]:
    """The flows in a folder, ready to run; raises FlowError naming the first problem if any is broken."""
    library = load_library([flows_dir])
    if library.errors:
        first = library.errors[0]
        more = f" (and {len(library.errors) - 1} more; run `cpi-chat flows check`)" if len(library.errors) > 1 else ""
        raise FlowError(f"A conversation flow has a problem: {first}{more}")
    if not library.sources:
        raise FlowError(f"No conversation flows were found in {flows_dir}.")
    return library.flows
