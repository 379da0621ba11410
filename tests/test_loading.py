"""The loaders' promises beyond refusing bad input: the same data as PyYAML, a questionnaire
parsed once per process, a byte order mark tolerated, e-mail addresses judged as
email-validator judges them."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from email_validator import EmailNotValidError, validate_email

from krmscan import answers, questionnaire, yaml_source
from krmscan.messages import ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire

VALID_ANSWERS = Path(__file__).resolve().parent / "bad_inputs" / "answers" / "valid.json"


@pytest.mark.parametrize("loader", [yaml_source.SafeLoader, yaml_source.PureSafeLoader])
def test_yaml_data_equals_pyyamls(loader: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "SafeLoader", loader)
    text = questionnaire.default_path().read_text("utf-8")
    assert yaml_source.load_yaml(text).data == yaml.safe_load(text)


def test_yaml_merge_keys_and_aliases_are_plain_yaml() -> None:
    text = "base: &base {a: 1, b: 2}\nx:\n  <<: *base\n  b: 3\nlist: &l [1, 2]\ny: *l\n"
    document = yaml_source.load_yaml(text)
    assert document.data == yaml.safe_load(text)
    assert document.problems == []
    assert document.position_of(("x", "b")) == yaml_source.Position(4, 3)
    assert document.position_of(("y", 1)) == yaml_source.Position(6, 1)  # the alias's key


def test_yaml_duplicate_key_is_reported_where_it_stands() -> None:
    document = yaml_source.load_yaml("a: 1\nb:\n  c: 2\n  c: 3\n")
    assert [(p.path, p.position.line) for p in document.problems] == [(("b", "c"), 4)]


def test_questionnaire_is_parsed_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "q.yaml"
    copy.write_bytes(questionnaire.default_path().read_bytes() + b"\n# another file, same scan\n")
    parsed: list[Path] = []
    real_parse = questionnaire.parse

    def counting_parse(text: str, path: Path) -> questionnaire.Questionnaire:
        parsed.append(path)
        return real_parse(text, path)

    monkeypatch.setattr(questionnaire, "parse", counting_parse)
    first = questionnaire.load(copy)
    second = questionnaire.load(copy)
    assert parsed == [copy]
    assert second.questionnaire is first.questionnaire
    copy.write_bytes(copy.read_bytes() + b"# edited\n")
    third = questionnaire.load(copy)
    assert parsed == [copy, copy]
    assert third.sha256 != first.sha256


def test_answers_file_with_byte_order_mark_is_read(shipped: LoadedQuestionnaire) -> None:
    raw = b"\xef\xbb\xbf" + VALID_ANSWERS.read_bytes()
    parsed = answers.parse(raw, Path("bom.json"), messages=ENGLISH)
    answers.check(parsed, shipped, Path("bom.json"))


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("alice@woonstede.nl", True),
        ("a.de.vries+krm@mail.woonstede-groep.nl", True),
        ("josé@corporatie.nl", True),  # not plain ASCII: decided by email_validator
        ("alice@localhost", False),
        ("alice..b@woonstede.nl", False),
        ("alice at woonstede.nl", False),
        ("alice@woonstede", False),
    ],
)
def test_is_email(address: str, valid: bool) -> None:
    assert answers.is_email(address) is valid
    refused = pytest.raises(EmailNotValidError) if not valid else contextlib.nullcontext()
    with refused:
        validate_email(address, check_deliverability=False)


def test_loaded_answers_keep_json_shape(shipped: LoadedQuestionnaire) -> None:
    loaded = answers.load(VALID_ANSWERS, shipped)
    assert json.loads(answers.dump(loaded.file)) == json.loads(VALID_ANSWERS.read_text("utf-8"))
