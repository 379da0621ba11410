"""Property: whatever bytes, JSON or YAML the loaders are given, they accept it or raise
krmscan's own error (`KrmscanError`, which the CLI prints as one message), never anything else.

Inputs are generated three ways: arbitrary bytes and text, arbitrary JSON/YAML values, and
valid files with a few values replaced at random places (which reach the deeper rules).
"""

from __future__ import annotations

import contextlib
import copy
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krmscan import answers, questionnaire, yaml_source
from krmscan.errors import KrmscanError
from krmscan.messages import messages_for
from krmscan.questionnaire import LoadedQuestionnaire

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
VALID_ANSWERS: dict[str, Any] = json.loads((CORPUS / "answers" / "valid.json").read_text("utf-8"))
SHIPPED_DATA: dict[str, Any] = yaml.safe_load(questionnaire.default_path().read_text("utf-8"))
MINI_TEXT = (CORPUS / "questionnaires" / "valid.yaml").read_text("utf-8")
MINI_DATA: dict[str, Any] = yaml.safe_load(MINI_TEXT)
PATH = Path("fuzzed")

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "eens", "doel_anders", "1", "2026-11-27T10:00:00+01:00", "a@b.nl"])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
yaml_pieces = st.sampled_from(
    [
        "id: ", "text: ", "- ", "  ", "\t", "\n", ": ", "&a ", "*a", "<<: *a", "!!python/object ",
        "!!binary ", "!x ", "[", "]", "{", "}", ", ", "---\n", "? ", "'", '"', "#", "|", ">",
        "2026-01-01", "yes", "~", "sections:\n", "bands:\n", "\x00", "\ufeff", "é",
    ]
)  # fmt: skip


