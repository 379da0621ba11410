"""Safe YAML loading that remembers where every value stands in the file.

One pass composes the node tree (libyaml's parser when present), a bounded check measures it,
the safe constructor builds plain data, and the line and column of every path are recorded, so
that problems found later (by pydantic or cross-field rules) can point at ``FILE:LINE:COL``.
Duplicate keys, which PyYAML would silently overwrite, are reported. Before anything is built,
the document's size with its aliases expanded ("billion laughs"), its depth, self-referring
aliases and tags other than plain YAML's are refused, so no input can exhaust memory, time or
the stack.

Its types are named tuples and plain classes, not dataclasses: defining a dataclass costs a
millisecond of start-up, paid by every command.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple, cast

import yaml

PathKey = tuple[str | int, ...]

MAX_NODES = 200_000
"""Upper bound on the values of a document with its aliases expanded."""

MAX_DEPTH = 100
"""Upper bound on nesting (the questionnaire needs about 8 levels)."""


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
_STR = _CORE + "str"
_SEQ = _CORE + "seq"
_MAP = _CORE + "map"
_TIMESTAMP = _CORE + "timestamp"
_INT = _CORE + "int"
_NUMBERS = frozenset({_INT, _CORE + "float"})
_PLAIN_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
"""A whole number as written, in plain digits (``-`` allowed): taken as it reads."""
_INTEGER_FORM = re.compile(r"[-+]?[0-9][0-9a-fA-FxXbB_]*")
"""What YAML 1.1 may read as a whole number in another form: ``010``, ``0x2``, ``+2``, ``1_0``."""
_SCALAR_KINDS = {
    _CORE + "null": "an empty value",
    _CORE + "bool": "true or false",
    _CORE + "int": "a whole number",
    _CORE + "float": "a number",
}
"""What a scalar tag reads a value as, in words (for the message when it cannot)."""


class Position(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


class Problem(NamedTuple):
    """Something wrong at a path of a document."""

    path: PathKey
    position: Position
    message: str


class YamlDocument:
    """Loaded data plus the position of each path, and the problems seen while reading."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.positions: dict[PathKey, Position] = {}
        self.problems: list[Problem] = []

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
        document = YamlDocument(data=None)
        if node is not None:
            builder = _Builder(loader, document, _alias_positions(text))
            document.data = builder.build(node, (), 0).value
        return document
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), None) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise YamlSyntaxError(_too_deep(), None) from None
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    """PyYAML's error in krmscan's words, at its position."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or str(error)
    if "maximum nesting depth" in problem:
        problem = _too_deep()
    elif "undefined alias" in problem and mark is not None:
        name = re.match(r"\*([^\s,\[\]{}]*)", text[mark.index :])
        alias = f" '*{name[1]}'" if name else ""
        problem = (
            f"the alias{alias} refers to no anchor; define '&{name[1] if name else ''}' on a "
            "value above it, or write the value out"
        )
    elif "duplicate anchor" in (error.context or "") and mark is not None:
        name = re.match(r"&([^\s,\[\]{}]*)", text[mark.index :])
        anchor = f"'&{name[1]}' " if name else ""
        first = error.context_mark
        at = f" (first at line {first.line + 1})" if first is not None and first is not mark else ""
        problem = f"the anchor {anchor}is defined twice{at}; give one of them another name"
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


def _refuse_misfit_tag(node: yaml.Node) -> None:
    """A collection tag on a scalar (``!!map x``) or a scalar tag on a collection (``!!int []``)."""
    if isinstance(node, yaml.ScalarNode):
        misfit, what = node.tag in {_SEQ, _MAP}, "a single value"
    elif isinstance(node, yaml.SequenceNode):
        misfit, what = node.tag != _SEQ, "a list"
    else:
        misfit, what = node.tag != _MAP, "a mapping"
    if misfit:
        shown = node.tag.replace(_CORE, "!!", 1)
        raise YamlSyntaxError(
            f"the tag '{shown}' does not fit {what}; remove the tag", _position(node.start_mark)
        )


def _quoted(value: str) -> str:
    """A scalar's text for a message: quoted, shortened, its control characters shown."""
    from krmscan.text import printable

    shown = printable(value if len(value) <= 40 else value[:37] + "...")
    return f"'{shown}'"


_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}]")
"""An alias (``*name``) somewhere: a ``*`` after a space or bracket, before a name."""


def _alias_positions(text: str) -> Iterator[Position] | None:
    """Where each alias stands, in document order (the composed nodes do not keep it).

    Only for documents that use aliases without merge keys: each alias is then met exactly
    once, in this order, as a node built before. None otherwise.
    """
    if _ALIAS.search(text) is None or "<<" in text:
        return None
    events = yaml.parse(text, Loader=SafeLoader)
    return iter([_position(e.start_mark) for e in events if isinstance(e, yaml.AliasEvent)])


def _too_deep() -> str:
    return f"values are nested more than {MAX_DEPTH} levels deep here; flatten the file"


class _Built(NamedTuple):
    value: Any
    size: int
    """Values in the subtree, aliases expanded."""
    height: int
    """Levels of the subtree."""


