"""`krmscan schema`: the JSON Schemas editors use, printed by the installed command.

The shipped questionnaire and an answers file written by a real `krmscan take` validate
against them; files with the faults an editor should underline do not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from krmscan import questionnaire
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import plain_lines, run_krmscan, sample_answers

CORPUS = Path(__file__).resolve().parent / "bad_inputs"


def _printed_schema(kind: str) -> Draft202012Validator:
    result = run_krmscan("schema", kind)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def questionnaire_schema() -> Draft202012Validator:
    return _printed_schema("questionnaire")


@pytest.fixture(scope="module")
def answers_schema() -> Draft202012Validator:
    return _printed_schema("answers")


def _errors(validator: Draft202012Validator, document: Any) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_shipped_questionnaire_matches_its_schema(
    questionnaire_schema: Draft202012Validator,
) -> None:
    shipped = yaml.safe_load(questionnaire.default_path().read_text("utf-8"))
    assert _errors(questionnaire_schema, shipped) == []


def test_answers_file_written_by_take_matches_its_schema(
    answers_schema: Draft202012Validator, shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    given = sample_answers(shipped.questionnaire)
    typed = "\n".join(plain_lines(shipped.questionnaire, given)) + "\n"
    written = tmp_path / "a.json"
    taken = run_krmscan("take", "-o", written, input=typed)
    assert taken.returncode == 0, taken.stderr
    assert _errors(answers_schema, json.loads(written.read_text("utf-8"))) == []


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("unknown_field.yaml", "'statments' was unexpected"),
        ("bad_id.yaml", "does not match '^[a-z][a-z0-9_]*$'"),
        ("version_number.yaml", "1 is not of type 'string'"),
        ("unknown_question_type.yaml", "'dropdown'"),
    ],
)
def test_schema_underlines_what_an_author_gets_wrong(
    questionnaire_schema: Draft202012Validator, case: str, fragment: str
) -> None:
    document = yaml.safe_load((CORPUS / "questionnaires" / case).read_text("utf-8"))
    assert any(fragment in error for error in _errors(questionnaire_schema, document))


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("format_version_2.json", "1 was expected"),
        ("unknown_top_field.json", "'respondent' was unexpected"),
        ("missing_answers_field.json", "'answers' is a required property"),
    ],
)
def test_schema_refuses_broken_answers_files(
    answers_schema: Draft202012Validator, case: str, fragment: str
) -> None:
    document = json.loads((CORPUS / "answers" / case).read_text("utf-8"))
    assert any(fragment in error for error in _errors(answers_schema, document))


def test_schema_of_unknown_kind_is_a_usage_error() -> None:
    result = run_krmscan("schema", "report")
    assert result.returncode == 2
    assert "questionnaire" in result.stderr
    assert "Traceback" not in result.stderr
