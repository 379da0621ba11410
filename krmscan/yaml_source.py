"""Safe YAML loading that remembers where every value stands in the file.

One pass composes the node tree (libyaml's parser when present), constructs plain data with the
safe constructor, and records the line and column of every path, so that problems found later
(by pydantic or cross-field rules) can point at ``FILE:LINE:COL``. Duplicate keys, which PyYAML
would silently overwrite, are reported; alias expansion is bounded ("billion laughs").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is several times faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]

MAX_NODES = 200_000
"""Upper bound on the nodes of a document with its aliases expanded."""
MAX_DEPTH = 100
"""Upper bound on the nesting of a document (the questionnaire needs about 8 levels)."""


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """Something wrong at a path of a document."""

    path: PathKey
    position: Position
    message: str


@dataclass
class YamlDocument:
    """Loaded data plus the position of each path, and the problems seen while reading."""

    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position_of(self, path: PathKey) -> Position:
        """The position of ``path`` or of its nearest recorded ancestor."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return Position(1, 1)


class YamlSyntaxError(Exception):
    """The text is not YAML that krmscan accepts; carries a position when PyYAML gave one."""

    def __init__(self, message: str, position: Position | None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def load_yaml(text: str) -> YamlDocument:
    """Parse ``text`` safely into data with positions; raises `YamlSyntaxError`."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(data=None)
        _check_expansion(node)
        document = YamlDocument(data=None)
        _walk(node, (), document)
        document.data = loader.construct_document(node)
        return document
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        if problem.startswith("could not determine a constructor for the tag"):
            problem += "; remove the tag: krmscan reads plain YAML values only"
        if error.context and error.context not in problem:
            problem = f"{error.context}: {problem}"
        return _raise(problem, _position(mark) if mark else None)
    except yaml.YAMLError as error:
        return _raise(str(error), None)
    finally:
        loader.dispose()


def _raise(message: str, position: Position | None) -> YamlDocument:
    raise YamlSyntaxError(message, position)


def _check_expansion(root: yaml.Node) -> None:
    """Refuse self-referring aliases, expansion beyond `MAX_NODES`, nesting beyond `MAX_DEPTH`.

    Deep nesting would end the loader's recursion in a traceback. Aliases share node objects,
    so sizes are memoised per node: a "billion laughs" document is measured in as many steps
    as it has distinct nodes, before anything is expanded.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if depth > MAX_DEPTH:
            raise YamlSyntaxError(
                f"values are nested more than {MAX_DEPTH} levels deep here; flatten the file",
                _position(node.start_mark),
            )
        if key in open_nodes:
            raise YamlSyntaxError(
                "an alias refers to the value that contains it; write the values out instead",
                _position(node.start_mark),
            )
        open_nodes.add(key)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        total = 1 + sum(size(child, depth + 1) for child in children)
        open_nodes.discard(key)
        sizes[key] = total
        if total > MAX_NODES and all(sizes[id(child)] <= MAX_NODES for child in children):
            raise YamlSyntaxError(
                f"this value expands to {total} values through aliases (at most {MAX_NODES} "
                "allowed); write the values out instead",
                _position(node.start_mark),
            )
        return total

    size(root, 0)


def _walk(node: yaml.Node, path: PathKey, document: YamlDocument) -> None:
    """Record the position of every path and report duplicate keys."""
    document.positions.setdefault(path, _position(node.start_mark))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                _walk(value_node, path, document)
                continue
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_position = _position(key_node.start_mark)
            if key in seen:
                first = seen[key]
                message = f"duplicate key '{key}' (first at line {first.line}); keep one of them"
                document.problems.append(Problem((*path, key), key_position, message))
            seen.setdefault(key, key_position)
            document.positions.setdefault((*path, key), key_position)
            _walk(value_node, (*path, key), document)
            document.positions[(*path, key)] = key_position
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), document)