class _Builder:
    """One pass over the composed nodes: plain data, positions, and every check.

    Aliases make the node graph share nodes; each node is built once and its size and height
    remembered, so a billion-laughs document is refused after visiting its few distinct nodes,
    never expanded. Recursion is safe: it stops at `MAX_DEPTH` levels.
    """

    def __init__(
        self, loader: Any, document: YamlDocument, aliases: Iterator[Position] | None = None
    ) -> None:
        self.loader = loader
        self.document = document
        self.aliases = aliases
        self.built: dict[int, _Built] = {}
        self.open: set[int] = set()

    def build(self, node: yaml.Node, path: PathKey, depth: int) -> _Built:
        """The data of ``node`` at ``path``, ``depth`` levels below the top."""
        known = self.built.get(id(node))
        if known is not None:  # an alias of a node built before
            alias = next(self.aliases, None) if self.aliases is not None else None
            if alias is not None:  # a problem inside it is shown at the alias, not the anchor
                self.document.positions.setdefault(path, alias)
            if depth + known.height - 1 > MAX_DEPTH:
                raise YamlSyntaxError(_too_deep(), _position(node.start_mark))
            return known
        if id(node) in self.open:
            raise YamlSyntaxError(
                "an alias refers to the value that contains it; write the values out instead",
                _position(node.start_mark),
            )
        if depth > MAX_DEPTH:
            raise YamlSyntaxError(_too_deep(), _position(node.start_mark))
        if node.tag not in PLAIN_TAGS:
            shown = node.tag.replace(_CORE, "!!", 1) if node.tag.startswith(_CORE) else node.tag
            raise YamlSyntaxError(
                f"the tag '{shown}' is not allowed: krmscan reads plain YAML only; remove the tag",
                _position(node.start_mark),
            )
        self.document.positions.setdefault(path, _position(node.start_mark))
        _refuse_misfit_tag(node)
        if isinstance(node, yaml.ScalarNode):
            built = _Built(self._scalar(node), 1, 1)
        else:
            self.open.add(id(node))
            if isinstance(node, yaml.MappingNode):
                built = self._mapping(node, path, depth)
            else:
                built = self._sequence(cast(yaml.SequenceNode, node), path, depth)
            self.open.discard(id(node))
        if built.size > MAX_NODES:  # the first value too large: its parts were not
            raise YamlSyntaxError(
                f"this value expands to {built.size} values through aliases (at most "
                f"{MAX_NODES} allowed); write the values out instead",
                _position(node.start_mark),
            )
        self.built[id(node)] = built
        return built

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """The value of a scalar; one located message when its tag cannot read it."""
        if node.tag == _STR:
            return node.value
        if node.tag == _TIMESTAMP:  # the model takes no dates: `text: 2026-02-30` is a typo
            raise YamlSyntaxError(
                f"{_quoted(node.value)} reads as a date or time, which no field takes; put it in "
                "quotes if it is meant as text",
                _position(node.start_mark),
            )
        if node.tag in _NUMBERS and ":" in node.value:  # YAML 1.1 base 60: `1:30` is 90
            raise YamlSyntaxError(
                f"{_quoted(node.value)} reads as a base-60 number (YAML 1.1 sexagesimal); write "
                "the number itself, or put it in quotes if it is meant as text",
                _position(node.start_mark),
            )
        if (
            node.tag == _INT
            and _INTEGER_FORM.fullmatch(node.value)
            and not _PLAIN_INTEGER.fullmatch(node.value)
        ):  # YAML 1.1 reads 010 as 8 and 1_0 as 10
            raise YamlSyntaxError(
                f"{_quoted(node.value)} reads as a YAML 1.1 number form (octal, hexadecimal, "
                "binary, a sign or _ between digits); write the number as plain digits",
                _position(node.start_mark),
            )
        try:
            return self.loader.yaml_constructors[node.tag](self.loader, node)
        except (ValueError, KeyError, TypeError, ArithmeticError, yaml.YAMLError) as error:
            digits = sum(character.isdigit() for character in node.value)
            why = (
                f" (it has {digits} digits)"
                if node.tag == _CORE + "int" and "digits" in str(error)
                else ""
            )
            raise YamlSyntaxError(
                f"{_quoted(node.value)} cannot be read as {_SCALAR_KINDS[node.tag]}{why}; "
                "correct it, or remove the tag",
                _position(node.start_mark),
            ) from None

    def _sequence(self, node: yaml.SequenceNode, path: PathKey, depth: int) -> _Built:
        items = [
            self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
        ]
        return _Built(
            [item.value for item in items],
            1 + sum(item.size for item in items),
            1 + max((item.height for item in items), default=0),
        )

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> _Built:
        """A mapping: duplicate keys reported, keys that are not text refused, merges applied."""
        problems = self.document.problems
        positions = self.document.positions
        seen: dict[str, Position] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key_position = _position(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                message = f"the key {shown!r} is not a field name; field names are words"
                problems.append(Problem(path, key_position, message))
            elif key_node.value in seen:
                first = seen[key_node.value]
                message = (
                    f"duplicate key '{key_node.value}' (first at line {first.line}); "
                    "keep one of them"
                )
                problems.append(Problem((*path, key_node.value), key_position, message))
            else:
                seen[key_node.value] = key_position
        if any(key_node.tag == _MERGE for key_node, _ in node.value):
            self.loader.flatten_mapping(node)  # `<<: *base` merges, as PyYAML does
        value: dict[str, Any] = {}
        size, height = 1, 0
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                continue
            key = key_node.value
            child_path = (*path, key)
            positions.setdefault(child_path, _position(key_node.start_mark))
            child = self.build(value_node, child_path, depth + 1)
            if key in seen:
                positions[child_path] = seen[key]
            value[key] = child.value
            size += child.size
            height = max(height, child.height)
        return _Built(value, size, height + 1)
