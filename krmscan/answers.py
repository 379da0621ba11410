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
import re
from collections.abc import Callable, Iterator, Mapping
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
    ChoiceQuestion,
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


Choice = Annotated[str | OtherAnswer, Field(union_mode="left_to_right")]
AnswerValue = Annotated[
    str | OtherAnswer | list[Choice],
    Field(
        description="Text, an option id, a scale id, or a list of option ids.",
        union_mode="left_to_right",  # the kinds cannot overlap; trying them in order is faster
    ),
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


_PLAIN_EMAIL = re.compile(
    r"(?=.{1,254}\Z)(?=[^@]{1,64}@)"
    r"[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*"
    r"@(?:(?=[A-Za-z0-9-]{1,63}\.)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+([A-Za-z]{2,63})\Z"
)
"""Plain ASCII addresses that email-validator always accepts (tested with hypothesis).

Checking such an address with email-validator costs ~50 us; checking ten thousand answers
files would spend most of its time there. Everything else still goes to email-validator.
"""
_SPECIAL_USE_TLDS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
"""email-validator's special-use domain names (all single labels): never on the plain path."""


def is_email(value: str) -> bool:
    """Whether ``value`` is a syntactically valid e-mail address (no DNS lookup)."""
    plain = _PLAIN_EMAIL.match(value)
    if plain is not None and plain.group(1).lower() not in _SPECIAL_USE_TLDS:
        return True
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
    return Rules(questionnaire).problems(answers)


def problems_of(questionnaire: Questionnaire, item_id: str, value: AnswerValue) -> list[str]:
    """Why ``value`` cannot answer the question or statement ``item_id`` (empty when it can)."""
    return Rules(questionnaire).problems_of(item_id, value)


class Rules:
    """The answer rules of one questionnaire, with its lookups prepared once.

    Checking many files builds this once and asks `accepts` per file: plain loops without
    messages, a few set and dict lookups per question. Only a refused file is walked again by
    `problems` for its messages (a property test holds the two to the same verdict).
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.messages = messages_for(questionnaire.language)
        self.questions = questionnaire.questions
        self.statements = questionnaire.statements
        self.statement_ids = [statement.id for statement in self.statements]
        self.known = frozenset([*(q.id for q in self.questions), *(s.id for s in self.statements)])
        self.scale = frozenset(point.id for point in questionnaire.scale)
        self.options: dict[str, dict[str, Option]] = {
            question.id: {option.id: option for option in question.options}
            for question in self.questions
            if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion)
        }
        self.levels = {
            question.id: frozenset(option.id for option in question.options)
            for question in self.questions
            if isinstance(question, AmbitionQuestion)
        }
        self.plain_options = {
            question.id: frozenset(o.id for o in question.options if not o.other)
            for question in self.questions
            if isinstance(question, MultipleChoiceQuestion)
        }
        # A personal question may be left out of the file (taken with --anonymous).
        self._checks = [
            (q.id, q.required and not q.personal, self._check(q)) for q in self.questions
        ]

    def accepts(self, answers: Answers) -> bool:
        """Whether ``answers`` keep every rule, that is, `problems` would find none."""
        if not self.known.issuperset(answers):
            return False
        for question_id, required, accepted in self._checks:
            value = answers.get(question_id)
            if value is None:
                if required:
                    return False
            elif not accepted(value):
                return False
        try:  # every statement answered with a scale id: one set operation
            return self.scale.issuperset(map(answers.get, self.statement_ids))
        except TypeError:  # a list or an object: not on the scale
            return False

    def _check(self, question: Question) -> Callable[[AnswerValue], bool]:
        """The fast check of one question's answer, its kind decided once."""
        if isinstance(question, TextQuestion):
            messages = self.messages
            return lambda value: (
                isinstance(value, str) and text_problem(question, value, messages) is None
            )
        if isinstance(question, AmbitionQuestion):
            levels = self.levels[question.id]
            return lambda value: isinstance(value, str) and value in levels
        options = self.options[question.id]
        if isinstance(question, SingleChoiceQuestion):
            return lambda value: (
                not isinstance(value, list) and self._accepts_choice(options, value)
            )
        plain = self.plain_options[question.id]
        fewest, most = question.min_choices, question.most_choices  # as in count_problem

        def multiple(value: AnswerValue) -> bool:
            if not isinstance(value, list) or not fewest <= len(value) <= most:
                return False
            try:  # the common case, plain option ids only: set operations
                if plain.issuperset(value):
                    return len(set(value)) == len(value)
            except TypeError:  # an "other" option with its text among them
                pass
            return len({choice_id(choice) for choice in value}) == len(value) and all(
                self._accepts_choice(options, choice) for choice in value
            )

        return multiple

    def _accepts_choice(self, options: dict[str, Option], choice: Choice) -> bool:
        if isinstance(choice, OtherAnswer):
            option = options.get(choice.id)
            return (
                option is not None
                and option.other
                and other_text_problem(option, choice.text, self.messages) is None
            )
        option = options.get(choice)
        return option is not None and not option.other

    def problems(self, answers: Answers) -> Iterator[str]:
        """Every way ``answers`` break the questionnaire, as ``answers.ID: message`` lines."""
        if not self.known.issuperset(answers):
            for answer_id in answers:
                if answer_id not in self.known:
                    yield f"answers.{answer_id}: unknown question id (not in questionnaire.yaml)"
        for question in self.questions:
            value = answers.get(question.id)
            if value is None:
                if question.required and not question.personal:  # personal may be withheld
                    yield f"answers.{question.id}: missing answer to '{question.text}'"
                continue
            for problem in self._question_problems(question, value):
                yield f"answers.{question.id}: {problem}"
        yield from self._statement_problems(answers)

    def problems_of(self, item_id: str, value: AnswerValue) -> list[str]:
        """Why ``value`` cannot answer the question or statement ``item_id`` (empty if it can)."""
        question = next((q for q in self.questions if q.id == item_id), None)
        if question is not None:
            return list(self._question_problems(question, value))
        if item_id not in self.statement_ids:
            return [f"unknown question id {item_id!r}"]
        if isinstance(value, str) and value in self.scale:
            return []
        return [f"{_shown(value)} is not on the scale {sorted(self.scale)}"]

    def _statement_problems(self, answers: Answers) -> Iterator[str]:
        scale = self.scale
        for statement in self.statements:
            value = answers.get(statement.id)
            if value is None:
                yield f"answers.{statement.id}: missing answer to statement '{statement.text}'"
            elif not isinstance(value, str) or value not in scale:
                yield f"answers.{statement.id}: {_shown(value)} is not on the scale {sorted(scale)}"

    def _question_problems(self, question: Question, value: AnswerValue) -> Iterator[str]:
        if isinstance(question, TextQuestion):
            if not isinstance(value, str):
                yield "expects a text"
            elif problem := text_problem(question, value, self.messages):
                yield problem
        elif isinstance(question, AmbitionQuestion):
            ids = {option.id for option in question.options}
            if not isinstance(value, str) or value not in ids:
                yield f"{_shown(value)} is not one of {sorted(ids)}"
        elif isinstance(question, SingleChoiceQuestion):
            if isinstance(value, list):
                yield "expects one option id, not a list"
            else:
                yield from self._choice_problems(question, value)
        elif not isinstance(value, list):
            yield "expects a list of option ids"
        else:
            yield from self._multiple_problems(question, value)

    def _multiple_problems(
        self, question: MultipleChoiceQuestion, value: list[Choice]
    ) -> Iterator[str]:
        chosen = [choice_id(choice) for choice in value]
        if len(set(chosen)) != len(chosen):
            yield "an option is chosen twice"
        if problem := count_problem(question, len(value), self.messages):
            yield problem
        for choice in value:
            yield from self._choice_problems(question, choice)

    def _choice_problems(self, question: ChoiceQuestion, choice: Choice) -> Iterator[str]:
        options = self.options[question.id]
        option = options.get(choice_id(choice))
        if option is None:
            yield f"unknown option id {choice_id(choice)!r}; expected one of {sorted(options)}"
        elif option.other and not isinstance(choice, OtherAnswer):
            yield f'option {option.id!r} needs its text: {{"id": "{option.id}", "text": "..."}}'
        elif isinstance(choice, OtherAnswer):
            if not option.other:
                yield f"option {option.id!r} takes no text; store its id only"
            elif problem := other_text_problem(option, choice.text, self.messages):
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
    answers_file = parse(read(path), path)
    return LoadedAnswers(path, answers_file, tuple(check(answers_file, loaded, path)))


def read(path: Path | str) -> bytes:
    """The bytes of an answers file (at most `MAX_ANSWERS_BYTES`); raises `BadDataError`."""
    try:
        return read_limited(path, max_bytes=MAX_ANSWERS_BYTES)
    except IsADirectoryError:
        raise BadDataError(f"{path}: is a folder; give an answers .json file") from None
    except FileNotFoundError:
        raise BadDataError(f"{path}: no such file") from None
    except PermissionError:
        raise BadDataError(f"{path}: no permission to read it; check the file's owner") from None
    except (OSError, ValueError) as error:
        raise BadDataError(f"{path}: cannot read: {error}") from None


def parse(raw: bytes, path: Path | str) -> AnswersFile:
    """Validate the bytes of an answers file's structure; raises `BadDataError`."""
    if not raw or raw.isspace():
        raise BadDataError(f"{path}: the file is empty; it is not a krmscan answers file")
    try:
        return AnswersFile.model_validate_json(raw)
    except ValidationError as error:
        raise ProblemsError(list(_structure_problems(error, path))) from None


def _structure_problems(error: ValidationError, path: Path | str) -> Iterator[str]:
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


def check(
    answers_file: AnswersFile,
    loaded: LoadedQuestionnaire,
    path: Path | str,
    rules: Rules | None = None,
) -> list[str]:
    """Check answers against the questionnaire: raise on a mismatch, return warnings.

    Pass the questionnaire's `Rules` when checking many files, to prepare them only once.
    """
    reference = answers_file.questionnaire
    questionnaire = loaded.questionnaire
    if reference.id != questionnaire.id:
        raise BadDataError(
            f"{path}: answers a questionnaire with id '{reference.id}', not "
            f"'{questionnaire.id}' ({loaded.path}); use -q to pick the questionnaire it answers"
        )
    rules = rules or Rules(questionnaire)
    if not rules.accepts(answers_file.answers):
        raise ProblemsError(
            [f"{path}: {problem}" for problem in rules.problems(answers_file.answers)]
        )
    if reference.sha256 != loaded.sha256:
        return [
            f"{path}: answered with another version of the questionnaire (sha256 differs); "
            "every id still exists, so it is scored"
        ]
    return []
