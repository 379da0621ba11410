"""The answers file: its model, the rules an answer must keep, and saving and loading it.

An answers file is JSON (UTF-8)::

    {"format": "krmscan-answers", "format_version": 1,
     "questionnaire": {"id": ..., "version": ..., "sha256": ...},
     "started_at": "2026-11-27T10:00:00+01:00", "completed_at": "...",
     "answers": {"organisatie": "Woonstede", "krm_is": ["over_nadenken"],
                 "krm_doelen": ["doel_belonen", {"id": "doel_anders", "text": "..."}],
                 "gevoelsmatige_ambitie": "klantgedreven", "strategie_...": "eens", ...}}

Files store ids; an "other" option is stored as ``{"id", "text"}`` with the text typed for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
)

from krmscan.errors import BadDataError, ProblemsError
from krmscan.files import read_limited, write_private
from krmscan.messages import Messages, messages_for
from krmscan.questionnaire import (
    AmbitionQuestion,
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    Option,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)

FORMAT = "krmscan-answers"
FORMAT_VERSION = 1
MAX_ANSWERS_BYTES = 1024 * 1024


class Strict(BaseModel):
    """Base of the file's parts: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


class OtherAnswer(Strict):
    """An "other" option with the text the respondent typed for it."""

    id: str
    text: str


Choice = str | OtherAnswer
AnswerValue = Annotated[
    str | OtherAnswer | list[Choice],
    Field(description="Text, an option id, a scale id, or a list of option ids."),
]
Answers = Mapping[str, AnswerValue]


class QuestionnaireRef(Strict):
    """Which questionnaire file the answers belong to."""

    id: str
    version: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class AnswersFile(Strict):
    """The whole answers file."""

    format: Literal["krmscan-answers"]
    format_version: Literal[1]
    questionnaire: QuestionnaireRef
    started_at: AwareDatetime
    completed_at: AwareDatetime
    answers: dict[str, AnswerValue]

    @field_serializer("started_at", "completed_at")
    def _with_offset(self, moment: datetime) -> str:
        """ISO 8601 with a numeric offset, ``+00:00`` rather than ``Z`` (Python 3.10 reads it)."""
        return moment.isoformat()


# The rules of one answer, with messages in the questionnaire's language.


def text_problem(question: TextQuestion, value: str, messages: Messages) -> str | None:
    """Why ``value`` cannot answer a text question, or None."""
    if not value.strip():
        return messages.required if question.required else None
    if question.format == "email" and not is_email(value.strip()):
        return messages.invalid_email
    return None


def is_email(value: str) -> bool:
    """Whether ``value`` is a syntactically valid e-mail address (no DNS lookup)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def count_problem(question: MultipleChoiceQuestion, count: int, messages: Messages) -> str | None:
    """Why ``count`` chosen options break the question's minimum or maximum, or None."""
    if count < question.min_choices:
        return messages.choices_limit(minimum=True, count=question.min_choices)
    if count > question.most_choices:
        return messages.choices_limit(minimum=False, count=question.most_choices)
    return None


def other_text_problem(option: Option, text: str, messages: Messages) -> str | None:
    """Why ``text`` cannot describe a chosen "other" option, or None."""
    return None if text.strip() else messages.other_text_required.format(option=option.text)


def choice_id(choice: Choice) -> str:
    """The option id of a stored choice."""
    return choice.id if isinstance(choice, OtherAnswer) else choice


# Checking a whole set of answers against the questionnaire.