def _accepted_or_own_error(call: Callable[[], object]) -> None:
    with contextlib.suppress(KrmscanError):
        call()


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``node`` (keys and indexes), shortest first."""
    found = [prefix] if prefix else []
    if isinstance(node, dict | list):
        for key, child in node.items() if isinstance(node, dict) else enumerate(node):
            found.extend(_paths(child, (*prefix, key)))
    return found


def _ids(node: Any) -> list[str]:
    """Every text in ``node`` that looks like an id: the values most likely to confuse rules."""
    if isinstance(node, dict):
        return [text for child in node.values() for text in _ids(child)] + [
            key for key in node if isinstance(key, str)
        ]
    if isinstance(node, list):
        return [text for child in node for text in _ids(child)]
    return [node] if isinstance(node, str) and node.isidentifier() else []


def _mutated(draw: Callable[[Any], Any], document: Any, changes: int = 3) -> Any:
    """``document`` with up to ``changes`` values replaced, removed or added at random paths.

    New values are mostly plausible ones (ids of the same document, small numbers, lists and
    mappings of them), so that the mutations get past the structure to the cross-field rules.
    """
    document = copy.deepcopy(document)
    ids = sorted(set(_ids(document)))
    plausible = st.recursive(
        st.sampled_from(ids) | st.integers(-1, 101) | scalars,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.sampled_from([*ids, "id", "text"]), children, max_size=3)
        ),
        max_leaves=8,
    )
    for _ in range(draw(st.integers(1, changes))):
        paths = [path for path in _paths(document) for _ in path]  # deeper: more likely
        if not paths:
            break
        *parents, key = draw(st.sampled_from(paths))
        parent = document
        for part in parents:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if action == "remove":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(ids))] = draw(plausible)
        elif action == "add":
            parent.insert(key, draw(plausible))
        else:
            parent[key] = draw(plausible)
    return document


# --- answers files -------------------------------------------------------------------------


def _parse_and_check(raw: bytes, shipped: LoadedQuestionnaire) -> None:
    messages = messages_for(shipped.questionnaire.language)
    parsed = answers.parse(raw, PATH, messages=messages)
    answers.check(parsed, shipped, PATH)


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_answers_any_bytes(raw: bytes, shipped: LoadedQuestionnaire) -> None:
    _accepted_or_own_error(lambda: _parse_and_check(raw, shipped))


@FUZZ
@given(value=values)
def test_answers_any_json(value: Any, shipped: LoadedQuestionnaire) -> None:
    raw = json.dumps(value).encode()
    _accepted_or_own_error(lambda: _parse_and_check(raw, shipped))


@FUZZ
@given(data=st.data())
def test_answers_valid_file_with_random_changes(
    data: st.DataObject, shipped: LoadedQuestionnaire
) -> None:
    document = _mutated(data.draw, VALID_ANSWERS)
    raw = json.dumps(document, ensure_ascii=data.draw(st.booleans())).encode()
    _accepted_or_own_error(lambda: _parse_and_check(raw, shipped))


@FUZZ
@given(data=st.data())
def test_answers_valid_answers_with_random_changes(
    data: st.DataObject, shipped: LoadedQuestionnaire
) -> None:
    """The same, each change inside ``answers``, where most of the rules are."""
    document = {**VALID_ANSWERS, "answers": _mutated(data.draw, VALID_ANSWERS["answers"])}
    _accepted_or_own_error(lambda: _parse_and_check(json.dumps(document).encode(), shipped))


@settings(max_examples=40, deadline=None)
@given(raw=st.binary(max_size=500) | values.map(lambda v: json.dumps(v).encode()))
def test_answers_load_from_a_file(raw: bytes) -> None:
    shipped = questionnaire.load()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.json"
        path.write_bytes(raw)
        _accepted_or_own_error(lambda: answers.load(path, shipped))


def test_answers_mutation_reaches_the_rules(shipped: LoadedQuestionnaire) -> None:
    """The valid base is accepted: mutations start from a file that passes every rule."""
    raw = json.dumps(VALID_ANSWERS).encode()
    _parse_and_check(raw, shipped)


# --- questionnaires ------------------------------------------------------------------------


@FUZZ
@given(text=st.text(max_size=400) | st.lists(yaml_pieces, max_size=40).map("".join))
def test_questionnaire_any_text(text: str) -> None:
    _accepted_or_own_error(lambda: questionnaire.parse(text, PATH))


@FUZZ
@given(value=values)
def test_questionnaire_any_yaml_value(value: Any) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    _accepted_or_own_error(lambda: questionnaire.parse(text, PATH))


@FUZZ
@given(data=st.data(), base=st.sampled_from([MINI_DATA, MINI_DATA, SHIPPED_DATA]))
def test_questionnaire_valid_with_random_changes(data: st.DataObject, base: Any) -> None:
    document = _mutated(data.draw, base)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    _accepted_or_own_error(lambda: questionnaire.parse(text, PATH))


@FUZZ
@given(data=st.data())
def test_questionnaire_text_with_random_lines_changed(data: st.DataObject) -> None:
    """Edits an author could make by hand: a line replaced, dropped, duplicated or re-indented."""
    lines = MINI_TEXT.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(["replace", "drop", "repeat", "indent", "dedent"]))
        if edit == "replace":
            lines[index] = data.draw(st.lists(yaml_pieces, max_size=8).map("".join)) + "\n"
        elif edit == "drop":
            del lines[index]
        elif edit == "repeat":
            lines.insert(index, lines[index])
        elif edit == "indent":
            lines[index] = "  " + lines[index]
        else:
            lines[index] = lines[index].removeprefix("  ")
        if not lines:
            break
    text = "".join(lines)
    _accepted_or_own_error(lambda: questionnaire.parse(text, PATH))


def test_questionnaire_pure_python_loader_answers_alike(monkeypatch: Any) -> None:
    """The fallback loader (without libyaml) accepts the valid file and refuses every bad one."""
    monkeypatch.setattr(yaml_source, "SafeLoader", yaml_source.PureSafeLoader)
    cases = sorted((CORPUS / "questionnaires").glob("*.yaml"))
    texts = {path.name: path.read_bytes().decode("utf-8", errors="replace") for path in cases}
    texts["deeper.yaml"] = "id: " + "[" * 100_000 + "]" * 100_000
    questionnaire.parse(texts.pop("valid.yaml"), PATH)
    for name, text in texts.items():
        if name == "not_utf8.yaml":
            continue  # a decoding fault, found before YAML is parsed
        with pytest.raises(KrmscanError):
            questionnaire.parse(text, PATH)
