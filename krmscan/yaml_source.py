"""Safe YAML loading that remembers where every value stands in the file.

One pass composes the node tree (libyaml's parser when present), a bounded check measures it,
the safe constructor builds plain data, and the line and column of every path are recorded, so
that problems found later (by pydantic or cross-field rules) can point at ``FILE:LINE:COL``.
Duplicate keys, which PyYAML would silently overwrite, are reported. Before anything is built,
the document's size with its aliases expanded ("billion laughs"), its depth, self-referring
aliases and tags other than plain YAML's are refused, so no input can exhaust memory, time or
the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = tuple[str | int, ...]

MAX_NODES = 50_000
"""Upper bound on the values of a document with its aliases expanded."""

MAX_DEPTH = 64
"""Upper bound on nesting; a questionnaire needs fewer than ten levels."""


class PureSafeLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, with libyaml's guard against deep flow nesting.

    Without it, ``[[[[...`` costs the pure-Python scanner quadratic time before anything fails.
    """

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        """Refuse a flow collection nested deeper than `MAX_DEPTH` before scanning on."""
        if self.flow_level >= MAX_DEPTH:
            raise yaml.scanner.ScannerError(None, None, _too_deep(), self.get_mark())
        super().fetch_flow_collection_start(token_class)


try:  # libyaml is several times faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = PureSafeLoader  # type: ignore[assignment,misc]

_CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(
    _CORE + name for name in ("null", "bool", "int", "float", "str", "seq", "map", "timestamp")
)
"""The tags of plain YAML data; any other tag (``!!python/object``, ``!!binary``, ``!x``) is
refused."""

_MERGE = _CORE + "merge"


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
    loader: SafeLoader | None = None
    try:
        loader = SafeLoader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(data=None)
        _check_bounds(node)
        document = YamlDocument(data=None)
        _walk(node, (), document)
        document.data = loader.construct_document(node)
        return document
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), None) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise YamlSyntaxError(_too_deep(), None) from None
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_error(error: yaml.MarkedYAMLError) -> YamlSyntaxError:
    """PyYAML's error in krmscan's words, at its position."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or str(error)
    if "maximum nesting depth" in problem:
        problem = _too_deep()
    elif error.context and error.context not in problem:
        problem = f"{error.context}: {problem}"
    return YamlSyntaxError(problem, _position(mark) if mark else None)


def _reader_error(error: yaml.reader.ReaderError, text: str) -> YamlSyntaxError:
    """A character YAML does not allow (control characters), at its line and column."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return YamlSyntaxError(
        f"the character U+{ord(character):04X} is not allowed in YAML ({error.reason}); remove it",
        Position(line, column),
    )


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep; a questionnaire needs only a few levels"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_bounds(root: yaml.Node) -> None:
    """Refuse a node graph that is too large with aliases expanded, too deep, or cyclic.

    Aliases make the composed graph share nodes, so sizes and depths are computed once per
    node (memoised, iteratively): a billion-laughs document is refused after visiting its few
    distinct nodes, never expanded.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            if size[key] > MAX_NODES:
                raise YamlSyntaxError(
                    f"the document expands to more than {MAX_NODES} values "
                    "(aliases referring to aliases?); write the values out instead",
                    _position(node.start_mark),
                )
            if depth[key] > MAX_DEPTH:
                raise YamlSyntaxError(_too_deep(), _position(node.start_mark))
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlSyntaxError(
                "an alias refers to the value that contains it; write the value out instead",
                _position(node.start_mark),
            )
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)


def _walk(node: yaml.Node, path: PathKey, document: YamlDocument) -> None:
    """Record positions, duplicate and non-text keys; refuse tags that are not plain YAML.

    Recursion is safe here: `_check_bounds` has limited the depth to `MAX_DEPTH`.
    """
    if node.tag not in PLAIN_TAGS:
        shown = node.tag.replace(_CORE, "!!", 1) if node.tag.startswith(_CORE) else node.tag
        raise YamlSyntaxError(
            f"the tag '{shown}' is not allowed: krmscan reads plain YAML only; remove the tag",
            _position(node.start_mark),
        )
    document.positions.setdefault(path, _position(node.start_mark))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                _walk(value_node, path, document)
                continue
            key_position = _position(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _CORE + "str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                message = f"the key {shown!r} is not a field name; field names are words"
                document.problems.append(Problem(path, key_position, message))
                continue
            key = str(key_node.value)
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