def answer_problems(questionnaire: Questionnaire, answers: Answers) -> Iterator[str]:
    """Every way ``answers`` break the questionnaire, as ``answers.ID: message`` lines."""
    messages = messages_for(questionnaire.language)
    known = {question.id for question in questionnaire.questions}
    known |= {statement.id for statement in questionnaire.statements}
    for answer_id in answers:
        if answer_id not in known:
            yield f"answers.{answer_id}: unknown question id (not in questionnaire.yaml)"
    for question in questionnaire.questions:
        if question.id not in answers:
            if question.required and not question.personal:  # personal data may be withheld
                yield f"answers.{question.id}: missing answer to '{question.text}'"
            continue
        for problem in _question_problems(question, answers[question.id], messages):
            yield f"answers.{question.id}: {problem}"
    scale = {point.id for point in questionnaire.scale}
    for statement in questionnaire.statements:
        value = answers.get(statement.id)
        if value is None:
            yield f"answers.{statement.id}: missing answer to statement '{statement.text}'"
        elif not isinstance(value, str) or value not in scale:
            yield f"answers.{statement.id}: {_shown(value)} is not on the scale {sorted(scale)}"


def problems_of(questionnaire: Questionnaire, item_id: str, value: AnswerValue) -> list[str]:
    """Why ``value`` cannot answer the question or statement ``item_id`` (empty when it can)."""
    messages = messages_for(questionnaire.language)
    question = next((q for q in questionnaire.questions if q.id == item_id), None)
    if question is not None:
        return list(_question_problems(question, value, messages))
    if not any(statement.id == item_id for statement in questionnaire.statements):
        return [f"unknown question id {item_id!r}"]
    scale = {point.id for point in questionnaire.scale}
    if isinstance(value, str) and value in scale:
        return []
    return [f"{_shown(value)} is not on the scale {sorted(scale)}"]


def _question_problems(question: Question, value: AnswerValue, messages: Messages) -> Iterator[str]:
    if isinstance(question, TextQuestion):
        if not isinstance(value, str):
            yield "expects a text"
        elif problem := text_problem(question, value, messages):
            yield problem
    elif isinstance(question, AmbitionQuestion):
        ids = {option.id for option in question.options}
        if not isinstance(value, str) or value not in ids:
            yield f"{_shown(value)} is not one of {sorted(ids)}"
    elif isinstance(question, SingleChoiceQuestion):
        if isinstance(value, list):
            yield "expects one option id, not a list"
        else:
            yield from _choice_problems(question, value, messages)
    elif not isinstance(value, list):
        yield "expects a list of option ids"
    else:
        yield from _multiple_problems(question, value, messages)


def _multiple_problems(
    question: MultipleChoiceQuestion, value: list[Choice], messages: Messages
) -> Iterator[str]:
    chosen = [choice_id(choice) for choice in value]
    if len(set(chosen)) != len(chosen):
        yield "an option is chosen twice"
    if problem := count_problem(question, len(value), messages):
        yield problem
    for choice in value:
        yield from _choice_problems(question, choice, messages)


def _choice_problems(
    question: SingleChoiceQuestion | MultipleChoiceQuestion, choice: Choice, messages: Messages
) -> Iterator[str]:
    options = {option.id: option for option in question.options}
    option = options.get(choice_id(choice))
    if option is None:
        yield f"unknown option id {choice_id(choice)!r}; expected one of {sorted(options)}"
    elif option.other and not isinstance(choice, OtherAnswer):
        yield f'option {option.id!r} needs its text: {{"id": "{option.id}", "text": "..."}}'
    elif isinstance(choice, OtherAnswer):
        if not option.other:
            yield f"option {option.id!r} takes no text; store its id only"
        elif problem := other_text_problem(option, choice.text, messages):
            yield problem


def _shown(value: AnswerValue) -> str:
    if isinstance(value, OtherAnswer):
        return json.dumps(value.model_dump(), ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps([choice_id(c) for c in value], ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


# Files.


@dataclass(frozen=True)
class LoadedAnswers:
    """A valid answers file, with warnings that did not stop it from being scored."""

    path: Path
    file: AnswersFile
    warnings: tuple[str, ...]


def build(
    loaded: LoadedQuestionnaire, answers: Answers, started_at: datetime, completed_at: datetime
) -> AnswersFile:
    """A complete answers file for ``answers`` given to ``loaded``."""
    questionnaire = loaded.questionnaire
    return AnswersFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        questionnaire=QuestionnaireRef(
            id=questionnaire.id, version=questionnaire.version, sha256=loaded.sha256
        ),
        started_at=started_at,
        completed_at=completed_at,
        answers=dict(answers),
    )


def dump(answers_file: AnswersFile) -> bytes:
    """The JSON bytes of an answers file (UTF-8, indented, texts unescaped)."""
    data = answers_file.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save(path: Path, answers_file: AnswersFile) -> None:
    """Write an answers file atomically, readable by its owner only (it holds personal data)."""
    try:
        write_private(path, dump(answers_file))
    except OSError as error:
        raise BadDataError(f"{path}: cannot write: {error.strerror or error}") from None


def load(path: Path, loaded: LoadedQuestionnaire) -> LoadedAnswers:
    """Read an answers file and check it against ``loaded``; raises `BadDataError`."""
    try:
        raw = read_limited(path, max_bytes=MAX_ANSWERS_BYTES)
    except IsADirectoryError:
        raise BadDataError(f"{path}: is a folder; give an answers .json file") from None
    except FileNotFoundError:
        raise BadDataError(f"{path}: no such file") from None
    except PermissionError:
        raise BadDataError(f"{path}: no permission to read it; check the file's owner") from None
    except (OSError, ValueError) as error:
        raise BadDataError(f"{path}: cannot read: {error}") from None
    answers_file = parse(raw, path)
    return LoadedAnswers(path, answers_file, tuple(check(answers_file, loaded, path)))


def parse(raw: bytes, path: Path) -> AnswersFile:
    """Validate the bytes of an answers file's structure; raises `BadDataError`."""
    if not raw.strip():
        raise BadDataError(f"{path}: the file is empty; it is not a krmscan answers file")
    try:
        return AnswersFile.model_validate_json(raw)
    except ValidationError as error:
        raise ProblemsError(list(_structure_problems(error, path))) from None


def _structure_problems(error: ValidationError, path: Path) -> Iterator[str]:
    for detail in error.errors(include_url=False):
        if detail["type"] == "json_invalid":
            yield f"{path}: not valid JSON ({detail['ctx']['error']}); is the file complete?"
            return
        where = ".".join(str(part) for part in detail["loc"] if not _is_union_tag(part))
        if detail["type"] == "model_type" and not detail["loc"]:
            yield f"{path}: expected a JSON object with the answers; found something else"
            return
        if where == "format":
            yield f"{path}: format: is not 'krmscan-answers'; this is not a krmscan answers file"
        elif where == "format_version":
            yield (
                f"{path}: format_version: {detail['input']!r} is not supported "
                f"(this krmscan reads version {FORMAT_VERSION}); update krmscan"
            )
        else:
            yield f"{path}: {where or '(top)'}: {detail['msg']}"


def _is_union_tag(part: int | str) -> bool:
    return isinstance(part, str) and (part in {"str", "OtherAnswer"} or part.startswith("list["))


def check(answers_file: AnswersFile, loaded: LoadedQuestionnaire, path: Path) -> list[str]:
    """Check answers against the questionnaire: raise on a mismatch, return warnings."""
    reference = answers_file.questionnaire
    questionnaire = loaded.questionnaire
    if reference.id != questionnaire.id:
        raise BadDataError(
            f"{path}: answers a questionnaire with id '{reference.id}', not "
            f"'{questionnaire.id}' ({loaded.path}); use -q to pick the questionnaire it answers"
        )
    problems = [
        f"{path}: {problem}" for problem in answer_problems(questionnaire, answers_file.answers)
    ]
    if problems:
        raise ProblemsError(problems)
    if reference.sha256 != loaded.sha256:
        return [
            f"{path}: answered with another version of the questionnaire (sha256 differs); "
            "every id still exists, so it is scored"
        ]
    return []
